package org.fairrecruit.registry.identity;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.notification.MailComposer;
import org.fairrecruit.registry.notification.Outbox;
import org.fairrecruit.registry.web.InvalidInput;
import org.fairrecruit.registry.web.RegistryException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Staff accounts: login with lockout, creation, access changes. */
@Singleton
public class IdentityService {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    private final StaffUserRepository users;
    private final PasswordHasher hasher;
    private final SecuritySettings settings;
    private final AuditLog audit;
    private final Outbox outbox;
    private final MailComposer mail;
    private final Clock clock;

    IdentityService(StaffUserRepository users, PasswordHasher hasher, SecuritySettings settings, AuditLog audit,
                    Outbox outbox, MailComposer mail, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.settings = settings;
        this.audit = audit;
        this.outbox = outbox;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional
    public LoginOutcome login(String username, String password) {
        Instant now = Instant.now(clock);
        var found = users.findByUsername(normalise(username));
        if (found.isEmpty()) {
            hasher.burnEquivalentTime(password);
            return new LoginOutcome.InvalidCredentials();
        }
        StaffUser user = found.get();
        if (user.lockedAt(now)) {
            return new LoginOutcome.Locked(user.lockedUntil());
        }
        if (!user.enabled() || !hasher.matches(password, user.passwordHash())) {
            StaffUser after = users.update(user.withFailedLogin(settings.maxFailedLogins(), now.plus(settings.lockout())));
            if (after.lockedAt(now)) {
                audit.record(AuditEvent.of(after.username(), "staff.locked", "staff_user", after.id())
                        .because(settings.maxFailedLogins() + " failed logins"), user.snapshot(), after.snapshot());
                return new LoginOutcome.Locked(after.lockedUntil());
            }
            return new LoginOutcome.InvalidCredentials();
        }
        if (user.failedLogins() > 0 || user.lockedUntil() != null) {
            user = users.update(user.withSuccessfulLogin());
        }
        return new LoginOutcome.Success(authenticationOf(user));
    }

    @Transactional
    public StaffMember create(String actor, NewStaffUser request) {
        validate(request);
        if (users.findByUsername(normalise(request.username())).isPresent()) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("username", "staff.username.taken")));
        }
        StaffUser saved = users.save(new StaffUser(null, normalise(request.username()), request.displayName().strip(),
                request.email().strip(), hasher.hash(request.password()), String.join(",", request.roles()), true, 0,
                null, 0, null, Instant.now(clock)));
        audit.record(AuditEvent.of(actor, "staff.created", "staff_user", saved.id()), null, saved.snapshot());
        outbox.enqueueEmail(saved.email(), "staff-created-" + saved.id(),
                mail.compose("staff-created", Locale.ENGLISH, Map.of("user", saved.snapshot())));
        return saved.snapshot();
    }

    @Transactional
    public StaffMember changeAccess(String actor, long id, long expectedVersion, Set<String> roles,
                                                boolean enabled) {
        new InvalidInput.Collector()
                .require(!roles.isEmpty() && Roles.ALL.containsAll(roles), "roles", "staff.roles.invalid")
                .throwIfAny();
        StaffUser user = loadForChange(id, expectedVersion);
        StaffUser after = users.update(user.withAccess(roles, enabled));
        audit.record(AuditEvent.of(actor, "staff.access-changed", "staff_user", id), user.snapshot(), after.snapshot());
        return after.snapshot();
    }

    @Transactional
    public StaffMember unlock(String actor, long id, long expectedVersion) {
        StaffUser user = loadForChange(id, expectedVersion);
        StaffUser after = users.update(user.unlocked());
        audit.record(AuditEvent.of(actor, "staff.unlocked", "staff_user", id), user.snapshot(), after.snapshot());
        return after.snapshot();
    }

    /** Creates the configured first administrator once, so a new deployment can be signed into. */
    @Transactional
    public void ensureAdmin(String username, String password, String email) {
        if (users.existsByRolesContains(Roles.ADMIN) || users.findByUsername(normalise(username)).isPresent()) {
            return;
        }
        create("system", new NewStaffUser(username, "Administrator", email, password, Set.of(Roles.ADMIN)));
    }

    @Transactional(readOnly = true)
    public List<StaffMember> all() {
        return users.findAllOrderByUsername().stream().map(StaffUser::snapshot).toList();
    }

    /** A session token stays valid only while the account is enabled and its access unchanged. */
    @Transactional(readOnly = true)
    public boolean sessionStillValid(String username, int tokenVersion) {
        return users.findByUsername(username)
                .filter(StaffUser::enabled)
                .filter(user -> user.tokenVersion() == tokenVersion)
                .isPresent();
    }

    private StaffUser loadForChange(long id, long expectedVersion) {
        StaffUser user = users.findById(id).orElseThrow(() -> new RegistryException.NotFound("staff_user", id));
        if (user.version() != expectedVersion) {
            throw new RegistryException.Conflict("error.conflict", "staff_user", id);
        }
        return user;
    }

    private static Authentication authenticationOf(StaffUser user) {
        return Authentication.build(user.username(), user.roleSet(),
                Map.of(StaffClaims.NAME, user.displayName(), StaffClaims.TOKEN_VERSION, user.tokenVersion()));
    }

    private static void validate(NewStaffUser request) {
        new InvalidInput.Collector()
                .require(request.username() != null && USERNAME.matcher(normalise(request.username())).matches(),
                        "username", "staff.username.invalid")
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
