package org.fairrecruit.registry.bulkimport;

import org.fairrecruit.registry.database.Column;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Bulk imports: an upload becomes a queued job holding the file, which ImportWorker runs on
 * whichever replica claims it first.
 */
@Singleton
public class ImportJobs {
    private static final String SELECT = "SELECT j.id, j.kind, j.file_name, j.status, p.phase, p.rows_done, "
            + "COALESCE(j.rows_total, p.rows_total), j.error_count, j.errors, j.created_by, j.created_at, j.finished_at "
            + "FROM import_job j LEFT JOIN import_progress p ON p.job_id = j.id";
    private static final Argument<List<RowError>> ERRORS = Argument.listOf(RowError.class);
    private final Sql sql;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    ImportJobs(Sql sql, AuditLog audit, JsonMapper json, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Queues a file for import; refuses an unknown kind, an empty file or one that is not UTF-8. */
    @Transactional
    public long submit(String actor, String kind, String fileName, byte[] content) {
        ImportKind importKind = kind(kind);
        String text = utf8(content);
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        String shortName = Column.IMPORT_FILE_NAME.fit(name);
        long id = sql.insert("INSERT INTO import_job (kind, file_name, content, status, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", importKind, shortName, text, ImportJob.Status.QUEUED, actor,
                Instant.now(clock));
        audit.record(AuditEvent.of(actor, "import.submitted", "import_job", id), null,
                Map.of("kind", importKind.name(), "fileName", shortName, "bytes", content.length));
        return id;
    }

    @Transactional(readOnly = true)
    public ImportJob find(long id) {
        return sql.one(SELECT + " WHERE j.id = ?", this::job, id)
                .orElseThrow(() -> new RegistryException.NotFound("import", id));
    }

    @Transactional(readOnly = true)
    public List<ImportJob> recent(int limit) {
        return sql.list(SELECT + " ORDER BY j.id DESC LIMIT ?", this::job, limit);
    }

    private static ImportKind kind(String kind) {
        try {
            return ImportKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("kind", "import.error.kind")));
        }
    }

    private static String utf8(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("file", "import.error.noFile")));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            // Spreadsheets often save UTF-8 with a byte order mark; it is not part of the first column's name.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("file", "import.error.notUtf8")));
        }
    }

    private ImportJob job(ResultSet rs) throws SQLException {
        return new ImportJob(rs.getLong(1), ImportKind.valueOf(rs.getString(2)), rs.getString(3),
                ImportJob.Status.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6),
                rs.getObject(7, Integer.class), rs.getInt(8), errors(rs.getString(9)), rs.getString(10),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "finished_at"));
    }

    private List<RowError> errors(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, ERRORS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
