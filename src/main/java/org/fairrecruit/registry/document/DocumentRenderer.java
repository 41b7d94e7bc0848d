package org.fairrecruit.registry.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Lays out a {@link OnePageDocument} on one A4 page and returns the PDF. Text wraps at spaces (or
 * anywhere in a word longer than a line); Devanagari is shaped with the font's GSUB rules (PDFBox 3).
 * The QR code is drawn as vector squares, so it stays sharp at any zoom and when printed.
 */
@Singleton
public class DocumentRenderer {
    private static final float MARGIN = 56;
    private static final float TITLE_SIZE = 20;
    private static final float TEXT_SIZE = 11;
    private static final float ROW_SIZE = 10.5f;
    private static final float SMALL_SIZE = 8.5f;
    private static final float LABEL_COLUMN = 170;
    private static final float QR_SIZE = 130;
    private static final Color INK = new Color(0x1b1f24);
    private static final Color MUTED = new Color(0x4a5460);
    private static final Color LINE = new Color(0xc9d1d9);
    private static final Map<OnePageDocument.Tone, Color[]> TONES = Map.of(
            OnePageDocument.Tone.GOOD, new Color[]{new Color(0x0f6b35), new Color(0xe4f4ea)},
            OnePageDocument.Tone.BAD, new Color[]{new Color(0xa4161a), new Color(0xfde8e8)},
            OnePageDocument.Tone.NEUTRAL, new Color[]{new Color(0x7a4a00), new Color(0xfff4d6)});

    private final FontLibrary fonts;

    DocumentRenderer(FontLibrary fonts) {
        this.fonts = fonts;
    }

