package org.fairrecruit.registry.identity;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.RegistryException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The staff accounts table: identity's own, read and written only here. */
@Singleton
class StaffUsers {
    private static final String COLUMNS =
            "id, username, display_name, email, password_hash, roles, enabled, token_version, version, created_at";

    private final Sql sql;

    StaffUsers(Sql sql) {
        this.sql = sql;
    }

    Optional<StaffUser> byUsername(String username) {
        return sql.one("SELECT " + COLUMNS + " FROM staff_user WHERE username = ?", StaffUsers::row, username);
    }

    Optional<StaffUser> byId(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM staff_user WHERE id = ?", StaffUsers::row, id);
    }

    List<StaffUser> allByUsername() {
        return sql.list("SELECT " + COLUMNS + " FROM staff_user ORDER BY username", StaffUsers::row);
    }

    boolean anyoneHolds(String role) {
        return sql.count("SELECT COUNT(*) FROM staff_user WHERE FIND_IN_SET(?, roles) > 0", role) > 0;
    }

    StaffUser insert(StaffUser user) {
        long id = sql.insert("""
                INSERT INTO staff_user (username, display_name, email, password_hash, roles, enabled, token_version,
                                        version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""", user.username(), user.displayName(), user.email(),
                user.passwordHash(), user.roles(), user.enabled(), user.tokenVersion(), user.createdAt());
        return byId(id).orElseThrow();
    }

    /** Writes the access fields if nobody changed the account since it was read; the version moves on. */
    StaffUser updateAccess(StaffUser user) {
        int changed = sql.update("""
                UPDATE staff_user SET roles = ?, enabled = ?, token_version = ?, version = version + 1
                WHERE id = ? AND version = ?""", user.roles(), user.enabled(), user.tokenVersion(), user.id(),
                user.version());
        if (changed == 0) {
            throw new RegistryException.Conflict("error.conflict", "staff_user", user.id());
        }
        return byId(user.id()).orElseThrow();
    }

    private static StaffUser row(ResultSet rs) throws SQLException {
        return new StaffUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("password_hash"), rs.getString("roles"), rs.getBoolean("enabled"),
                rs.getInt("token_version"), rs.getLong("version"), Sql.instant(rs, "created_at"));
    }
}
