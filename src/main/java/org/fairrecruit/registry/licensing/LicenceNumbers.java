package org.fairrecruit.registry.licensing;

import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Issues licence numbers (PREFIX-YEAR-NNNNN) from a counter held under a row lock, skipping any number
 * already present (e.g. imported). Licences are never deleted, so a number is never issued twice.
 */
@Singleton
class LicenceNumbers {
    private final Sql sql;
    private final LicensingSettings settings;
    private final Clock clock;

    LicenceNumbers(Sql sql, LicensingSettings settings, Clock clock) {
        this.sql = sql;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next() {
        long value = sql.one("SELECT last_value FROM licence_number_counter WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1))
                .orElseThrow();
        String number;
        do {
            value++;
            number = "%s-%d-%05d".formatted(settings.numberPrefix(), LocalDate.now(clock).getYear(), value);
        } while (sql.count("SELECT COUNT(*) FROM licence WHERE licence_number = ?", number) > 0);
        sql.update("UPDATE licence_number_counter SET last_value = ? WHERE id = 1", value);
        return number;
    }
}
