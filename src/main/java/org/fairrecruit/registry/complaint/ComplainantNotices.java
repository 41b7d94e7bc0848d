package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.notification.MailComposer;
import org.fairrecruit.registry.notification.Outbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a complainant who left an e-mail address where their case stands, in their language. The
 * mail names the reference and the status only: nothing an intercepted mail could harm them with.
 */
@Singleton
class ComplainantNotices {
    private final ComplaintContacts contacts;
    private final Outbox outbox;
    private final MailComposer mail;

    ComplainantNotices(ComplaintContacts contacts, Outbox outbox, MailComposer mail) {
        this.contacts = contacts;
        this.outbox = outbox;
        this.mail = mail;
    }

    /** {@code step} makes the message key unique per change, e.g. the event count. */
    @Transactional(propagation = Propagation.MANDATORY)
    void statusChanged(long complaintId, String reference, ComplaintStatus status, String caseLanguage, long step) {
        notify(contacts.open(complaintId), complaintId, reference, status, caseLanguage, step);
    }

    /** A new case's acknowledgement, to the contact just stored with it (not read back and opened again). */
    @Transactional(propagation = Propagation.MANDATORY)
    void received(long complaintId, String reference, @Nullable Contact contact, String caseLanguage) {
        notify(Optional.ofNullable(contact), complaintId, reference, ComplaintStatus.RECEIVED, caseLanguage, 0);
    }

    private void notify(Optional<Contact> to, long complaintId, String reference, ComplaintStatus status, String caseLanguage,
                        long step) {
        to.filter(c -> c.email() != null && !c.email().isBlank()).ifPresent(contact -> {
            Locale locale = Locale.forLanguageTag(contact.language() == null || contact.language().isBlank()
                    ? caseLanguage : contact.language());
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("reference", reference);
            model.put("status", status.name());
            outbox.enqueueEmail(contact.email().strip(), "complaint-" + complaintId + "-" + step,
                    mail.compose("complaint-update", locale, model));
        });
    }
}
