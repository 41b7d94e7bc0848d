import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/** Writes a JPEG of about the given size for bin/intake-bench: a noisy photo, so the image data itself is large. */
public class BenchPhoto {
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[1]);
        Random random = new Random(42);
        int side = 600;
        byte[] jpeg;
        do {
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    image.setRGB(x, y, random.nextInt());
                }
            }
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.drawString("RECEIPT NPR 150000", 20, 40);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            jpeg = out.toByteArray();
            side += 100;
        } while (jpeg.length < size * 0.95);
        Files.write(Path.of(args[0]), jpeg.length >= size ? jpeg : Arrays.copyOf(jpeg, size));
    }
}
