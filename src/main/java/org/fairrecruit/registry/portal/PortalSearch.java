package org.fairrecruit.registry.portal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The public search: a licence number is looked up exactly, any name goes through the matcher
 * (spelling, transliteration, word order, legal forms), and every hit carries its standing.
 */
@Singleton
class PortalSearch {
    private static final String AGENCY = "agency:";
    private static final String LISTING = "blacklist:";

    /** One search hit; {@code id} is stable: "agency:12" or "blacklist:3". */
    record Hit(String id, EntityType type, String name, String matchedName, double score, Verdict verdict,
               @Nullable String licenceNumber, @Nullable String licenceStatus, @Nullable LocalDate validUntil,
               boolean blacklisted, String url, Standing standing) {
    }

    /** A name that only looks like another: said explicitly, because look-alikes are how fake recruiters work. */
    record LookAlike(String messageKey, List<String> names) {
    }

    record Outcome(String query, List<Hit> hits, Optional<LookAlike> lookAlike) {
        Optional<Hit> best() {
            return hits.stream().findFirst();
        }
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
        if (q.isEmpty()) {
            return new Outcome(q, List.of(), Optional.empty());
        }
        LocalDate today = LocalDate.now(clock);
        Optional<Long> byLicence = type == EntityType.PERSON || q.chars().noneMatch(Character::isDigit)
                ? Optional.empty() : queries.agencyIdByLicence(q);
        List<Match> matches = index.search(new MatchQuery(q, type, null), limit);
        List<Long> agencyIds = Stream.concat(byLicence.stream(), matches.stream()
                .filter(m -> m.id().startsWith(AGENCY)).map(m -> number(m.id()))).distinct().toList();
        List<Long> listingIds = matches.stream().filter(m -> m.id().startsWith(LISTING)).map(m -> number(m.id())).toList();
        Map<Long, PortalQueries.AgencyCard> agencies = queries.agencyCards(agencyIds, today);
        Map<Long, AgencyProfile.Listing> listings = queries.listings(listingIds, today);

        List<Hit> hits = new ArrayList<>();
        byLicence.map(agencies::get).ifPresent(card -> hits.add(agencyHit(card, card.licenceNumber(), 1.0, Verdict.MATCH, today)));
        for (Match match : matches) {
            long id = number(match.id());
            if (match.id().startsWith(AGENCY) && agencies.containsKey(id) && byLicence.filter(l -> l == id).isEmpty()) {
                hits.add(agencyHit(agencies.get(id), match.matchedName(), match.score(), match.verdict(), today));
            } else if (match.id().startsWith(LISTING) && listings.containsKey(id)) {
                hits.add(listingHit(listings.get(id), match));
            }
        }
        List<Hit> limited = hits.size() > limit ? hits.subList(0, limit) : hits;
        return new Outcome(q, List.copyOf(limited), lookAlike(limited));
    }

    /** Current blacklist entries whose names (or whose agency's names) match, best first. */
    List<AgencyProfile.Listing> listingsNamed(String query, int limit, LocalDate today) {
        List<Match> matches = index.search(new MatchQuery(query.strip(), null, null), limit);
        Map<Long, AgencyProfile.Listing> listings = queries.listings(matches.stream()
                .filter(m -> m.id().startsWith(LISTING)).map(m -> number(m.id())).toList(), today);
        Map<Long, List<AgencyProfile.Listing>> ofAgencies = queries.listingsOfAgencies(matches.stream()
                .filter(m -> m.id().startsWith(AGENCY)).map(m -> number(m.id())).toList(), today).stream()
                .collect(java.util.stream.Collectors.groupingBy(AgencyProfile.Listing::agencyId));
        List<AgencyProfile.Listing> result = new ArrayList<>();
        for (Match match : matches) {
            long id = number(match.id());
            if (match.id().startsWith(LISTING) && listings.containsKey(id)) {
                result.add(listings.get(id));
            } else if (match.id().startsWith(AGENCY)) {
                result.addAll(ofAgencies.getOrDefault(id, List.of()));
            }
        }
        return result;
    }

    /**
     * Only a POSSIBLE best hit: the name merely resembles a registered one. A licensed agency among
     * the hits next to a blacklisted or unlicensed one: two names a worker could confuse.
     */
    private static Optional<LookAlike> lookAlike(List<Hit> hits) {
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        if (hits.get(0).verdict() == Verdict.POSSIBLE) {
            return Optional.of(new LookAlike("search.lookAlike.possible", List.of(hits.get(0).name())));
        }
        Optional<Hit> licensed = hits.stream().filter(h -> h.standing().mayRecruit()).findFirst();
        Optional<Hit> notLicensed = hits.stream().filter(h -> !h.standing().mayRecruit()).findFirst();
        if (licensed.isPresent() && notLicensed.isPresent()) {
            return Optional.of(new LookAlike("search.lookAlike.confusable",
                    List.of(licensed.get().name(), notLicensed.get().name())));
        }
        return Optional.empty();
    }

    private static Hit agencyHit(PortalQueries.AgencyCard card, String matchedName, double score, Verdict verdict,
                                 LocalDate today) {
        return new Hit(AGENCY + card.id(), EntityType.AGENCY, card.legalName(), matchedName, score, verdict,
                card.licenceNumber(), card.licenceStatus(), card.validUntil(), card.blacklisted(),
                "/agencies/" + card.id(), card.standing(today));
    }

    private static Hit listingHit(AgencyProfile.Listing listing, Match match) {
        EntityType type = "PERSON".equals(listing.subjectType()) ? EntityType.PERSON : EntityType.AGENCY;
        String url = "/blacklist?q=" + URLEncoder.encode(listing.name(), StandardCharsets.UTF_8) + "#entry-" + listing.id();
        return new Hit(LISTING + listing.id(), type, listing.name(), match.matchedName(), match.score(), match.verdict(),
                null, null, null, true, url, Standing.BLACKLISTED);
    }

    private static long number(String matcherId) {
        return Long.parseLong(matcherId.substring(matcherId.indexOf(':') + 1));
    }
}
