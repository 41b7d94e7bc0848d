package org.fairrecruit.registry.demo;

import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyInput;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.agency.BranchInput;
import org.fairrecruit.registry.agency.KeyPersonInput;

import java.time.LocalDate;
import java.util.List;

/**
 * The demo agencies, registered as the demo licensing officer would at the register's form, so each
 * one has its audit entries and change-feed rows like any other. The history script that follows
 * refers to them by id, 1 to 8 in this order on the empty database.
 */
final class DemoAgencies {
    static final String OFFICER = "licensing-officer";

    private DemoAgencies() {
    }

    static void register(AgencyRegister register) {
        add(register, 1, agency("Bluewater Demo Manpower Services Inc.", "DEMO-PH-0001", "PH", "12 Example Street, Makati City",
                "+63 2 0000 0001", "info@bluewater.example", List.of("Bluewater Jobs"), List.of("BDMS"), List.of(),
                List.of("SA", "AE", "QA")));
        register.addBranch(OFFICER, 1, new BranchInput("Bluewater Demo Davao Branch", "3 Example Road, Davao City", "PH",
                "+63 82 000 0011", LocalDate.of(2024, 6, 1)));
        register.addBranch(OFFICER, 1, new BranchInput("Bluewater Demo Iloilo Branch", "9 Sample Street, Iloilo City", "PH",
                null, LocalDate.of(2025, 2, 15)));
        register.addKeyPerson(OFFICER, 1, new KeyPersonInput("Ana Example Reyes", null, Agency.PersonRole.OWNER, "PH", 1970,
                LocalDate.of(2010, 1, 1)));
        add(register, 2, agency("Himalaya Example Overseas Pvt. Ltd.", "DEMO-NP-0002", "NP", "Ward 4, Example Tole, Kathmandu",
                "+977 1 000 0002", "contact@himalaya.example", List.of("Himalaya Overseas"), List.of(),
                List.of("हिमालय उदाहरण ओभरसिज"), List.of("MY", "QA")));
        register.addBranch(OFFICER, 2, new BranchInput("Himalaya Example Pokhara Office", "Lakeside Example Road, Pokhara",
                "NP", "+977 61 000 002", LocalDate.of(2023, 9, 1)));
        register.addKeyPerson(OFFICER, 2, new KeyPersonInput("Prakash Demo Adhikari", "प्रकाश डेमो अधिकारी",
                Agency.PersonRole.DIRECTOR, "NP", 1968, LocalDate.of(2015, 3, 1)));
        add(register, 3, agency("PT Nusantara Contoh Tenaga Kerja", "DEMO-ID-0003", "ID", "Jl. Contoh No. 3, Jakarta",
                "+62 21 000 0003", "halo@nusantara.example", List.of("Nusantara Kerja"), List.of(), List.of(), List.of("MY")));
        register.addKeyPerson(OFFICER, 3, new KeyPersonInput("Dewi Contoh Lestari", null, Agency.PersonRole.DIRECTOR, "ID",
                1975, LocalDate.of(2012, 5, 1)));
        add(register, 4, agency("Golden Bridge Demo Recruitment Ltd.", "DEMO-BD-0004", "BD", "House 4, Example Road, Dhaka",
                "+880 2 000 0004", "mail@goldenbridge.example", List.of(), List.of(), List.of("গোল্ডেন ব্রিজ ডেমো রিক্রুটমেন্ট"),
                List.of("SA")));
        // Registered under its old name and then renamed, so the register keeps "Sunrise Placement" as a former name.
        AgencyInput sunrise = agency("Sunrise Example Placement Agency", "DEMO-PH-0005", "PH", "5 Sample Avenue, Quezon City",
                "+63 2 0000 0005", "hello@sunrise.example", List.of(), List.of(), List.of(), List.of("HK"));
        Agency registered = add(register, 5, new AgencyInput("Sunrise Placement", sunrise.registrationNumber(), sunrise.country(),
                sunrise.address(), sunrise.phone(), sunrise.email(), null, List.of(), List.of(), List.of(), sunrise.destinations()));
        register.update(OFFICER, 5, registered.version(), sunrise);
        add(register, 6, agency("Everest Demo Human Resources Pvt. Ltd.", "DEMO-NP-0006", "NP", "Example Marg 6, Lalitpur",
                "+977 1 000 0006", "hr@everest.example", List.of(), List.of(), List.of("एभरेस्ट डेमो ह्युमन रिसोर्सेस"),
                List.of("KW")));
        register.addKeyPerson(OFFICER, 6, new KeyPersonInput("Suman Example Karki", "सुमन उदाहरण कार्की",
                Agency.PersonRole.MANAGER, "NP", 1982, LocalDate.of(2024, 1, 1)));
        add(register, 7, agency("Coral Example Staffing Corp.", "DEMO-PH-0007", "PH", "7 Placeholder Lane, Cebu City",
                "+63 32 000 0007", "jobs@coral.example", List.of(), List.of(), List.of(), List.of("JP")));
        add(register, 8, agency("CV Maju Contoh Sejahtera", "DEMO-ID-0008", "ID", "Jl. Sampel No. 8, Surabaya",
                "+62 31 000 0008", "info@majucontoh.example", List.of(), List.of(), List.of(), List.of("TW", "HK")));
        register.addBranch(OFFICER, 8, new BranchInput("CV Maju Contoh Malang", "Jl. Contoh Raya No. 2, Malang", "ID", null,
                LocalDate.of(2025, 8, 1)));
        register.addKeyPerson(OFFICER, 8, new KeyPersonInput("Agus Demo Santoso", null, Agency.PersonRole.OWNER, "ID", 1979,
                LocalDate.of(2018, 1, 1)));
    }

    private static AgencyInput agency(String legalName, String registration, String country, String address, String phone,
                                      String email, List<String> tradeNames, List<String> aliases, List<String> nativeNames,
                                      List<String> destinations) {
        return new AgencyInput(legalName, registration, country, address, phone, email, null, tradeNames, aliases,
                nativeNames, destinations);
    }

    private static Agency add(AgencyRegister register, long expectedId, AgencyInput input) {
        Agency agency = register.register(OFFICER, input);
        if (agency.id() != expectedId) {
            throw new IllegalStateException("Demo agency " + input.legalName() + " got id " + agency.id()
                    + ", the history script expects " + expectedId + ": the database was not empty");
        }
        return agency;
    }
}
