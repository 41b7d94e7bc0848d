package org.fairrecruit.registry.database;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Field limits come from the columns: every limit equals its narrowest column, and no code keeps its own. */
@MicronautTest(transactional = false)
class ColumnLimitsTest {
    // A text check with a number where its Column belongs: .text("x", v, 300), .optionalText(...), row.text("x", 64, true).
    private static final Pattern LITERAL_LIMIT = Pattern.compile("\\.(text|optionalText|names)\\(\"[^\"]+\", [^;]*?, \\d+[,)]");

    private static final long TEXT_LENGTH = 65_535;

    @Inject DataSource dataSource;

    @Test
    void every_validation_limit_is_the_size_of_the_narrowest_column_it_is_stored_in() throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement size = c.prepareStatement("SELECT CHARACTER_MAXIMUM_LENGTH FROM information_schema.columns "
                     + "WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?")) {
            for (Column column : Column.values()) {
                long narrowest = Long.MAX_VALUE;
                for (String qualified : column.columns()) {
                    String[] parts = qualified.split("\\.");
                    size.setString(1, parts[0]);
                    size.setString(2, parts[1]);
                    try (ResultSet rs = size.executeQuery()) {
                        if (!rs.next()) {
                            wrong.add(column + ": no column " + qualified);
                            continue;
                        }
                        narrowest = Math.min(narrowest, rs.getLong(1));
                    }
                }
                // A TEXT column (65,535 and more) or a value sealed before storage (no column) sets no
                // useful limit: there the product's own limit applies, and it must fit.
                boolean unbounded = narrowest >= TEXT_LENGTH;
                if (unbounded ? column.max() > narrowest : narrowest != column.max()) {
                    wrong.add(column + " allows " + column.max() + " but its narrowest column holds " + narrowest);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void no_validation_keeps_a_limit_of_its_own() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    if (LITERAL_LIMIT.matcher(lines.get(i)).find()) {
                        literals.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertTrue(literals.isEmpty(), "limits belong in database.Column:\n" + String.join("\n", literals));
    }

    @Test
    void a_proposal_reason_longer_than_the_audit_entry_holds_is_refused() {
        assertTrue(Column.PROPOSAL_REASON.max() <= 1000, "audit_entry.reason and the status history hold 1,000");
    }
}
