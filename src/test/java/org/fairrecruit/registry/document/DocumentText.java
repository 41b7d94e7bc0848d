package org.fairrecruit.registry.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * A PDF's text as a reader gets it: PDFBox's plain extraction for Latin text, plus the ActualText
 * of shaped runs (Devanagari), which PDFTextStripper does not read.
 */
public final class DocumentText {
    private DocumentText() {
    }

    public static String of(PDDocument pdf) throws IOException {
        PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
        extractor.processPage(pdf.getPage(0));
        String actual = extractor.getMarkedContents().stream()
                .map(PDMarkedContent::getActualText)
                .filter(text -> text != null)
                .collect(Collectors.joining(" "));
        return new PDFTextStripper().getText(pdf) + "\n" + actual;
    }
}
