package org.fairrecruit.registry.identity;

import org.fairrecruit.registry.kernel.Roles;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.StaffDirectory;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.notification.MailComposer;
import org.fairrecruit.registry.notification.Outbox;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Staff accounts: sign-in with throttling, sessions, creation, access changes under separation of duties. */
@Singleton
public class IdentityService implements StaffDirectory {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    private final StaffUsers users;
    private final SignInThrottle throttle;
    private final StaffSessions sessions;
    // A provider: proposal handlers (complaint outcomes) need this service, and FourEyes needs them.
    private final Provider<FourEyes> fourEyes;
    private final Sql sql;
    private final PasswordHasher hasher;
    private final SecuritySettings settings;
    private final AuditLog audit;
    private final Outbox outbox;
    private final MailComposer mail;
    private final Clock clock;

    IdentityService(StaffUsers users, SignInThrottle throttle, StaffSessions sessions,
                    Provider<FourEyes> fourEyes, Sql sql, PasswordHasher hasher,
                    SecuritySettings settings, AuditLog audit, Outbox outbox, MailComposer mail, Clock clock) {
        this.users = users;
        this.throttle = throttle;
        this.sessions = sessions;
        this.fourEyes = fourEyes;
        this.sql = sql;
        this.hasher = hasher;
        this.settings = settings;
        this.audit = audit;
        this.outbox = outbox;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Checks a sign-in attempt from a client address. A paused account (for that address), an unknown
     * name and a wrong password get the same answer after the same work (one password hash, one
     * counted failure), so the answer tells a guesser nothing.
     */
    public LoginOutcome login(String username, String password, String clientAddress) {
        String name = normalise(username);
        var found = users.byUsername(name).filter(StaffUser::enabled);
        boolean paused = throttle.paused(name, clientAddress);
        boolean matches = found.isPresent() && !paused
                ? hasher.matches(password, found.get().passwordHash())
                : hasher.burnEquivalentTime(password);
        if (!matches) {
            refused(name, clientAddress, found);
            return new LoginOutcome.Refused();
        }
        StaffUser user = found.get();
        throttle.clear(name, clientAddress);
        String sessionId = sessions.open(user.id(), settings.sessionLifetime());
        return new LoginOutcome.Success(authenticationOf(user, sessionId));
    }

    private void refused(String name, String clientAddress, Optional<StaffUser> account) {
        // Parallel guesses on one row can deadlock inside the database; each is still counted once.
        for (int attempt = 1; ; attempt++) {
            try {
                sql.inTransaction(() -> {
                    if (throttle.countFailure(name, clientAddress)) {
                        account.ifPresent(user -> paused(user, clientAddress));
                    }
                    return null;
                });
                return;
            } catch (DataAccessException e) {
                if (attempt == 5 || !Sql.deadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private void paused(StaffUser user, String clientAddress) {
        Instant until = Instant.now(clock).plus(settings.lockout());
        audit.record(AuditEvent.of("system", "staff.sign-in-paused", "staff_user", user.id())
                .because(settings.maxFailedLogins() + " failed sign-ins from " + clientAddress), null,
                Map.of("clientAddress", clientAddress, "until", until.toString()));
        outbox.enqueueEmail(user.email(), "sign-in-paused-" + user.id() + "-" + until.toEpochMilli(),
                mail.compose("sign-in-paused", Locale.ENGLISH, Map.of("user", user.snapshot(null),
                        "clientAddress", clientAddress, "failures", settings.maxFailedLogins(), "until", until)));
    }

    /**
     * Creates an account. The approver role is never given here: asking for SUPERVISOR opens a proposal
     * that an existing supervisor must approve (except for the very first supervisor of a new system).
     */
    @Transactional
    public StaffMember create(String actor, NewStaffUser request) {
        validate(request);
        Set<String> direct = withoutApproverUnlessFirst(request.roles());
        StaffUser saved = users.insert(new StaffUser(null, normalise(request.username()), request.displayName().strip(),
                request.email().strip(), hasher.hash(request.password()), String.join(",", direct), true,
                0, null, Instant.now(clock)));
        audit.record(AuditEvent.of(actor, "staff.created", "staff_user", saved.id()), null, saved.snapshot(null));
        outbox.enqueueEmail(saved.email(), "staff-created-" + saved.id(),
                mail.compose("staff-created", Locale.ENGLISH, Map.of("user", saved.snapshot(null))));
        if (!direct.containsAll(request.roles())) {
            proposeGrant(actor, saved.snapshot(null), request.roles(), true);
        }
        return saved.snapshot(null);
    }

    /**
     * Changes an account's roles and whether it is enabled. Nobody changes their own access; a change
     * that adds SUPERVISOR becomes a proposal (returned as {@link AccessChange#proposed()}).
     */
    @Transactional
    public AccessChange changeAccess(String actor, long id, long expectedVersion, Set<String> roles, boolean enabled) {
        new InvalidInput.Collector()
                .require(!roles.isEmpty() && Roles.ALL.containsAll(roles), "roles", "staff.roles.invalid")
                .throwIfAny();
        StaffUser user = loadForChange(id, expectedVersion);
        if (user.username().equals(actor)) {
            throw new RegistryException.Forbidden("staff.error.ownAccess");
        }
        if (!user.roleSet().contains(Roles.SUPERVISOR) && !withoutApproverUnlessFirst(roles).containsAll(roles)) {
            proposeGrant(actor, user.snapshot(null), roles, enabled);
            return new AccessChange(user.snapshot(null), true);
        }
        return new AccessChange(apply(actor, user, roles, enabled, null), false);
    }

    /** Carries out an approved grant (see {@link StaffAccessDecisions}). */
    @Transactional
    StaffMember applyApproved(String approver, long id, Set<String> roles, boolean enabled, long proposalId) {
        StaffUser user = users.byId(id).orElseThrow(() -> new RegistryException.NotFound("staff_user", id));
        return apply(approver, user, roles, enabled, proposalId);
    }

    @Transactional
    public StaffMember unlock(String actor, long id, long expectedVersion) {
        StaffUser user = loadForChange(id, expectedVersion);
        StaffMember before = user.snapshot(throttle.pausedUntil(user.username()));
        throttle.clearAccount(user.username());
        audit.record(AuditEvent.of(actor, "staff.unlocked", "staff_user", id), before, user.snapshot(null));
        return user.snapshot(null);
    }

    /** Ends the session the request came with (logout). */
    @Transactional
    public void signOut(String actor, String sessionId) {
        sessions.revoke(sessionId);
        audit.record(AuditEvent.of(actor, "staff.signed-out", "staff_session", actor), null, null);
    }

    /** Ends every session of the account, on every replica: a lost laptop, a shared password. */
    @Transactional
    public int signOutEverywhere(String actor) {
        StaffUser user = users.byUsername(actor).orElseThrow(() -> new RegistryException.NotFound("staff_user", actor));
        int ended = sessions.revokeAll(user.id());
        audit.record(AuditEvent.of(actor, "staff.signed-out-everywhere", "staff_user", user.id()), null,
                Map.of("sessionsEnded", ended));
        return ended;
    }

    /** Creates the configured first administrator once, so a new deployment can be signed into. */
    @Transactional
    public void ensureAdmin(String username, String password, String email) {
        if (users.anyoneHolds(Roles.ADMIN) || users.byUsername(normalise(username)).isPresent()) {
            return;
        }
        create("system", new NewStaffUser(username, "Administrator", email, password, Set.of(Roles.ADMIN)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> emailOf(String username) {
        return users.byUsername(username).map(StaffUser::email).filter(email -> !email.isBlank());
    }

    @Transactional(readOnly = true)
    public List<StaffMember> all() {
        return users.allByUsername().stream()
                .map(user -> user.snapshot(throttle.pausedUntil(user.username()))).toList();
    }

    /** A session token stays valid while its session is open and the account enabled with its access unchanged. */
    public boolean sessionStillValid(String sessionId, String username, int tokenVersion) {
        return sessions.valid(sessionId, username, tokenVersion);
    }

    /** The result of an access change: applied, or waiting as a proposal for a supervisor. */
    public record AccessChange(StaffMember member, boolean proposed) {
    }

    private StaffMember apply(String actor, StaffUser user, Set<String> roles, boolean enabled, Long proposalId) {
        StaffUser after = users.updateAccess(user.withAccess(roles, enabled));
        sessions.forgetCachedChecks();
        audit.record(new AuditEvent(actor, "staff.access-changed", "staff_user", String.valueOf(user.id()),
                proposalId == null ? null : "proposal " + proposalId), user.snapshot(null), after.snapshot(null));
        return after.snapshot(null);
    }

    private void proposeGrant(String actor, StaffMember user, Set<String> roles, boolean enabled) {
        fourEyes.get().propose(actor, new ProposalDraft(StaffAccessDecisions.SUBJECT, user.id(), StaffAccessDecisions.GRANT,
                "Give " + user.username() + " the roles " + String.join(", ", roles) + (enabled ? "" : " (disabled)"),
                "Separation of duties: an approver role needs an existing supervisor's approval",
                Map.of(StaffAccessDecisions.ROLES, String.join(",", roles),
                        StaffAccessDecisions.ENABLED, String.valueOf(enabled))));
    }

    /** The first supervisor of an empty system has nobody to approve them, so only that grant is direct. */
    private Set<String> withoutApproverUnlessFirst(Set<String> roles) {
        if (!roles.contains(Roles.SUPERVISOR) || !users.anyoneHolds(Roles.SUPERVISOR)) {
            return roles;
        }
        Set<String> rest = new LinkedHashSet<>(roles);
        rest.remove(Roles.SUPERVISOR);
        return rest;
    }

    private StaffUser loadForChange(long id, long expectedVersion) {
        StaffUser user = users.byId(id).orElseThrow(() -> new RegistryException.NotFound("staff_user", id));
        if (user.version() != expectedVersion) {
            throw new RegistryException.Conflict("error.conflict", "staff_user", id);
        }
        return user;
    }

    private static Authentication authenticationOf(StaffUser user, String sessionId) {
        return Authentication.build(user.username(), user.roleSet(), Map.of(StaffClaims.NAME, user.displayName(),
                StaffClaims.TOKEN_VERSION, user.tokenVersion(), StaffClaims.SESSION, sessionId));
    }

    /** Every refusal at once, a user name already taken among them. */
    private void validate(NewStaffUser request) {
        boolean wellFormed = request.username() != null && USERNAME.matcher(normalise(request.username())).matches();
        new InvalidInput.Collector()
                .require(wellFormed, "username", "staff.username.invalid")
                .require(!wellFormed || users.byUsername(normalise(request.username())).isEmpty(),
                        "username", "staff.username.taken")
                .require(request.displayName() != null && !request.displayName().isBlank(),
                        "displayName", "field.required")
                .require(InvalidInput.Collector.isEmail(request.email()),
                        "email", "field.email")
                .require(request.password() != null && request.password().length() >= MIN_PASSWORD_LENGTH,
                        "password", "staff.password.short", MIN_PASSWORD_LENGTH)
                .require(request.roles() != null && !request.roles().isEmpty()
                        && Roles.ALL.containsAll(request.roles()), "roles", "staff.roles.invalid")
                .throwIfAny();
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
