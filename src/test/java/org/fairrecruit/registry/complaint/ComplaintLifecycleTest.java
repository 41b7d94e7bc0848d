package org.fairrecruit.registry.complaint;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.fairrecruit.registry.complaint.ComplaintStatus.RECEIVED;
import static org.fairrecruit.registry.complaint.ComplaintStatus.REFERRED;
import static org.fairrecruit.registry.complaint.ComplaintStatus.RESOLVED;
import static org.fairrecruit.registry.complaint.ComplaintStatus.TRIAGED;
import static org.fairrecruit.registry.complaint.ComplaintStatus.UNDER_INVESTIGATION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every move of a case, allowed and refused, with its due date, ageing, audit entry and mail. */
@MicronautTest(transactional = false)
class ComplaintLifecycleTest {
    private static final Map<ComplaintStatus, Set<ComplaintStatus>> ALLOWED = Map.of(
            RECEIVED, Set.of(TRIAGED, RESOLVED, REFERRED),
            TRIAGED, Set.of(UNDER_INVESTIGATION, RESOLVED, REFERRED),
            UNDER_INVESTIGATION, Set.of(RESOLVED, REFERRED),
            RESOLVED, Set.of(),
            REFERRED, Set.of());

    @Inject ComplaintIntake intake;
    @Inject ComplaintCases cases;
    @Inject StaffFixtures staff;
    @Inject Sql sql;

    @Test
    void every_move_of_the_lifecycle_is_allowed_or_refused_naming_both_statuses() {
        for (ComplaintStatus from : ComplaintStatus.values()) {
            for (ComplaintStatus to : ComplaintStatus.values()) {
                if (ALLOWED.get(from).contains(to)) {
                    assertEquals(to, from.to(to, "ABC-DEF-GHJ"));
                } else {
                    RegistryException.Conflict refused = assertThrows(RegistryException.Conflict.class,
                            () -> from.to(to, "ABC-DEF-GHJ"), from + " -> " + to);
                    assertArrayEquals(new Object[]{"ABC-DEF-GHJ", from.name(), to.name()}, refused.args());
                }
            }
        }
    }

    @Test
    void findings_need_an_investigation_while_withdrawal_and_referral_end_any_open_case() {
        for (ComplaintStatus from : ComplaintStatus.values()) {
            for (Outcome outcome : Outcome.values()) {
                boolean allowed = switch (outcome) {
                    case SUBSTANTIATED, UNSUBSTANTIATED -> from == UNDER_INVESTIGATION;
                    case WITHDRAWN, REFERRED -> from.open();
                };
                if (allowed) {
                    assertEquals(outcome == Outcome.REFERRED ? REFERRED : RESOLVED, outcome.reachedFrom(from, "R"));
                } else {
                    assertThrows(RegistryException.Conflict.class, () -> outcome.reachedFrom(from, "R"), from + " " + outcome);
                }
            }
        }
    }

