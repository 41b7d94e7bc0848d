package org.fairrecruit.registry.audit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.kernel.CsvExport;
import org.fairrecruit.registry.kernel.ListPage;
import org.fairrecruit.registry.kernel.ListQuery;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The auditor's view: the trail searched by entity, actor and period, and a verification of the whole chain. */
@Controller
@Secured({Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Audit")
class AuditController {
    private final AuditSearch search;
    private final FieldChanges changes;
    private final AuditVerifier verifier;
    private final Checkpoints checkpoints;

    AuditController(AuditSearch search, FieldChanges changes, AuditVerifier verifier, Checkpoints checkpoints) {
        this.search = search;
        this.changes = changes;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** One entry as the page shows it: the entry, when to the second, and the fields it changed. */
    record Row(AuditEntry entry, String when, List<FieldChanges.FieldChange> changes) {
    }

    @Get(value = "/audit", produces = MediaType.TEXT_HTML)
    @View("audit/log")
    @Hidden
    Map<String, Object> page(HttpRequest<?> request) {
        ListPage<AuditEntry> list = search.search(ListQuery.of(AuditSearch.LIST, request));
        Map<String, Object> model = new HashMap<>();
        model.put("verification", verifier.verify());
        model.put("list", list);
        model.put("rows", list.items().stream().map(e -> new Row(e, WHEN.format(e.occurredAt()), changes.of(e))).toList());
        model.put("entityTypes", search.entityTypes());
        List<Checkpoint> newest = new ArrayList<>(checkpoints.all());
        Collections.reverse(newest);
        model.put("checkpoints", newest.subList(0, Math.min(10, newest.size())));
        return model;
    }

    /** The filtered entries, one line per changed field, for an investigator's own analysis. */
    @Get("/audit/export.csv")
    @Produces({"text/csv", MediaType.ALL})
    @Hidden
    HttpResponse<byte[]> export(HttpRequest<?> request) {
        List<List<?>> rows = new ArrayList<>();
        for (AuditEntry e : search.search(ListQuery.of(AuditSearch.LIST, request).everything()).items()) {
            List<FieldChanges.FieldChange> fields = changes.of(e);
            if (fields.isEmpty()) {
                rows.add(line(e, null));
            }
            fields.forEach(change -> rows.add(line(e, change)));
        }
        return CsvExport.download("audit.csv", List.of("seq", "occurredAt", "actor", "action", "entityType", "entityId",
                "reason", "field", "before", "after"), rows);
    }

    private static List<?> line(AuditEntry e, FieldChanges.FieldChange change) {
        return Arrays.asList(e.seq(), e.occurredAt().toString(), e.actor(), e.action(), e.entityType(), e.entityId(),
                e.reason(), change == null ? null : change.field(), change == null ? null : change.before(),
                change == null ? null : change.after());
    }

    @Get("/api/v1/audit/verification")
    @Operation(summary = "Verify the audit hash chain; names the first broken entry")
    ChainVerification verify() {
        return verifier.verify();
    }
}
