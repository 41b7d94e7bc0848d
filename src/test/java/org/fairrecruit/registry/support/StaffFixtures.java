package org.fairrecruit.registry.support;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.identity.IdentityService;
import org.fairrecruit.registry.identity.NewStaffUser;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Staff accounts for tests, each with a fresh name so tests never see each other's users. */
@Singleton
public class StaffFixtures {
    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final IdentityService identity;

    StaffFixtures(IdentityService identity) {
        this.identity = identity;
    }

    /** Creates a user with the given role and returns its username (password {@link #PASSWORD}). */
    public String userWithRole(String role) {
        String username = role.toLowerCase().replace('_', '-') + "-" + SEQUENCE.incrementAndGet();
        identity.create("test-setup", new NewStaffUser(username, "Test " + role, username + "@registry.test",
                PASSWORD, Set.of(role)));
        return username;
    }
}
