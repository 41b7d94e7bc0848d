package org.fairrecruit.registry.complaint;

import org.fairrecruit.registry.kernel.PublicId;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchableEntity;
import org.fairrecruit.registry.matching.NameSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Unlicensed recruiters with their aliases for the name index, as "recruiter-N". The portal shows only
 * agencies and listings, so a recruiter named in a complaint is found by staff, never by the public.
 */
@Singleton
class RecruiterNames implements NameSource {
    private final UnlicensedRecruiters recruiters;

    RecruiterNames(UnlicensedRecruiters recruiters) {
        this.recruiters = recruiters;
    }

    @Override
    public EntityKind kind() {
        return EntityKind.UNLICENSED_RECRUITER;
    }

    @Override
    public String matcherId(long id) {
        return PublicId.RECRUITER.of(id);
    }

    @Override
    public SortedMap<Long, MatchableEntity> page(long afterId, int limit) {
        SortedMap<Long, MatchableEntity> page = new TreeMap<>();
        recruiters.page(afterId, limit).forEach(recruiter -> page.put(recruiter.id(), entity(recruiter)));
        return page;
    }

    @Override
    public Optional<MatchableEntity> one(long id) {
        return recruiters.find(id).map(this::entity);
    }

    private MatchableEntity entity(UnlicensedRecruiters.Recruiter recruiter) {
        List<String> names = new ArrayList<>();
        names.add(recruiter.name());
        names.addAll(recruiter.aliases());
        EntityType type = recruiter.kind() == UnlicensedRecruiters.Kind.PERSON ? EntityType.PERSON : EntityType.AGENCY;
        return new MatchableEntity(matcherId(recruiter.id()), type, names, recruiter.country());
    }
}
