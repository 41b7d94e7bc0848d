package org.fairrecruit.registry.bulkimport;

import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs imports in two turns, all or nothing. A QUEUED job is checked row by row; a file without a
 * refused row becomes a four-eyes proposal (AWAITING_APPROVAL). Once a supervisor other than the
 * uploader approves it (APPROVED), it is checked again against the register as it is now and written
 * in the transaction that claimed the job (FOR UPDATE SKIP LOCKED), in the approver's name, with an
 * audit entry naming every record and change feed rows. A replica that dies mid-import rolls back and
 * leaves the job for another; any number of replicas run this.
 */
@Singleton
class ImportWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ImportWorker.class);
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).build();
    private static final int PROGRESS_EVERY = 1_000;
    private final Sql sql;
    private final ImportProgress progress;
    private final AuditLog audit;
    private final JsonMapper json;
    private final FourEyes fourEyes;
    private final Clock clock;
    private final int maxRows;
    private final Map<ImportKind, ImportFormat<?>> formats = new EnumMap<>(ImportKind.class);

    ImportWorker(Sql sql, ImportProgress progress, AuditLog audit, JsonMapper json, FourEyes fourEyes, Clock clock,
                 ImportSettings settings, List<ImportFormat<?>> formats) {
        this.sql = sql;
        this.progress = progress;
        this.audit = audit;
        this.json = json;
        this.fourEyes = fourEyes;
        this.clock = clock;
        this.maxRows = settings.maxRows();
        formats.forEach(format -> this.formats.put(format.kind(), format));
    }

    @Scheduled(fixedDelay = "${registry.imports.poll-interval}", initialDelay = "${registry.imports.poll-interval}")
    void poll() {
        boolean ran;
        do {
            try {
                ran = sql.inTransaction(this::runNext);
            } catch (ImportCrashed crashed) {
                LOG.error("import {} failed", crashed.jobId, crashed.getCause());
                sql.inTransaction(() -> markFailed(crashed.jobId));
                ran = true;
            } catch (RuntimeException e) {
                LOG.warn("import round failed: {}", e.toString());
                ran = false;
            }
        } while (ran);
    }

    /** Claims and runs the oldest queued job; false when there was none. */
    private boolean runNext() {
        Optional<Claimed> claimed = sql.one("SELECT id, kind, file_name, content, created_by, status, "
                + "approved_by, proposal_id FROM import_job WHERE status IN (?, ?) ORDER BY id LIMIT 1 "
                + "FOR UPDATE SKIP LOCKED", rs -> new Claimed(rs.getLong(1), ImportKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), ImportJob.Status.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getLong(8)), ImportJob.Status.QUEUED, ImportJob.Status.APPROVED);
        if (claimed.isEmpty()) {
            return false;
        }
        Claimed job = claimed.get();
        long started = System.nanoTime();
        try {
            Outcome outcome = run(job, formats.get(job.kind()));
            finish(job, outcome);
            LOG.info("import {} ({}, {} rows) {} in {} ms", job.id(), job.kind(), outcome.rows(),
                    outcome.errors().isEmpty() ? (job.approved() ? "imported" : "checked") : "rejected",
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            throw new ImportCrashed(job.id(), e);
        }
        return true;
    }

    private <T> Outcome run(Claimed job, ImportFormat<T> format) {
        RowErrors errors = new RowErrors();
        List<CSVRecord> records = parse(job, errors);
        int total = records.size();
        progress.report(job.id(), ImportProgress.Phase.VALIDATING, 0, total);
        List<T> rows = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            // Spreadsheet numbering: the header is row 1.
            rows.add(format.read(new ImportRow(i + 2, records.get(i), errors)));
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.report(job.id(), ImportProgress.Phase.VALIDATING, i + 1, total);
            }
        }
        if (total > 0) {
            format.check(rows, errors);
        }
        if (!errors.isEmpty() || !job.approved()) {
            return new Outcome(total, errors, List.of());
        }
        AtomicInteger written = new AtomicInteger();
        progress.report(job.id(), ImportProgress.Phase.IMPORTING, 0, total);
        List<Long> created = format.write(rows, new ImportRun(job.id(), job.approvedBy(), job.proposalId(), job.fileName(),
                Timestamp.from(Instant.now(clock)),
                n -> progress.report(job.id(), ImportProgress.Phase.IMPORTING, written.addAndGet(n), total)));
        return new Outcome(total, errors, created);
    }

    /** The records, or none with the reason on row 1 when the header or the file is unusable. */
    private List<CSVRecord> parse(Claimed job, RowErrors errors) {
        List<String> expected = job.kind().columns();
        try (CSVParser parser = CSV.parse(new StringReader(job.content()))) {
            List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
            expected.stream().filter(column -> !header.contains(column))
                    .forEach(column -> errors.add(1, column, "import.error.missingColumn"));
            header.stream().filter(column -> !expected.contains(column))
                    .forEach(column -> errors.add(1, column, "import.error.unknownColumn", String.join(", ", expected)));
            if (!errors.isEmpty()) {
                return List.of();
            }
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (!record.isConsistent()) {
                    errors.add(records.size() + 2, "", "import.error.columnCount", expected.size());
                    return List.of();
                }
                records.add(record);
                if (records.size() > maxRows) {
                    errors.add(records.size() + 1, "", "import.error.tooManyRows", maxRows);
                    return List.of();
                }
            }
            if (records.isEmpty()) {
                errors.add(2, "", "import.error.noRows");
            }
            return records;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(1, "", "import.error.unreadable");
            return List.of();
        }
    }

    private void finish(Claimed job, Outcome outcome) {
        if (outcome.errors().isEmpty() && !job.approved()) {
            awaitApproval(job, outcome);
        } else {
            end(job, outcome);
        }
    }

    /** Checked and clean: it waits as a proposal for a supervisor who is not the uploader. */
    private void awaitApproval(Claimed job, Outcome outcome) {
        sql.update("UPDATE import_job SET status = ?, rows_total = ? WHERE id = ?", ImportJob.Status.AWAITING_APPROVAL,
                outcome.rows(), job.id());
        fourEyes.propose(job.createdBy(), ImportDecisions.draft(job.id(), job.kind(), job.fileName(), outcome.rows()));
        audit.record(AuditEvent.of(job.createdBy(), "import.checked", "import_job", job.id()).because(job.fileName()),
                Map.of("status", ImportJob.Status.QUEUED.name()),
                Map.of("status", ImportJob.Status.AWAITING_APPROVAL.name(), "kind", job.kind().name(), "rows", outcome.rows()));
    }

    private void end(Claimed job, Outcome outcome) {
        boolean imported = outcome.errors().isEmpty();
        ImportJob.Status status = imported ? ImportJob.Status.DONE : ImportJob.Status.REJECTED;
        sql.update("UPDATE import_job SET status = ?, rows_total = ?, error_count = ?, errors = ?, finished_at = ? "
                + "WHERE id = ?", status, outcome.rows(), outcome.errors().count(),
                imported ? null : toJson(outcome.errors().kept()), Instant.now(clock), job.id());
        String actor = job.approved() ? job.approvedBy() : job.createdBy();
        audit.record(AuditEvent.of(actor, imported ? "import.completed" : "import.rejected", "import_job",
                        job.id()).because(job.fileName()), Map.of("status", job.status().name()),
                Map.of("status", status.name(), "kind", job.kind().name(), "rows", outcome.rows(),
                        "errors", outcome.errors().count(), "proposal", job.approved() ? job.proposalId() : 0,
                        "created", outcome.created()));
    }

    private Boolean markFailed(long jobId) {
        sql.update("UPDATE import_job SET status = ?, finished_at = ? WHERE id = ? AND status IN (?, ?)",
                ImportJob.Status.FAILED, Instant.now(clock), jobId, ImportJob.Status.QUEUED, ImportJob.Status.APPROVED);
        audit.record(AuditEvent.of("system", "import.failed", "import_job", jobId),
                Map.of("status", ImportJob.Status.QUEUED.name()), Map.of("status", ImportJob.Status.FAILED.name()));
        return true;
    }

    private String toJson(List<RowError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Claimed(long id, ImportKind kind, String fileName, String content, String createdBy,
                           ImportJob.Status status, String approvedBy, long proposalId) {
        boolean approved() {
            return status == ImportJob.Status.APPROVED;
        }
    }

    /** {@code created}: the ids of the records written, named in the audit entry. */
    private record Outcome(int rows, RowErrors errors, List<Long> created) {
    }

    private static final class ImportCrashed extends RuntimeException {
        private final long jobId;

        ImportCrashed(long jobId, RuntimeException cause) {
            super(cause);
            this.jobId = jobId;
        }
    }
}
