package org.fairrecruit.registry.complaint;

import org.fairrecruit.registry.kernel.PublicId;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.matching.Match;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;

import java.util.List;

/** Unlicensed recruiters found by any spelling of any of their names, best first (staff only). */
@Singleton
public class RecruiterSearch {
    private static final int CANDIDATES = 50;
    private final RegistryNameIndex index;
    private final UnlicensedRecruiters recruiters;

    RecruiterSearch(RegistryNameIndex index, UnlicensedRecruiters recruiters) {
        this.index = index;
        this.recruiters = recruiters;
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Hit(UnlicensedRecruiters.Recruiter recruiter, String matchedName, double score, String verdict) {
    }

    public List<Hit> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String q = query.strip().length() > 200 ? query.strip().substring(0, 200) : query.strip();
        return index.search(new MatchQuery(q, null, null), CANDIDATES).stream()
                .flatMap(m -> PublicId.RECRUITER.parse(m.id()).flatMap(recruiters::find)
                        .map(r -> new Hit(r, m.matchedName(), m.score(), m.verdict().name())).stream())
                .limit(limit).toList();
    }
}
