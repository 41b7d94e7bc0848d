package org.fairrecruit.registry.portal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.kernel.PublicId;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.Match;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.matching.Verdict;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The public search: licence and registration numbers are looked up as numbers (case, separators,
 * O/0 and I/1 forgiven), any name goes through the matcher (spelling, transliteration, word order,
 * legal forms), and every hit carries its standing and how it was found.
 */
@Singleton
class PortalSearch {

    /** What the query was read as when it found a hit. */
    enum FoundBy { NAME, LICENCE_NUMBER, REGISTRATION_NUMBER }

    /**
     * One search hit; {@code id} is stable: "agency-12" or "blacklist-3". {@code nameDiffers}: the
     * query is not the registered (or listed) name, which impostors count on nobody noticing.
     */
    record Hit(String id, EntityType type, String name, String matchedName, double score, Verdict verdict,
               @Nullable String licenceNumber, @Nullable String licenceStatus, @Nullable LocalDate validUntil,
               boolean blacklisted, String url, Standing standing, FoundBy foundBy, boolean nameDiffers) {
        public boolean person() {
            return type == EntityType.PERSON;
        }
    }

    /** A name that only looks like another: said explicitly, because look-alikes are how fake recruiters work. */
    record LookAlike(String messageKey, List<String> names) {
    }

    /** {@code number}: the query has digits, so a miss is said as "no such number", not "no such name". */
    record Outcome(String query, List<Hit> hits, List<LookAlike> lookAlikes, boolean number) {
    }

    private final RegistryNameIndex index;
    private final PortalQueries queries;
    private final Clock clock;

    PortalSearch(RegistryNameIndex index, PortalQueries queries, Clock clock) {
        this.index = index;
        this.queries = queries;
        this.clock = clock;
    }

    Outcome search(String query, @Nullable EntityType type, int limit) {
        String q = query == null ? "" : query.strip();
        boolean number = q.chars().anyMatch(Character::isDigit);
        if (q.isEmpty()) {
            return new Outcome(q, List.of(), List.of(), false);
        }
        LocalDate today = LocalDate.now(clock);
        Optional<PortalQueries.NumberHit> byNumber = type == EntityType.PERSON || !number
                ? Optional.empty() : queries.agencyByNumber(q);
        List<Match> matches = index.search(new MatchQuery(q, type, null), limit);
        List<Long> agencyIds = Stream.concat(byNumber.map(PortalQueries.NumberHit::agencyId).stream(), ids(matches, PublicId.AGENCY).stream())
                .distinct().toList();
        List<Long> listingIds = ids(matches, PublicId.BLACKLIST);
        Map<Long, PortalQueries.AgencyCard> agencies = queries.agencyCards(agencyIds, today);
        Map<Long, AgencyProfile.Listing> listings = queries.listings(listingIds, today);

        List<Hit> hits = new ArrayList<>();
        byNumber.ifPresent(found -> Optional.ofNullable(agencies.get(found.agencyId())).ifPresent(card ->
                hits.add(agencyHit(card, found.number(), 1.0, Verdict.MATCH, found.foundBy(), false, today))));
        for (Match match : matches) {
            Optional<Long> agencyId = PublicId.AGENCY.parse(match.id()).filter(agencies::containsKey);
            Optional<Long> listingId = PublicId.BLACKLIST.parse(match.id()).filter(listings::containsKey);
            if (agencyId.isPresent() && byNumber.filter(found -> found.agencyId() == agencyId.get()).isEmpty()) {
                PortalQueries.AgencyCard card = agencies.get(agencyId.get());
                hits.add(agencyHit(card, match.matchedName(), match.score(), match.verdict(), FoundBy.NAME,
                        differs(q, card.legalName()), today));
            } else if (listingId.isPresent()) {
                AgencyProfile.Listing listing = listings.get(listingId.get());
                hits.add(listingHit(listing, match, differs(q, listing.name())));
            }
        }
        List<Hit> limited = hits.size() > limit ? hits.subList(0, limit) : hits;
        return new Outcome(q, List.copyOf(limited), lookAlikes(q, limited), number);
    }

