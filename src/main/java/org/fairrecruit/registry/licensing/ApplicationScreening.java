package org.fairrecruit.registry.licensing;

import org.fairrecruit.registry.kernel.PublicId;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.Agency;
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
import java.util.List;
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
    private final LicensingSettings settings;
    private final Clock clock;

    ApplicationScreening(RegistryNameIndex index, AgencyListings listings, Sql sql, LicensingSettings settings, Clock clock) {
        this.index = index;
        this.listings = listings;
        this.sql = sql;
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
                + "WHERE l.agency_id = ? AND c.to_status = 'REVOKED' AND c.occurred_at >= ?", agencyId,
                disqualifiedSince()) > 0;
    }

    private record Disqualified(MatchableEntity entity) {
    }

    /**
     * Key persons of other agencies whose licence was revoked within the period, who were in office at the
     * revocation or left less than a year before it.
     */
    private List<Disqualified> disqualified(long applicantId) {
        return sql.list("""
                SELECT DISTINCT p.id, p.full_name, p.native_name, p.nationality FROM key_person p
                JOIN licence l ON l.agency_id = p.agency_id
                JOIN licence_status_change c ON c.licence_id = l.id AND c.to_status = 'REVOKED'
                WHERE c.occurred_at >= ? AND p.started_on <= c.occurred_at
                  AND (p.ended_on IS NULL OR p.ended_on >= DATE_SUB(c.occurred_at, INTERVAL 1 YEAR))
                  AND p.agency_id <> ?""", rs -> {
            List<String> names = new ArrayList<>();
            names.add(rs.getString("full_name"));
            Optional.ofNullable(rs.getString("native_name")).ifPresent(names::add);
            return new Disqualified(new MatchableEntity("key-person:" + rs.getLong("id"), EntityType.PERSON, names,
                    rs.getString("nationality")));
        }, disqualifiedSince(), applicantId);
    }

    private Instant disqualifiedSince() {
        return LocalDate.now(clock).minusYears(settings.disqualificationYears()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static ScreeningHit hit(String subject, String list, Match match, Instant now) {
        return new ScreeningHit(subject, list, match.id(), match.matchedName(), match.score(), match.verdict(),
                match.explanation(), now);
    }
}
