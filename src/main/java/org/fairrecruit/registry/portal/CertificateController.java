package org.fairrecruit.registry.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.web.ContentNegotiation;
import org.fairrecruit.registry.web.Languages;
import org.fairrecruit.registry.kernel.RegistryException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Verification certificates (PDF) and the page that checks one: genuine?, what it said, the status now. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Public")
class CertificateController {
    /** Long signed codes of certificates issued before short codes; they keep verifying. */
    private static final Pattern LONG_CODE = Pattern.compile("[A-Za-z0-9_-]{8,200}\\.[A-Za-z0-9_-]{8,64}");
    private final Certificates certificates;
    private final VerificationCodes codes;
    private final CertificateCodes shortCodes;
    private final CertificateLedger ledger;
    private final AgencyProfiles profiles;
    private final Verdicts verdicts;
    private final Languages languages;
    private final Clock clock;

    CertificateController(Certificates certificates, VerificationCodes codes, CertificateCodes shortCodes,
                          CertificateLedger ledger, AgencyProfiles profiles, Verdicts verdicts, Languages languages, Clock clock) {
        this.certificates = certificates;
        this.codes = codes;
        this.shortCodes = shortCodes;
        this.ledger = ledger;
        this.profiles = profiles;
        this.verdicts = verdicts;
        this.languages = languages;
        this.clock = clock;
    }

    /** What a certificate said, or what the registry says now, about one agency. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Statement(long agencyId, @Nullable String licenceNumber, @Nullable String licenceStatus,
                     @Nullable LocalDate validUntil, boolean blacklisted, Standing standing) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Verification(boolean genuine, Instant issuedAt, String agencyName, Statement certificate, Statement now,
                        boolean changed) {
    }

    @Get("/agencies/{id}/certificate.pdf")
    @Produces("application/pdf")
    @Operation(summary = "Verification certificate (PDF) with a short verification code and a QR code")
    HttpResponse<byte[]> certificate(HttpRequest<?> request, @PathVariable long id) {
        Certificates.Certificate certificate = certificates.issue(id, languages.resolve(request));
        return HttpResponse.ok(certificate.pdf())
                .header("Content-Disposition", "attachment; filename=\"certificate-" + id + ".pdf\"")
                .header("Cache-Control", "no-store");
    }

    /** The box for a code typed from paper; a well-formed code goes on to its page, a mistyped one is said beside the box. */
    @Get("/verify{?code}")
    @Produces(MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> typed(HttpRequest<?> request, @Nullable @QueryValue String code) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", true);
        if (code == null) {
            return HttpResponse.ok(new ModelAndView<>("portal/verify", model));
        }
        String typed = code.length() > 300 ? code.substring(0, 300) : code.strip();
        model.put("typed", typed);
        String lang = languages.resolve(request).getLanguage();
        CertificateCodes.Reading reading = shortCodes.read(typed);
        if (reading instanceof CertificateCodes.Reading.Code found) {
            return HttpResponse.seeOther(URI.create("/verify/" + shortCodes.printed(found.symbols()) + "?lang=" + lang));
        }
        if (reading instanceof CertificateCodes.Reading.NotShort && LONG_CODE.matcher(typed).matches()) {
            return HttpResponse.seeOther(URI.create("/verify/" + typed + "?lang=" + lang));
        }
        model.put("codeError", typed.isEmpty() ? "verify.code.empty" : "verify.code.mistyped");
        return HttpResponse.badRequest(new ModelAndView<>("portal/verify", model));
    }

    @Get("/verify/{code}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Is this certificate genuine, what did it say, and what is the agency's status now")
    HttpResponse<?> verify(HttpRequest<?> request, @PathVariable String code) {
        boolean html = ContentNegotiation.prefersHtml(request);
        CertificateCodes.Reading reading = shortCodes.read(code);
        Optional<VerificationCodes.Snapshot> said = reading instanceof CertificateCodes.Reading.Code found
                ? ledger.find(found.symbols())
                : reading instanceof CertificateCodes.Reading.NotShort ? codes.verify(code) : Optional.empty();
        Optional<Verification> verification = said.flatMap(this::check);
        if (verification.isEmpty()) {
            if (!html) {
                throw new RegistryException.BadRequest("verify.notGenuine");
            }
            Map<String, Object> model = new HashMap<>();
            model.put("mistyped", reading instanceof CertificateCodes.Reading.Mistyped);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("portal/verify", model));
        }
        if (!html) {
            return HttpResponse.ok(verification.get()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        Locale locale = languages.resolve(request);
        Verification v = verification.get();
        Map<String, Object> model = new HashMap<>();
        model.put("v", v);
        model.put("said", verdicts.banner(v.certificate().standing(), v.certificate().validUntil(), null, locale));
        model.put("nowBanner", verdicts.banner(v.now().standing(), v.now().validUntil(),
                v.now().standing().nextStepKey(false), locale));
        model.put("issued", verdicts.moment(v.issuedAt(), locale));
        model.put("checkedAt", verdicts.moment(Instant.now(clock), locale));
        return HttpResponse.ok(new ModelAndView<>("portal/verify", model));
    }

    /** A genuine code of an agency that no longer exists is as useless as a forged one. */
    private Optional<Verification> check(VerificationCodes.Snapshot said) {
        LocalDate today = LocalDate.now(clock);
        return profiles.agency(said.agencyId(), today).map(agency -> {
            LocalDate issuedOn = verdicts.day(said.issuedAt());
            Statement then = new Statement(said.agencyId(), said.licenceNumber(), said.licenceStatus(), said.validUntil(),
                    said.blacklisted(), Standing.of(said.licenceStatus(), said.validUntil(), said.blacklisted(), issuedOn));
            AgencyProfile.Licence licence = agency.licence();
            Statement now = new Statement(agency.id(), licence == null ? null : licence.number(),
                    licence == null ? null : licence.status(), licence == null ? null : licence.validUntil(),
                    agency.blacklisted(), agency.standing());
            boolean changed = then.standing() != now.standing() || !java.util.Objects.equals(then.validUntil(), now.validUntil());
            return new Verification(true, said.issuedAt(), agency.legalName(), then, now, changed);
        });
    }
}
