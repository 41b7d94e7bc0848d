package org.fairrecruit.registry.intake;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files as a phone sends them: a JPEG with an EXIF block holding the camera's make and serial number,
 * the date taken and a GPS position (written here by hand, independent of the code under test).
 */
final class TestImages {
    static final String TAKEN = "2026:10:02 14:30:00";

    private TestImages() {
    }

    static byte[] jpegWithGps(int width, int height) {
        byte[] plain = image("jpg", width, height);
        byte[] app1 = exifWithGps();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write((app1.length + 2) >> 8);
        out.write((app1.length + 2) & 0xFF);
        out.writeBytes(app1);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    /** A ZIP archive, to be sent under a .jpg name. */
    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("payload.txt"));
            zip.write("not a photo".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A JPEG grown to {@code size} bytes by a comment-free padding after its end (still a JPEG by content). */
    static byte[] jpegOfSize(int size) {
        byte[] jpeg = image("jpg", 64, 64);
        return Arrays.copyOf(jpeg, size);
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 220, 255));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.drawString("RECEIPT NPR 150000", 10, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // Big-endian TIFF: IFD0 with Make (0x010F), Model (0x0110), an Exif IFD pointer and a GPS IFD pointer;
    // the Exif IFD with DateTimeOriginal and BodySerialNumber (0xA431); the GPS IFD with latitude and longitude.
    private static byte[] exifWithGps() {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        int tiff = b.position();
        b.put(new byte[]{'M', 'M', 0, 42}).putInt(8);
        int ifd0 = 8;
        int ifd0Size = 2 + 4 * 12 + 4;
        int exifIfd = ifd0 + ifd0Size;
        int exifSize = 2 + 2 * 12 + 4;
        int gpsIfd = exifIfd + exifSize;
        int gpsSize = 2 + 4 * 12 + 4;
        int data = gpsIfd + gpsSize;
        byte[] make = "PhoneMaker\0".getBytes(StandardCharsets.US_ASCII);
        byte[] model = "Model X9\0".getBytes(StandardCharsets.US_ASCII);
        byte[] date = (TAKEN + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] serial = "SN-123456789\0".getBytes(StandardCharsets.US_ASCII);
        int makeAt = data;
        int modelAt = makeAt + make.length;
        int dateAt = modelAt + model.length;
        int serialAt = dateAt + date.length;
        int latAt = serialAt + serial.length;
        int lonAt = latAt + 24;
        b.putShort((short) 4);
        entry(b, 0x010F, 2, make.length, makeAt);
        entry(b, 0x0110, 2, model.length, modelAt);
        entry(b, 0x8769, 4, 1, exifIfd);
        entry(b, 0x8825, 4, 1, gpsIfd);
        b.putInt(0);
        b.putShort((short) 2);
        entry(b, 0x9003, 2, date.length, dateAt);
        entry(b, 0xA431, 2, serial.length, serialAt);
        b.putInt(0);
        b.putShort((short) 4);
        b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[]{'N', 0, 0, 0});
        entry(b, 0x0002, 5, 3, latAt);
        b.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[]{'E', 0, 0, 0});
        entry(b, 0x0004, 5, 3, lonAt);
        b.putInt(0);
        b.put(make).put(model).put(date).put(serial);
        rational(b, 27, 42, 12);
        rational(b, 85, 18, 36);
        if (b.position() - tiff != lonAt + 24) {
            throw new IllegalStateException("EXIF layout");
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void rational(ByteBuffer b, int degrees, int minutes, int seconds) {
        b.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt(seconds).putInt(1);
    }
}
