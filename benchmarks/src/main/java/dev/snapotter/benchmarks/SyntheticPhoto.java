package dev.snapotter.benchmarks;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Photo-like benchmark input made in code, so nothing is downloaded: gradients and waves,
 * sensor-like noise (which makes JPEG entropy coding realistic, even a little pessimistic),
 * and hard edges with text. Deterministic for a given seed.
 */
public final class SyntheticPhoto {

    private SyntheticPhoto() {
    }

    public static BufferedImage create(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] f = new double[6];
        for (int i = 0; i < 6; i++) f[i] = 0.002 + rnd.nextDouble() * 0.02;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    double v = 70 + 120.0 * (x + y) / (w + h) + 35 * Math.sin(x * f[c] + y * f[c + 3]) + rnd.nextInt(-22, 23);
                    px[o + 2 - c] = (byte) Math.max(0, Math.min(255, (int) v));
                }
            }
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillOval(w / 6, h / 6, w / 5, w / 5);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(Math.max(2, w / 1000f)));
        for (int i = 0; i < 8; i++) g.drawLine(0, h * i / 8, w, h * (8 - i) / 8);
        g.setColor(Color.YELLOW);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, h / 10)));
        g.drawString("SnapOtter benchmark", w / 12, h * 4 / 5);
        g.dispose();
        return img;
    }

    /** Writes a baseline JPEG with the given quality (0..1) and the JDK's default 4:2:0 subsampling. */
    public static void writeJpeg(BufferedImage img, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(tmp))) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The 24MP (6000×4000) q90 JPEG the benchmarks and the comparison script share; made once. */
    public static Path ensure24MpJpeg(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("src24.jpg");
        if (!Files.exists(file)) writeJpeg(create(6000, 4000, 42), file, 0.9f);
        return file;
    }
}
