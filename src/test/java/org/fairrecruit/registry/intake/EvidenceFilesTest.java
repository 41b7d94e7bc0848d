package org.fairrecruit.registry.intake;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceFilesTest {
    @Test
    void gps_and_device_identifiers_are_gone_from_a_cleaned_jpeg_and_the_date_taken_stays() throws Exception {
        byte[] photo = TestImages.jpegWithGps(320, 200);
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo));
        assertNotNull(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation(), "the test photo has a position");
        assertEquals("PhoneMaker", before.getFirstDirectoryOfType(ExifIFD0Directory.class).getString(ExifIFD0Directory.TAG_MAKE));

        byte[] cleaned = EvidenceFiles.clean(EvidenceFiles.Kind.JPEG, photo);

        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(cleaned));
        assertNull(after.getFirstDirectoryOfType(GpsDirectory.class));
        ExifIFD0Directory ifd0 = after.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertTrue(ifd0 == null || !ifd0.containsTag(ExifIFD0Directory.TAG_MAKE) && !ifd0.containsTag(ExifIFD0Directory.TAG_MODEL));
        ExifSubIFDDirectory sub = after.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        assertEquals(TestImages.TAKEN, sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
        assertFalse(sub.containsTag(ExifSubIFDDirectory.TAG_BODY_SERIAL_NUMBER));
        String bytes = new String(cleaned, StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("SN-123456789") || bytes.contains("PhoneMaker"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(cleaned));
        assertEquals(320, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void a_zip_named_jpg_is_no_jpeg() {
        assertEquals(Optional.empty(), EvidenceFiles.detect(TestImages.zip()));
        assertEquals(Optional.of(EvidenceFiles.Kind.PNG), EvidenceFiles.detect(TestImages.png(10, 10)));
        assertEquals(Optional.of(EvidenceFiles.Kind.PDF), EvidenceFiles.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void data_hidden_after_the_end_of_a_jpeg_is_not_stored() throws Exception {
        byte[] photo = TestImages.jpegWithGps(64, 64);
        byte[] zip = TestImages.zip();
        byte[] polyglot = new byte[photo.length + zip.length];
        System.arraycopy(photo, 0, polyglot, 0, photo.length);
        System.arraycopy(zip, 0, polyglot, photo.length, zip.length);
        byte[] cleaned = EvidenceFiles.clean(EvidenceFiles.Kind.JPEG, polyglot);
        assertFalse(new String(cleaned, StandardCharsets.ISO_8859_1).contains("payload.txt"));
        assertEquals(0xD9, cleaned[cleaned.length - 1] & 0xFF);
    }

    @Test
    void text_chunks_are_dropped_from_a_png_and_it_still_draws() throws Exception {
        byte[] png = TestImages.png(40, 30);
        byte[] withText = PngText.insert(png, "Author", "Sita Example, Kathmandu");
        assertTrue(new String(withText, StandardCharsets.ISO_8859_1).contains("Sita Example"));
        byte[] cleaned = EvidenceFiles.clean(EvidenceFiles.Kind.PNG, withText);
        assertFalse(new String(cleaned, StandardCharsets.ISO_8859_1).contains("Sita Example"));
        assertEquals(40, ImageIO.read(new ByteArrayInputStream(cleaned)).getWidth());
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(cleaned));
        assertFalse(StreamSupport.stream(metadata.getDirectories().spliterator(), false)
                .map(Directory::getName).anyMatch(name -> name.contains("Textual")));
    }
}
