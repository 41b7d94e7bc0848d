package org.fairrecruit.registry.kernel;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicIdTest {

    @Test
    void an_id_reads_back_as_the_number_it_was_written_from() {
        assertEquals("agency-12", PublicId.AGENCY.of(12));
        assertEquals(Optional.of(12L), PublicId.AGENCY.parse(PublicId.AGENCY.of(12)));
        assertEquals(Optional.of(3L), PublicId.BLACKLIST.parse("blacklist-3"));
        assertEquals(Optional.of(7L), PublicId.RECRUITER.parse("recruiter-7"));
    }

    @Test
    void an_id_of_another_kind_is_not_read_as_this_kind() {
        assertFalse(PublicId.BLACKLIST.names("recruiter-3"));
        assertFalse(PublicId.AGENCY.names("blacklist-3"));
        assertTrue(PublicId.RECRUITER.names("recruiter-3"));
    }

    @Test
    void malformed_ids_are_refused_rather_than_misread() {
        for (String odd : new String[] {"agency:12", "agency-", "agency-1x", "agency--1", "agency-99999999999999999999", "Agency-1", " agency-1"}) {
            assertTrue(PublicId.AGENCY.parse(odd).isEmpty(), odd);
        }
        assertTrue(PublicId.AGENCY.parse(null).isEmpty());
    }
}
