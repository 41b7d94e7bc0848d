package org.fairrecruit.registry.complaint;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.fee.NewFee;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One call creates a case from any channel with its fees, evidence and sealed contact, or nothing at all. */
@MicronautTest(transactional = false)
class ComplaintIntakeTest {
    @Inject ComplaintIntake intake;
    @Inject ComplaintContacts contacts;
    @Inject RegisterFixtures register;
    @Inject Sql sql;

    @Test
    void a_case_is_stored_with_its_fees_evidence_and_sealed_contact_in_one_transaction() {
        long agency = register.agency("Everest Intake Manpower").id();
        byte[] receipt = "receipt: NPR 150000 placement".getBytes(StandardCharsets.UTF_8);
        Receipt created = intake.receive(new NewComplaint(null, Channel.WEB, Category.PROHIBITED_FEES,
                "मैले तीन महिनाको तलब बराबर शुल्क तिरेँ।", "ne", agency, null, null, "my", "Example Factory Sdn Bhd",
                "1500.00", "MYR",
                List.of(new NewFee("RECRUITMENT_FEE", "150000", "NPR", LocalDate.now().minusMonths(2), "AGENCY", null,
                        null, null)),
                List.of(new NewAttachment("receipt.txt", "text/plain", receipt)),
                new Contact("Sita Example", "+977 9800000001", "sita@example.test", "ne")));

        assertTrue(ComplaintReference.parse(created.reference()).isPresent());
        assertEquals(ComplaintStatus.RECEIVED, created.status());
        assertEquals(List.of("WEB|PROHIBITED_FEES|MY|ne|public"), sql.list("SELECT channel, category, destination_country, "
                + "language, created_by FROM complaint WHERE id = ?", rs -> rs.getString(1) + "|" + rs.getString(2) + "|"
                + rs.getString(3) + "|" + rs.getString(4) + "|" + (rs.getString(5) == null ? "public" : "staff"), created.id()));
        assertEquals(List.of("RECRUITMENT_FEE 150000.0000 NPR MY"), sql.list("SELECT fee_type, amount, currency, "
                + "destination_country FROM fee_record WHERE complaint_id = ?", rs -> rs.getString(1) + " "
                + rs.getBigDecimal(2).toPlainString() + " " + rs.getString(3) + " " + rs.getString(4), created.id()));
        assertEquals(List.of(ComplaintAttachments.sha256(receipt)), sql.list(
                "SELECT sha256 FROM complaint_attachment WHERE complaint_id = ?", rs -> rs.getString(1), created.id()));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'complaint.received' AND entity_id = ?",
                String.valueOf(created.id())));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM outbox_message WHERE recipient = 'sita@example.test' "
                + "AND body_text LIKE ?", "%" + created.reference() + "%"));
        assertEquals("Sita Example", contacts.open(created.id()).orElseThrow().name());
    }

    @Test
    void contact_details_are_unreadable_in_the_database() {
        Receipt created = intake.receive(new NewComplaint("operator-1", Channel.PHONE, Category.ABUSE, "Beaten at the camp.",
                "en", null, "Unknown broker", null, null, null, null, null, List.of(), List.of(),
                new Contact("Rina Example", "+62 811 000 0001", "rina@example.test", "id")));

        byte[] stored = sql.one("SELECT sealed FROM complaint_contact WHERE complaint_id = ?", rs -> rs.getBytes(1),
                created.id()).orElseThrow();
        String asText = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains("Rina"));
        assertFalse(asText.contains("811"));
        assertFalse(asText.contains("rina@example"));
        // The id of the key that sealed it (the first of registry.contact-keys), kept for rotation.
        assertEquals("test-1", sql.one("SELECT key_id FROM complaint_contact WHERE complaint_id = ?", rs -> rs.getString(1),
                created.id()).orElseThrow());
    }

    @Test
    void a_sealed_contact_copied_to_another_case_does_not_open() {
        Receipt first = intake.receive(phoneCase(new Contact("Ana Example", "+63 900 000 0001", null, "fil")));
        Receipt second = intake.receive(phoneCase(new Contact("Other", "+63 900 000 0002", null, "fil")));
        sql.update("UPDATE complaint_contact SET sealed = (SELECT s FROM (SELECT sealed AS s FROM complaint_contact "
                + "WHERE complaint_id = ?) x) WHERE complaint_id = ?", first.id(), second.id());

        assertThrows(IllegalStateException.class, () -> contacts.open(second.id()));
        assertEquals("Ana Example", contacts.open(first.id()).orElseThrow().name());
    }

    @Test
    void one_bad_fee_refuses_the_whole_case_and_stores_nothing() {
        long before = sql.count("SELECT COUNT(*) FROM complaint");
        InvalidInput refused = assertThrows(InvalidInput.class, () -> intake.receive(new NewComplaint("operator-1",
                Channel.WALK_IN, Category.PROHIBITED_FEES, "Two fees.", "en", null, null, null, null, null, null, null,
                List.of(new NewFee("MEDICAL", "5000", "NPR", LocalDate.now(), null, null, null, null),
                        new NewFee("BRIBE", "10.555", "USD", LocalDate.now(), null, null, null, null),
                        new NewFee("TIP", "10", "XYZ", LocalDate.now(), null, null, null, null)),
                List.of(), null)));

        assertEquals(List.of("fees[1].amount", "fees[2].feeType", "fees[2].currency"),
                refused.errors().stream().map(InvalidInput.FieldError::field).toList());
        assertEquals(before, sql.count("SELECT COUNT(*) FROM complaint"));
    }

    private static NewComplaint phoneCase(Contact contact) {
        return new NewComplaint("operator-1", Channel.PHONE, Category.OTHER, "Call.", "en", null, null, null, null, null,
                null, null, List.of(), List.of(), contact);
    }
}
