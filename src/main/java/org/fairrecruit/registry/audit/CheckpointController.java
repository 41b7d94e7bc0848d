package org.fairrecruit.registry.audit;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.kernel.Roles;

import java.util.List;

/** Signed checkpoints in public, so anyone can keep copies and later catch a rewritten history. */
@Controller
class CheckpointController {
    private final Checkpoints checkpoints;
    private final CheckpointKeys keys;

    CheckpointController(Checkpoints checkpoints, CheckpointKeys keys) {
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    @Serdeable
    record Published(List<Checkpoint> checkpoints) {
    }

    @Get("/opendata/audit-checkpoints.json")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Tag(name = "Open data")
    @Operation(summary = "Signed audit checkpoints: Ed25519 over seq|hash|at, public key at /opendata/audit-key.pem")
    HttpResponse<Published> published() {
        return HttpResponse.ok(new Published(checkpoints.all())).header("Cache-Control", "public, max-age=60");
    }

    @Get(value = "/opendata/audit-key.pem", produces = "application/x-pem-file")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Tag(name = "Open data")
    @Operation(summary = "The public key (X.509 PEM) that verifies the audit checkpoints of the current key id")
    HttpResponse<String> publicKey() {
        return HttpResponse.ok(keys.publicKeyPem()).contentType(MediaType.of("application/x-pem-file"));
    }

    @Post("/api/v1/audit/checkpoints")
    @Secured({Roles.AUDITOR, Roles.ADMIN})
    @Tag(name = "Audit")
    @Operation(summary = "Sign the audit chain head now (409 when no signing key is configured)")
    HttpResponse<Checkpoint> takeNow() {
        return HttpResponse.created(checkpoints.take());
    }
}
