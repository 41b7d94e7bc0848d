package org.fairrecruit.registry.licensing;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.LicenceLedger;
import org.fairrecruit.registry.database.Sql;

import java.util.List;

/** Licensing's answers to the register below it. */
@Singleton
class RegisterLedger implements LicenceLedger {
    private final Sql sql;

    RegisterLedger(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<String> statuses() {
        return LicenceStatus.names();
    }

    @Override
    public List<Long> agenciesHolding(String looseKey) {
        return sql.list("SELECT agency_id FROM licence WHERE licence_loose_key = ? ORDER BY id DESC",
                rs -> rs.getLong(1), looseKey);
    }
}