    public byte[] render(OnePageDocument content) {
        FontLibrary.Fonts parsed = fonts.borrow();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            document.getDocumentInformation().setTitle(content.documentTitle());
            document.getDocumentCatalog().setLanguage(content.language().toLanguageTag());
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                new Layout(stream, new DocumentFonts(document, parsed), page.getMediaBox()).draw(content.blocks());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            fonts.giveBack(parsed);
        }
    }

    /** Draws blocks top to bottom; {@code y} is the top of the next block. */
    private static final class Layout {
        private final PDPageContentStream stream;
        private final DocumentFonts fonts;
        private final float left;
        private final float width;
        private final float bottom;
        private float y;

        Layout(PDPageContentStream stream, DocumentFonts fonts, PDRectangle box) {
            this.stream = stream;
            this.fonts = fonts;
            this.left = MARGIN;
            this.width = box.getWidth() - 2 * MARGIN;
            this.bottom = MARGIN;
            this.y = box.getHeight() - MARGIN;
        }

        void draw(List<OnePageDocument.Block> blocks) throws IOException {
            for (OnePageDocument.Block block : blocks) {
                if (block instanceof OnePageDocument.Title t) {
                    y = text(t.text(), FontLibrary.Weight.BOLD, TITLE_SIZE, left, width, INK) - 8;
                    rule();
                } else if (block instanceof OnePageDocument.Paragraph p) {
                    y = text(p.text(), FontLibrary.Weight.REGULAR, TEXT_SIZE, left, width, INK) - 8;
                } else if (block instanceof OnePageDocument.Banner b) {
                    banner(b);
                } else if (block instanceof OnePageDocument.Row r) {
                    row(r);
                } else if (block instanceof OnePageDocument.QrCode q) {
                    qrCode(q);
                } else if (block instanceof OnePageDocument.SmallPrint s) {
                    y = text(s.text(), FontLibrary.Weight.REGULAR, SMALL_SIZE, left, width, MUTED) - 4;
                }
                if (y < bottom) {
                    throw new IllegalStateException("content does not fit on one page");
                }
            }
        }

        private void rule() throws IOException {
            stream.setStrokingColor(LINE);
            stream.setLineWidth(0.8f);
            stream.moveTo(left, y);
            stream.lineTo(left + width, y);
            stream.stroke();
            y -= 14;
        }

        private void banner(OnePageDocument.Banner banner) throws IOException {
            Color[] colours = TONES.get(banner.tone());
            float size = 13;
            float padding = 9;
            List<String> lines = wrap(banner.text(), FontLibrary.Weight.BOLD, size, width - 2 * padding);
            float height = lines.size() * leading(size) + 2 * padding - (leading(size) - size);
            stream.setNonStrokingColor(colours[1]);
            stream.addRect(left, y - height, width, height);
            stream.fill();
            stream.setNonStrokingColor(colours[0]);
            stream.addRect(left, y - height, 4, height);
            stream.fill();
            drawLines(lines, FontLibrary.Weight.BOLD, size, left + padding + 4, y - padding, colours[0]);
            y -= height + 14;
        }

        private void row(OnePageDocument.Row row) throws IOException {
            float labelBottom = text(row.label(), FontLibrary.Weight.BOLD, ROW_SIZE, left, LABEL_COLUMN - 10, MUTED);
            float valueBottom = text(row.value(), FontLibrary.Weight.REGULAR, ROW_SIZE, left + LABEL_COLUMN,
                    width - LABEL_COLUMN, INK);
            y = Math.min(labelBottom, valueBottom) - 5;
        }

        private void qrCode(OnePageDocument.QrCode qr) throws IOException {
            y -= 6;
            BitMatrix matrix = encode(qr.content());
            float module = QR_SIZE / matrix.getWidth();
            float top = y;
            stream.setNonStrokingColor(Color.BLACK);
            for (int row = 0; row < matrix.getHeight(); row++) {
                int column = 0;
                while (column < matrix.getWidth()) {
                    if (!matrix.get(column, row)) {
                        column++;
                        continue;
                    }
                    int start = column;
                    while (column < matrix.getWidth() && matrix.get(column, row)) {
                        column++;
                    }
                    stream.addRect(left + start * module, top - (row + 1) * module, (column - start) * module, module);
                }
            }
            stream.fill();
            float captionLeft = left + QR_SIZE + 18;
            float captionBottom = text(qr.caption(), FontLibrary.Weight.REGULAR, TEXT_SIZE - 1, captionLeft,
                    width - QR_SIZE - 18, INK);
            y = Math.min(top - QR_SIZE, captionBottom) - 14;
        }

        /** Draws wrapped text from the current {@code y}; returns the y below its last line. */
        private float text(String text, FontLibrary.Weight weight, float size, float x, float columnWidth, Color colour)
                throws IOException {
            List<String> lines = wrap(text, weight, size, columnWidth);
            drawLines(lines, weight, size, x, y, colour);
            return y - lines.size() * leading(size);
        }

        private void drawLines(List<String> lines, FontLibrary.Weight weight, float size, float x, float top, Color colour)
                throws IOException {
            stream.setNonStrokingColor(colour);
            float baseline = top - size;
            for (String line : lines) {
                stream.beginText();
                stream.newLineAtOffset(x, baseline);
                for (DocumentFonts.Run run : fonts.runs(line, weight)) {
                    stream.setFont(run.font(), size);
                    if (run.shaped()) {
                        // Shaped glyphs (conjuncts, reordered vowel signs) have no single character
                        // of their own; ActualText gives copy-paste, search and screen readers the words.
                        // Inline (not a named property list) because that is what text extractors read.
                        stream.appendRawCommands("/Span <</ActualText <" + utf16Hex(run.text()) + ">>> BDC\n");
                        DocumentFonts.show(stream, run);
                        stream.endMarkedContent();
                    } else {
                        DocumentFonts.show(stream, run);
                    }
                }
                stream.endText();
                baseline -= leading(size);
            }
        }

        private List<String> wrap(String text, FontLibrary.Weight weight, float size, float columnWidth) {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\n")) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" +")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (fonts.width(candidate, weight, size) <= columnWidth) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    word = breakLongWord(word, weight, size, columnWidth, lines);
                    line.append(word);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        /** Moves full-width pieces of a word wider than the column (a long code or address) to lines. */
        private String breakLongWord(String word, FontLibrary.Weight weight, float size, float columnWidth,
                                     List<String> lines) {
            String rest = word;
            while (fonts.width(rest, weight, size) > columnWidth && rest.length() > 1) {
                int end = rest.length() - 1;
                while (end > 1 && fonts.width(rest.substring(0, end), weight, size) > columnWidth) {
                    end--;
                }
                lines.add(rest.substring(0, end));
                rest = rest.substring(end);
            }
            return rest;
        }

        /** A PDF text string as hex: UTF-16BE with its byte-order mark. */
        private static String utf16Hex(String text) {
            return "FEFF" + HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_16BE));
        }

        private static float leading(float size) {
            return size * 1.45f;
        }

        private static BitMatrix encode(String content) {
            try {
                return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                        EncodeHintType.MARGIN, 0,
                        EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                        EncodeHintType.CHARACTER_SET, "UTF-8"));
            } catch (WriterException e) {
                throw new IllegalArgumentException("cannot encode a QR code for this content", e);
            }
        }
    }
}
