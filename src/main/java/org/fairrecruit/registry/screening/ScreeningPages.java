package org.fairrecruit.registry.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.HashMap;
import java.util.Map;

/** The employers' guide (/screening) and the check of a batch summary's verification code. Public. */
@Controller("/screening")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Screening")
class ScreeningPages {
    private final EvidenceCodes codes;
    private final WebhookExample example;

    ScreeningPages(EvidenceCodes codes, WebhookExample example) {
        this.codes = codes;
        this.example = example;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    record Verification(boolean genuine, EvidenceCodes.Evidence stated) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("screening/guide")
    @Hidden
    Map<String, Object> guide() {
        Map<String, Object> model = new HashMap<>();
        model.put("example", example.parts());
        return model;
    }

    @Get("/verify/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Is this batch summary genuine, and what did it state (batch, organisation, counts, SHA-256 of "
            + "the results file, time)? 404 for a code the registry did not make")
    HttpResponse<Verification> verify(@PathVariable String code) {
        return codes.verify(code).map(evidence -> HttpResponse.ok(new Verification(true, evidence)))
                .orElseGet(() -> HttpResponse.notFound(new Verification(false, null)));
    }
}
