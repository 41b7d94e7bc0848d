package org.fairrecruit.registry.support;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyInput;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.agency.KeyPersonInput;
import org.fairrecruit.registry.licensing.Application;
import org.fairrecruit.registry.licensing.ApplicationReview;
import org.fairrecruit.registry.licensing.GrantTerms;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.licensing.LicensingSettings;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Agencies and licences made through the real services, each with fresh names and numbers. */
@Singleton
public class RegisterFixtures {
    public static final String OFFICER = "officer-fixture";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final AgencyRegister register;
    private final Licensing licensing;
    private final ApplicationReview review;
    private final LicensingSettings settings;

    RegisterFixtures(AgencyRegister register, Licensing licensing, ApplicationReview review, LicensingSettings settings) {
        this.register = register;
        this.licensing = licensing;
        this.review = review;
        this.settings = settings;
    }

    public Agency agency(String legalName, String... directors) {
        int n = SEQUENCE.incrementAndGet();
        Agency agency = register.register(OFFICER, new AgencyInput(legalName, "REG-T-" + n, "NP", "Ward " + n + ", Kathmandu",
                null, "agency" + n + "@agency.test", null, List.of(), List.of(), List.of(), List.of("MY", "QA")));
        for (String director : directors) {
            agency = register.addKeyPerson(OFFICER, agency.id(), new KeyPersonInput(director, null,
                    Agency.PersonRole.DIRECTOR, "NP", 1975, LocalDate.of(2015, 1, 1)));
        }
        return agency;
    }

    /** Files an application and confirms every checklist item; returns the open application. */
    public Application reviewedApplication(long agencyId) {
        Application application = licensing.apply(OFFICER, agencyId);
        settings.checklist().forEach(item -> review.check(OFFICER, application.id(), item, true));
        return review.get(application.id());
    }

    public Licence activeLicence(long agencyId) {
        Application application = reviewedApplication(agencyId);
        return licensing.grant(OFFICER, application.id(), application.version(), new GrantTerms(null, null, true));
    }
}
