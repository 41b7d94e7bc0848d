package org.fairrecruit.registry.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The fonts of one document: splits text into runs that one font can draw and measures them. A font
 * is embedded (as a subset) only when the document uses it.
 */
final class DocumentFonts {
    /** @param face the parsed font behind {@code font} */
    record Run(PDType0Font font, FontLibrary.Face face, String text) {
        /** Whether the font's substitution rules may turn characters into other glyphs (not Latin text). */
        boolean shaped() {
            return text.codePoints().mapToObj(Character.UnicodeScript::of).anyMatch(script ->
                    script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON
                            && script != Character.UnicodeScript.INHERITED);
        }
    }

    private static final char MISSING = '?';
    private final PDDocument document;
    private final FontLibrary.Fonts fonts;
    private final Map<FontLibrary.Weight, PDType0Font[]> loaded = new EnumMap<>(FontLibrary.Weight.class);

    /** @param fonts borrowed from the {@link FontLibrary} for this document */
    DocumentFonts(PDDocument document, FontLibrary.Fonts fonts) {
        this.document = document;
        this.fonts = fonts;
        for (FontLibrary.Weight weight : FontLibrary.Weight.values()) {
            loaded.put(weight, new PDType0Font[fonts.chain(weight).size()]);
        }
    }

    /**
     * Consecutive characters drawn by the same font. Spaces, digits and punctuation stay in the
     * current font when it has them, so a Nepali sentence is not cut at every space.
     */
    List<Run> runs(String text, FontLibrary.Weight weight) {
        List<Run> runs = new ArrayList<>();
        List<FontLibrary.Face> faces = fonts.chain(weight);
        int current = -1;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean shared = Character.UnicodeScript.of(cp) == Character.UnicodeScript.COMMON
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.INHERITED;
            int font = current >= 0 && shared && covers(faces.get(current), cp) ? current : firstCovering(faces, cp);
            if (font < 0) {
                font = current >= 0 ? current : 0;
                cp = MISSING;
            }
            if (font != current && !run.isEmpty()) {
                runs.add(new Run(font(weight, current), faces.get(current), run.toString()));
                run.setLength(0);
            }
            current = font;
            run.appendCodePoint(cp);
        }
        if (!run.isEmpty()) {
            runs.add(new Run(font(weight, current), faces.get(current), run.toString()));
        }
        return runs;
    }

    float width(String text, FontLibrary.Weight weight, float size) {
        float width = 0;
        for (Run run : runs(text, weight)) {
            width += width(run, size);
        }
        return width;
    }

    /**
     * Draws a run at the current text position. Text in a font with Latin ligature rules is written as
     * glyph ids computed by {@link LatinGlyphs}, as PDFBox's {@code showText} would write them; PDFBox
     * shapes the rest. Either way the subset keeps the glyphs and the characters (for ToUnicode).
     */
    static void show(PDPageContentStream stream, Run run) throws IOException {
        LatinGlyphs latin = run.face().latin();
        if (latin == null) {
            stream.showText(run.text());
            return;
        }
        List<Integer> glyphs = latin.glyphIds(run.text());
        StringBuilder codes = new StringBuilder(4 * glyphs.size() + 8).append('<');
        for (int glyph : glyphs) {
            HexFormat.of().formatHex(codes, run.font().encodeGlyphId(glyph));
        }
        run.font().addGlyphsToSubset(new HashSet<>(glyphs));
        run.text().codePoints().forEach(run.font()::addToSubset);
        stream.appendRawCommands(codes.append("> Tj\n").toString());
    }

    /**
     * What {@code getStringWidth} gives, without encoding the text and reading the codes back (a
     * CMap lookup per byte): with Identity-H the code of a character is its glyph id in the cmap.
     */
    static float width(Run run, float size) {
        try {
            float width = 0;
            for (int i = 0; i < run.text().length(); ) {
                int cp = run.text().codePointAt(i);
                i += Character.charCount(cp);
                width += run.font().getWidth(run.face().cmap().getGlyphId(cp));
            }
            return width / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDType0Font font(FontLibrary.Weight weight, int index) {
        PDType0Font[] fonts = loaded.get(weight);
        if (fonts[index] == null) {
            try {
                fonts[index] = PDType0Font.load(document, this.fonts.chain(weight).get(index).font(), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fonts[index];
    }

    private static int firstCovering(List<FontLibrary.Face> faces, int cp) {
        for (int i = 0; i < faces.size(); i++) {
            if (covers(faces.get(i), cp)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean covers(FontLibrary.Face face, int cp) {
        return face.cmap().getGlyphId(cp) != 0;
    }
}
