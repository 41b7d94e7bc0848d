package org.fairrecruit.registry.notification;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.kernel.ListPage;
import org.fairrecruit.registry.kernel.ListQuery;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Outgoing messages: what waits, what was sent, what was parked (and can be retried). */
@Produces(MediaType.TEXT_HTML)
@Controller("/admin/outbox")
@Secured(Roles.ADMIN)
@Hidden
class OutboxController {
    private final Outbox outbox;
    private final MailSettings mail;

    OutboxController(Outbox outbox, MailSettings mail) {
        this.outbox = outbox;
        this.mail = mail;
    }

    @Get
    @View("notification/outbox")
    Map<String, Object> list(HttpRequest<?> request) {
        ListPage<OutboxMessage> list = outbox.list(ListQuery.of(Outbox.LIST, request));
        Map<String, Object> model = new HashMap<>();
        model.put("list", list);
        model.put("messages", list.items());
        model.put("statuses", OutboxStatus.values());
        model.put("smtpConfigured", mail.smtp().configured());
        return model;
    }

    @Post("/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retry(Authentication actor, @PathVariable long id) {
        outbox.retry(actor.getName(), id);
        return HttpResponse.seeOther(URI.create("/admin/outbox?status=PENDING"));
    }
}
