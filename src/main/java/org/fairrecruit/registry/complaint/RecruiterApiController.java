package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.kernel.Roles;

import java.util.List;

/** Staff API of unlicensed recruiter records (persons and businesses named in complaints). */
@Controller("/api/v1/staff/recruiters")
@Tag(name = "Staff: complaints and fees")
class RecruiterApiController {
    private static final int LIMIT = 20;
    private final UnlicensedRecruiters recruiters;
    private final RecruiterSearch search;

    RecruiterApiController(UnlicensedRecruiters recruiters, RecruiterSearch search) {
        this.recruiters = recruiters;
        this.search = search;
    }

    @Serdeable
    record NewRecruiter(@Nullable String kind, @Nullable String name, @Nullable List<String> aliases,
                        @Nullable String country) {
    }

    @Post
    @Secured({Roles.INVESTIGATOR, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "Record an unlicensed recruiter (PERSON or BUSINESS) with aliases; searchable within seconds")
    HttpResponse<UnlicensedRecruiters.Recruiter> create(Authentication actor, @Body NewRecruiter body) {
        return HttpResponse.status(HttpStatus.CREATED).body(recruiters.create(actor.getName(),
                ApiInput.parse(UnlicensedRecruiters.Kind.class, body.kind(), "kind"), body.name(), body.aliases(),
                body.country()));
    }

    @Get
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "Unlicensed recruiters by any spelling of any of their names (the matcher), best first")
    List<RecruiterSearch.Hit> find(@Nullable @QueryValue String q) {
        return search.search(q, LIMIT);
    }
}
