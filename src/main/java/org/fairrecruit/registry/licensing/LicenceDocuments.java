package org.fairrecruit.registry.licensing;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.identity.IdentityService;
import org.fairrecruit.registry.document.DocumentRenderer;
import org.fairrecruit.registry.document.OnePageDocument;
import org.fairrecruit.registry.kernel.RegistryException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The licence certificate and the decision letters, as one-page PDFs in the reader's language. */
@Singleton
public class LicenceDocuments {
    private final Licensing licensing;
    private final AgencyRegister agencies;
    private final DocumentRenderer renderer;
    private final MessageSource messages;
    private final String publicBaseUrl;
    private final Clock clock;
    private final IdentityService identity;
    private final String letterhead;

    LicenceDocuments(Licensing licensing, AgencyRegister agencies, DocumentRenderer renderer, MessageSource messages,
                     @Value("${registry.base-url}") String publicBaseUrl, Clock clock, IdentityService identity,
                     @Value("${registry.regulator.name}") String regulatorName,
                     @Value("${registry.regulator.address}") String regulatorAddress) {
        this.identity = identity;
        this.letterhead = regulatorAddress.isBlank() ? regulatorName : regulatorName + " — " + regulatorAddress;
        this.licensing = licensing;
        this.agencies = agencies;
        this.renderer = renderer;
        this.messages = messages;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    /** The certificate of a granted licence as it stands now; its QR code leads to the agency's public page. */
    @Transactional(readOnly = true)
    public byte[] certificate(long licenceId, Locale locale) {
        Licence licence = licensing.get(licenceId);
        if (licence.licenceNumber() == null) {
            throw new RegistryException.Conflict("licence.error.noCertificate");
        }
        Agency agency = agencies.get(licence.agencyId());
        String title = text(locale, "document.certificate.title");
        String publicPage = publicBaseUrl + "/agencies/" + agency.id();
        OnePageDocument document = OnePageDocument.a4(locale, title)
                .title(title)
                .banner(licence.status().mayRecruit() ? OnePageDocument.Tone.GOOD : OnePageDocument.Tone.BAD,
                        text(locale, "document.certificate.status", text(locale, "licence.status." + licence.status())))
                .row(text(locale, "agency.legalName"), agency.legalName())
                .row(text(locale, "agency.registrationNumber"), agency.registrationNumber())
                .row(text(locale, "agency.address"), agency.address() == null ? "" : agency.address())
                .row(text(locale, "licence.number"), licence.licenceNumber())
                .row(text(locale, "document.validFrom"), date(licence.validFrom(), locale))
                .row(text(locale, "document.validUntil"), date(licence.validUntil(), locale))
                .row(text(locale, "document.destinations"), String.join(", ", agency.destinations()));
        if (licence.conditions() != null) {
            document.row(text(locale, "licence.conditions"), licence.conditions());
        }
        return renderer.render(document
                .qrCode(publicPage, text(locale, "document.certificate.check", publicPage))
                .smallPrint(text(locale, "document.printed", date(LocalDate.now(clock), locale))));
    }

    /** The letter telling the agency one decision: what was decided, why, on what basis, by whom and when. */
    @Transactional(readOnly = true)
    public byte[] decisionLetter(long licenceId, long changeId, Locale locale) {
        Licence licence = licensing.get(licenceId);
        StatusChange change = licensing.history(licenceId).stream().filter(c -> c.id() == changeId).findFirst()
                .orElseThrow(() -> new RegistryException.NotFound("decision", changeId));
        Agency agency = agencies.get(licence.agencyId());
        String title = text(locale, "document.decision.title");
        // The agency gets the public statement, never the internal note.
        String reason = Stream.of(change.reasonKey() == null ? null : text(locale, change.reasonKey()), change.publicRemarks())
                .filter(Objects::nonNull).collect(Collectors.joining(" — "));
        OnePageDocument document = OnePageDocument.a4(locale, title)
                .paragraph(letterhead)
                .title(title)
                .paragraph(text(locale, "mail.licence-decision.greeting", agency.legalName()))
                .banner(change.to().mayRecruit() ? OnePageDocument.Tone.GOOD : OnePageDocument.Tone.BAD,
                        text(locale, "document.decision.outcome", text(locale, "licence.status." + change.to())))
                .row(text(locale, "licence.number"), licence.licenceNumber() == null ? "—" : licence.licenceNumber())
                .row(text(locale, "history.when"), date(change.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), locale))
                .row(text(locale, "history.reason"), reason)
                .row(text(locale, "history.legalBasis"), change.legalBasis() == null ? "—" : change.legalBasis())
                .row(text(locale, "history.actor"), decider(change.actor(), locale));
        return renderer.render(document.smallPrint(text(locale, "document.decision.reference", licenceId + "-" + changeId)));
    }

    /** "Maria Santos, Supervisor": the decider's name and role, not their username; the system's own moves keep its name. */
    private String decider(String username, Locale locale) {
        return identity.all().stream().filter(m -> m.username().equals(username)).findFirst()
                .map(m -> m.displayName() + ", " + m.roles().stream().sorted().map(r -> text(locale, "role." + r))
                        .collect(Collectors.joining(", ")))
                .orElse(username);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, locale, args).orElse(key);
    }

    private static String date(LocalDate date, Locale locale) {
        return date == null ? "—" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }
}
