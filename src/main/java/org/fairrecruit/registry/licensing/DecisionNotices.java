package org.fairrecruit.registry.licensing;

import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.notification.MailComposer;
import org.fairrecruit.registry.notification.Outbox;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The agency's e-mails about its licence: decision notices and renewal reminders, queued in the outbox. */
@Singleton
class DecisionNotices {
    private final Outbox outbox;
    private final MailComposer mail;

    DecisionNotices(Outbox outbox, MailComposer mail) {
        this.outbox = outbox;
        this.mail = mail;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void decided(Agency agency, Licence licence, LicenceTransition transition, StatusChange change) {
        if (agency.email() == null) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("agencyName", agency.legalName());
        model.put("licence", licence);
        model.put("transition", transition.name());
        model.put("change", change);
        outbox.enqueueEmail(agency.email(), "licence-decision-" + change.id(),
                mail.compose("licence-decision", Locale.ENGLISH, model));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void renewalDue(Agency agency, Licence licence, int daysBefore) {
        if (agency.email() == null) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("licenceNumber", licence.licenceNumber());
        model.put("validUntil", licence.validUntil());
        model.put("agencyName", agency.legalName());
        model.put("daysBefore", daysBefore);
        LocalDate until = licence.validUntil();
        outbox.enqueueEmail(agency.email(), "renewal-reminder-" + licence.id() + "-" + until + "-" + daysBefore,
                mail.compose("renewal-reminder", Locale.ENGLISH, model));
    }
}
