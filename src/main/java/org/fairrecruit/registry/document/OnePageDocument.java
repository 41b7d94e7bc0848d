package org.fairrecruit.registry.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What goes on a one-page A4 document, top to bottom: a title, paragraphs, a coloured banner,
 * label/value rows, a QR code with a caption and small print. Text may be in any language the
 * bundled fonts cover (Latin scripts and Devanagari); {@link DocumentRenderer} lays it out.
 *
 * <pre>{@code
 * byte[] pdf = renderer.render(OnePageDocument.a4(Locale.forLanguageTag("ne"), "Certificate")
 *         .title("...").banner(Tone.GOOD, "...").row("Licence", "RA-2024-0001").qrCode(url, caption));
 * }</pre>
 */
public final class OnePageDocument {
    public enum Tone { GOOD, BAD, NEUTRAL }

    sealed interface Block permits Title, Paragraph, Banner, Row, QrCode, SmallPrint {
    }

    record Title(String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Banner(Tone tone, String text) implements Block {
    }

    record Row(String label, String value) implements Block {
    }

    record QrCode(String content, String caption) implements Block {
    }

    record SmallPrint(String text) implements Block {
    }

    private final Locale language;
    private final String documentTitle;
    private final List<Block> blocks = new ArrayList<>();

    private OnePageDocument(Locale language, String documentTitle) {
        this.language = Objects.requireNonNull(language, "language");
        this.documentTitle = Objects.requireNonNull(documentTitle, "documentTitle");
    }

    /** @param documentTitle the title in the PDF's metadata (shown by viewers and screen readers) */
    public static OnePageDocument a4(Locale language, String documentTitle) {
        return new OnePageDocument(language, documentTitle);
    }

    public OnePageDocument title(String text) {
        return add(new Title(text));
    }

    public OnePageDocument paragraph(String text) {
        return add(new Paragraph(text));
    }

    public OnePageDocument banner(Tone tone, String text) {
        return add(new Banner(Objects.requireNonNull(tone, "tone"), text));
    }

    /** A label/value row; a blank value prints as a dash. */
    public OnePageDocument row(String label, String value) {
        return add(new Row(label, value == null || value.isBlank() ? "—" : value));
    }

    /** A QR code encoding {@code content}, with the caption (e.g. the same address as text) beside it. */
    public OnePageDocument qrCode(String content, String caption) {
        return add(new QrCode(content, caption));
    }

    public OnePageDocument smallPrint(String text) {
        return add(new SmallPrint(text));
    }

    Locale language() {
        return language;
    }

    String documentTitle() {
        return documentTitle;
    }

    List<Block> blocks() {
        return List.copyOf(blocks);
    }

    private OnePageDocument add(Block block) {
        blocks.add(block);
        return this;
    }
}
