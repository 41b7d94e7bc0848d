package org.fairrecruit.registry.identity;

import org.fairrecruit.registry.kernel.Roles;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Employers' screening API keys, for the ADMIN's scripts (the same as /admin/api-keys). */
@Controller("/api/v1/staff/api-keys")
@Secured(Roles.ADMIN)
@Tag(name = "Staff")
class ApiKeyApiController {
    private final ApiKeys keys;

    ApiKeyApiController(ApiKeys keys) {
        this.keys = keys;
    }

    @Post
    @Operation(summary = "Issue a screening API key: {organisation, contactEmail, scopes?: [MATCH, BATCHES, WATCHES], "
            + "requestsPerMinute?} → 201 {id, key}. The key is shown only in this answer; it is stored hashed.")
    HttpResponse<ApiKeys.IssuedKey> issue(Authentication actor, @Body ApiKeys.KeyRequest request) {
        ApiKeys.IssuedKey issued = keys.issue(actor.getName(), request);
        return HttpResponse.created(issued, URI.create("/api/v1/staff/api-keys/" + issued.id()));
    }

    @Get
    @Operation(summary = "Every key (never the key itself): organisation, contact, scopes, rate, revocation, "
            + "requests today, in total and per day for the last 30 days")
    List<ApiKeys.KeyView> list() {
        return keys.all();
    }

    @Delete("/{id}")
    @Operation(summary = "Revoke a key; it is refused from the next request on")
    HttpResponse<?> revoke(Authentication actor, @PathVariable long id) {
        keys.revoke(actor.getName(), id);
        return HttpResponse.noContent();
    }
}
