package org.fairrecruit.registry.intake;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.kernel.PublicId;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.matching.Verdict;

import java.util.List;
import java.util.Optional;

/** "Did you mean …?": the registered agencies a reporter's free-text name may mean, through the matcher. */
@Singleton
class AgencyNames {
    private static final int SUGGESTIONS = 3;

    record Suggestion(long agencyId, String name, String licenceNumber, boolean confident) {
    }

    private final RegistryNameIndex index;
    private final AgencyRegister agencies;
    private final Licensing licensing;

    AgencyNames(RegistryNameIndex index, AgencyRegister agencies, Licensing licensing) {
        this.index = index;
        this.agencies = agencies;
        this.licensing = licensing;
    }

    List<Suggestion> suggest(String name) {
        return candidates(name).stream()
                .flatMap(c -> suggestion(c.agencyId(), c.confident()).stream())
                .toList();
    }

    /** The agency the name surely means, when the matcher is confident of exactly one. */
    Optional<Long> confident(String name) {
        List<Candidate> confident = candidates(name).stream().filter(Candidate::confident).toList();
        return confident.size() == 1 ? Optional.of(confident.get(0).agencyId()) : Optional.empty();
    }

    private record Candidate(long agencyId, boolean confident) {
    }

    private List<Candidate> candidates(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        return index.search(new MatchQuery(name.strip(), EntityType.AGENCY, null), SUGGESTIONS).stream()
                .flatMap(m -> PublicId.AGENCY.parse(m.id()).stream().map(id -> new Candidate(id, m.verdict() == Verdict.MATCH)))
                .toList();
    }

    Optional<Suggestion> suggestion(long agencyId, boolean confident) {
        return agencies.find(agencyId).map(agency -> new Suggestion(agencyId, agency.legalName(),
                licensing.current(agencyId).map(Licence::licenceNumber).orElse(null), confident));
    }
}
