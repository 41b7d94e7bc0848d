package org.fairrecruit.registry.document;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.gsub.GlyphArraySplitter;
import org.apache.fontbox.ttf.gsub.GlyphArraySplitterRegexImpl;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.Language;
import org.apache.fontbox.ttf.model.ScriptFeature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Glyph ids of text in a font with Latin GSUB rules, its ligatures applied (features ccmp, liga and
 * clig, in that order, word by word): what PDFBox 3's {@code GsubWorkerForLatin} does in
 * {@code showText}, with the same splitter, but with each feature's pattern of letter sequences
 * compiled once per font. PDFBox compiles it (163 sequences in Noto Sans) for every word and feature,
 * which was about 60 % of a certificate's time (still so in PDFBox 3.0.8). Immutable, so thread-safe.
 */
final class LatinGlyphs {
    private static final List<String> FEATURES = List.of("ccmp", "liga", "clig");

    private record Feature(ScriptFeature rules, GlyphArraySplitter splitter) {
    }

    private final CmapLookup cmap;
    private final List<Feature> features = new ArrayList<>();

    private LatinGlyphs(CmapLookup cmap, GsubData gsub) {
        this.cmap = cmap;
        for (String name : FEATURES) {
            if (gsub.isFeatureSupported(name) && !gsub.getFeature(name).getAllGlyphIdsForSubstitution().isEmpty()) {
                ScriptFeature rules = gsub.getFeature(name);
                features.add(new Feature(rules, new GlyphArraySplitterRegexImpl(rules.getAllGlyphIdsForSubstitution())));
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
            if (glyphs.isEmpty()) {
                break;
            }
            List<Integer> substituted = new ArrayList<>(glyphs.size());
            for (List<Integer> chunk : feature.splitter().split(glyphs)) {
                if (feature.rules().canReplaceGlyphs(chunk)) {
                    substituted.add(feature.rules().getReplacementForGlyphs(chunk));
                } else {
                    substituted.addAll(chunk);
                }
            }
            glyphs = substituted;
        }
        return glyphs;
    }
}
