package org.fairrecruit.registry.intake;

import org.fairrecruit.registry.database.Column;
import io.micronaut.context.annotation.Property;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.complaint.Category;
import org.fairrecruit.registry.complaint.Channel;
import org.fairrecruit.registry.complaint.ComplaintIntake;
import org.fairrecruit.registry.complaint.ComplaintReference;
import org.fairrecruit.registry.complaint.ComplaintStatus;
import org.fairrecruit.registry.complaint.Contact;
import org.fairrecruit.registry.complaint.IntakeCases;
import org.fairrecruit.registry.complaint.NewAttachment;
import org.fairrecruit.registry.complaint.NewComplaint;
import org.fairrecruit.registry.complaint.Receipt;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.fee.NewFee;
import org.fairrecruit.registry.notification.MailComposer;
import org.fairrecruit.registry.notification.MailSettings;
import org.fairrecruit.registry.notification.Outbox;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.SupportedLanguages;
import org.fairrecruit.registry.kernel.RegistryException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The public hotline channel: a report becomes a complaint case (through {@link ComplaintIntake})
 * with a follow-up code that is the reporter's only key, and the conversation between the
 * regulator and the reporter on that case.
 */
@Singleton
class HotlineReports {
    enum Direction { TO_REPORTER, FROM_REPORTER }

    record Upload(String fileName, byte[] content) {
    }

    record Submitted(long complaintId, String reference, String followUpCode) {
    }

    @Serdeable
    record Message(Direction direction, String body, String lang, int files, Instant at) {
    }

    record Report(long complaintId, String reference, ComplaintStatus status, Instant receivedAt, String language,
                  List<Message> messages) {
    }

    // Checked when the reference is unknown, so a miss costs the time of a hit.
    private static final String DECOY = FollowUpCode.hash(FollowUpCode.generate());
    private final ComplaintIntake intake;
    private final IntakeCases cases;
    private final Idempotency idempotency;
    private final FollowUpThrottle throttle;
    private final SubmissionLimit limit;
    private final AgencyMatchWorker matcher;
    private final IntakeRules rules;
    private final Sql sql;
    private final AuditLog audit;
    private final Outbox outbox;
    private final MailComposer mail;
    private final MailSettings mailSettings;
    private final SupportedLanguages languages;
    private final String baseUrl;
    private final Clock clock;