    /** Case, spacing and punctuation aside, is the query another name than the registered one? */
    private static boolean differs(String query, String registered) {
        return !comparable(query).equals(comparable(registered));
    }

    private static String comparable(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** Current blacklist entries whose names (or whose agency's names) match, best first. */
    List<AgencyProfile.Listing> listingsNamed(String query, int limit, LocalDate today) {
        List<Match> matches = index.search(new MatchQuery(query.strip(), null, null), limit);
        Map<Long, AgencyProfile.Listing> listings = queries.listings(ids(matches, PublicId.BLACKLIST), today);
        Map<Long, List<AgencyProfile.Listing>> ofAgencies = queries.listingsOfAgencies(ids(matches, PublicId.AGENCY), today).stream()
                .collect(java.util.stream.Collectors.groupingBy(AgencyProfile.Listing::agencyId));
        List<AgencyProfile.Listing> result = new ArrayList<>();
        for (Match match : matches) {
            PublicId.BLACKLIST.parse(match.id()).map(listings::get).ifPresent(result::add);
            PublicId.AGENCY.parse(match.id()).ifPresent(id -> result.addAll(ofAgencies.getOrDefault(id, List.of())));
        }
        return result;
    }

    /**
     * A POSSIBLE best hit: the name merely resembles a registered one, and when that one is on the
     * blacklist, the resemblance itself is the warning (listed recruiters come back under altered
     * names). A licensed agency among the hits next to an unlicensed or listed one: two names a
     * worker could confuse.
     */
    private static List<LookAlike> lookAlikes(String query, List<Hit> hits) {
        List<LookAlike> warnings = new ArrayList<>();
        if (hits.isEmpty()) {
            return warnings;
        }
        Hit best = hits.get(0);
        if (best.verdict() == Verdict.POSSIBLE) {
            if (!best.blacklisted()) {
                warnings.add(new LookAlike("search.lookAlike.possible", List.of(best.name())));
            } else {
                warnings.add(new LookAlike(best.person() ? "search.lookAlike.listedPerson" : "search.lookAlike.listed",
                        List.of(query, best.name())));
            }
        }
        Optional<Hit> licensed = hits.stream().filter(h -> h.standing().mayRecruit()).findFirst();
        Optional<Hit> notLicensed = hits.stream().filter(h -> !h.standing().mayRecruit() && !h.person()).findFirst();
        if (licensed.isPresent() && notLicensed.isPresent()) {
            warnings.add(new LookAlike("search.lookAlike.confusable",
                    List.of(licensed.get().name(), notLicensed.get().name())));
        }
        return warnings;
    }

    private static Hit agencyHit(PortalQueries.AgencyCard card, String matchedName, double score, Verdict verdict,
                                 FoundBy foundBy, boolean nameDiffers, LocalDate today) {
        return new Hit(PublicId.AGENCY.of(card.id()), EntityType.AGENCY, card.legalName(), matchedName, score, verdict,
                card.licenceNumber(), card.licenceStatus(), card.validUntil(), card.blacklisted(),
                "/agencies/" + card.id(), card.standing(today), foundBy, nameDiffers);
    }

    private static Hit listingHit(AgencyProfile.Listing listing, Match match, boolean nameDiffers) {
        EntityType type = "PERSON".equals(listing.subjectType()) ? EntityType.PERSON : EntityType.AGENCY;
        String url = "/blacklist?q=" + URLEncoder.encode(listing.name(), StandardCharsets.UTF_8) + "#entry-" + listing.id();
        return new Hit(PublicId.BLACKLIST.of(listing.id()), type, listing.name(), match.matchedName(), match.score(), match.verdict(),
                null, null, null, true, url, Standing.BLACKLISTED, FoundBy.NAME, nameDiffers);
    }

    private static List<Long> ids(List<Match> matches, PublicId kind) {
        return matches.stream().flatMap(m -> kind.parse(m.id()).stream()).toList();
    }
}
