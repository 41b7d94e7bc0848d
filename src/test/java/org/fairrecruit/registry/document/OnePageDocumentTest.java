package org.fairrecruit.registry.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnePageDocumentTest {
    private static final DocumentRenderer RENDERER = new DocumentRenderer(new FontLibrary());

    private static OnePageDocument nepaliLetter() {
        return OnePageDocument.a4(Locale.forLanguageTag("ne"), "प्रमाणपत्र")
                .title("प्रमाणीकरण प्रमाणपत्र")
                .banner(OnePageDocument.Tone.GOOD, "इजाजतपत्र मान्य छ")
                .paragraph("Bluewater Demo Manpower Services Inc. — RA-2024-0001")
                .row("इजाजतपत्र नम्बर", "RA-2024-0001")
                .row("Empty", null)
                .qrCode("https://registry.example/verify/abc", "https://registry.example/verify/abc")
                .smallPrint("Small print");
    }

    @Test
    void nepali_and_latin_text_is_embedded_extractable_and_on_one_page() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(nepaliLetter()))) {
            String text = new PDFTextStripper().getText(pdf);

            assertEquals(1, pdf.getNumberOfPages());
            assertEquals("ne", pdf.getDocumentCatalog().getLanguage());
            assertTrue(text.contains("RA-2024-0001"), text);
            assertTrue(text.contains("Bluewater Demo Manpower Services Inc."), text);
            assertTrue(DocumentText.of(pdf).contains("इजाजतपत्र मान्य छ"), DocumentText.of(pdf));
            assertTrue(text.contains("—"), text);
            List<String> fonts = new ArrayList<>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName());
                fonts.add(font.getName());
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("NotoSansDevanagari")), fonts.toString());
        }
    }

    @Test
    void qr_code_decodes_to_its_content() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(nepaliLetter()))) {
            assertEquals("https://registry.example/verify/abc", DocumentText.qrCode(pdf));
        }
    }

    @Test
    void content_longer_than_a_page_is_refused() {
        OnePageDocument long_ = OnePageDocument.a4(Locale.ENGLISH, "Too long");
        for (int i = 0; i < 80; i++) {
            long_.paragraph("Paragraph " + i);
        }
        assertThrows(IllegalStateException.class, () -> RENDERER.render(long_));
    }
}
