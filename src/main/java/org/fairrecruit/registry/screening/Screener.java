package org.fairrecruit.registry.screening;

import org.fairrecruit.registry.kernel.PublicId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.licensing.AgencyStandings;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.Match;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.matching.Verdict;
import org.fairrecruit.registry.sanction.Listings;
import org.fairrecruit.registry.sanction.PublishedBlacklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Screens names: the matcher finds and explains candidates, then a country or licence number
 * given with the query raises or lowers each candidate's score, and says so. The same data gives
 * the same answer: candidates are ordered by score, then id.
 */
@Singleton
class Screener {
    private final RegistryNameIndex index;
    private final AgencyStandings standings;
    private final PublishedBlacklist blacklist;
    private final Listings listings;
    private final ScreeningRules rules;
    private final Clock clock;

    Screener(RegistryNameIndex index, AgencyStandings standings, PublishedBlacklist blacklist, Listings listings,
             ScreeningRules rules, Clock clock) {
        this.index = index;
        this.standings = standings;
        this.blacklist = blacklist;
        this.listings = listings;
        this.rules = rules;
        this.clock = clock;
    }

    /** {@code queries} are valid and normalised; one result per query, in order. */
    @Transactional(readOnly = true)
    public List<QueryResult> screen(List<ScreeningQuery> queries) {
        // On every core; a name asked twice in one call (files repeat names) is searched once.
        List<MatchQuery> asked = queries.stream().map(q -> new MatchQuery(q.name(), q.entityType(), null)).toList();
        Map<MatchQuery, List<Match>> byQuery = asked.stream().distinct().toList().parallelStream()
                .collect(Collectors.toConcurrentMap(q -> q, q -> index.search(q, rules.candidatesPerQuery)));
        List<List<Match>> found = asked.stream().map(byQuery::get).toList();
        Set<Long> agencyIds = new LinkedHashSet<>();
        Set<Long> listingIds = new LinkedHashSet<>();
        found.forEach(matches -> matches.forEach(m -> {
            PublicId.AGENCY.parse(m.id()).ifPresent(agencyIds::add);
            PublicId.BLACKLIST.parse(m.id()).ifPresent(listingIds::add);
        }));
        Map<Long, AgencyStandings.Standing> agencies = standings.of(agencyIds);
        Set<Long> listed = blacklist.listedAgencies(agencyIds, LocalDate.now(clock));
        Map<Long, String> listingNames = listings.listedNames(listingIds);

        List<QueryResult> results = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            ScreeningQuery query = queries.get(i);
            List<Candidate> candidates = new ArrayList<>();
            for (Match match : found.get(i)) {
                PublicId.AGENCY.parse(match.id()).flatMap(id -> Optional.ofNullable(agencies.get(id))
                        .flatMap(a -> agency(query, match, a, listed.contains(id)))).ifPresent(candidates::add);
                PublicId.BLACKLIST.parse(match.id()).flatMap(id -> Optional.ofNullable(listingNames.get(id))
                        .flatMap(name -> listing(match, id, name))).ifPresent(candidates::add);
            }
            candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.score()).thenComparing(Candidate::id));
            results.add(new QueryResult(query.ref(), List.copyOf(candidates)));
        }
        return results;
    }

    private Optional<Candidate> agency(ScreeningQuery query, Match match, AgencyStandings.Standing agency, boolean listed) {
        double score = match.score();
        List<String> notes = new ArrayList<>(List.of(match.explanation()));
        if (query.country() != null && agency.country() != null) {
            if (query.country().equalsIgnoreCase(agency.country())) {
                score += rules.countryBonus;
                notes.add("registered in " + agency.country() + " as asked (score raised)");
            } else {
                score -= rules.countryPenalty;
                notes.add("registered in " + agency.country() + ", not " + query.country() + " (score lowered)");
            }
        }
        if (query.licenceNumber() != null) {
            String asked = AgencyStandings.key(query.licenceNumber());
            if (agency.licenceNumber() != null && asked.equals(AgencyStandings.key(agency.licenceNumber()))) {
                score += rules.licenceBonus;
                notes.add("licence number " + agency.licenceNumber() + " matches (score raised)");
            } else {
                score -= rules.licencePenalty;
                notes.add(agency.licenceNumber() == null
                        ? "holds no licence number, " + query.licenceNumber() + " was asked (score lowered)"
                        : "holds licence " + agency.licenceNumber() + ", not " + query.licenceNumber() + " (score lowered)");
            }
        }
        double adjusted = round(Math.max(0, Math.min(1, score)));
        return rules.verdict(adjusted).map(verdict -> new Candidate(PublicId.AGENCY.of(agency.agencyId()), EntityType.AGENCY,
                agency.legalName(), match.matchedName(), adjusted, verdict, String.join("; ", notes),
                agency.licenceStatus() == null ? null : agency.licenceStatus().name(), listed));
    }

    private static Optional<Candidate> listing(Match match, long id, String name) {
        Verdict verdict = match.verdict();
        return Optional.of(new Candidate(PublicId.BLACKLIST.of(id), match.type(), name, match.matchedName(), match.score(),
                verdict, match.explanation(), null, true));
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
