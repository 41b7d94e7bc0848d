package org.fairrecruit.registry.fee;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Fee policy versions per destination country. The version in force on a day: the latest that began by then. */
@Singleton
public class FeePolicies {
    private final Sql sql;

    FeePolicies(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Optional<FeePolicy> inForce(String country, LocalDate day) {
        return sql.one("SELECT * FROM fee_policy WHERE country = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1",
                this::policy, country, day);
    }

    @Transactional(readOnly = true)
    public List<FeePolicy> versions(String country) {
        return sql.list("SELECT * FROM fee_policy WHERE country = ? ORDER BY valid_from DESC", this::policy, country);
    }

    private FeePolicy policy(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<FeePolicy.Ceiling> ceilings = sql.list("SELECT * FROM fee_policy_ceiling WHERE policy_id = ? ORDER BY fee_type",
                c -> new FeePolicy.Ceiling(c.getString("fee_type"), c.getBigDecimal("max_amount"), c.getString("currency"),
                        c.getBigDecimal("max_months_of_wage")), id);
        return new FeePolicy(id, rs.getString("country"), Sql.date(rs, "valid_from"),
                FeePolicy.Rule.valueOf(rs.getString("rule")), ceilings, rs.getLong("proposal_id"),
                rs.getString("proposed_by"), rs.getString("approved_by"));
    }
}
