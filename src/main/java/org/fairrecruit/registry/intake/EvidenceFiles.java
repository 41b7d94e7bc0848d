package org.fairrecruit.registry.intake;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Evidence files as the public sends them: the type is read from the content (a ".jpg" that is a
 * ZIP is no JPEG), and what is stored carries no metadata that could locate or identify the reporter.
 * JPEG keeps its pixels, colour segments, orientation and date taken (an investigator needs to know
 * when a receipt or a passport was photographed); GPS, camera make, model and serial numbers,
 * thumbnails, XMP, IPTC and comments go, and so does anything after the image. PNG keeps the chunks
 * needed to draw it. PDF loses its document information and XMP (author, creator tool).
 */
final class EvidenceFiles {
    enum Kind {
        JPEG("image/jpeg"), PNG("image/png"), PDF("application/pdf");

        final String contentType;

        Kind(String contentType) {
            this.contentType = contentType;
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "sBIT", "bKGD", "pHYs");
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;

    /** A file that claims to be one kind and is not readable as it. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private EvidenceFiles() {
    }

    static Optional<Kind> detect(byte[] content) {
        if (startsWith(content, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(Kind.JPEG);
        }
        if (startsWith(content, PNG_SIGNATURE)) {
            return Optional.of(Kind.PNG);
        }
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Kind.PDF);
        }
        return Optional.empty();
    }

    static byte[] clean(Kind kind, byte[] content) throws Unreadable {
        try {
            return switch (kind) {
                case JPEG -> jpeg(content);
                case PNG -> png(content);
                case PDF -> pdf(content);
            };
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(kind + " unreadable: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] jpeg(byte[] in) throws IOException {
        byte[] exif = keptExif(in);
        ByteBuffer src = ByteBuffer.wrap(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        src.position(2);
        out.write(0xFF);
        out.write(SOI);
        boolean exifWritten = exif == null;
        while (src.remaining() >= 2) {
            int marker = nextMarker(src);
            if (marker == EOI) {
                break;
            }
            int length = src.getShort() & 0xFFFF;
            if (length < 2 || length - 2 > src.remaining()) {
                throw new IOException("segment length");
            }
            int body = src.position();
            src.position(body + length - 2);
            if (!exifWritten && marker != APP0) {
                segment(out, 0xE1, exif, 0, exif.length);
                exifWritten = true;
            }
            boolean metadata = (marker >= APP0 && marker <= 0xEF && marker != APP0 && marker != APP14) || marker == COM;
            if (!metadata) {
                segment(out, marker, in, body, length - 2);
            }
            if (marker == SOS) {
                copyScan(src, out);
            }
        }
        out.write(0xFF);
        out.write(EOI);
        return out.toByteArray();
    }

    private static int nextMarker(ByteBuffer src) throws IOException {
        if ((src.get() & 0xFF) != 0xFF) {
            throw new IOException("marker expected");
        }
        int marker = src.get() & 0xFF;
        while (marker == 0xFF) {
            marker = src.get() & 0xFF;
        }
        return marker;
    }

    /** Entropy-coded data runs until a marker other than a stuffed 0xFF00 or a restart marker. */
    private static void copyScan(ByteBuffer src, ByteArrayOutputStream out) {
        byte[] data = src.array();
        int start = src.position();
        for (int i = start; i + 1 < src.limit(); i++) {
            int next = data[i + 1] & 0xFF;
            if ((data[i] & 0xFF) == 0xFF && next != 0 && (next < 0xD0 || next > 0xD7)) {
                out.write(data, start, i - start);
                src.position(i);
                return;
            }
        }
        throw new IllegalStateException("image data ends without a marker");
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data, int from, int length) {
        out.write(0xFF);
        out.write(marker);
        out.write((length + 2) >> 8);
        out.write((length + 2) & 0xFF);
        out.write(data, from, length);
    }

    /** A new EXIF block holding only the orientation and the date taken, or null when there are neither. */
    private static byte[] keptExif(byte[] in) {
        Integer orientation = null;
        String taken = null;
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(in));
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                orientation = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            }
            ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (sub != null) {
                taken = sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
            }
        } catch (ImageProcessingException | IOException | RuntimeException unreadable) {
            return null;
        }
        boolean keepDate = taken != null && taken.length() == 19;
        if (orientation == null && !keepDate) {
            return null;
        }
        return exif(orientation, keepDate ? taken : null);
    }

    // Big-endian TIFF: IFD0 (orientation, pointer to the Exif IFD) then the Exif IFD (DateTimeOriginal).
    private static byte[] exif(Integer orientation, String taken) {
        int ifd0Entries = (orientation != null ? 1 : 0) + (taken != null ? 1 : 0);
        int exifIfd = 8 + 2 + ifd0Entries * 12 + 4;
        int dateOffset = exifIfd + 2 + 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(6 + dateOffset + (taken != null ? 20 : 0));
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        b.put(new byte[]{'M', 'M', 0, 42}).putInt(8);
        b.putShort((short) ifd0Entries);
        if (orientation != null) {
            b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort(orientation.shortValue()).putShort((short) 0);
        }
        if (taken != null) {
            b.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(exifIfd);
        }
        b.putInt(0);
        if (taken != null) {
            b.putShort((short) 1);
            b.putShort((short) 0x9003).putShort((short) 2).putInt(20).putInt(dateOffset);
            b.putInt(0);
            b.put(taken.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private static byte[] png(byte[] in) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(in);
        src.position(PNG_SIGNATURE.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.writeBytes(PNG_SIGNATURE);
        boolean end = false;
        while (!end) {
            int length = src.getInt();
            if (length < 0 || length > src.remaining() - 8) {
                throw new IOException("chunk length");
            }
            int chunk = src.position() - 4;
            src.position(chunk + length + 12);
            String type = new String(in, chunk + 4, 4, StandardCharsets.US_ASCII);
            if (PNG_KEPT.contains(type)) {
                out.write(in, chunk, length + 12);
            }
            end = type.equals("IEND");
        }
        return out.toByteArray();
    }

    private static byte[] pdf(byte[] in) throws IOException {
        try (PDDocument document = Loader.loadPDF(in)) {
            document.setDocumentInformation(new PDDocumentInformation());
            document.getDocumentCatalog().setMetadata(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content != null && content.length >= prefix.length
                && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
