package org.fairrecruit.registry.document;

import jakarta.inject.Singleton;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bundled OFL Noto fonts (src/main/resources/fonts), so documents look the same on a server
 * that has only a JDK. Each weight is a fallback chain: a character is drawn with the first font
 * that has it (Noto Sans for Latin, then Noto Sans Devanagari); add a font file to a chain to cover
 * another script.
 * <p>
 * Parsing a font costs far more than a whole certificate, so the files are read once and parsed into
 * a few {@link Fonts} sets that documents {@link #borrow()} and {@link #giveBack(Fonts)}: a parsed
 * {@link TrueTypeFont} reads its tables lazily and is not safe to share between threads, but one
 * document at a time may use it. (Per-thread copies were re-parsed whenever the server's cached thread
 * pool replaced a thread.) Rendering is CPU-bound, so twice as many sets as processors are enough;
 * a document that finds all of them in use waits for one.
 */
@Singleton
class FontLibrary {
    enum Weight { REGULAR, BOLD }

    /** One parsed font: its Unicode cmap, and its ligature rules if they are for Latin script. */
    record Face(TrueTypeFont font, CmapLookup cmap, LatinGlyphs latin) {
    }

    /** One set of parsed fonts, for one document at a time. */
    record Fonts(List<Face> regular, List<Face> bold) {
        /** The fonts of one weight, in fallback order. */
        List<Face> chain(Weight weight) {
            return weight == Weight.BOLD ? bold : regular;
        }
    }

    private static final List<String> REGULAR = List.of("NotoSans-Regular.ttf", "NotoSansDevanagari-Regular.ttf");
    private static final List<String> BOLD = List.of("NotoSans-Bold.ttf", "NotoSansDevanagari-Bold.ttf");
    private static final int SETS = 2 * Runtime.getRuntime().availableProcessors();

    private final List<byte[]> regularFiles = REGULAR.stream().map(FontLibrary::read).toList();
    private final List<byte[]> boldFiles = BOLD.stream().map(FontLibrary::read).toList();
    private final BlockingQueue<Fonts> idle = new LinkedBlockingQueue<>();
    private final AtomicInteger parsed = new AtomicInteger();

    /** A set of parsed fonts for one document; {@link #giveBack(Fonts)} it when the document is saved. */
    Fonts borrow() {
        Fonts fonts = idle.poll();
        if (fonts != null) {
            return fonts;
        }
        if (parsed.getAndUpdate(n -> Math.min(n + 1, SETS)) < SETS) {
            return new Fonts(parse(regularFiles), parse(boldFiles));
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for fonts", e);
        }
    }

    void giveBack(Fonts fonts) {
        idle.add(fonts);
    }

    private static List<Face> parse(List<byte[]> files) {
        List<Face> faces = new ArrayList<>(files.size());
        try {
            for (byte[] file : files) {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
                faces.add(new Face(font, font.getUnicodeCmapLookup(), LatinGlyphs.of(font)));
            }
            return faces;
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
