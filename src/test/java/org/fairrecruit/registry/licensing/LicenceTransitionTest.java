package org.fairrecruit.registry.licensing;

import org.fairrecruit.registry.kernel.MessageKey;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.fairrecruit.registry.licensing.LicenceStatus.ACTIVE;
import static org.fairrecruit.registry.licensing.LicenceStatus.PENDING;
import static org.fairrecruit.registry.licensing.LicenceStatus.SUSPENDED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every transition from every status: allowed exactly where the product brief says, refused with a clear message elsewhere. */
class LicenceTransitionTest {
    /** Written out from PRODUCT.md and issue 5, independently of the enum. */
    private static final Map<LicenceTransition, Set<LicenceStatus>> ALLOWED = Map.of(
            LicenceTransition.GRANT, EnumSet.of(PENDING),
            LicenceTransition.REFUSE, EnumSet.of(PENDING),
            LicenceTransition.SUSPEND, EnumSet.of(ACTIVE),
            LicenceTransition.REINSTATE, EnumSet.of(SUSPENDED),
            LicenceTransition.REVOKE, EnumSet.of(ACTIVE, SUSPENDED),
            LicenceTransition.SURRENDER, EnumSet.of(ACTIVE),
            LicenceTransition.RENEW, EnumSet.of(ACTIVE),
            LicenceTransition.EXPIRE, EnumSet.of(ACTIVE));

    static Stream<Arguments> everyPair() {
        return Arrays.stream(LicenceTransition.values())
                .flatMap(t -> Arrays.stream(LicenceStatus.values()).map(s -> Arguments.of(t, s)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyPair")
    void transition_is_allowed_exactly_from_the_statuses_the_rules_name(LicenceTransition transition, LicenceStatus from) {
        if (ALLOWED.get(transition).contains(from)) {
            assertDoesNotThrow(() -> Licensing.requireAllowed(transition, from));
        } else {
            RegistryException.Conflict refused = assertThrows(RegistryException.Conflict.class,
                    () -> Licensing.requireAllowed(transition, from));
            assertEquals("licence.error.transition", refused.messageKey());
            assertArrayEquals(new Object[]{new MessageKey("licence.transition." + transition.name()),
                    new MessageKey("licence.status." + from.name())}, refused.args());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTransition")
    void adverse_decisions_need_four_eyes_and_only_expiry_is_left_to_the_schedule(LicenceTransition transition) {
        Set<LicenceTransition> fourEyes = EnumSet.of(LicenceTransition.REFUSE, LicenceTransition.SUSPEND,
                LicenceTransition.REVOKE);
        LicenceTransition.Decider expected = fourEyes.contains(transition) ? LicenceTransition.Decider.FOUR_EYES
                : transition == LicenceTransition.EXPIRE ? LicenceTransition.Decider.SCHEDULE
                : LicenceTransition.Decider.OFFICER;
        assertEquals(expected, transition.decider());
    }

    static Stream<LicenceTransition> everyTransition() {
        return Arrays.stream(LicenceTransition.values());
    }
}
