package org.fairrecruit.registry.document;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.gsub.GsubWorker;
import org.apache.fontbox.ttf.gsub.GsubWorkerFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatinGlyphsTest {
    @Test
    void ligatures_are_those_pdfbox_would_apply() throws Exception {
        FontLibrary library = new FontLibrary();
        FontLibrary.Fonts fonts = library.borrow();
        for (FontLibrary.Weight weight : FontLibrary.Weight.values()) {
            FontLibrary.Face face = fonts.chain(weight).get(0);
            TrueTypeFont font = face.font();
            GsubWorker pdfbox = new GsubWorkerFactory().getGsubWorker(face.cmap(), font.getGsubData());
            for (String word : List.of("Verification", "certificate", "office", "affluent", "baffle", "fjord", "ﬁ",
                    "Œuvre", "façade", "naïve", "İstanbul", "ǆ", "ff", "fff", "ffi", "ffl", "fifi", "aﬀ", "x̧", "é̄")) {
                List<Integer> glyphs = new ArrayList<>();
                word.codePoints().forEach(cp -> glyphs.add(face.cmap().getGlyphId(cp)));
                assertEquals(pdfbox.applyTransforms(glyphs), face.latin().glyphIds(word), word);
            }
            assertEquals(face.latin().glyphIds("fi"), face.latin().glyphIds("ﬁ"), "fi ligature is applied");
        }
        library.giveBack(fonts);
    }
}
