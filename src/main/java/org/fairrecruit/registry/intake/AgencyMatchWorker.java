package org.fairrecruit.registry.intake;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.complaint.IntakeCases;
import org.fairrecruit.registry.database.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the agency names of new reports after their commit, on any replica: a chunk of waiting
 * reports is claimed with FOR UPDATE SKIP LOCKED, each distinct name is searched once, a case the
 * matcher is confident of is linked to its agency, and the rows go with the links in one commit, so
 * a worker that dies leaves its rows to be claimed again and no report is matched twice.
 */
@Singleton
class AgencyMatchWorker {
    private static final Logger LOG = LoggerFactory.getLogger(AgencyMatchWorker.class);
    static final String ACTOR = "system";
    private static final int CHUNK = 200;
    private final Sql sql;
    private final AgencyNames names;
    private final IntakeCases cases;

    AgencyMatchWorker(Sql sql, AgencyNames names, IntakeCases cases) {
        this.sql = sql;
        this.names = names;
        this.cases = cases;
    }

    /** Queues the report's free-text agency name for matching; part of the report's transaction. */
    void queue(long complaintId, String agencyName, Instant at) {
        sql.update("INSERT INTO intake_agency_match (complaint_id, agency_name, queued_at) VALUES (?, ?, ?)",
                complaintId, agencyName.strip(), at);
    }

    @Scheduled(fixedDelay = "${registry.intake.agency-match-interval}", initialDelay = "${registry.intake.agency-match-interval}")
    void poll() {
        try {
            while (matchChunk() > 0) {
                LOG.debug("agency names matched, looking for more");
            }
        } catch (RuntimeException e) {
            LOG.warn("agency name matching round failed: {}", e.toString());
        }
    }

    /** Claims, matches and links one chunk of waiting reports; returns how many it took. */
    // READ COMMITTED: no gap locks on the queue, so reports committing meanwhile are not held up.
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int matchChunk() {
        record Waiting(long complaintId, String name) {
        }
        List<Waiting> claimed = sql.list("SELECT complaint_id, agency_name FROM intake_agency_match ORDER BY complaint_id "
                + "LIMIT ? FOR UPDATE SKIP LOCKED", rs -> new Waiting(rs.getLong(1), rs.getString(2)), CHUNK);
        if (claimed.isEmpty()) {
            return 0;
        }
        // Reports about one agency come in waves; its name is searched once per chunk.
        Map<String, Optional<Long>> agencies = new HashMap<>();
        for (Waiting report : claimed) {
            agencies.computeIfAbsent(report.name(), names::confident)
                    .ifPresent(agencyId -> cases.linkNamedAgency(report.complaintId(), agencyId, ACTOR));
        }
        sql.update("DELETE FROM intake_agency_match WHERE complaint_id IN ("
                + claimed.stream().map(w -> String.valueOf(w.complaintId())).collect(Collectors.joining(",")) + ")");
        return claimed.size();
    }
}
