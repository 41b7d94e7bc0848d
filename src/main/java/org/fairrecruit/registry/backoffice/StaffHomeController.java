package org.fairrecruit.registry.backoffice;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The back office's start page: the signed-in person's work, then links to what their roles may use. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
class StaffHomeController {
    private final MyWork work;
    private final FourEyes fourEyes;
    private final Clock clock;

    StaffHomeController(MyWork work, FourEyes fourEyes, Clock clock) {
        this.work = work;
        this.fourEyes = fourEyes;
        this.clock = clock;
    }

    /** A proposal with the page its subject is on. */

    @Get
    @View("backoffice/home")
    Map<String, Object> home(Authentication user) {
        Map<String, Object> model = new HashMap<>();
        model.put("today", LocalDate.now(clock));
        model.put("toDecide", cards(work.toDecide(user)));
        model.put("myProposals", cards(work.myProposals(user)));
        model.put("myApplications", work.myApplications(user));
        model.put("followUps", work.followUpsDue(user));
        model.put("expiring", work.expiring(user));
        model.put("approver", MyWork.approver(user));
        model.put("monitors", MyWork.monitors(user));
        return model;
    }

    private List<FourEyes.Card> cards(List<Proposal> proposals) {
        return proposals.stream().map(p -> new FourEyes.Card(p, fourEyes.subject(p))).toList();
    }
}
