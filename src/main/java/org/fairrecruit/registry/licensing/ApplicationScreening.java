package org.fairrecruit.registry.licensing;

import org.fairrecruit.registry.kernel.PublicId;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyDirectory;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.Match;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.MatchableEntity;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.matching.Verdict;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Screens an applicant: the agency's names and each current key person's names against the
 * blacklist (through the name index) and against the disqualified — the key persons of agencies whose
 * licence was revoked within the disqualification period, and those agencies themselves.
 */
@Singleton
class ApplicationScreening {
    static final String BLACKLIST = "BLACKLIST";
    static final String DISQUALIFIED = "DISQUALIFIED";
    private static final int CANDIDATES = 10;
    private final RegistryNameIndex index;
    private final AgencyListings listings;
    private final Sql sql;
    private final AgencyDirectory directory;
    private final LicensingSettings settings;
    private final Clock clock;

    ApplicationScreening(RegistryNameIndex index, AgencyListings listings, Sql sql, AgencyDirectory directory,
                         LicensingSettings settings, Clock clock) {
        this.index = index;
        this.listings = listings;
        this.sql = sql;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    List<ScreeningHit> screen(Agency agency) {
        Instant now = Instant.now(clock);
        List<Disqualified> disqualified = disqualified(agency.id());
        List<ScreeningHit> hits = new ArrayList<>();
        if (revokedWithinPeriod(agency.id())) {
            hits.add(new ScreeningHit(agency.legalName(), DISQUALIFIED, PublicId.AGENCY.of(agency.id()), agency.legalName(), 1.0,
                    Verdict.MATCH, "this agency's own licence was revoked", now));
        }
        for (Agency.Name name : agency.names()) {
            MatchQuery query = new MatchQuery(name.name(), EntityType.AGENCY, agency.country());
            for (Match match : index.search(query, CANDIDATES)) {
                blacklistedAs(match, agency.id()).ifPresent(list -> hits.add(hit(name.name(), list, match, now)));
            }
        }
        for (Agency.KeyPerson person : agency.currentKeyPersons()) {
            List<String> names = person.nativeName() == null ? List.of(person.fullName())
                    : List.of(person.fullName(), person.nativeName());
            for (String name : names) {
                MatchQuery query = new MatchQuery(name, EntityType.PERSON, person.nationality());
                index.search(query, CANDIDATES).stream()
                        .filter(match -> PublicId.BLACKLIST.names(match.id()))
                        .forEach(match -> hits.add(hit(name, BLACKLIST, match, now)));
                disqualified.forEach(candidate -> index.compare(query, candidate.entity())
                        .ifPresent(match -> hits.add(hit(name, DISQUALIFIED, match, now))));
            }
        }
        return hits;
    }

    /** A hit on a listed entry, a listed registered agency, or an agency revoked within the period. */
    private Optional<String> blacklistedAs(Match match, long applicantId) {
        if (PublicId.BLACKLIST.names(match.id())) {
            return Optional.of(BLACKLIST);
        }
        Optional<Long> agency = PublicId.AGENCY.parse(match.id());
        if (agency.isEmpty() || agency.get() == applicantId) {
            return Optional.empty();
        }
        long agencyId = agency.get();
        if (listings.agencyListed(agencyId)) {
            return Optional.of(BLACKLIST);
        }
        return revokedWithinPeriod(agencyId) ? Optional.of(DISQUALIFIED) : Optional.empty();
    }

    private boolean revokedWithinPeriod(long agencyId) {
        return sql.count("SELECT COUNT(*) FROM licence l JOIN licence_status_change c ON c.licence_id = l.id "
                + "WHERE l.agency_id = ? AND c.to_status = ? AND c.occurred_at >= ?", agencyId, LicenceStatus.REVOKED,
                disqualifiedSince()) > 0;
    }

    private record Disqualified(MatchableEntity entity) {
    }

    /**
     * Key persons of other agencies whose licence was revoked within the period, who were in office at the
     * revocation or left less than a year before it.
     */
    private List<Disqualified> disqualified(long applicantId) {
        Map<Long, List<Instant>> revocations = new HashMap<>();
        sql.list("""
                SELECT l.agency_id, c.occurred_at FROM licence l JOIN licence_status_change c ON c.licence_id = l.id
                WHERE c.to_status = ? AND c.occurred_at >= ? AND l.agency_id <> ?""",
                rs -> revocations.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(Sql.instant(rs, "occurred_at")),
                LicenceStatus.REVOKED, disqualifiedSince(), applicantId);
        return directory.keyPersons(revocations.keySet()).entrySet().stream()
                .flatMap(agency -> agency.getValue().stream()
                        .filter(person -> revocations.get(agency.getKey()).stream().anyMatch(at -> inOfficeAt(person, at))))
                .sorted(Comparator.comparingLong(Agency.KeyPerson::id))
                .map(ApplicationScreening::disqualified).toList();
    }

    /** In office when the licence was revoked, or left less than a year before it. */
    private static boolean inOfficeAt(Agency.KeyPerson person, Instant revokedAt) {
        Instant started = person.startedOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        return !started.isAfter(revokedAt) && (person.endedOn() == null || !person.endedOn().atStartOfDay(ZoneOffset.UTC)
                .toInstant().isBefore(revokedAt.atZone(ZoneOffset.UTC).minusYears(1).toInstant()));
    }

    private static Disqualified disqualified(Agency.KeyPerson person) {
        List<String> names = new ArrayList<>();
        names.add(person.fullName());
        Optional.ofNullable(person.nativeName()).ifPresent(names::add);
        return new Disqualified(new MatchableEntity("key-person:" + person.id(), EntityType.PERSON, names,
                person.nationality()));
    }

    private Instant disqualifiedSince() {
        return LocalDate.now(clock).minusYears(settings.disqualificationYears()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static ScreeningHit hit(String subject, String list, Match match, Instant now) {
        return new ScreeningHit(subject, list, match.id(), match.matchedName(), match.score(), match.verdict(),
                match.explanation(), now);
    }
}
