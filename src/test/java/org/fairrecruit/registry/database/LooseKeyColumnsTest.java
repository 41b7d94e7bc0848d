package org.fairrecruit.registry.database;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stored loose keys are LooseKey's image: a typed number finds exactly the rows whose key the code computes. */
@MicronautTest(transactional = false)
class LooseKeyColumnsTest {
    private static final List<String> TRICKY = List.of("RA-2024-0001", "ra 2024/0001", "RA#2024,01", "ra.2024_01",
            "oil-10", "RA\t2024", "ra–2024—01", "ÉTÉ-1", "\u212A-1", "\u017F-1", "ı-1", "İ-1", "ß12", "١٢٣-4",
            "ＲＡ２０２４", "RA😀2024", "(RA) [2024]", "ra'2024\"1", "---", "0O1Il");

    @Inject DataSource dataSource;

    @Test
    void stored_licence_and_registration_keys_equal_the_codes_key_for_tricky_numbers() throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement agency = c.prepareStatement("INSERT INTO agency (legal_name, registration_number, "
                    + "country, created_at) VALUES (?, ?, 'PH', ?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement licence = c.prepareStatement("INSERT INTO licence (agency_id, licence_number, status, "
                         + "created_at) VALUES (?, ?, 'ACTIVE', ?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement keys = c.prepareStatement("SELECT a.registration_loose_key, l.licence_loose_key "
                         + "FROM agency a JOIN licence l ON l.agency_id = a.id WHERE l.id = ?")) {
                for (String number : TRICKY) {
                    agency.setString(1, "Loose Key Test " + number);
                    agency.setString(2, number);
                    agency.setTimestamp(3, Timestamp.from(Instant.now()));
                    agency.executeUpdate();
                    long agencyId = generated(agency);
                    licence.setLong(1, agencyId);
                    licence.setString(2, number);
                    licence.setTimestamp(3, Timestamp.from(Instant.now()));
                    licence.executeUpdate();
                    keys.setLong(1, generated(licence));
                    try (ResultSet rs = keys.executeQuery()) {
                        rs.next();
                        String expected = LooseKey.of(number).orElse("");
                        if (!expected.equals(rs.getString(1)) || !expected.equals(rs.getString(2))) {
                            wrong.add(number + ": code " + expected + ", registration column " + rs.getString(1)
                                    + ", licence column " + rs.getString(2));
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static long generated(Statement statement) throws SQLException {
        try (ResultSet rs = statement.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
