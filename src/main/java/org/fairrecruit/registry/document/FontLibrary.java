package org.fairrecruit.registry.document;

import jakarta.inject.Singleton;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled OFL Noto fonts (src/main/resources/fonts), so documents look the same on a server
 * that has only a JDK. Each weight is a fallback chain: a character is drawn with the first font
 * that has it (Noto Sans for Latin, then Noto Sans Devanagari); add a font file to a chain to cover
 * another script.
 * <p>
 * Parsing a font costs far more than a whole certificate, so the files are read once and parsed
 * once per thread: a parsed {@link TrueTypeFont} reads its tables lazily and is not safe to share
 * between threads, but one thread may reuse it for any number of documents.
 */
@Singleton
class FontLibrary {
    enum Weight { REGULAR, BOLD }

    private static final List<String> REGULAR = List.of("NotoSans-Regular.ttf", "NotoSansDevanagari-Regular.ttf");
    private static final List<String> BOLD = List.of("NotoSans-Bold.ttf", "NotoSansDevanagari-Bold.ttf");

    private final List<byte[]> regularFiles = REGULAR.stream().map(FontLibrary::read).toList();
    private final List<byte[]> boldFiles = BOLD.stream().map(FontLibrary::read).toList();
    private final ThreadLocal<List<TrueTypeFont>> regular = ThreadLocal.withInitial(() -> parse(regularFiles));
    private final ThreadLocal<List<TrueTypeFont>> bold = ThreadLocal.withInitial(() -> parse(boldFiles));

    /** This thread's parsed fonts of one weight, in fallback order. */
    List<TrueTypeFont> chain(Weight weight) {
        return (weight == Weight.BOLD ? bold : regular).get();
    }

    private static List<TrueTypeFont> parse(List<byte[]> files) {
        List<TrueTypeFont> fonts = new ArrayList<>(files.size());
        try {
            for (byte[] file : files) {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
                // Read the tables every document needs now, not during the first request on this thread.
                font.getUnicodeCmapLookup();
                font.getGsubData();
                fonts.add(font);
            }
            return fonts;
        } catch (IOException e) {
            throw new UncheckedIOException("bundled font cannot be parsed", e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = FontLibrary.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing: /fonts/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
