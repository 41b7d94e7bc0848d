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
    @Operation(summary = "Proposals waiting for approval, oldest first")
    List<Proposal> open() {
        return fourEyes.open();
    }

    @Post("/{id}/approval")
    @Secured(Roles.SUPERVISOR)
    @Operation(summary = "Approve and carry out a proposal (403 for its proposer)")
    Proposal approve(Authentication approver, @PathVariable long id, @Body Decision decision) {
        return fourEyes.approve(approver, id, decision.version());
    }

    @Post("/{id}/rejection")
    @Secured(Roles.SUPERVISOR)
    @Operation(summary = "Reject a proposal with a note")
    Proposal reject(Authentication approver, @PathVariable long id, @Body Decision decision) {
        return fourEyes.reject(approver, id, decision.version(), decision.note());
    }
}
