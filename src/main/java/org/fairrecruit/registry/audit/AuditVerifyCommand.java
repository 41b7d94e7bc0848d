package org.fairrecruit.registry.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bin/audit-verify: checks a registry database's audit chain against checkpoint files saved earlier
 * (copies of /opendata/audit-checkpoints.json or the auditor's mails), with public keys the verifier
 * holds itself, so neither the database nor the running service has to be trusted.
 * Usage: JDBC_URL CHECKPOINTS_JSON... KEY (a PEM file for every key id, or KEY_ID=PEM_FILE, repeatable);
 * credentials from AUDIT_DB_USER and AUDIT_DB_PASSWORD. Exit 0 intact, 1 broken, 2 usage.
 */
public final class AuditVerifyCommand {
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");
    private static final int FETCH = 2_000;

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv("AUDIT_DB_USER"), System.getenv("AUDIT_DB_PASSWORD"), System.out));
    }

    static int run(String[] args, String user, String password, PrintStream out) throws IOException, SQLException {
        if (args.length < 3) {
            out.println("usage: bin/audit-verify JDBC_URL CHECKPOINTS_JSON... KEY_PEM|KEY_ID=KEY_PEM...");
            return 2;
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        Map<String, PublicKey> keys = new HashMap<>();
        PublicKey anyId = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].endsWith(".json")) {
                checkpoints.addAll(parse(Files.readString(Path.of(args[i]))));
            } else if (args[i].contains("=")) {
                keys.put(args[i].substring(0, args[i].indexOf('=')),
                        CheckpointKeys.publicKey(Files.readString(Path.of(args[i].substring(args[i].indexOf('=') + 1)))));
            } else {
                anyId = CheckpointKeys.publicKey(Files.readString(Path.of(args[i])));
            }
        }
        PublicKey fallback = anyId;
        checkpoints.forEach(c -> { if (fallback != null) keys.putIfAbsent(c.keyId(), fallback); });
        ChainVerification result = verify(args[0], user, password, checkpoints, keys);
        if (result.intact()) {
            out.println("intact: " + result.entriesChecked() + " entries agree with " + checkpoints.size() + " checkpoints");
            return 0;
        }
        out.println("BROKEN at entry " + result.firstBrokenSeq() + ": " + result.problem());
        return 1;
    }

    private static ChainVerification verify(String url, String user, String password, List<Checkpoint> checkpoints,
                                            Map<String, PublicKey> keys) throws SQLException {
        ChainCheck check = new ChainCheck(checkpoints, keys);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            try (PreparedStatement ps = connection.prepareStatement(AuditQueries.SELECT + " WHERE seq IS NOT NULL ORDER BY seq")) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && check.accept(AuditQueries.read(rs))) {
                        // accept() walks the chain; it answers false once it is broken.
                    }
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? check.result(rs.getLong(1), rs.getString(2)) : check.result(null, null);
            }
        }
    }

    static List<Checkpoint> parse(String json) {
        List<Checkpoint> parsed = new ArrayList<>();
        Matcher object = OBJECT.matcher(json.substring(json.indexOf('[') + 1));
        while (object.find()) {
            String text = object.group();
            parsed.add(new Checkpoint(Long.parseLong(field(text, "seq", "(\\d+)")), field(text, "hash", "\"([0-9a-f]{64})\""),
                    Instant.parse(field(text, "at", "\"([^\"]+)\"")), field(text, "keyId", "\"([^\"]+)\""),
                    field(text, "signature", "\"([^\"]+)\"")));
        }
        return parsed;
    }

    private static String field(String object, String name, String value) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*" + value).matcher(object);
        if (!matcher.find()) {
            throw new IllegalArgumentException("checkpoint without " + name + ": " + object);
        }
        return matcher.group(1);
    }
}
