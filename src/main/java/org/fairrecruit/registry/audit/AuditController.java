package org.fairrecruit.registry.audit;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.kernel.Roles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The auditor's view: recent entries and a verification of the whole chain. */
@Controller
@Secured({Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Audit")
class AuditController {
    private final AuditQueries queries;
    private final AuditVerifier verifier;
    private final Checkpoints checkpoints;

    AuditController(AuditQueries queries, AuditVerifier verifier, Checkpoints checkpoints) {
        this.queries = queries;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    @Get(value = "/audit", produces = MediaType.TEXT_HTML)
    @View("audit/log")
    @Hidden
    Map<String, Object> page() {
        Map<String, Object> model = new HashMap<>();
        model.put("verification", verifier.verify());
        model.put("entries", queries.latest(100));
        List<Checkpoint> newest = new ArrayList<>(checkpoints.all());
        Collections.reverse(newest);
        model.put("checkpoints", newest.subList(0, Math.min(10, newest.size())));
        return model;
    }

    @Get("/api/v1/audit/verification")
    @Operation(summary = "Verify the audit hash chain; names the first broken entry")
    ChainVerification verify() {
        return verifier.verify();
    }
}
