package org.fairrecruit.registry.support;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyInput;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.agency.KeyPersonInput;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Application;
import org.fairrecruit.registry.licensing.ApplicationReview;
import org.fairrecruit.registry.licensing.GrantTerms;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.licensing.LicensingSettings;
import org.fairrecruit.registry.licensing.ScreeningClearances;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.sanction.BlacklistDecisions;
import org.fairrecruit.registry.sanction.ListingDraft;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Agencies and licences made through the real services, each with fresh names and numbers. */
@Singleton
public class RegisterFixtures {
    public static final String OFFICER = "officer-fixture";
    public static final Authentication SUPERVISOR = Authentication.build("supervisor-fixture", Set.of(Roles.SUPERVISOR));
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final AgencyRegister register;
    private final Licensing licensing;
    private final ApplicationReview review;
    private final LicensingSettings settings;
    private final FourEyes fourEyes;
    private final ScreeningClearances clearances;
    private final RegistryNameIndex index;

    RegisterFixtures(AgencyRegister register, Licensing licensing, ApplicationReview review, LicensingSettings settings,
                     FourEyes fourEyes, ScreeningClearances clearances, RegistryNameIndex index) {
        this.index = index;
        this.fourEyes = fourEyes;
        this.clearances = clearances;
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

    /**
     * Puts a person born 1968 in Nepal on the blacklist through four eyes, searchable once this returns; an
     * applicant's key person of that name then screens as a MATCH.
     */
    public void listedPerson(String name, String caseReference) {
        Proposal listing = fourEyes.propose(OFFICER, BlacklistDecisions.listing(new ListingDraft("PERSON", null, name,
                List.of(), "NP", 1968, null, "ILLEGAL_RECRUITMENT", caseReference, LocalDate.now(), null),
                "Recruited without a licence.", "Act s. 6"));
        fourEyes.approve(SUPERVISOR, listing.id(), listing.version());
        index.followChanges();
        Eventually.eventually("the listed person searchable", Duration.ofSeconds(5),
                () -> index.search(new MatchQuery(name, EntityType.PERSON, null), 1), hits -> !hits.isEmpty());
    }

    /** Grants a reviewed application, first clearing through four eyes whatever the screening matched. */
    public Licence granted(Application application) {
        review.reviewedHits(application.id()).stream().filter(ApplicationReview.ReviewedHit::needsClearance).forEach(hit -> {
            Proposal clearing = fourEyes.propose(OFFICER, clearances.draft(hit.id(),
                    ScreeningClearances.ClearReason.DIFFERENT_BIRTH_YEAR, "A namesake, born in another year.", "Act s. 10"));
            fourEyes.approve(SUPERVISOR, clearing.id(), clearing.version());
        });
        Application current = review.get(application.id());
        return licensing.grant(OFFICER, current.id(), current.version(), new GrantTerms(null, null));
    }

    public Licence activeLicence(long agencyId) {
        return granted(reviewedApplication(agencyId));
    }
}
