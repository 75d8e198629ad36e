package dev.snapotter.cli;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small generated images and file helpers for the CLI's end-to-end tests. */
final class TestImages {

    private TestImages() {
    }

    /** A gradient with a shape, so encoders have something real to work on. */
    static Path write(Path file, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), width, height, new Color(250, 180, 40)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1).replace("jpg", "jpeg");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(img, format, file.toFile())) throw new IllegalArgumentException("no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static BufferedImage read(Path file) {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) throw new IllegalStateException("not decodable: " + file);
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
