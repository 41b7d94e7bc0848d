package org.fairrecruit.registry.sanction;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.audit.AuditEntry;
import org.fairrecruit.registry.audit.AuditQueries;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.support.RegisterWrites;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduled job runs rarely (registry.blacklist.expiry-interval); the tests call it directly. */
@MicronautTest(transactional = false)
@Property(name = "registry.blacklist.expiry-interval", value = "1h")
class BlacklistExpiryTest {
    @Inject BlacklistExpiry expiry;
    @Inject RegisterWrites register;
    @Inject AuditQueries audit;
    @Inject RegistryNameIndex index;
    @Inject EmbeddedServer server;

    /** Whether the name index shows the listing once it has caught up (it refreshes searches within a second). */
    private boolean searchable(String name, String id, boolean expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        boolean found;
        do {
            index.followChanges();
            found = index.search(new MatchQuery(name, null, null), 5).stream().anyMatch(m -> m.id().equals(id));
            if (found != expected) {
                Thread.sleep(100);
            }
        } while (found != expected && Instant.now().isBefore(deadline));
        return found;
    }

    private void list(long id, String name, String expiresOn) {
        register.write(EntityKind.BLACKLIST_ENTRY, id, "INSERT INTO blacklist_entry (id, subject_type, name, "
                + "reason_category, legal_basis, listed_on, expires_on, created_at) VALUES (" + id + ", 'PERSON', '"
                + name + "', 'ILLEGAL_RECRUITMENT', 'Demo Act s. 6', '2020-01-01', " + expiresOn + ", NOW(6))");
    }

    @Test
    void listing_whose_expiry_date_passed_leaves_the_name_index_with_an_audit_entry_and_a_feed_row() throws Exception {
        list(11, "Kestrel Demo Harbourman", "CURRENT_DATE");
        list(12, "Osprey Demo Valleyman", "CURRENT_DATE + INTERVAL 1 DAY");
        assertTrue(searchable("Kestrel Demo Harbourman", "blacklist-11", true), "in force on its last day");
        long feedBefore = register.count("SELECT COUNT(*) FROM change_feed WHERE entity_id = 11");

        // A day passes for listing 11 only: nothing announces that.
        register.execute("UPDATE blacklist_entry SET expires_on = CURRENT_DATE - INTERVAL 1 DAY WHERE id = 11");
        expiry.expireDue();

        assertFalse(searchable("Kestrel Demo Harbourman", "blacklist-11", false), "gone from the name index");
        assertTrue(searchable("Osprey Demo Valleyman", "blacklist-12", true), "a listing still in force stays");
        assertEquals(feedBefore + 1, register.count("SELECT COUNT(*) FROM change_feed WHERE entity_id = 11 "
                + "AND entity_kind = 'BLACKLIST_ENTRY'"));
        assertEquals(1, register.count("SELECT COUNT(*) FROM blacklist_entry WHERE id = 11 AND expiry_processed_at IS NOT NULL"));
        List<AuditEntry> entries = audit.forEntity("blacklist_entry", "11");
        assertEquals(1, entries.size());
        assertEquals("system", entries.get(0).actor());
        assertEquals("blacklist.expired", entries.get(0).action());
        assertFalse(new WebClient(server.getURI()).getJson("/opendata/blacklist.json").body().contains("blacklist-11"));
    }

    @Test
    void an_expired_listing_is_processed_once_and_a_delisted_one_never() {
        list(21, "Heron Demo Marshman", "CURRENT_DATE - INTERVAL 3 DAY");
        list(22, "Plover Demo Sandman", "CURRENT_DATE - INTERVAL 3 DAY");
        register.write(EntityKind.BLACKLIST_ENTRY, 22,
                "UPDATE blacklist_entry SET delisted_on = CURRENT_DATE - INTERVAL 5 DAY, delisting_reason = 'x' WHERE id = 22");

        expiry.expireDue();
        expiry.expireDue();

        assertEquals(1, audit.forEntity("blacklist_entry", "21").size());
        assertEquals(0, audit.forEntity("blacklist_entry", "22").size());
        assertEquals(0, register.count("SELECT COUNT(*) FROM blacklist_entry WHERE expiry_processed_at IS NOT NULL AND id = 22"));
    }
}
