package org.fairrecruit.registry.document;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fonts of one document: splits text into runs that one font can draw and measures them. A font
 * is embedded (as a subset) only when the document uses it.
 */
final class DocumentFonts {
    record Run(PDType0Font font, String text) {
        /** Whether the font's substitution rules may turn characters into other glyphs (not Latin text). */
        boolean shaped() {
            return text.codePoints().mapToObj(Character.UnicodeScript::of).anyMatch(script ->
                    script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON
                            && script != Character.UnicodeScript.INHERITED);
        }
    }

    private static final char MISSING = '?';
    private final PDDocument document;
    private final Map<FontLibrary.Weight, List<TrueTypeFont>> chains = new EnumMap<>(FontLibrary.Weight.class);
    private final Map<FontLibrary.Weight, List<CmapLookup>> coverage = new EnumMap<>(FontLibrary.Weight.class);
    private final Map<FontLibrary.Weight, PDType0Font[]> loaded = new EnumMap<>(FontLibrary.Weight.class);

    DocumentFonts(PDDocument document, FontLibrary library) {
        this.document = document;
        for (FontLibrary.Weight weight : FontLibrary.Weight.values()) {
            List<TrueTypeFont> chain = library.chain(weight);
            chains.put(weight, chain);
            coverage.put(weight, chain.stream().map(DocumentFonts::cmap).toList());
            loaded.put(weight, new PDType0Font[chain.size()]);
        }
    }

    /**
     * Consecutive characters drawn by the same font. Spaces, digits and punctuation stay in the
     * current font when it has them, so a Nepali sentence is not cut at every space.
     */
    List<Run> runs(String text, FontLibrary.Weight weight) {
        List<Run> runs = new ArrayList<>();
        List<CmapLookup> cmaps = coverage.get(weight);
        int current = -1;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean shared = Character.UnicodeScript.of(cp) == Character.UnicodeScript.COMMON
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.INHERITED;
            int font = current >= 0 && shared && covers(cmaps.get(current), cp) ? current : firstCovering(cmaps, cp);
            if (font < 0) {
                font = current >= 0 ? current : 0;
                cp = MISSING;
            }
            if (font != current && !run.isEmpty()) {
                runs.add(new Run(font(weight, current), run.toString()));
                run.setLength(0);
            }
            current = font;
            run.appendCodePoint(cp);
        }
        if (!run.isEmpty()) {
            runs.add(new Run(font(weight, current), run.toString()));
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

    static float width(Run run, float size) {
        try {
            return run.font().getStringWidth(run.text()) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDType0Font font(FontLibrary.Weight weight, int index) {
        PDType0Font[] fonts = loaded.get(weight);
        if (fonts[index] == null) {
            try {
                fonts[index] = PDType0Font.load(document, chains.get(weight).get(index), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fonts[index];
    }

    private static int firstCovering(List<CmapLookup> cmaps, int cp) {
        for (int i = 0; i < cmaps.size(); i++) {
            if (covers(cmaps.get(i), cp)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean covers(CmapLookup cmap, int cp) {
        return cmap.getGlyphId(cp) != 0;
    }

    private static CmapLookup cmap(TrueTypeFont font) {
        try {
            return font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
