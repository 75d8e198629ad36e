package dev.snapotter.desktop.ui;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generated test photos: a sky gradient, a sun and hills, so screenshots look like real pictures. */
final class TestImages {

    private TestImages() {
    }

    static BufferedImage scene(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float hue = (seed * 0.13f) % 1f;
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(0.55f + hue * 0.1f, 0.55f, 0.95f), 0, h, Color.getHSBColor(0.08f + hue * 0.05f, 0.35f, 1f)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(255, 214, 90));
        int r = Math.max(4, h / 7);
        g.fillOval(w * (2 + seed % 5) / 9, h / 6, r, r);
        g.setColor(Color.getHSBColor(0.3f + hue * 0.1f, 0.55f, 0.45f));
        g.fillArc(-w / 4, h * 3 / 5, w, h, 0, 180);
        g.setColor(Color.getHSBColor(0.33f + hue * 0.1f, 0.6f, 0.35f));
        g.fillArc(w / 3, h * 2 / 3, w, h, 0, 180);
        g.dispose();
        return img;
    }

    static Path png(Path file, int w, int h, int seed) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(scene(w, h, seed), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path jpeg(Path file, int w, int h, int seed) {
        try {
            Files.createDirectories(file.getParent());
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(scene(w, h, seed), null, null), p);
            } finally {
                writer.dispose();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
