package org.fairrecruit.registry.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import io.micronaut.views.model.ViewModelProcessor;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of ARCHITECTURE.md, checked on the compiled production classes (Micronaut's generated
 * bean definitions included, so a dependency hidden in an injected constructor counts too).
 */
class ArchitectureTest {
    private static final String ROOT = "org.fairrecruit.registry";
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void capabilities_depend_on_each_other_without_cycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    /** Every table (and view) by the capability that owns it; a new table needs its line here. */
    private static final Map<String, String> TABLES_BY_OWNER = Map.ofEntries(
            Map.entry("agency", "agency agency_branch agency_destination agency_listing agency_name key_person"),
            Map.entry("licensing", "licence licence_activity licence_application licence_condition licence_number_counter licence_status_change application_checklist application_document application_note application_screening_hit renewal_reminder current_licence screening_clearance"),
            Map.entry("identity", "api_key api_key_usage sign_in_throttle staff_session staff_user"),
            Map.entry("audit", "audit_checkpoint audit_checkpoint_schedule audit_entry audit_head"),
            Map.entry("sanction", "blacklist_alias blacklist_entry sanction"),
            Map.entry("portal", "certificate"),
            Map.entry("changefeed", "change_feed"),
            Map.entry("complaint", "complaint complaint_attachment complaint_contact complaint_event complaint_key_person unlicensed_recruiter unlicensed_recruiter_alias"),
            Map.entry("monitoring", "compliance_obligation inspection inspection_finding"),
            Map.entry("fee", "fee_policy fee_policy_ceiling fee_record fee_type refund_order refund_payment"),
            Map.entry("bulkimport", "import_job import_progress"),
            Map.entry("intake", "intake_agency_match intake_idempotency intake_message intake_report intake_throttle"),
            Map.entry("notification", "outbox_message webhook_attempt webhook_endpoint"),
            Map.entry("approval", "proposal"),
            Map.entry("reporting", "report_complaint_month report_complaint_total report_fee_agency_total report_fee_case report_fee_month report_fee_total report_open_case report_open_case_total"),
            Map.entry("screening", "screening screening_batch screening_batch_result screening_batch_row screening_watch screening_watch_cursor"));

    /** Views a capability publishes as its read model in SQL, for lists that page and sort in the database. */
    private static final Set<String> PUBLISHED_VIEWS = Set.of("agency_listing", "current_licence");

    private static final Pattern TABLE_USE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)\\b");
    private static final Pattern CREATED = Pattern.compile("(?i)CREATE\\s+(?:TABLE|VIEW)\\s+(?:IF NOT EXISTS\\s+)?`?([a-z_]+)");
    private static final Path SOURCES = Path.of("src/main/java/org/fairrecruit/registry");

    @Test
    void every_table_the_migrations_create_has_an_owning_capability() throws IOException {
        Set<String> owned = owners().keySet();
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("migrations"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                Matcher m = CREATED.matcher(Files.readString(file));
                while (m.find()) {
                    if (!owned.contains(m.group(1))) {
                        orphans.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), orphans, "tables without an owner in TABLES_BY_OWNER");
    }

    /**
     * A capability reaches another's data through its public service, never its SQL: checked on the SQL
     * text in the sources (comments left out), as compiled classes keep no trace of a table name.
     */
    @Test
    void no_capability_queries_another_capabilitys_tables() throws IOException {
        Map<String, String> owners = owners();
        Map<String, Set<String>> reaches = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                String capability = relative.split("/")[0];
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher m = TABLE_USE.matcher(code);
                while (m.find()) {
                    String owner = owners.get(m.group(1));
                    if (owner != null && !owner.equals(capability) && !PUBLISHED_VIEWS.contains(m.group(1))) {
                        reaches.computeIfAbsent(relative, f -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        assertEquals(Map.of(), reaches, "files reaching into another capability's tables");
    }

    /** The raw JDBC types: below {@code database.Sql} (and {@code PublicReads}), the one way SQL is written. */
    private static final Set<String> RAW_JDBC = Set.of("io.micronaut.data.jdbc.runtime.JdbcOperations",
            "java.sql.Connection", "javax.sql.DataSource");

    /** The command-line audit check runs without the service, on a connection of its own. */
    private static final Set<String> STANDALONE_TOOLS = Set.of("audit.AuditVerifyCommand");

    @Test
    void sql_is_written_only_through_the_database_helper() {
        Set<String> found = new TreeSet<>();
        PRODUCTION.stream()
                .filter(type -> !(type.getPackageName() + ".").startsWith(ROOT + ".database."))
                .filter(type -> type.getDirectDependenciesFromSelf().stream()
                        .anyMatch(dependency -> RAW_JDBC.contains(dependency.getTargetClass().getName())))
                .forEach(type -> found.add(sourceClass(type)));
        assertEquals(STANDALONE_TOOLS, found, "classes on raw JDBC instead of database.Sql");
    }

    @Test
    void no_capability_keeps_a_second_sql_style_in_repositories() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.micronaut.data.repository..",
                "io.micronaut.data.jdbc.annotation..", "io.micronaut.data.annotation..").check(PRODUCTION);
    }

    /** The class a type was compiled from, relative to the root: nested and Micronaut-generated ones count for it. */
    private static String sourceClass(JavaClass type) {
        String simple = type.getName().substring(type.getPackageName().length() + 1).replaceFirst("^\\$", "");
        return type.getPackageName().substring(ROOT.length() + 1) + "." + simple.split("\\$")[0];
    }

    private static Map<String, String> owners() {
        Map<String, String> byTable = new HashMap<>();
        TABLES_BY_OWNER.forEach((owner, tables) -> Arrays.stream(tables.split(" ")).forEach(t -> byTable.put(t, owner)));
        return byTable;
    }

    @Test
    void controllers_are_package_private() {
        classes().that().areAnnotatedWith(Controller.class).should().notBePublic().check(PRODUCTION);
    }

    @Test
    void the_kernel_depends_on_no_capability() {
        noClasses().that().resideInAPackage(ROOT + ".kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(capabilitiesAbove("kernel", "database"))
                .check(PRODUCTION);
    }

    /**
     * Domain services speak in kernel types; only the HTTP edge (controllers and the forms nested in
     * them, error handlers, view-model processors) uses web.
     */
    @Test
    void only_the_http_edge_depends_on_web() {
        noClasses().that(not(HTTP_EDGE)).and().resideOutsideOfPackage(ROOT + ".web..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".web..")
                .check(PRODUCTION);
    }

    private static final DescribedPredicate<JavaClass> HTTP_EDGE = DescribedPredicate.describe(
            "the HTTP edge", ArchitectureTest::atTheHttpEdge);

    private static boolean atTheHttpEdge(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return type.getName().substring(type.getPackageName().length() + 1).startsWith("$") // generated by Micronaut
                || outermost.isAnnotatedWith(Controller.class)
                || outermost.isAssignableTo(ExceptionHandler.class)
                || outermost.isAssignableTo(ViewModelProcessor.class);
    }

    private static String[] capabilitiesAbove(String... allowed) {
        Set<String> allowedSet = Set.of(allowed);
        return PRODUCTION.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(ROOT + "."))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .distinct()
                .filter(p -> !allowedSet.contains(p))
                .map(p -> ROOT + "." + p + "..")
                .toArray(String[]::new);
    }
}
