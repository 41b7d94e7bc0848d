package org.fairrecruit.registry.portal;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.document.DocumentRenderer;
import org.fairrecruit.registry.document.OnePageDocument;
import org.fairrecruit.registry.kernel.MessageKey;
import org.fairrecruit.registry.kernel.RegistryException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Verification certificates: what the registry says about an agency at this instant, under a short code. */
@Singleton
class Certificates {
    record Certificate(byte[] pdf, String code) {
    }

    private static final int MAX_BRANCHES = 3;
    private final AgencyProfiles profiles;
    private final CertificateCodes codes;
    private final CertificateLedger ledger;
    private final DocumentRenderer renderer;
    private final Verdicts verdicts;
    private final PortalSettings settings;
    private final Clock clock;

    Certificates(AgencyProfiles profiles, CertificateCodes codes, CertificateLedger ledger, DocumentRenderer renderer,
                 Verdicts verdicts, PortalSettings settings, Clock clock) {
        this.profiles = profiles;
        this.codes = codes;
        this.ledger = ledger;
        this.renderer = renderer;
        this.verdicts = verdicts;
        this.settings = settings;
        this.clock = clock;
    }

    Certificate issue(long agencyId, Locale locale) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        AgencyProfile agency = profiles.agency(agencyId, verdicts.day(now))
                .orElseThrow(() -> new RegistryException.NotFound(new MessageKey("agency.what"), agencyId));
        AgencyProfile.Licence licence = agency.licence();
        String symbols = codes.next();
        ledger.record(symbols, new VerificationCodes.Snapshot(agencyId, licence == null ? null : licence.number(),
                licence == null ? null : licence.status(), licence == null ? null : licence.validUntil(),
                agency.blacklisted(), now));
        String code = codes.printed(symbols);
        String url = settings.verifyUrl(code, locale);
        PortalSettings.Hotline hotline = settings.hotline(locale, verdicts.offset(now));
        OnePageDocument document = OnePageDocument.a4(locale, t(locale, "certificate.title"))
                .title(t(locale, "certificate.title"))
                .paragraph(t(locale, "certificate.intro", verdicts.moment(now, locale)))
                .banner(tone(agency.standing()), verdicts.say(agency.standing(), licence == null ? null : licence.validUntil(), locale))
                .row(t(locale, "certificate.code"), code)
                .row(t(locale, "agency.legalName"), agency.legalName())
                .row(t(locale, "agency.public.tradeNames"), String.join("; ", agency.tradeNames()))
                .row(t(locale, "agency.registrationNumber"), agency.registrationNumber())
                .row(t(locale, "agency.address"), agency.address())
                .row(t(locale, "agency.contact"), contact(agency.contact()))
                .row(t(locale, "agency.branches"), branches(agency.branches()))
                .row(t(locale, "agency.licenceNumber"), licence == null ? null : licence.number())
                .row(t(locale, "agency.licenceStatus"), licence == null ? null : t(locale, "licence.status." + licence.status()))
                .row(t(locale, "agency.validity"), licence == null || licence.validFrom() == null ? null : t(locale,
                        "agency.validRange", verdicts.date(licence.validFrom(), locale), verdicts.date(licence.validUntil(), locale)))
                .row(t(locale, "agency.activities"), licence == null ? null : coded(locale, "licence.activity.", licence.activities()))
                .row(t(locale, "agency.public.destinations"), agency.destinations().stream()
                        .map(country -> verdicts.country(country, locale)).collect(Collectors.joining("; ")))
                .row(t(locale, "agency.conditions"), licence == null ? null : coded(locale, "licence.condition.", licence.conditionCodes()))
                .row(t(locale, "agency.substantiatedComplaints"), Long.toString(agency.substantiatedComplaints()))
                .row(t(locale, "hotline.title"), hotline.phone() + " · " + hotline.hours() + " (" + hotline.zone() + ")")
                .qrCode(url, t(locale, "certificate.scan") + "\n" + url)
                .smallPrint(t(locale, "certificate.smallPrint"));
        return new Certificate(renderer.render(document), code);
    }

    /** The first few; a page has room for no more, and the agency page lists them all. */
    private static String branches(List<AgencyProfile.Branch> branches) {
        String shown = branches.stream().limit(MAX_BRANCHES).map(b -> b.name() + ", " + b.address())
                .collect(Collectors.joining("; "));
        return branches.size() > MAX_BRANCHES ? shown + " (+" + (branches.size() - MAX_BRANCHES) + ")" : shown;
    }

    private String coded(Locale locale, String prefix, List<String> codes) {
        return codes.stream().map(code -> t(locale, prefix + code)).collect(Collectors.joining("; "));
    }

    private static String contact(AgencyProfile.Contact contact) {
        return java.util.stream.Stream.of(contact.phone(), contact.email(), contact.website())
                .filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(" · "));
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
