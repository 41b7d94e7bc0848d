package org.fairrecruit.registry.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.Roles;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The queue of proposals waiting for a second person; supervisors approve or reject them here. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/proposals")
@Hidden
class ProposalController {
    private final FourEyes fourEyes;

    ProposalController(FourEyes fourEyes) {
        this.fourEyes = fourEyes;
    }

    record Waiting(Proposal proposal, String subjectPath) {
    }

    @Get
    @View("approval/proposals")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    Map<String, Object> open() {
        List<Waiting> waiting = fourEyes.open().stream().map(p -> new Waiting(p, fourEyes.subjectPath(p))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("waiting", waiting);
        return model;
    }

    @Post("/{id}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.SUPERVISOR)
    HttpResponse<?> approve(Authentication approver, @PathVariable long id, @Body DecisionForm form) {
        fourEyes.approve(approver, id, form.version() == null ? -1 : form.version());
        return HttpResponse.seeOther(URI.create("/staff/proposals"));
    }

    @Post("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.SUPERVISOR)
    HttpResponse<?> reject(Authentication approver, @PathVariable long id, @Body DecisionForm form) {
        fourEyes.reject(approver, id, form.version() == null ? -1 : form.version(), form.note());
        return HttpResponse.seeOther(URI.create("/staff/proposals"));
    }

    @Serdeable
    record DecisionForm(@Nullable Long version, @Nullable String note) {
    }
}
