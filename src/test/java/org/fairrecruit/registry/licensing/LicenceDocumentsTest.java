package org.fairrecruit.registry.licensing;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.document.DocumentText;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The licence certificate and decision letters state the facts, in the reader's language, Nepali included. */
@MicronautTest(transactional = false)
class LicenceDocumentsTest {
    @Inject LicenceDocuments documents;
    @Inject Licensing licensing;
    @Inject FourEyes fourEyes;
    @Inject RegisterFixtures fixtures;

    @Test
    void the_certificate_states_number_agency_and_validity_in_nepali() throws Exception {
        Licence licence = fixtures.activeLicence(fixtures.agency("Gandaki Certificate Manpower Pvt. Ltd.").id());

        byte[] certificate = documents.certificate(licence.id(), Locale.forLanguageTag("ne"));
        Files.createDirectories(Path.of("target", "documents"));
        Files.write(Path.of("target", "documents", "licence-certificate-ne.pdf"), certificate);

        try (PDDocument pdf = Loader.loadPDF(certificate)) {
            assertEquals(1, pdf.getNumberOfPages());
            String text = DocumentText.of(pdf);
            assertTrue(text.contains(licence.licenceNumber()), text);
            assertTrue(text.contains("Gandaki Certificate Manpower Pvt. Ltd."), text);
            assertTrue(text.contains("भर्ती एजेन्सी इजाजतपत्र"), text);
            assertTrue(text.contains("सक्रिय"), text);
        }
    }

    @Test
    void the_decision_letter_gives_reason_legal_basis_and_decider() throws Exception {
        Licence licence = fixtures.activeLicence(fixtures.agency("Letter Receiving Services").id());
        Proposal proposal = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", licence.id(), "SUSPEND",
                "Informant says the owner bribed an inspector.", "Regulation s. 12(2)", Map.of("publicReason", "OTHER",
                        "publicRemarks", "Passports kept from workers.", "remarksLang", "en")));
        fourEyes.approve(Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR)), proposal.id(), proposal.version());
        StatusChange suspension = licensing.history(licence.id()).get(2);

        try (PDDocument pdf = Loader.loadPDF(documents.decisionLetter(licence.id(), suspension.id(), Locale.ENGLISH))) {
            String text = DocumentText.of(pdf);
            assertTrue(text.contains("Decision: the licence is now Suspended"), text);
            assertTrue(text.contains("Other reasons (see the remarks) — Passports kept from"), text);
            assertFalse(text.contains("Informant"), "the agency gets the public statement, never the internal note");
            assertTrue(text.contains("Regulation s. 12(2)"), text);
            assertTrue(text.contains("supervisor-b"), text);
        }
    }
}
