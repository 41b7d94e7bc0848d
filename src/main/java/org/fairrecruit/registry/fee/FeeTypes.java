package org.fairrecruit.registry.fee;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.util.List;

/** The fee types of the reference table (ILO definition), for forms that let people pick one. */
@Singleton
public class FeeTypes {
    private final Sql sql;

    FeeTypes(Sql sql) {
        this.sql = sql;
    }

    /** The codes, recruitment fee first and OTHER last, the rest as the table orders them. */
    public List<String> codes() {
        return sql.list("SELECT code FROM fee_type ORDER BY code = 'OTHER', code <> 'RECRUITMENT_FEE', code",
                rs -> rs.getString(1));
    }
}
