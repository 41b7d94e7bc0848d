package org.fairrecruit.registry.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.kernel.Roles;

import java.util.List;

/** Staff API of the four-eyes queue: list open proposals, approve or reject (supervisors, not the proposer). */
@Controller("/api/v1/staff/proposals")
@Tag(name = "Staff: four-eyes approvals")
class ProposalApiController {
    private final FourEyes fourEyes;

    ProposalApiController(FourEyes fourEyes) {
        this.fourEyes = fourEyes;
    }

    @Serdeable
    record Decision(long version, @Nullable String note) {
    }

    @Get
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Proposals waiting for approval, oldest first (identity documents masked)")
    List<Proposal> open() {
        return fourEyes.open();
    }

    @Post("/{id}/approval")
    @Secured(Roles.SUPERVISOR)
    @Operation(summary = "Approve and carry out a proposal, with an optional note to the proposer (403 for its proposer); "
            + "a proposal its subject has outgrown comes back OBSOLETE instead")
    Proposal approve(Authentication approver, @PathVariable long id, @Body Decision decision) {
        return fourEyes.approve(approver, id, decision.version(), decision.note());
    }

    @Post("/{id}/withdrawal")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The proposer withdraws their open proposal, with an optional note")
    Proposal withdraw(Authentication proposer, @PathVariable long id, @Body Decision decision) {
        return fourEyes.withdraw(proposer.getName(), id, decision.version(), decision.note());
    }

    @Post("/{id}/rejection")
    @Secured(Roles.SUPERVISOR)
    @Operation(summary = "Reject a proposal with a note")
    Proposal reject(Authentication approver, @PathVariable long id, @Body Decision decision) {
        return fourEyes.reject(approver, id, decision.version(), decision.note());
    }
}
