package org.fairrecruit.registry.document;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A PDF's text as a reader gets it: PDFBox's plain extraction for Latin text, plus the ActualText
 * of shaped runs (Devanagari), which PDFTextStripper does not read.
 */
public final class DocumentText {
    private DocumentText() {
    }

    /** What a phone scanning the page's QR code reads. */
    public static String qrCode(PDDocument pdf) throws IOException {
        BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 200);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        } catch (ReaderException e) {
            throw new AssertionError("no readable QR code on the page", e);
        }
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
