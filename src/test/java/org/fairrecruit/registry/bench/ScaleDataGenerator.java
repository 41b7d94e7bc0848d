package org.fairrecruit.registry.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.fairrecruit.registry.audit.AuditVerifier;
import org.fairrecruit.registry.audit.ChainVerification;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills the registry's database with the scale set of TARGETS.md: 100,000 agencies (300,000 names,
 * 150,000 branches), 1,000,000 persons (800,000 key persons, 200,000 blacklisted), 500,000 complaints,
 * 1,000,000 fee records and 2,000,000 audit entries, appended to whatever is there (the demo data on
 * a fresh embedded database). JDBC batches become multi-row INSERTs (rewriteBatchedStatements in
 * application.yml); foreign keys are not checked during the load because every row is built to satisfy
 * them. Names follow the skew of a real register: the first words of each list ("Global", "Manpower",
 * "Mohammad") are drawn far more often than the last, a made-up syllable word keeps most names distinct,
 * and Nepali and Bangladeshi records carry Devanagari or Bengali names. The audit entries continue the
 * hash chain from its head, so the service's chain verification still passes.
 * Not a test: run it by hand (bin/scale-data [scale factor]).
 */
public final class ScaleDataGenerator {
    static final String[] BRAND = {"Global", "Royal", "Golden", "Asia", "Gulf", "Silver", "Sky", "Star", "Blue", "Green",
            "Himalayan", "Everest", "Ocean", "Pacific", "United", "National", "First", "New", "Grand", "Sun"};
    static final String[] TRADE = {"Manpower", "Overseas", "Recruitment", "Employment", "Human Resources", "Placement",
            "Services", "Consultants", "Agency", "International", "Staffing", "Travels"};
    static final String[] SUFFIX = {"Pvt. Ltd.", "Inc.", "Ltd", "Private Limited", "Corporation", "Agency"};
    static final String[] COUNTRY = {"NP", "BD", "PH", "ID", "LK"};
    static final String[] DESTINATION = {"SA", "AE", "QA", "KW", "MY", "JO", "HK", "TW", "JP", "OM"};
    private static final String[][] NATIVE_BRAND = {{"Global", "ग्लोबल", "গ্লোবাল"}, {"Royal", "रोयल", "রয়্যাল"},
            {"Golden", "गोल्डेन", "গোল্ডেন"}, {"Asia", "एसिया", "এশিয়া"}, {"Gulf", "गल्फ", "গাল্ফ"}};
    private static final String[][] NATIVE_TRADE = {{"Manpower", "म्यानपावर", "ম্যানপাওয়ার"},
            {"Overseas", "ओभरसिज", "ওভারসিজ"}, {"Recruitment", "रिक्रुटमेन्ट", "রিক্রুটমেন্ট"}};
    /** Given and family names per country, each with its native spelling where the country writes another script. */
    private static final Map<String, String[][]> GIVEN = Map.of(
            "NP", new String[][]{{"Ram", "राम"}, {"Krishna", "कृष्ण"}, {"Hari", "हरि"}, {"Sita", "सीता"}, {"Gita", "गीता"},
                    {"Arjun", "अर्जुन"}, {"Kamal", "कमल"}, {"Suman", "सुमन"}, {"Prakash", "प्रकाश"}, {"Bishnu", "विष्णु"}},
            "BD", new String[][]{{"Mohammad", "মোহাম্মদ"}, {"Md.", "মোঃ"}, {"Abdul", "আব্দুল"}, {"Rahim", "রহিম"},
                    {"Karim", "করিম"}, {"Fatima", "ফাতেমা"}, {"Nasrin", "নাসরিন"}, {"Jahid", "জাহিদ"}},
            "PH", new String[][]{{"Maria"}, {"Jose"}, {"Juan"}, {"Ana"}, {"Mark"}, {"Rosa"}, {"Mohammad"}, {"Angelica"}},
            "ID", new String[][]{{"Siti"}, {"Nur"}, {"Mohammad"}, {"Dewi"}, {"Agus"}, {"Budi"}, {"Rina"}, {"Eko"}},
            "LK", new String[][]{{"Mohammad"}, {"Nimal"}, {"Kumari"}, {"Sunil"}, {"Chaminda"}, {"Dilani"}});
    private static final Map<String, String[][]> FAMILY = Map.of(
            "NP", new String[][]{{"Thapa", "थापा"}, {"Gurung", "गुरुङ"}, {"Tamang", "तामाङ"}, {"Magar", "मगर"},
                    {"Rai", "राई"}, {"Shrestha", "श्रेष्ठ"}, {"Adhikari", "अधिकारी"}, {"Karki", "कार्की"}, {"Poudel", "पौडेल"}},
            "BD", new String[][]{{"Rahman", "রহমান"}, {"Hossain", "হোসেন"}, {"Chowdhury", "চৌধুরী"}, {"Islam", "ইসলাম"},
                    {"Ahmed", "আহমেদ"}, {"Uddin", "উদ্দিন"}},
            "PH", new String[][]{{"Santos"}, {"Reyes"}, {"Cruz"}, {"Garcia"}, {"Mendoza"}, {"Bautista"}, {"Dela Cruz"}},
            "ID", new String[][]{{"Wijaya"}, {"Susanto"}, {"Hartono"}, {"Lestari"}, {"Santoso"}, {"Saputra"}},
            "LK", new String[][]{{"Perera"}, {"Silva"}, {"Fernando"}, {"Jayasinghe"}, {"Bandara"}});
    private static final String[] SYLLABLES = {"ka", "ra", "ma", "na", "ta", "sa", "la", "pa", "da", "ga", "ba", "ha",
            "ri", "ki", "mi", "ni", "to", "su", "lu", "po", "de", "go", "bu", "he", "sha", "ya", "wa", "jo"};
    /** Licence statuses with their share of the register (per thousand). */
    private static final String[] STATUS = {"ACTIVE", "EXPIRED", "SUSPENDED", "REVOKED", "SURRENDERED", "PENDING", "REFUSED"};
    private static final int[] STATUS_SHARE = {600, 130, 60, 50, 40, 80, 40};
    private static final String[] CHANNEL = {"WEB", "PHONE", "WALK_IN", "EMAIL", "REFERRAL"};
    private static final String[] CATEGORY = {"PROHIBITED_FEES", "CONTRACT_SUBSTITUTION", "DOCUMENT_RETENTION",
            "DECEPTION", "ILLEGAL_RECRUITMENT", "ABUSE", "OTHER"};
    private static final String[] FEE_TYPE = {"RECRUITMENT_FEE", "MEDICAL", "TRAINING", "TRAVEL_LODGING", "DEPOSIT_OR_BOND"};
    private static final String[] ACTOR = {"licensing-officer", "investigator", "supervisor", "hotline-operator", "system"};
    private static final int BATCH = 5_000;

