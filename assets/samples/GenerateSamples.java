/*
 * Generates SnapOtter's sample images (CC0, see LICENSE.md). No downloads, no randomness:
 * running it again gives the same pictures, so the committed files can always be rebuilt.
 *
 *   java assets/samples/GenerateSamples.java assets/samples
 *
 * Runs with any JDK >= 11 as a single-file program (no build needed).
 */

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class GenerateSamples {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        writeJpeg(landscape(960, 640), dir.resolve("landscape.jpg"), 0.85f, 0);
        // Stored sideways, tagged "rotate 90° clockwise to view": readers that honour EXIF show it upright.
        writeJpeg(rotateCounterClockwise(portrait(480, 640)), dir.resolve("portrait-exif6.jpg"), 0.85f, 6);
        ImageIO.write(shapes(512, 512), "png", dir.resolve("shapes-alpha.png").toFile());
        ImageIO.write(tiles(256, 192), "gif", dir.resolve("tiles.gif").toFile());
        System.out.println("samples written to " + dir.toAbsolutePath());
    }

    /** Sky gradient, sun, two hills and a lake: smooth areas plus edges, like a photo. */
    static BufferedImage landscape(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        g.setPaint(new GradientPaint(0, 0, new Color(28, 64, 140), 0, h * 0.6f, new Color(250, 170, 90)));
        g.fillRect(0, 0, w, h);
        g.setPaint(new RadialGradientPaint(w * 0.7f, h * 0.35f, h * 0.18f,
                new float[] {0f, 0.6f, 1f}, new Color[] {new Color(255, 250, 210), new Color(255, 210, 120), new Color(255, 180, 90, 0)}));
        g.fill(new Ellipse2D.Float(w * 0.7f - h * 0.18f, h * 0.35f - h * 0.18f, h * 0.36f, h * 0.36f));
        g.setColor(new Color(46, 92, 58));
        g.fillPolygon(hill(w, h, 0.55, 0.2, 3));
        g.setColor(new Color(30, 70, 44));
        g.fillPolygon(hill(w, h, 0.65, 0.12, 5));
        g.setPaint(new GradientPaint(0, h * 0.78f, new Color(60, 110, 170), 0, h, new Color(20, 40, 80)));
        g.fillRect(0, (int) (h * 0.78), w, h);
        g.setColor(new Color(255, 255, 255, 90));
        for (int i = 0; i < 12; i++) {
            g.fillRect((int) (w * 0.55 + i * 9), (int) (h * 0.8 + i * 8), 120 - i * 8, 2);
        }
        g.dispose();
        return img;
    }

    private static Polygon hill(int w, int h, double base, double amplitude, int waves) {
        Polygon p = new Polygon();
        p.addPoint(0, h);
        for (int x = 0; x <= w; x += 8) {
            double y = h * base - h * amplitude * Math.abs(Math.sin(Math.PI * waves * x / (double) w)) * (0.6 + 0.4 * Math.cos(x / 97.0));
            p.addPoint(x, (int) y);
        }
        p.addPoint(w, h);
        return p;
    }

    /** An upright scene with an arrow and the word TOP, so a wrong orientation is obvious. */
    static BufferedImage portrait(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        g.setPaint(new GradientPaint(0, 0, new Color(120, 200, 230), 0, h, new Color(20, 70, 110)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(250, 250, 250));
        Polygon arrow = new Polygon(new int[] {w / 2, w / 2 + 90, w / 2 + 35, w / 2 + 35, w / 2 - 35, w / 2 - 35, w / 2 - 90},
                new int[] {80, 220, 220, 520, 520, 220, 220}, 7);
        g.fillPolygon(arrow);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
        g.setColor(new Color(255, 220, 80));
        g.drawString("TOP", w / 2 - 62, 60);
        g.dispose();
        return img;
    }

    /** Translucent overlapping shapes on a transparent background (tests alpha handling). */
    static BufferedImage shapes(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(img);
        g.setColor(new Color(230, 60, 60, 200));
        g.fill(new Ellipse2D.Float(40, 60, 260, 260));
        g.setColor(new Color(60, 160, 230, 180));
        g.fill(new RoundRectangle2D.Float(200, 180, 260, 240, 60, 60));
        g.setColor(new Color(250, 200, 40, 220));
        g.fillPolygon(new int[] {260, 470, 360}, new int[] {40, 120, 300}, 3);
        g.setStroke(new BasicStroke(10f));
        g.setColor(new Color(20, 20, 20, 255));
        g.drawOval(120, 330, 140, 140);
        g.dispose();
        return img;
    }

    /** A flat-colour checkerboard: the kind of graphic GIF is for. */
    static BufferedImage tiles(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Color[] palette = {new Color(38, 70, 83), new Color(42, 157, 143), new Color(233, 196, 106), new Color(244, 162, 97), new Color(231, 111, 81)};
        int size = 32;
        for (int y = 0; y < h; y += size) {
            for (int x = 0; x < w; x += size) {
                g.setColor(palette[(x / size + 2 * (y / size)) % palette.length]);
                g.fillRect(x, y, size, size);
            }
        }
        g.dispose();
        return img;
    }

    static BufferedImage rotateCounterClockwise(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getHeight(), src.getWidth(), src.getType());
        Graphics2D g = out.createGraphics();
        AffineTransform t = new AffineTransform();
        t.translate(0, src.getWidth());
        t.rotate(-Math.PI / 2);
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    /** Baseline JPEG at the given quality; orientation 0 = no EXIF block, 1..8 = an EXIF Orientation tag. */
    static void writeJpeg(BufferedImage img, Path file, float quality, int orientation) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        Files.write(file, orientation == 0 ? jpeg : withExifOrientation(jpeg, orientation));
    }

    /**
     * Inserts a minimal EXIF APP1 segment (big-endian TIFF, IFD0 with one Orientation entry)
     * after the JFIF APP0 segment, where cameras put it.
     */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
                'M', 'M', 0, 42, 0, 0, 0, 8,            // header, IFD0 at offset 8
                0, 1,                                   // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1,           // tag 0x0112 Orientation, SHORT, count 1
                0, (byte) orientation, 0, 0,            // value, padded
                0, 0, 0, 0};                            // no next IFD
        byte[] exifId = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exifId.length + tiff.length;
        int insertAt = 2;
        if ((jpeg[2] & 0xff) == 0xff && (jpeg[3] & 0xff) == 0xe0) {
            insertAt = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
        out.write(jpeg, 0, insertAt);
        out.write(0xff);
        out.write(0xe1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(exifId);
        out.writeBytes(tiff);
        out.write(jpeg, insertAt, jpeg.length - insertAt);
        return out.toByteArray();
    }
}
