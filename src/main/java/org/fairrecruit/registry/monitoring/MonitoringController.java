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

/** Resolving findings and meeting obligations (their forms and queues are on the agency file, in backoffice). */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff")
@Hidden
class MonitoringController {
    private final Monitoring monitoring;

    MonitoringController(Monitoring monitoring) {
        this.monitoring = monitoring;
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
    record DoneForm(@Nullable Long version, @Nullable String date, @Nullable String nextDueOn) {
        long versionOrNone() {
            return version == null ? -1 : version;
        }
    }
}
