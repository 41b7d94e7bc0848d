package org.fairrecruit.registry.matching;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.complaint.UnlicensedRecruiters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index loads each source page by page: the pages together must hold what one read of everything holds. */
@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
class NameSourcePagesTest {
    @Inject List<NameSource> sources;
    @Inject UnlicensedRecruiters recruiters;

    @Test
    void pages_of_one_record_add_up_to_every_record_once_with_the_names_it_has_on_its_own() {
        recruiters.create("officer", UnlicensedRecruiters.Kind.PERSON, "Paging Demo Recruiter", List.of("P. D. Recruiter"), "NP");
        recruiters.create("officer", UnlicensedRecruiters.Kind.BUSINESS, "Paging Demo Travels", List.of(), null);
        for (NameSource source : sources) {
            List<MatchableEntity> paged = new ArrayList<>();
            SortedMap<Long, MatchableEntity> page = source.page(0, 1);
            while (!page.isEmpty()) {
                paged.addAll(page.values());
                page.forEach((id, entity) -> assertEquals(source.one(id).orElseThrow(), entity, source.kind() + " " + id));
                page = source.page(page.lastKey(), 1);
            }
            List<MatchableEntity> atOnce = List.copyOf(source.page(0, Integer.MAX_VALUE).values());
            assertTrue(atOnce.size() >= 2, source.kind() + ": too few records to page through");
            assertEquals(atOnce, paged, source.kind().toString());
        }
    }
}
