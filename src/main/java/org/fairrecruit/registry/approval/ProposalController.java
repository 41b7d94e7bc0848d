package org.fairrecruit.registry.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.web.Forms;
import org.fairrecruit.registry.web.Languages;
import org.fairrecruit.registry.kernel.Paging;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four-eyes queue: proposals waiting for a second person (supervisors approve or reject them here, with a note),
 * the viewer's own proposals with how they ended (and a way to withdraw those still open), and all closed ones.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/proposals")
@Hidden
class ProposalController {
    private final FourEyes fourEyes;
    private final Languages languages;

    ProposalController(FourEyes fourEyes, Languages languages) {
        this.fourEyes = fourEyes;
        this.languages = languages;
    }

    @Get
    @View("approval/proposals")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    Map<String, Object> list(HttpRequest<?> request, Authentication viewer, @Nullable @QueryValue String view,
                             @Nullable @QueryValue Integer page) {
        FourEyes.View shown = view == null ? FourEyes.View.OPEN : Forms.choice(FourEyes.View.class, "view", view.toUpperCase());
        Paging paging = Paging.of(page, null);
        long total = fourEyes.count(shown, viewer.getName());
        Map<String, Object> model = new HashMap<>();
        model.put("view", shown.name());
        model.put("views", FourEyes.View.values());
        List<FourEyes.Card> cards = fourEyes.cards(shown, viewer.getName(), paging);
        Map<Long, String> closings = new HashMap<>();
        cards.stream().map(FourEyes.Card::proposal).filter(p -> p.closingKey() != null)
                .forEach(p -> closings.put(p.id(), fourEyes.closingText(p, languages.resolve(request))));
        model.put("cards", cards);
        model.put("closings", closings);
        model.put("total", total);
        model.put("page", paging.page());
        model.put("hasNext", paging.offset() + paging.size() < total);
        return model;
    }

    @Post("/{id}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.SUPERVISOR)
    HttpResponse<?> approve(Authentication approver, @PathVariable long id, @Body DecisionForm form) {
        Proposal after = fourEyes.approve(approver, id, form.versionOrNone(), form.note());
        return HttpResponse.seeOther(URI.create("/staff/proposals"));
    }

    @Post("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.SUPERVISOR)
    HttpResponse<?> reject(Authentication approver, @PathVariable long id, @Body DecisionForm form) {
        fourEyes.reject(approver, id, form.versionOrNone(), form.note());
        return HttpResponse.seeOther(URI.create("/staff/proposals"));
    }

    @Post("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.ADMIN})
    HttpResponse<?> withdraw(Authentication proposer, @PathVariable long id, @Body DecisionForm form) {
        fourEyes.withdraw(proposer.getName(), id, form.versionOrNone(), form.note());
        return HttpResponse.seeOther(URI.create("/staff/proposals?view=mine#proposal-" + id));
    }

    @Serdeable
    record DecisionForm(@Nullable Long version, @Nullable String note) {
        long versionOrNone() {
            return version == null ? -1 : version;
        }
    }
}
