package org.fairrecruit.registry.bulkimport;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.RegisterWrites;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.fairrecruit.registry.bulkimport.ImportUploads.approved;
import static org.fairrecruit.registry.bulkimport.ImportUploads.awaitEnd;
import static org.fairrecruit.registry.bulkimport.ImportUploads.submit;
import static org.fairrecruit.registry.bulkimport.ImportUploads.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Licence and blacklist files against the demo register (DEMO-PH-0001 … with licence RA-2024-0001 …). */
@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
class ImportValidationTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject ImportJobs jobs;
    @Inject RegisterWrites register;
    @Inject JsonMapper json;
    @Inject FourEyes fourEyes;
    @Inject RegisterFixtures fixtures;

    private WebClient admin() {
        return new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.ADMIN), StaffFixtures.PASSWORD);
    }

    private static Set<String> refusals(ImportJob job) {
        return job.errors().stream().map(e -> e.row() + " " + e.field() + " " + e.messageKey()).collect(Collectors.toSet());
    }

    @Test
    void licence_file_is_refused_row_by_row_and_nothing_is_written() throws Exception {
        long licences = register.count("SELECT COUNT(*) FROM licence");
        String csv = """
                registrationNumber,licenceNumber,status,validFrom,validUntil,conditions
                DEMO-PH-0007,RA-2026-0101,ACTIVE,2026-01-01,2030-01-01,
                DEMO-PH-0007,ra-2024-0001,ACTIVE,2026-01-01,2030-01-01,
                DEMO-NP-0006,RA-2026-0102,PENDING,,,
                DEMO-XX-9999,RA-2026-0103,ACTIVE,2026-01-01,2030-01-01,
                DEMO-PH-0007,RA-2026-0104,VALID,2026-01-01,2030-01-01,
                DEMO-PH-0007,RA-2026-0105,SUSPENDED,2026-01-01,2025-01-01,
                DEMO-PH-0007,RA-2026-0101,EXPIRED,2020-01-01,2024-01-01,
                DEMO-PH-0007,,ACTIVE,01/02/2026,2030-01-01,
                DEMO-ID-0003,RA-2026-0106,ACTIVE,2026-01-01,2030-01-01,
                """;

        ImportJob job = awaitEnd(jobs, submit(admin(), ImportKind.LICENCES, csv));

        assertEquals(ImportJob.Status.REJECTED, job.status());
        assertEquals(Set.of("3 licenceNumber import.error.licenceNumberUsed", "4 licenceNumber import.error.noNumberFor",
                "5 registrationNumber import.error.unknownAgency", "6 status import.error.oneOf",
                "7 validUntil import.error.dateOrder", "8 licenceNumber import.error.duplicateInFile",
                "9 licenceNumber import.error.required", "9 validFrom import.error.date",
                "10 status import.error.blacklistedAgency",
                // The demo agencies already have licences: their moves are decided one at a time, not imported.
                "2 registrationNumber import.error.agencyHasLicence", "3 registrationNumber import.error.agencyHasLicence",
                "4 registrationNumber import.error.agencyHasLicence", "6 registrationNumber import.error.agencyHasLicence",
                "7 registrationNumber import.error.agencyHasLicence", "8 registrationNumber import.error.agencyHasLicence",
                "9 registrationNumber import.error.agencyHasLicence", "10 registrationNumber import.error.agencyHasLicence",
                "3 status import.error.secondCurrentLicence", "7 status import.error.secondCurrentLicence",
                "9 status import.error.secondCurrentLicence"), refusals(job));
        assertEquals(licences, register.count("SELECT COUNT(*) FROM licence"));
    }

    @Test
    void licence_file_imports_with_status_history_and_appears_in_the_open_data() throws Exception {
        Agency licensed = fixtures.agency("Imported Licence Manpower");
        Agency applying = fixtures.agency("Imported Application Manpower");
        String csv = "registrationNumber,status,licenceNumber,validFrom,validUntil,conditions\r\n"
                + licensed.registrationNumber().toLowerCase() + ",ACTIVE,RA-2026-0201,2026-02-01,2030-02-01,"
                + "\"Deployment to Japan, Korea only.\"\r\n"
                + applying.registrationNumber() + ",PENDING,,,,\r\n";

        ImportJob job = awaitEnd(jobs, approved(fourEyes, jobs, submit(admin(), ImportKind.LICENCES, csv)));

        assertEquals(ImportJob.Status.DONE, job.status(), job.errors().toString());
        assertEquals(2, register.count("SELECT COUNT(*) FROM licence_status_change c JOIN licence l ON l.id = c.licence_id "
                + "WHERE c.reason LIKE 'Imported from licences.csv (import " + job.id() + ")' AND c.from_status IS NULL"));
        assertEquals(2, register.count("SELECT COUNT(*) FROM change_feed WHERE entity_kind = 'AGENCY' AND entity_id IN ("
                + licensed.id() + ", " + applying.id() + ") AND id > (SELECT MIN(id) + 1 FROM change_feed WHERE entity_kind = "
                + "'AGENCY' AND entity_id IN (" + licensed.id() + ", " + applying.id() + "))"));
        String register = new WebClient(server.getURI()).getJson("/opendata/licences.json").body();
        assertTrue(register.contains("\"id\":\"licence-RA-2026-0201\"") && register.contains("Japan, Korea"), register);
    }

    @Test
    void blacklist_file_is_checked_against_the_register_and_a_valid_one_is_published_masked() throws Exception {
        WebClient admin = admin();
        String header = "subjectType,name,aliases,nationality,birthYear,idDocument,reasonCategory,legalBasis,"
                + "caseReference,listedOn,expiresOn,agencyRegistrationNumber\n";
        ImportJob refused = awaitEnd(jobs, submit(admin, ImportKind.BLACKLIST, header
                + "PERSON,ramesh example thapa,,NP,1979,,ILLEGAL_RECRUITMENT,Demo Act s. 6,,2025-07-01,,\n"
                + "PERSON,Sita Demo Rai,,NPL,1890,,illegal,Demo Act s. 6,,2026-01-01,2025-01-01,DEMO-PH-0001\n"
                + "AGENCY,Ghost Demo Agency,,PH,,,ILLEGAL_RECRUITMENT,Demo Act s. 6,,2026-01-01,,DEMO-ZZ-0000\n"));
        assertEquals(Set.of("2 name import.error.alreadyListed", "3 nationality import.error.country",
                "3 birthYear import.error.year", "3 reasonCategory import.error.category",
                "3 expiresOn import.error.dateOrder", "3 agencyRegistrationNumber import.error.agencyForPerson",
                "4 agencyRegistrationNumber import.error.unknownAgency"), refusals(refused));

        long announced = register.count("SELECT COUNT(*) FROM change_feed WHERE entity_kind = 'BLACKLIST_ENTRY'");
        ImportJob job = awaitEnd(jobs, approved(fourEyes, jobs, submit(admin, ImportKind.BLACKLIST, header
                + "PERSON,Sita Demo Rai,Sita Rai|सीता राई,np,1988,N1234567 89,ILLEGAL_RECRUITMENT,Demo Act s. 6,C-1,2026-01-01,,\n"
                + "AGENCY,Sunrise Example Placement Agency,,PH,,,PROHIBITED_FEES,Demo Regulation s. 13,,2026-01-02,2031-01-02,DEMO-PH-0005\n")));

        assertEquals(ImportJob.Status.DONE, job.status(), job.errors().toString());
        JsonNode listings = json.readValue(new WebClient(server.getURI()).getJson("/opendata/blacklist.json").body(),
                JsonNode.class).get("listings");
        JsonNode sita = listings.get(listings.size() - 2);
        assertEquals("Sita Demo Rai", sita.get("name").getStringValue());
        assertEquals("N12****89", sita.get("idDocument").getStringValue());
        assertEquals("NP", sita.get("nationality").getStringValue());
        assertEquals("सीता राई", sita.get("aliases").get(1).getStringValue());
        assertEquals("agency-5", listings.get(listings.size() - 1).get("agencyId").getStringValue());
        assertEquals(announced + 2, register.count("SELECT COUNT(*) FROM change_feed WHERE entity_kind = 'BLACKLIST_ENTRY'"));
    }

    @Test
    void refused_rows_are_reported_in_the_readers_language() throws Exception {
        WebClient admin = admin();
        long id = submit(admin, ImportKind.AGENCIES, "registrationNumber,legalName,country,address,phone,email,tradeNames\n"
                + "DEMO-PH-0001,Bluewater Again,PH,,,not-an-address,\n");
        awaitEnd(jobs, id);

        String page = admin.getHtml("/admin/imports/" + id + "?lang=id").body();

        assertTrue(page.contains("Agen dengan nomor registrasi ini sudah terdaftar."), page);
        assertTrue(page.contains("Masukkan alamat e-mail yang sah."), page);
    }

    @Test
    void upload_without_a_file_keeps_the_chosen_kind_and_says_so_beside_the_field() {
        HttpResponse<String> response = upload(admin(), "/admin/imports", "BLACKLIST", "empty.csv", "");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("id=\"file-error\"") && response.body().contains("Choose a CSV file."),
                response.body());
        assertTrue(response.body().contains("<option value=\"BLACKLIST\" selected=\"selected\">"), response.body());
    }

    @Test
    void missing_and_unknown_columns_are_named_on_row_one() throws Exception {
        ImportJob job = awaitEnd(jobs, submit(admin(), ImportKind.AGENCIES, "registrationNumber,legalName,nation\nX,Y,PH\n"));

        assertEquals(Set.of("1 country import.error.missingColumn", "1 address import.error.missingColumn",
                "1 phone import.error.missingColumn", "1 email import.error.missingColumn",
                "1 tradeNames import.error.missingColumn", "1 nation import.error.unknownColumn"), refusals(job));
    }

    @Test
    void staff_api_queues_an_import_and_reports_refusals_as_json() throws Exception {
        String username = staff.userWithRole(Roles.ADMIN);
        WebClient client = new WebClient(server.getURI());
        String token = json.readValue(client.postJson("/api/v1/staff/tokens", "{\"username\":\"" + username
                + "\",\"password\":\"" + StaffFixtures.PASSWORD + "\"}").body(), JsonNode.class).get("accessToken").getStringValue();
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nAGENCIES\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "registrationNumber,legalName,country,address,phone,email,tradeNames\r\nNEW-1,,PH,,,,\r\n--" + boundary + "--\r\n";

        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(client.uri("/api/v1/staff/imports"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        awaitEnd(jobs, Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        JsonNode status = json.readValue(client.send(HttpRequest.newBuilder(client.uri(location))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Accept-Language", "fil").GET()).body(), JsonNode.class);

        assertEquals("REJECTED", status.get("status").getStringValue());
        JsonNode error = status.get("errors").get(0);
        assertEquals(List.of(2, "legalName", "Kailangan ang value na ito."),
                List.of(error.get("row").getIntValue(), error.get("field").getStringValue(), error.get("message").getStringValue()));
    }
}
