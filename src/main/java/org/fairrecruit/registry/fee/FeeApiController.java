package org.fairrecruit.registry.fee;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.kernel.Roles;

import java.util.List;
import java.util.Locale;

/** Staff API of fee policies, the ILO fee types and fee totals per agency. */
@Controller("/api/v1/staff")
@Tag(name = "Staff: complaints and fees")
class FeeApiController {
    private final FeePolicyDecisions decisions;
    private final FeePolicies policies;
    private final FeeRecords fees;

    FeeApiController(FeePolicyDecisions decisions, FeePolicies policies, FeeRecords fees) {
        this.decisions = decisions;
        this.policies = policies;
        this.fees = fees;
    }

    @Put("/fee-policies/{country}")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Propose a fee policy version for a destination country (EMPLOYER_PAYS, or CEILING with "
            + "ceilings per fee type: maxAmount with currency, or maxMonthsOfWage); 202 with the proposal a SUPERVISOR approves")
    HttpResponse<Proposal> propose(Authentication actor, @PathVariable String country,
                                   @Body FeePolicyDecisions.PolicyInput body) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(decisions.propose(actor.getName(), country, body));
    }

    @Get("/fee-policies/{country}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "A destination country's fee policy versions, newest first")
    List<FeePolicy> versions(@PathVariable String country) {
        return policies.versions(country.strip().toUpperCase(Locale.ROOT));
    }

    @Get("/fee-types")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The ILO reference table of fee types with their class and citation")
    List<FeeRecords.FeeType> types() {
        return fees.types();
    }

    @Get("/agencies/{agencyId}/fee-totals")
    @Secured({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "An agency's fees per currency: charged, prohibited, refunds ordered, refunded, outstanding")
    List<FeeTotals> totals(@PathVariable long agencyId) {
        return fees.totals(agencyId);
    }
}
