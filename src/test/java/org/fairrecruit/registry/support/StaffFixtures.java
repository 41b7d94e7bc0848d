package org.fairrecruit.registry.support;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.identity.IdentityService;
import org.fairrecruit.registry.identity.NewStaffUser;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.identity.StaffMember;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Staff accounts for tests, each with a fresh name so tests never see each other's users. A supervisor
 * is created the way the rules demand: the grant is proposed, and approved by the fixtures' own first
 * supervisor (the only one a new system gets without approval).
 */
@Singleton
public class StaffFixtures {
    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final IdentityService identity;
    private final FourEyes fourEyes;
    private String firstSupervisor;

    StaffFixtures(IdentityService identity, FourEyes fourEyes) {
        this.identity = identity;
        this.fourEyes = fourEyes;
    }

    /** Creates a user with the given role and returns its username (password {@link #PASSWORD}). */
    public String userWithRole(String role) {
        StaffMember created = create(role);
        if (!created.roles().contains(role)) {
            Proposal grant = fourEyes.forSubject("STAFF_ACCESS", created.id()).get(0);
            fourEyes.approve(Authentication.build(firstSupervisor(), Set.of(Roles.SUPERVISOR)), grant.id(), grant.version());
        }
        return created.username();
    }

    private synchronized String firstSupervisor() {
        if (firstSupervisor == null) {
            firstSupervisor = create(Roles.SUPERVISOR).username();
        }
        return firstSupervisor;
    }

    private StaffMember create(String role) {
        String username = role.toLowerCase().replace('_', '-') + "-" + SEQUENCE.incrementAndGet();
        return identity.create("test-setup", new NewStaffUser(username, "Test " + role, username + "@registry.test",
                PASSWORD, Set.of(role)));
    }
}
