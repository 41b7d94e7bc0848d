package org.fairrecruit.registry.portal;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.document.DocumentRenderer;
import org.fairrecruit.registry.document.OnePageDocument;
import org.fairrecruit.registry.web.RegistryException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Verification certificates: what the registry says about an agency at this instant, signed. */
@Singleton
class Certificates {
    record Certificate(byte[] pdf, String code) {
    }

    private final PortalQueries queries;
    private final VerificationCodes codes;
    private final DocumentRenderer renderer;
    private final Verdicts verdicts;
    private final PortalSettings settings;
    private final Clock clock;

    Certificates(PortalQueries queries, VerificationCodes codes, DocumentRenderer renderer, Verdicts verdicts,
                 PortalSettings settings, Clock clock) {
        this.queries = queries;
        this.codes = codes;
        this.renderer = renderer;
        this.verdicts = verdicts;
        this.settings = settings;
        this.clock = clock;
    }

    Certificate issue(long agencyId, Locale locale) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        AgencyProfile agency = queries.agency(agencyId, today)
                .orElseThrow(() -> new RegistryException.NotFound("Agency", agencyId));
        AgencyProfile.Licence licence = agency.licence();
        String code = codes.sign(new VerificationCodes.Snapshot(agencyId, licence == null ? null : licence.number(),
                licence == null ? null : licence.status(), licence == null ? null : licence.validUntil(),
                agency.blacklisted(), now));
        String url = settings.verifyUrl(code);
        String issued = verdicts.date(today, locale) + " " + DateTimeFormatter.ofPattern("HH:mm").format(now.atZone(ZoneOffset.UTC)) + " UTC";
        OnePageDocument document = OnePageDocument.a4(locale, t(locale, "certificate.title"))
                .title(t(locale, "certificate.title"))
                .paragraph(t(locale, "certificate.intro", issued))
                .banner(tone(agency.standing()), verdicts.say(agency.standing(), licence == null ? null : licence.validUntil(), locale))
                .row(t(locale, "agency.legalName"), agency.legalName())
                .row(t(locale, "agency.registrationNumber"), agency.registrationNumber())
                .row(t(locale, "agency.licenceNumber"), licence == null ? null : licence.number())
                .row(t(locale, "agency.licenceStatus"), licence == null ? null : t(locale, "licence.status." + licence.status()))
                .row(t(locale, "agency.validFrom"), licence == null ? null : verdicts.date(licence.validFrom(), locale))
                .row(t(locale, "agency.validUntil"), licence == null ? null : verdicts.date(licence.validUntil(), locale))
                .row(t(locale, "agency.conditions"), licence == null ? null : licence.conditions())
                .row(t(locale, "agency.blacklisted"), t(locale, agency.blacklisted() ? "yes" : "no"))
                .row(t(locale, "agency.substantiatedComplaints"), Long.toString(agency.substantiatedComplaints()))
                .row(t(locale, "certificate.code"), code)
                .qrCode(url, t(locale, "certificate.scan") + "\n" + url)
                .smallPrint(t(locale, "certificate.smallPrint"));
        return new Certificate(renderer.render(document), code);
    }

    private static OnePageDocument.Tone tone(Standing standing) {
        return switch (standing.tone()) {
            case GOOD -> OnePageDocument.Tone.GOOD;
            case BAD -> OnePageDocument.Tone.BAD;
            case WARNING -> OnePageDocument.Tone.NEUTRAL;
        };
    }

    private String t(Locale locale, String key, Object... args) {
        return verdicts.text(key, locale, args);
    }
}
