package org.fairrecruit.registry.monitoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.web.Forms;

import java.net.URI;

/** The monitoring forms: inspections with findings, obligations, their resolution (the queues are in backoffice). */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff")
@Hidden
class MonitoringController {
    private final Monitoring monitoring;

    MonitoringController(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Post("/agencies/{agencyId}/obligations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR})
    HttpResponse<?> addObligation(Authentication actor, @PathVariable long agencyId, @Body ObligationForm form) {
        monitoring.addObligation(actor.getName(), agencyId, Forms.choice(Monitoring.ObligationKind.class, "kind", form.kind()),
                form.description(), Forms.date("dueOn", form.dueOn()));
        return HttpResponse.seeOther(URI.create("/staff/agencies/" + agencyId + "#monitoring"));
    }

    @Post("/findings/{id}/resolution")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR})
    HttpResponse<?> resolve(Authentication actor, @PathVariable long id, @Body DoneForm form) {
        Monitoring.Finding finding = monitoring.resolveFinding(actor.getName(), id, form.versionOrNone(),
                Forms.date("date", form.date()));
        return HttpResponse.seeOther(URI.create("/staff/agencies/" + finding.agencyId() + "#monitoring"));
    }

    @Post("/obligations/{id}/fulfilment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR})
    HttpResponse<?> fulfil(Authentication actor, @PathVariable long id, @Body DoneForm form) {
        Monitoring.Obligation obligation = monitoring.fulfil(actor.getName(), id, form.versionOrNone(),
                Forms.date("date", form.date()), Forms.date("nextDueOn", form.nextDueOn()));
        return HttpResponse.seeOther(URI.create("/staff/agencies/" + obligation.agencyId() + "#monitoring"));
    }

    @Serdeable
    record ObligationForm(@Nullable String kind, @Nullable String description, @Nullable String dueOn) {
    }

    @Serdeable
    record DoneForm(@Nullable Long version, @Nullable String date, @Nullable String nextDueOn) {
        long versionOrNone() {
            return version == null ? -1 : version;
        }
    }
}