    HotlineReports(ComplaintIntake intake, IntakeCases cases, Idempotency idempotency, FollowUpThrottle throttle,
                   SubmissionLimit limit, AgencyMatchWorker matcher, IntakeRules rules, Sql sql, AuditLog audit, Outbox outbox,
                   MailComposer mail, MailSettings mailSettings, SupportedLanguages languages,
                   @Property(name = "registry.base-url") String baseUrl, Clock clock) {
        this.intake = intake;
        this.cases = cases;
        this.idempotency = idempotency;
        this.throttle = throttle;
        this.limit = limit;
        this.matcher = matcher;
        this.rules = rules;
        this.sql = sql;
        this.audit = audit;
        this.outbox = outbox;
        this.mail = mail;
        this.mailSettings = mailSettings;
        this.languages = languages;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /**
     * Stores the report as a case in RECEIVED with its fees, cleaned files, sealed contact, follow-up
     * code hash, audit entries and mails, in one transaction; a retry with the same key gets the first answer.
     */
    @Transactional
    Submitted submit(NewReport report, List<Upload> files, String idempotencyKey, String client) {
        return submit(report, files, idempotencyKey, client, new InvalidInput.Collector());
    }

    /** {@code check} may already hold refusals of the caller's own fields (the form's consent), reported with the rest. */
    @Transactional
    Submitted submit(NewReport report, List<Upload> files, String idempotencyKey, String client, InvalidInput.Collector check) {
        List<NewAttachment> attachments = attachments(check, "files", files);
        List<NewFee> fees = fees(check, report.fees());
        if (idempotencyKey != null) {
            Optional<Idempotency.Answer> first = idempotency.claim(idempotencyKey, fingerprint(report, files));
            if (first.isPresent()) {
                return new Submitted(first.get().complaintId(), first.get().reference(), first.get().followUpCode());
            }
        }
        // Hashed before the case is written: the audit chain's head stays locked from the case's first
        // audit entry to the commit, so work done after it delays every other writer.
        String code = FollowUpCode.generate();
        String hash = FollowUpCode.hash(code);
        Receipt receipt = receive(check, report, fees, attachments);
        limit.take(client);
        sql.update("INSERT INTO intake_report (complaint_id, reference, follow_up_hash, language, created_at) VALUES (?, ?, ?, ?, ?)",
                receipt.id(), receipt.reference(), hash, receiptLanguage(report), Instant.now(clock));
        if (report.agencyId() == null && report.agencyName() != null && !report.agencyName().isBlank()) {
            matcher.queue(receipt.id(), report.agencyName(), Instant.now(clock));
        }
        Submitted submitted = new Submitted(receipt.id(), receipt.reference(), code);
        if (idempotencyKey != null) {
            idempotency.answered(idempotencyKey, new Idempotency.Answer(receipt.id(), receipt.reference(), code));
        }
        audit.record(AuditEvent.of(ComplaintIntake.PUBLIC, "intake.report.received", "complaint", receipt.id()), null,
                Map.of("reference", receipt.reference(), "followUpCode", "issued"));
        alertDutyOfficer(receipt);
        return submitted;
    }

    /** The reporter's view of their case; refused alike for an unknown reference and a wrong code. */
    @Transactional
    Report open(String reference, String code, String client) {
        return report(authenticate(reference, code, client));
    }

    /** The reporter answers or adds information and files. */
    @Transactional
    Report addInformation(String reference, String code, String client, String message, String lang, List<Upload> files) {
        long id = authenticate(reference, code, client);
        InvalidInput.Collector check = new InvalidInput.Collector()
                .require(!(message == null || message.isBlank()) || !files.isEmpty(), "message", "field.required")
                .optionalText("message", message, Column.REPORTER_MESSAGE);
        String language = lang == null || !languages.contains(lang) ? cases.find(id).orElseThrow().language() : lang;
        List<NewAttachment> attachments = attachments(check, "files", files);
        attachments.forEach(file -> cases.checkEvidence(check, "files", file));
        check.throwIfAny();
        attachments.forEach(file -> cases.addEvidence(id, file, ComplaintIntake.PUBLIC));
        addMessage(id, Direction.FROM_REPORTER, message == null ? "" : message.strip(), language, ComplaintIntake.PUBLIC,
                attachments.size());
        return report(id);
    }

    /** The reporter shows they kept the code by typing its last group back. */
    @Transactional
    void confirmKept(String reference, String code, String client, String lastGroup) {
        long id = authenticate(reference, code, client);
        FollowUpCode.Parsed parsed = FollowUpCode.parse(code);
        boolean same = lastGroup != null && FollowUpCode.lastGroup(parsed.code())
                .equals(lastGroup.strip().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1'));
        new InvalidInput.Collector().require(same, "lastGroup", "intake.error.keptMismatch").throwIfAny();
        sql.update("UPDATE intake_report SET kept_confirmed_at = ? WHERE complaint_id = ? AND kept_confirmed_at IS NULL",
                Instant.now(clock), id);
        audit.record(AuditEvent.of(ComplaintIntake.PUBLIC, "intake.code.kept", "complaint", id), null, null);
    }

    /** A staff member writes to the reporter: shown on the status page, and mailed when they left an address. */
    @Transactional
    void writeToReporter(long complaintId, String staff, String body, String lang) {
        report(complaintId);
        new InvalidInput.Collector().text("body", body, Column.REPORTER_MESSAGE)
                .require(languages.contains(lang), "lang", "field.invalid").throwIfAny();
        long messageId = addMessage(complaintId, Direction.TO_REPORTER, body.strip(), lang, staff, 0);
        String reference = cases.find(complaintId).orElseThrow().reference();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", reference);
        model.put("link", baseUrl + "/report/status");
        cases.mailComplainant(complaintId, "intake-message-" + messageId, "intake-message", model);
    }

    List<Message> messages(long complaintId) {
        return sql.list("SELECT direction, body, lang, files, created_at FROM intake_message WHERE complaint_id = ? ORDER BY id",
                rs -> new Message(Direction.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Sql.instant(rs, "created_at")), complaintId);
    }

    /** A case that came in through this channel; not found for any other. */
    Report report(long complaintId) {
        return cases.find(complaintId)
                .filter(c -> sql.count("SELECT COUNT(*) FROM intake_report WHERE complaint_id = ?", complaintId) > 0)
                .map(c -> new Report(c.id(), c.reference(), c.status(), c.receivedAt(), c.language(), messages(c.id())))
                .orElseThrow(() -> new RegistryException.NotFound("Report", complaintId));
    }

    private long authenticate(String reference, String code, String client) {
        FollowUpCode.Parsed parsed = FollowUpCode.parse(code);
        Optional<String> ref = ComplaintReference.parse(reference);
        new InvalidInput.Collector()
                .require(ref.isPresent(), "reference", "intake.error.referenceMistyped")
                .require(parsed.reading() != FollowUpCode.Reading.MALFORMED, "followUpCode", "intake.error.codeMalformed",
                        FollowUpCode.LENGTH)
                .require(parsed.reading() != FollowUpCode.Reading.MISTYPED, "followUpCode", "intake.error.codeMistyped")
                .throwIfAny();
        List<String> subjects = FollowUpThrottle.subjects(ref.get(), client);
        throttle.checkNotBlocked(subjects);
        record Stored(long id, String hash) {
        }
        Optional<Stored> stored = sql.one("SELECT complaint_id, follow_up_hash FROM intake_report WHERE reference = ?",
                rs -> new Stored(rs.getLong(1), rs.getString(2)), ref.get());
        boolean matches = FollowUpCode.matches(parsed.code(), stored.map(Stored::hash).orElse(DECOY));
        if (stored.isEmpty() || !matches) {
            throttle.failed(subjects);
            throw IntakeRefusal.notRecognised();
        }
        throttle.succeeded(subjects.get(0));
        return stored.get().id();
    }

    private Receipt receive(InvalidInput.Collector check, NewReport report, List<NewFee> fees, List<NewAttachment> files) {
        NewReport.Contact c = report.contact();
        Contact contact = c == null ? null : new Contact(c.name(), c.phone(), c.email(), c.language());
        NewComplaint complaint = new NewComplaint(null, Channel.WEB, category(report.category()), report.description(),
                blankToNull(report.language()), report.agencyId(), report.agencyName(), null, report.destinationCountry(),
                report.employer(), null, null, fees, files, contact);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        try {
            check.throwIfAny();
        } catch (InvalidInput own) {
            errors.addAll(own.errors());
        }
        try {
            Receipt receipt = intake.receive(complaint);
            if (errors.isEmpty()) {
                return receipt;
            }
        } catch (InvalidInput invalid) {
            invalid.errors().forEach(e -> errors.add(new InvalidInput.FieldError(formField(e.field()), e.messageKey(), e.args())));
        }
        // Every refusal at once, so the reporter fixes everything in one go; a case already created rolls back.
        throw new InvalidInput(errors);
    }

    /** The complaint's names for fields, as the report form and API call them. */
    private static String formField(String field) {
        return switch (field) {
            case "summary" -> "description";
            case "recruiterName" -> "agencyName";
            default -> field.startsWith("files[") ? "files" : field;
        };
    }

    private List<NewAttachment> attachments(InvalidInput.Collector check, String field, List<Upload> files) {
        check.require(files.size() <= rules.maxFiles(), field, "intake.error.tooManyFiles", rules.maxFiles());
        List<NewAttachment> cleaned = new ArrayList<>();
        for (Upload file : files) {
            String name = file.fileName() == null || file.fileName().isBlank() ? "file" : file.fileName().strip();
            if (file.content().length > rules.maxFileBytes()) {
                check.require(false, field, "intake.error.fileTooLarge", name, rules.maxFileBytes() / (1024 * 1024));
                continue;
            }
            Optional<EvidenceFiles.Kind> kind = EvidenceFiles.detect(file.content());
            if (kind.isEmpty()) {
                check.require(false, field, "intake.error.fileType", name);
                continue;
            }
            try {
                cleaned.add(new NewAttachment(name.length() > 255 ? name.substring(0, 255) : name, kind.get().contentType,
                        EvidenceFiles.clean(kind.get(), file.content())));
            } catch (EvidenceFiles.Unreadable unreadable) {
                check.require(false, field, "intake.error.fileUnreadable", name);
            }
        }
        return cleaned;
    }

    private static List<NewFee> fees(InvalidInput.Collector check, List<NewReport.FeeLine> lines) {
        List<NewFee> fees = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            NewReport.FeeLine line = lines.get(i);
            LocalDate paidOn = check.isoDate("fees[" + i + "].paidOn", line.paidOn());
            fees.add(new NewFee(line.feeType(), line.amount(), line.currency(), paidOn, line.paidTo(), null, null, null));
        }
        return fees;
    }

    private long addMessage(long complaintId, Direction direction, String body, String lang, String author, int files) {
        long id = sql.insert("INSERT INTO intake_message (complaint_id, direction, body, lang, author, files, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", complaintId, direction, body, lang, author, files, Instant.now(clock));
        audit.record(AuditEvent.of(author, "intake.message." + direction.name().toLowerCase(Locale.ROOT), "complaint", complaintId),
                null, Map.of("message", id, "files", files));
        return id;
    }

    private void alertDutyOfficer(Receipt receipt) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", receipt.reference());
        model.put("link", baseUrl + "/staff/intake/" + receipt.id());
        outbox.enqueueEmail(mailSettings.dutyOfficer(), "intake-duty-" + receipt.id(),
                mail.compose("intake-duty-alert", Locale.forLanguageTag(languages.defaultLanguage()), model));
    }

    private String receiptLanguage(NewReport report) {
        String lang = report.contact() != null ? blankToNull(report.contact().language()) : null;
        lang = lang != null ? lang : blankToNull(report.language());
        return lang != null && languages.contains(lang) ? lang : languages.defaultLanguage();
    }

    private static byte[] fingerprint(NewReport report, List<Upload> files) {
        StringBuilder canonical = new StringBuilder(report.toString());
        files.forEach(f -> canonical.append('|').append(f.fileName()).append(':')
                .append(HexFormat.of().formatHex(Clients.sha256(f.content()))));
        return Clients.sha256(canonical.toString());
    }

    private static Category category(String value) {
        try {
            return value == null ? null : Category.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