    @Test
    void each_move_sets_the_due_date_of_the_new_status_and_is_audited_and_told_to_the_complainant() {
        Receipt receipt = intakeWithEmail("mover@example.test");
        assertEquals(LocalDate.now().plusDays(2), dueOn(receipt.id()));

        CaseView.Case triaged = cases.move("investigator-a", receipt.id(), TRIAGED, "Registered agency named.");

        assertEquals(TRIAGED, triaged.summary().status());
        assertEquals(LocalDate.now().plusDays(5), triaged.summary().dueOn());
        assertEquals(0, triaged.summary().daysInStatus());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'complaint.moved' AND entity_id = ?",
                String.valueOf(receipt.id())));
        assertEquals(2, sql.count("SELECT COUNT(*) FROM outbox_message WHERE recipient = 'mover@example.test'"));
        CaseView.Case investigating = cases.move("investigator-a", receipt.id(), UNDER_INVESTIGATION, "Receipts.");
        assertEquals("investigator-a", investigating.summary().assignedTo(), "who starts an unassigned investigation owns it");
        assertEquals(LocalDate.now().plusDays(60), investigating.summary().dueOn());
    }

    @Test
    void a_case_past_its_due_date_is_overdue_and_shows_its_age() {
        Receipt receipt = intakeWithEmail(null);
        sql.update("UPDATE complaint SET status_since = NOW(6) - INTERVAL 4 DAY, due_on = CURRENT_DATE - INTERVAL 2 DAY "
                + "WHERE id = ?", receipt.id());

        CaseView.Summary summary = cases.list(receipt.reference(), null, 0, 10).get(0);

        assertTrue(summary.overdue());
        assertEquals(4, summary.daysInStatus());
    }

    @Test
    void resolved_and_referred_are_reached_only_by_an_outcome_and_then_nothing_moves() {
        Receipt receipt = intakeWithEmail(null);
        assertThrows(RegistryException.Conflict.class, () -> cases.move("i", receipt.id(), RESOLVED, "Done."));

        cases.close("i", receipt.id(), Outcome.WITHDRAWN, new CaseView.Statement(PublicReason.COMPLAINANT_WITHDREW, null, null),
                "Caller asked to stop.");

        assertThrows(RegistryException.Conflict.class, () -> cases.move("i", receipt.id(), TRIAGED, "Reopen."));
        assertThrows(RegistryException.Conflict.class, () -> cases.close("i", receipt.id(), Outcome.REFERRED,
                new CaseView.Statement(null, null, null), null));
        assertThrows(RegistryException.Conflict.class, () -> cases.close("i", receipt.id(), Outcome.SUBSTANTIATED,
                new CaseView.Statement(PublicReason.EVIDENCE_CONFIRMS, null, null), "x"), "four eyes only");
        assertThrows(InvalidInput.class, () -> cases.close("i", intakeWithEmail(null).id(), Outcome.WITHDRAWN,
                new CaseView.Statement(PublicReason.EVIDENCE_CONFIRMS, null, null), null), "a reason of another outcome");
    }

    @Test
    void a_case_is_assigned_only_to_an_active_investigator_who_is_told_by_mail() {
        Receipt receipt = intakeWithEmail(null);
        String investigator = staff.userWithRole(Roles.INVESTIGATOR);
        String auditor = staff.userWithRole(Roles.AUDITOR);

        assertThrows(InvalidInput.class, () -> cases.assign("supervisor", receipt.id(), auditor));
        CaseView.Case assigned = cases.assign("supervisor", receipt.id(), investigator);

        assertEquals(investigator, assigned.summary().assignedTo());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND message_key LIKE 'complaint-assigned-%'",
                investigator + "@registry.test"));
    }

    @Test
    void investigation_notes_are_hidden_from_the_hotline_operator_who_took_the_call() {
        Receipt receipt = intakeWithEmail(null);
        cases.note("investigator-a", receipt.id(), "Neighbour says the broker is his uncle.", "en");

        CaseView.Case forOperator = cases.view(Authentication.build(ComplaintFixtures.OPERATOR, Set.of(Roles.HOTLINE_OPERATOR)),
                receipt.id());
        CaseView.Case forInvestigator = cases.view(Authentication.build("investigator-b", Set.of(Roles.INVESTIGATOR)),
                receipt.id());

        assertFalse(forOperator.events().stream().anyMatch(e -> e.kind() == ComplaintEvents.Kind.NOTE));
        assertTrue(forInvestigator.events().stream().anyMatch(e -> e.kind() == ComplaintEvents.Kind.NOTE));
        assertThrows(RegistryException.Forbidden.class, () -> cases.view(
                Authentication.build("another-operator", Set.of(Roles.HOTLINE_OPERATOR)), receipt.id()));
        assertEquals(EnumSet.of(ComplaintEvents.Kind.RECEIVED), EnumSet.copyOf(forOperator.events().stream()
                .map(ComplaintEvents.Event::kind).toList()));
    }

    private Receipt intakeWithEmail(String email) {
        return intake.receive(new NewComplaint(ComplaintFixtures.OPERATOR, Channel.PHONE, Category.DECEPTION,
                "Job was not as promised.", "en", null, "Unknown broker", null, null, null, null, null, List.of(), List.of(),
                email == null ? null : new Contact(null, null, email, "en")));
    }

    private LocalDate dueOn(long id) {
        return sql.one("SELECT due_on FROM complaint WHERE id = ?", rs -> Sql.date(rs, "due_on"), id).orElseThrow();
    }
}