    private final Random random = new Random(20);
    private final LocalDate today = LocalDate.now();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final Connection c;
    private final int agencies;

    private ScaleDataGenerator(Connection c, double factor) {
        this.c = c;
        this.agencies = (int) (100_000 * factor);
    }

    public static void main(String[] args) throws Exception {
        double factor = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Map<String, Object> properties = new HashMap<>(Map.of(
                "registry.embedded-db.directory", System.getProperty("scale.db", "target/scale-db")));
        long start = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            // The pool itself, not the bean that hands out the current transaction's connection.
            DataSource pool = context.findBean(DataSourceResolver.class).orElse(DataSourceResolver.DEFAULT)
                    .resolve(context.getBean(DataSource.class));
            try (Connection c = pool.getConnection()) {
                // The service's socket timeout (10 s) would cut off a backfill of millions of rows on a busy machine.
                c.setNetworkTimeout(Runnable::run, 0);
                new ScaleDataGenerator(c, factor).generate();
            }
            if (!Boolean.getBoolean("scale.skip-verify")) {
                long verify = System.nanoTime();
                ChainVerification chain = context.getBean(AuditVerifier.class).verify();
                System.out.printf("audit chain verified in %.1f s: %s%n", (System.nanoTime() - verify) / 1e9, chain);
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.out.printf("scale data NOT complete after %.1f s%n", (System.nanoTime() - start) / 1e9);
            // The context's scheduler threads would keep the JVM alive after a failure.
            System.exit(1);
        }
        System.out.printf("scale data generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        System.exit(0);
    }

    private void generate() throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0");
        }
        long firstAgency = next("agency");
        timed("agencies, names, branches, destinations", () -> agencies(firstAgency));
        timed("licences and status history", () -> licences(firstAgency));
        timed("key persons", () -> keyPersons(firstAgency, agencies * 8));
        timed("blacklisted persons and agencies", () -> blacklist(firstAgency, agencies * 2));
        timed("complaints and fee records", () -> complaints(firstAgency, agencies * 5));
        timed("audit entries", () -> audit(agencies * 20));
        // The rows went in beside the service, so the report summaries are counted as after any bulk load.
        timed("report summaries", () -> runScript("V61__reporting_aggregates_backfill.sql", "V92__reporting_fee_totals_backfill.sql",
                "V96__reporting_fee_agency_totals_backfill.sql", "V98__reporting_complaint_totals_backfill.sql"));
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 1, unique_checks = 1");
            // Numbers the licensing capability hands out next must not collide with the generated ones.
            s.executeUpdate("UPDATE licence_number_counter SET last_value = GREATEST(last_value, " + agencies + ")");
            s.execute("ANALYZE TABLE agency, agency_name, agency_branch, licence, key_person, blacklist_entry, "
                    + "complaint, fee_record, audit_entry, report_complaint_month, report_open_case, report_fee_month, "
                    + "report_fee_total, report_fee_case");
        }
        c.commit();
    }

    private void agencies(long first) throws SQLException {
        try (Rows agency = rows("INSERT INTO agency (id, legal_name, registration_number, country, address, phone, email, "
                + "website, created_at) VALUES (?,?,?,?,?,?,?,?,?)");
             Rows name = rows("INSERT INTO agency_name (agency_id, name, kind) VALUES (?,?,?)");
             Rows branch = rows("INSERT INTO agency_branch (agency_id, name, address, country, phone, opened_on) "
                     + "VALUES (?,?,?,?,?,?)");
             Rows destination = rows("INSERT INTO agency_destination (agency_id, country) VALUES (?,?)")) {
            for (int i = 0; i < agencies; i++) {
                long id = first + i;
                String country = COUNTRY[i % COUNTRY.length];
                String brand = skewed(BRAND);
                String trade = skewed(TRADE);
                String legal = brand + (random.nextInt(10) < 7 ? " " + rareWord() : "") + " " + trade + " " + skewed(SUFFIX);
                String domain = rareWord().toLowerCase() + id + ".example";
                agency.add(id, legal, "SC-" + country + "-" + String.format("%07d", id), country,
                        (1 + random.nextInt(200)) + " " + rareWord() + " Road, " + city(country),
                        "+00 " + (1_000_000 + random.nextInt(9_000_000)), "info@" + domain, "https://" + domain, ts(now));
                name.add(id, legal, "LEGAL");
                // Two more names per agency on average: trade names, a former name or alias, a native spelling.
                for (int n = random.nextInt(5); n > 0; n--) {
                    String kind = nativeWriting(country) && random.nextInt(3) == 0 ? "NATIVE"
                            : new String[]{"TRADE", "TRADE", "ALIAS", "FORMER"}[random.nextInt(4)];
                    name.add(id, "NATIVE".equals(kind) ? nativeAgencyName(country) : tradeName(brand, trade), kind);
                }
                for (int b = (i % 2 == 0 ? 1 : 0) + (i % 4 == 1 ? 1 : 0) + (i % 4 == 3 ? 1 : 0); b > 0; b--) {
                    branch.add(id, brand + " " + trade + " " + city(country) + " Branch",
                            (1 + random.nextInt(90)) + " " + rareWord() + " Street, " + city(country), country,
                            random.nextBoolean() ? "+00 " + (1_000_000 + random.nextInt(9_000_000)) : null,
                            date(today.minusDays(random.nextInt(3000))));
                }
                int first3 = random.nextInt(DESTINATION.length);
                for (int d = 0; d < 1 + random.nextInt(3); d++) {
                    destination.add(id, DESTINATION[(first3 + d) % DESTINATION.length]);
                }
            }
        }
    }

    private void licences(long firstAgency) throws SQLException {
        try (Rows licence = rows("INSERT INTO licence (id, agency_id, licence_number, status, valid_from, valid_until, "
                + "suspended_until, created_at) VALUES (?,?,?,?,?,?,?,?)");
             Rows change = rows("INSERT INTO licence_status_change (licence_id, from_status, to_status, reason, reason_key, "
                     + "legal_basis, actor, occurred_at, remarks_lang) VALUES (?,?,?,?,?,?,?,?,?)")) {
            long firstLicence = next("licence");
            for (int i = 0; i < agencies; i++) {
                long id = firstLicence + i;
                String status = status(i);
                boolean numbered = !status.equals("PENDING") && !status.equals("REFUSED");
                LocalDate from = switch (status) {
                    case "EXPIRED", "REVOKED", "SURRENDERED" -> today.minusDays(1500 + random.nextInt(1500));
                    default -> today.minusDays(random.nextInt(1400));
                };
                LocalDate until = status.equals("EXPIRED") ? today.minusDays(1 + random.nextInt(300)) : from.plusYears(4);
                licence.add(id, firstAgency + i, numbered ? String.format("RA-%d-%06d", from.getYear(), i + 1) : null, status,
                        numbered ? date(from) : null, numbered ? date(until) : null,
                        status.equals("SUSPENDED") ? date(today.plusDays(1 + random.nextInt(180))) : null,
                        ts(now));
                Timestamp filed = ts(from.minusDays(30).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
                change.add(id, null, "PENDING", null, "licence.reason.applied", null, "licensing-officer", filed, null);
                if (!status.equals("PENDING")) {
                    String decided = status.equals("REFUSED") ? "REFUSED" : "ACTIVE";
                    change.add(id, "PENDING", decided, "All requirements met.", null, "Regulation s. 4", "supervisor",
                            ts(from.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)), "en");
                    if (!status.equals("ACTIVE") && !status.equals("REFUSED")) {
                        change.add(id, "ACTIVE", status, status.equals("EXPIRED") ? null : "Decision of the regulator.",
                                status.equals("EXPIRED") ? "licence.reason.expired" : null, "Regulation s. 12",
                                status.equals("EXPIRED") ? "system" : "supervisor",
                                ts(now.minus(1 + random.nextInt(300), ChronoUnit.DAYS)), status.equals("EXPIRED") ? null : "en");
                    }
                }
            }
        }
    }

    private void keyPersons(long firstAgency, int count) throws SQLException {
        try (Rows person = rows("INSERT INTO key_person (agency_id, full_name, native_name, role, nationality, birth_year, "
                + "started_on, ended_on) VALUES (?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < count; i++) {
                int agency = random.nextInt(agencies);
                String country = COUNTRY[agency % COUNTRY.length];
                String[] name = personName(country);
                LocalDate started = today.minusDays(random.nextInt(5000));
                person.add(firstAgency + agency, name[0], name[1], new String[]{"OWNER", "DIRECTOR", "MANAGER"}[i % 3],
                        country, 1950 + random.nextInt(50), date(started),
                        random.nextInt(10) == 0 ? date(started.plusDays(random.nextInt(1000))) : null);
            }
        }
    }

    private void blacklist(long firstAgency, int persons) throws SQLException {
        try (Rows entry = rows("INSERT INTO blacklist_entry (id, subject_type, agency_id, name, nationality, birth_year, "
                + "id_document, reason_category, legal_basis, case_reference, listed_on, expires_on, created_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
             Rows alias = rows("INSERT INTO blacklist_alias (entry_id, name) VALUES (?,?)")) {
            long id = next("blacklist_entry");
            // Every agency whose licence was revoked is listed, as the sanction capability does.
            for (int i = 0; i < agencies; i++) {
                if (status(i).equals("REVOKED")) {
                    entry.add(id++, "AGENCY", firstAgency + i, legalName(firstAgency + i), COUNTRY[i % COUNTRY.length], null,
                            null, "PROHIBITED_FEES", "Regulation s. 13", "SC-CASE-" + i, date(today.minusDays(random.nextInt(300))),
                            null, ts(now));
                }
            }
            for (int i = 0; i < persons; i++) {
                String country = COUNTRY[random.nextInt(COUNTRY.length)];
                String[] name = personName(country);
                LocalDate listed = today.minusDays(random.nextInt(3000));
                entry.add(id, "PERSON", null, name[0], country, 1950 + random.nextInt(50),
                        random.nextBoolean() ? country + "X" + (1_000_000 + random.nextInt(9_000_000)) : null,
                        i % 5 == 0 ? "OFFICER_OF_REVOKED_AGENCY" : "ILLEGAL_RECRUITMENT", "Act s. 6", null,
                        date(listed), i % 3 == 0 ? date(listed.plusYears(5)) : null, ts(now));
                if (name[1] != null) {
                    alias.add(id, name[1]);
                }
                id++;
            }
        }
    }

    /** Reads a legal name back: cheaper than keeping 100,000 strings, and only a few thousand are asked for. */
    private String legalName(long agencyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT legal_name FROM agency WHERE id = ?")) {
            ps.setLong(1, agencyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void complaints(long firstAgency, int count) throws SQLException {
        try (Rows complaint = rows("INSERT INTO complaint (id, reference, channel, category, agency_id, recruiter_name, summary, "
                + "language, destination_country, status, outcome, received_at, status_since, due_on, public_reason, version) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)");
             Rows fee = rows("INSERT INTO fee_record (complaint_id, agency_id, fee_type, amount, currency, paid_on, "
                     + "destination_country, proven, evaluation, evaluation_reason, prohibited_amount, added_by, added_at) "
                     + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            long id = next("complaint");
            for (int i = 0; i < count; i++, id++) {
                // Complaints concentrate on few agencies: a quarter of the register gets most of them.
                Long agency = i % 10 == 9 ? null : firstAgency + (long) (agencies * Math.pow(random.nextDouble(), 3));
                boolean resolved = i % 10 < 7;
                boolean substantiated = resolved && i % 10 < 2;
                Instant received = now.minus(random.nextInt(1460), ChronoUnit.DAYS);
                String destination = DESTINATION[random.nextInt(DESTINATION.length)];
                complaint.add(id, "SC" + Long.toString(id, 36).toUpperCase(), CHANNEL[i % CHANNEL.length],
                        CATEGORY[random.nextInt(CATEGORY.length)], agency, agency == null ? personName("NP")[0] : null,
                        "Complaint received at scale.", "en", destination,
                        resolved ? "RESOLVED" : new String[]{"RECEIVED", "TRIAGED", "UNDER_INVESTIGATION"}[i % 3],
                        resolved ? (substantiated ? "SUBSTANTIATED" : "UNSUBSTANTIATED") : null, ts(received),
                        ts(received.plus(random.nextInt(60), ChronoUnit.DAYS)),
                        resolved ? null : date(today.plusDays(random.nextInt(60) - 20)),
                        resolved ? (substantiated ? "EVIDENCE_CONFIRMS" : "INSUFFICIENT_EVIDENCE") : null);
                for (int f = 0; f < 2; f++) {
                    boolean prohibited = f == 0 || random.nextInt(3) == 0;
                    long amount = 500 + random.nextInt(5000);
                    fee.add(id, agency, FEE_TYPE[f == 0 ? 0 : 1 + random.nextInt(FEE_TYPE.length - 1)], amount,
                            f == 0 ? "NPR" : "USD", date(LocalDate.ofInstant(received, java.time.ZoneOffset.UTC).minusDays(20)),
                            destination, substantiated, prohibited ? "PROHIBITED" : "ALLOWED",
                            prohibited ? "EMPLOYER_PAYS" : "WITHIN_CEILING", prohibited ? amount : 0, "investigator", ts(received));
                }
            }
        }
    }

    private void audit(int count) throws SQLException {
        long seq;
        String hash;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")) {
            rs.next();
            seq = rs.getLong(1);
            hash = rs.getString(2);
        }
        try (Rows entry = rows("INSERT INTO audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, reason, "
                + "before_state, after_state, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            // History runs up to a minute before now, entries a few tens of milliseconds apart.
            Instant at = now.minus(count * 40L, ChronoUnit.MILLIS).minus(1, ChronoUnit.MINUTES);
            for (int i = 0; i < count; i++) {
                at = at.plus(1 + random.nextInt(79), ChronoUnit.MILLIS);
                String[] row = auditRow(++seq, at, ACTOR[random.nextInt(ACTOR.length)], i, hash);
                entry.add(seq, ts(at), row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8]);
                hash = row[8];
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
    }

    /**
     * One audit entry of generated history: actor, action, entity type and id, reason, before, after,
     * previous hash and its own hash. The hash repeats {@code audit.AuditEntry}'s canonical form (every
     * field length-prefixed, then SHA-256); the one place to adapt when the chaining changes.
     */
    static String[] auditRow(long seq, Instant at, String actor, int n, String prevHash) {
        String action = new String[]{"agency.updated", "licence.renewed", "complaint.note-added", "complaint.status-changed"}[n % 4];
        String entity = n % 4 < 2 ? (n % 4 == 0 ? "agency" : "licence") : "complaint";
        String before = "{\"version\":" + (n % 7) + "}";
        String after = "{\"version\":" + (n % 7 + 1) + "}";
        String[] fields = {Long.toString(seq), at.toString(), actor, action, entity, Integer.toString(1 + n % 100_000),
                "generated history", before, after, prevHash};
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            canonical.append(field.length()).append(':').append(field).append('|');
        }
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
            return new String[]{actor, action, entity, fields[5], fields[6], before, after, prevHash, hash};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private String status(int agencyIndex) {
        int slot = (int) (((agencyIndex * 2_654_435_761L) >>> 7) % 1000);
        for (int s = 0; s < STATUS.length; s++) {
            slot -= STATUS_SHARE[s];
            if (slot < 0) {
                return STATUS[s];
            }
        }
        return STATUS[0];
    }

    /** The full name and, where the country writes another script, the native spelling (else null). */
    private String[] personName(String country) {
        String[] given = skewed(GIVEN.get(country));
        String[] family = skewed(FAMILY.get(country));
        boolean middle = random.nextInt(4) != 0;
        String rare = rareWord();
        String full = given[0] + (middle ? " " + rare : "") + " " + family[0];
        String nativeName = given.length > 1 && family.length > 1 && !middle && random.nextBoolean()
                ? given[1] + " " + family[1] : null;
        return new String[]{full, nativeName};
    }

    private String tradeName(String brand, String trade) {
        return random.nextBoolean() ? brand + " " + rareWord() + " " + trade : rareWord() + " " + skewed(TRADE);
    }

    private String nativeAgencyName(String country) {
        int script = country.equals("NP") ? 1 : 2;
        return skewed(NATIVE_BRAND)[script] + " " + skewed(NATIVE_TRADE)[script];
    }

    private static boolean nativeWriting(String country) {
        return country.equals("NP") || country.equals("BD");
    }

    private String city(String country) {
        return switch (country) {
            case "NP" -> "Kathmandu";
            case "BD" -> "Dhaka";
            case "PH" -> "Manila";
            case "ID" -> "Jakarta";
            default -> "Colombo";
        };
    }

    /** The first entries far more often than the last (squared uniform: P(first fifth) ≈ 45 %). */
    private <T> T skewed(T[] values) {
        double u = random.nextDouble();
        return values[(int) (values.length * u * u)];
    }

    private String rareWord() {
        StringBuilder word = new StringBuilder();
        for (int s = 2 + random.nextInt(2); s > 0; s--) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private long next(String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static LocalDate date(LocalDate day) {
        return day;
    }

    private void timed(String what, Step step) throws SQLException {
        long start = System.nanoTime();
        step.run();
        c.commit();
        System.out.printf("%-45s %6.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }

    /** Runs migration files' statements (each ends with ";" at the end of a line; "--" lines are comments). */
    private void runScript(String... files) throws SQLException {
        for (String file : files) {
            String script;
            try (var in = ScaleDataGenerator.class.getResourceAsStream("/migrations/" + file)) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            } catch (java.io.IOException e) {
                throw new SQLException("cannot read " + file, e);
            }
            try (Statement s = c.createStatement()) {
                for (String statement : script.split(";\\s*\\n")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private Rows rows(String sql) throws SQLException {
        return new Rows(c.prepareStatement(sql));
    }

    /** A prepared INSERT sent in batches of {@value #BATCH} rows, committed as it goes. */
    private final class Rows implements AutoCloseable {
        private final PreparedStatement ps;
        private int pending;

        Rows(PreparedStatement ps) {
            this.ps = ps;
        }

        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else {
                    ps.setObject(i + 1, values[i]);
                }
            }
            ps.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        private void flush() throws SQLException {
            ps.executeBatch();
            c.commit();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            if (pending > 0) {
                flush();
            }
            ps.close();
        }
    }
}
