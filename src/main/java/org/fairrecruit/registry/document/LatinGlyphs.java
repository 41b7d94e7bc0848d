package org.fairrecruit.registry.document;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.Language;
import org.apache.fontbox.ttf.model.ScriptFeature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Glyph ids of text in a font with Latin GSUB rules, its ligatures applied (features ccmp, liga and
 * clig, in that order, word by word): the result of PDFBox 3's {@code GsubWorkerForLatin} in
 * {@code showText}, without its cost. PDFBox compiles a regular expression of all of a feature's
 * glyph sequences (163 in Noto Sans) for every word and feature and then tries every sequence at
 * every position; that was about 60 % of a certificate's time (still so in PDFBox 3.0.8). Its
 * expression takes, at the leftmost position where one matches, the longest sequence; here each
 * position looks the sequences up in the feature's map, longest first. Immutable, so thread-safe.
 */
final class LatinGlyphs {
    private static final List<String> FEATURES = List.of("ccmp", "liga", "clig");

    /** @param longest the length of the feature's longest glyph sequence */
    private record Feature(ScriptFeature rules, int longest) {
    }

    private final CmapLookup cmap;
    private final List<Feature> features = new ArrayList<>();

    private LatinGlyphs(CmapLookup cmap, GsubData gsub) {
        this.cmap = cmap;
        for (String name : FEATURES) {
            if (gsub.isFeatureSupported(name) && !gsub.getFeature(name).getAllGlyphIdsForSubstitution().isEmpty()) {
                ScriptFeature rules = gsub.getFeature(name);
                features.add(new Feature(rules,
                        rules.getAllGlyphIdsForSubstitution().stream().mapToInt(List::size).max().orElseThrow()));
            }
        }
    }

    /** The font's Latin ligature rules, or null when its GSUB rules are for another script (PDFBox shapes those). */
    static LatinGlyphs of(TrueTypeFont font) throws IOException {
        GsubData gsub = font.getGsubData();
        return gsub.getLanguage() == Language.LATIN ? new LatinGlyphs(font.getUnicodeCmapLookup(), gsub) : null;
    }

    /** Every character must be in the font; words are split at whitespace as PDFBox does ({@code \s}). */
    List<Integer> glyphIds(String text) {
        List<Integer> glyphs = new ArrayList<>(text.length());
        List<Integer> word = new ArrayList<>();
        text.codePoints().forEach(cp -> {
            if (cp == ' ' || (cp >= '\t' && cp <= '\r')) {
                glyphs.addAll(ligatures(word));
                word.clear();
                glyphs.add(cmap.getGlyphId(cp));
            } else {
                word.add(cmap.getGlyphId(cp));
            }
        });
        glyphs.addAll(ligatures(word));
        return glyphs;
    }

    private List<Integer> ligatures(List<Integer> word) {
        List<Integer> glyphs = word;
        for (Feature feature : features) {
            List<Integer> substituted = new ArrayList<>(glyphs.size());
            for (int i = 0; i < glyphs.size(); ) {
                int length = Math.min(feature.longest(), glyphs.size() - i);
                while (length > 0 && !feature.rules().canReplaceGlyphs(glyphs.subList(i, i + length))) {
                    length--;
                }
                if (length == 0) {
                    substituted.add(glyphs.get(i++));
                } else {
                    substituted.add(feature.rules().getReplacementForGlyphs(glyphs.subList(i, i + length)));
                    i += length;
                }
            }
            glyphs = substituted;
        }
        return glyphs;
    }
}
