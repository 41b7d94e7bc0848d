package org.fairrecruit.registry.complaint;

import org.fairrecruit.registry.database.Column;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.fee.FeeCase;
import org.fairrecruit.registry.fee.FeeRecords;
import org.fairrecruit.registry.fee.Money;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.SupportedLanguages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Receives complaints from every channel (the public form, hotline, walk-in, e-mail, referral): the
 * case, its fees, its evidence and the sealed contact details in one transaction, with its audit
 * entry and the acknowledgement mail.
 */
@Singleton
public class ComplaintIntake {
    /** Who a case sent by the public is recorded as (no account). */
    public static final String PUBLIC = "public";
    private static final int MAX_ATTACHMENTS = 10;
    private static final int MAX_FEES = 50;

    private final Sql sql;
    private final AuditLog audit;
    private final ComplaintEvents events;
    private final ComplaintContacts contacts;
    private final ComplaintAttachments attachments;
    private final ComplainantNotices notices;
    private final FeeRecords fees;
    private final AgencyRegister agencies;
    private final UnlicensedRecruiters recruiters;
    private final SupportedLanguages languages;
    private final ComplaintRules rules;
    private final ComplaintFactsTracker facts;
    private final Clock clock;

    ComplaintIntake(Sql sql, AuditLog audit, ComplaintEvents events, ComplaintContacts contacts,
                    ComplaintAttachments attachments, ComplainantNotices notices, FeeRecords fees,
                    AgencyRegister agencies, UnlicensedRecruiters recruiters, SupportedLanguages languages, ComplaintRules rules,
                    ComplaintFactsTracker facts, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.events = events;
        this.contacts = contacts;
        this.attachments = attachments;
        this.notices = notices;
        this.fees = fees;
        this.agencies = agencies;
        this.recruiters = recruiters;
        this.languages = languages;
        this.rules = rules;
        this.facts = facts;
        this.clock = clock;
    }

    /** Creates the case; refuses (InvalidInput, every field at once) anything malformed, and then stores nothing. */
    @Transactional
    public Receipt receive(NewComplaint complaint) {
        validate(complaint);
        String actor = complaint.createdBy() == null ? PUBLIC : complaint.createdBy();
        String language = language(complaint.language());
        String wageCurrency = complaint.monthlyWage() == null || complaint.monthlyWage().isBlank() ? null
                : Money.currency(complaint.wageCurrency()).orElseThrow();
        BigDecimal wage = wageCurrency == null ? null : Money.amount(complaint.monthlyWage(), wageCurrency).orElseThrow();
        String destination = upper(complaint.destinationCountry());
        Instant now = Instant.now(clock);
        String reference = newReference();
        LocalDate due = LocalDate.ofInstant(now, clock.getZone()).plusDays(rules.dueDays(ComplaintStatus.RECEIVED));
        long id = insert(complaint, reference, language, destination, wage, wageCurrency, now, due);
        facts.inserted(new ComplaintFacts(id, YearMonth.from(now.atZone(ZoneOffset.UTC)), complaint.category(),
                complaint.channel(), destination == null ? "" : destination,
                complaint.agencyId() == null ? 0 : complaint.agencyId(), ComplaintStatus.RECEIVED.open(), due));
        events.append(id, ComplaintEvents.Kind.RECEIVED, null, ComplaintStatus.RECEIVED, null, null, actor);
        FeeCase feeCase = new FeeCase(id, complaint.agencyId(), destination, wage, wageCurrency);
        complaint.fees().forEach(fee -> fees.record(actor, feeCase, fee));
        complaint.attachments().forEach(file -> attachments.add(id, file, actor));
        Contact contact = complaint.contact() == null || complaint.contact().empty() ? null : complaint.contact();
        if (contact != null) {
            contacts.store(id, contact);
        }
        audit.record(new AuditEvent(actor, "complaint.received", "complaint", String.valueOf(id), null), null,
                Map.of("reference", reference, "channel", complaint.channel().name(),
                        "category", complaint.category().name(), "fees", complaint.fees().size(),
                        "attachments", complaint.attachments().size()));
        notices.received(id, reference, contact, language);
        return new Receipt(id, reference, ComplaintStatus.RECEIVED);
    }

    private long insert(NewComplaint c, String reference, String language, String destination, BigDecimal wage,
                        String wageCurrency, Instant now, LocalDate due) {
        String sql = """
                INSERT INTO complaint (reference, channel, category, agency_id, recruiter_name, recruiter_id, summary,
                    language, destination_country, employer, monthly_wage, wage_currency, status, received_at,
                    status_since, due_on, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?)""";
        Object[] params = {reference, c.channel(), c.category(), c.agencyId(), strip(c.recruiterName()), c.recruiterId(),
                c.summary().strip(), language, destination, strip(c.employer()), wage, wageCurrency, now, now, due,
                c.createdBy()};
        return this.sql.insert(sql, params);
    }

    // 40 random bits make a clash rare; drawing again until the reference is new rules it out.
    private String newReference() {
        String reference = ComplaintReference.generate();
        while (sql.count("SELECT COUNT(*) FROM complaint WHERE reference = ?", reference) > 0) {
            reference = ComplaintReference.generate();
        }
        return reference;
    }

    private void validate(NewComplaint c) {
        InvalidInput.Collector check = new InvalidInput.Collector()
                .require(c.channel() != null, "channel", "field.invalid")
                .require(c.category() != null, "category", "field.invalid")
                .text("summary", c.summary(), Column.COMPLAINT_SUMMARY)
                .optionalText("recruiterName", c.recruiterName(), Column.RECRUITER_NAME)
                .optionalText("employer", c.employer(), Column.EMPLOYER)
                .require(c.language() == null || c.language().isBlank()
                        || languages.contains(c.language().strip()), "language", "field.invalid")
                .require(c.agencyId() == null || agencies.find(c.agencyId()).isPresent(), "agencyId", "field.invalid")
                .require(c.recruiterId() == null || recruiters.find(c.recruiterId()).isPresent(), "recruiterId",
                        "field.invalid")
                .require(c.fees().size() <= MAX_FEES, "fees", "complaint.error.tooMany", MAX_FEES)
                .require(c.attachments().size() <= MAX_ATTACHMENTS, "files", "complaint.error.tooMany", MAX_ATTACHMENTS);
        if (c.destinationCountry() != null && !c.destinationCountry().isBlank()) {
            check.country("destinationCountry", c.destinationCountry());
        }
        if (c.monthlyWage() != null && !c.monthlyWage().isBlank()) {
            Money.check(check, "monthlyWage", c.monthlyWage(), "wageCurrency", c.wageCurrency());
        }
        for (int i = 0; i < c.fees().size(); i++) {
            fees.check(check, "fees[" + i + "].", c.fees().get(i));
        }
        for (int i = 0; i < c.attachments().size(); i++) {
            attachments.check(check, "files[" + i + "]", c.attachments().get(i));
        }
        Contact contact = c.contact();
        if (contact != null) {
            check.optionalText("contact.name", contact.name(), Column.CONTACT_NAME)
                    .optionalText("contact.phone", contact.phone(), Column.CONTACT_PHONE)
                    .optionalEmail("contact.email", contact.email())
                    .optionalText("contact.email", contact.email(), Column.CONTACT_EMAIL)
                    .require(contact.language() == null || contact.language().isBlank()
                            || languages.contains(contact.language().strip()), "contact.language", "field.invalid");
        }
        check.throwIfAny();
    }

    private String language(String requested) {
        return requested == null || requested.isBlank() ? languages.defaultLanguage() : requested.strip();
    }

    private static String upper(String country) {
        return country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
