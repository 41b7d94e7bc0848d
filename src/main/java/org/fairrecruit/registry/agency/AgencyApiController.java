package org.fairrecruit.registry.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.kernel.Page;
import org.fairrecruit.registry.kernel.Paging;

import java.util.List;

/** Staff API of the agency register (bearer token from POST /api/v1/staff/tokens). */
@Controller("/api/v1/staff/agencies")
@Tag(name = "Staff: agency register")
class AgencyApiController {
    private final AgencyRegister register;

    AgencyApiController(AgencyRegister register) {
        this.register = register;
    }

    @Get
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "Agencies by registration number or any name (matcher, best first); newest first without q")
    Page<AgencyRegister.AgencySummary> search(@Nullable @QueryValue String q, @Nullable @QueryValue Integer page,
                                              @Nullable @QueryValue Integer size) {
        Paging paging = Paging.of(page, size);
        return paging.of(register.search(q, paging.needed()));
    }

    @Get("/{id}")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "An agency with its names, branches, destinations and key persons")
    Agency get(@PathVariable long id) {
        return register.get(id);
    }

    @Post
    @Secured(Roles.LICENSING_OFFICER)
    @Operation(summary = "Register an agency")
    HttpResponse<Agency> register(Authentication actor, @Body AgencyInput input) {
        return HttpResponse.status(HttpStatus.CREATED).body(register.register(actor.getName(), input));
    }

    @Put("/{id}")
    @Secured(Roles.LICENSING_OFFICER)
    @Operation(summary = "Correct an agency; `version` must be the one read (409 when someone changed it since)")
    Agency update(Authentication actor, @PathVariable long id, @Body AgencyUpdate update) {
        return register.update(actor.getName(), id, update.version(), update.input());
    }

    @Post("/{id}/branches")
    @Secured(Roles.LICENSING_OFFICER)
    @Operation(summary = "Add a branch")
    Agency addBranch(Authentication actor, @PathVariable long id, @Body BranchInput input) {
        return register.addBranch(actor.getName(), id, input);
    }

    @Post("/{id}/key-persons")
    @Secured(Roles.LICENSING_OFFICER)
    @Operation(summary = "Add a key person (owner, director, manager)")
    Agency addKeyPerson(Authentication actor, @PathVariable long id, @Body KeyPersonInput input) {
        return register.addKeyPerson(actor.getName(), id, input);
    }

    @Serdeable
    record AgencyUpdate(long version, String legalName, String registrationNumber, String country,
                        @Nullable String address, @Nullable String phone, @Nullable String email,
                        @Nullable String website, @Nullable List<String> tradeNames, @Nullable List<String> aliases,
                        @Nullable List<String> nativeNames, @Nullable List<String> destinations) {
        AgencyInput input() {
            return new AgencyInput(legalName, registrationNumber, country, address, phone, email, website, tradeNames,
                    aliases, nativeNames, destinations);
        }
    }
}
