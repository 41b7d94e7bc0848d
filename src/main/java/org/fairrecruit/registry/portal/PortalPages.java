package org.fairrecruit.registry.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.web.Languages;
import org.fairrecruit.registry.web.RenderedPages;
import org.fairrecruit.registry.kernel.Paging;
import org.fairrecruit.registry.kernel.RegistryException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The public portal's pages: search results, an agency, the blacklist, the hotline's contacts. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class PortalPages {
    private static final int RESULTS = 20;
    private static final int LISTINGS_PER_PAGE = 50;
    private static final MediaType HTML = MediaType.of(MediaType.TEXT_HTML + ";charset=utf-8");

    /** A verdict as the page shows it: the words, the banner's colour and what to do next. */
    record Banner(String text, String tone, @Nullable String nextStep) {
    }

    record HitView(PortalSearch.Hit hit, Banner banner) {
    }

    private final PortalSearch search;
    private final PortalQueries queries;
    private final AgencyProfiles profiles;
    private final Verdicts verdicts;
    private final Languages languages;
    private final Clock clock;
    private final AgencyPages pages;
    private final RenderedPages rendered;

    PortalPages(PortalSearch search, PortalQueries queries, AgencyProfiles profiles, Verdicts verdicts, Languages languages,
                Clock clock, AgencyPages pages, RenderedPages rendered) {
        this.search = search;
        this.queries = queries;
        this.profiles = profiles;
        this.pages = pages;
        this.rendered = rendered;
        this.verdicts = verdicts;
        this.languages = languages;
        this.clock = clock;
    }

    @Get("/search{?q,type}")
    @View("portal/search")
    Map<String, Object> search(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String type) {
        Locale locale = languages.resolve(request);
        PortalSearch.Outcome outcome = search.search(q == null ? "" : truncate(q), parseType(type), RESULTS);
        Map<String, Object> model = page(locale);
        model.put("q", outcome.query());
        model.put("hits", outcome.hits().stream().map(hit -> new HitView(hit, verdicts.banner(hit.standing(),
                hit.validUntil(), hit.standing().nextStepKey(hit.person()), locale))).toList());
        model.put("noMatch", !outcome.query().isEmpty() && outcome.hits().isEmpty());
        model.put("noMatchBanner", new Banner(verdicts.text(outcome.number() ? "search.noMatch.number" : "search.noMatch",
                locale, outcome.query()), "bad", verdicts.text("next.NOT_LICENSED", locale)));
        model.put("lookAlikes", outcome.lookAlikes().stream()
                .map(warning -> verdicts.text(warning.messageKey(), locale, warning.names().toArray())).toList());
        model.put("reportUrl", reportUrl(outcome.query()));
        return model;
    }

    /**
     * An unknown or malformed number is what a fake "agency page" link would carry: say so plainly. The page
     * every visitor gets alike (no one signed in, no query but the language) is served kept ({@link AgencyPages}),
     * with a strong ETag, so a browser that has it gets a 304 until the page or the time of the check it shows changes.
     */
    @Get("/agencies/{id}")
    HttpResponse<?> agency(HttpRequest<?> request, @PathVariable String id) {
        Locale locale = languages.resolve(request);
        Optional<AgencyProfile> agency = parseId(id).flatMap(n -> profiles.agency(n, LocalDate.now(clock)));
        Map<String, Object> model = page(locale);
        if (agency.isEmpty()) {
            model.put("id", id.length() > 40 ? id.substring(0, 40) : id);
            model.put("banner", new Banner(verdicts.text("agency.unknown", locale), "bad",
                    verdicts.text("next.NOT_LICENSED", locale)));
            model.put("reportUrl", "/report");
            return HttpResponse.notFound(new ModelAndView<>("portal/unknown-agency", model));
        }
        AgencyProfile profile = agency.get();
        model.put("banner", verdicts.banner(profile.standing(), profile.licence() == null ? null
                : profile.licence().validUntil(), profile.standing().nextStepKey(false), locale));
        model.put("reportUrl", reportUrl(profile.legalName()));
        // The page's texts are worked out only for a render: a kept page needs none of them.
        if (!sameForEveryVisitor(request, id)) {
            model.put("agency", AgencyView.of(profile, locale, verdicts));
            return HttpResponse.ok(new ModelAndView<>("portal/agency", model));
        }
        AgencyPages.Page page = pages.page(profile, locale.getLanguage(), verdicts.offset(Instant.now(clock)),
                (String) model.get("checkedAt"), checkedAt -> {
                    model.put("agency", AgencyView.of(profile, locale, verdicts));
                    model.put("checkedAt", checkedAt);
                    return rendered.render(request, "portal/agency", model);
                });
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        MutableHttpResponse<?> response = ifNoneMatch != null && page.matches(ifNoneMatch)
                ? HttpResponse.notModified() : HttpResponse.ok(page.body()).contentType(HTML);
        return response.header(HttpHeaders.ETAG, page.etag()).header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    /** Whether the page's bytes depend on nothing but the agency, the language and the time of the check: no user, no other query. */
    private static boolean sameForEveryVisitor(HttpRequest<?> request, String id) {
        return request.getMethod() == HttpMethod.GET && request.getUserPrincipal().isEmpty()
                && parseId(id).map(String::valueOf).filter(id::equals).isPresent()
                && request.getParameters().names().stream().allMatch(Languages.QUERY_PARAM::equals);
    }

    @Get("/blacklist{?q,page}")
    @View("portal/blacklist")
    Map<String, Object> blacklist(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        Locale locale = languages.resolve(request);
        Map<String, Object> model = page(locale);
        model.put("q", q == null ? "" : q.strip());
        model.put("listings", listings(search, queries, q, Paging.of(page, LISTINGS_PER_PAGE), LocalDate.now(clock)));
        return model;
    }

    @Get("/contact")
    @View("portal/contact")
    Map<String, Object> contact() {
        return new HashMap<>();
    }

    /** What every portal page with dates needs: dates and country names in its language, the time of the check. */
    private Map<String, Object> page(Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("dates", new Dates(verdicts, locale));
        model.put("checkedAt", verdicts.moment(Instant.now(clock), locale));
        // Free text from the register (remarks, legal bases) is written by staff in the first language.
        model.put("dataLang", languages.supported().get(0));
        return model;
    }

    /** With a name: the current listings that name matches, best first; without: all, newest first. */
    static List<AgencyProfile.Listing> listings(PortalSearch search, PortalQueries queries, @Nullable String q,
                                                Paging paging, LocalDate today) {
        if (q == null || q.isBlank()) {
            return queries.currentListings(paging, today);
        }
        return search.listingsNamed(truncate(q), paging.size(), today);
    }

    /** The report form, told which name the worker looked for. */
    static String reportUrl(String name) {
        return name.isBlank() ? "/report" : "/report?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Nullable
    static EntityType parseType(@Nullable String type) {
        if (type == null || type.isBlank() || "ANY".equalsIgnoreCase(type)) {
            return null;
        }
        try {
            return EntityType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new RegistryException.BadRequest("search.type.invalid");
        }
    }

    /** Names are never this long; a longer query is someone testing the limits. */
    static String truncate(String q) {
        return q.length() > 200 ? q.substring(0, 200) : q;
    }

    /**
     * Dates, times and country names in the page's language, for templates. Public, as the records templates
     * call methods on: OGNL invokes a method of a non-public type holding a lock on it, which every page's
     * render then waits for.
     */
    public record Dates(Verdicts verdicts, Locale locale) {
        public String format(@Nullable LocalDate date) {
            return verdicts.date(date, locale);
        }

        public String format(@Nullable Instant instant) {
            return instant == null ? "" : verdicts.date(verdicts.day(instant), locale);
        }

        public String country(String code) {
            return verdicts.country(code, locale);
        }
    }
}
