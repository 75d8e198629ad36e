package dev.snapotter.engine.resample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Photo-like test images made in code (no downloads): smooth waves and a gradient, sensor-like
 * noise, and hard edges (a disc, a line, text) where ringing and aliasing would show.
 */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    public static BufferedImage photo(int w, int h, int type, long seed) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random rnd = new Random(seed);
        double[] f = new double[12];
        for (int i = 0; i < f.length; i++) f[i] = rnd.nextDouble() * (i % 2 == 0 ? 0.05 : 6);
        boolean alpha = img.getColorModel().hasAlpha();
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = 0;
                for (int k = 0; k < 3; k++) {
                    double v = 128 + 60 * Math.sin(x * f[k * 2] + y * f[k * 2 + 6] * 0.01 + f[k * 2 + 1])
                            + 40 * Math.sin(y * f[k * 2 + 6] * 0.5 - x * f[k * 2] * 0.3) + x * 40.0 / w + rnd.nextGaussian() * 6;
                    rgb = rgb << 8 | Math.max(0, Math.min(255, (int) Math.round(v)));
                }
                int a = alpha ? (int) Math.max(0, Math.min(255, 300 - Math.hypot(x - w / 2.0, y - h / 2.0) * 300 / (w / 1.6))) : 255;
                line[x] = a << 24 | rgb;
            }
            img.setRGB(0, y, w, 1, line, 0, w);
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillOval(w / 5, h / 5, w / 4, h / 4);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(Math.max(1, w / 400f)));
        g.drawLine(0, h / 3, w, h / 2);
        g.setColor(Color.YELLOW);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, h / 12)));
        g.drawString("SnapOtter 0123", w / 10, h * 3 / 4);
        g.dispose();
        return img;
    }

    /** Peak signal-to-noise ratio over all channels (alpha included when both have it). */
    public static double psnr(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ: " + a.getWidth() + "×" + a.getHeight() + " vs " + b.getWidth() + "×" + b.getHeight());
        }
        if (a.getType() == BufferedImage.TYPE_BYTE_GRAY && b.getType() == BufferedImage.TYPE_BYTE_GRAY) return psnrGray(a, b);
        int channels = a.getColorModel().hasAlpha() && b.getColorModel().hasAlpha() ? 4 : 3;
        double se = 0;
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int c = 0; c < channels; c++) {
                    int d = ((p >> (8 * c)) & 0xff) - ((q >> (8 * c)) & 0xff);
                    se += d * d;
                    n++;
                }
            }
        }
        return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / (se / n));
    }

    /** On the stored samples: getRGB would convert linear gray to sRGB and magnify dark errors. */
    private static double psnrGray(BufferedImage a, BufferedImage b) {
        int[] pa = a.getRaster().getPixels(0, 0, a.getWidth(), a.getHeight(), (int[]) null);
        int[] pb = b.getRaster().getPixels(0, 0, b.getWidth(), b.getHeight(), (int[]) null);
        double se = 0;
        for (int i = 0; i < pa.length; i++) se += (double) (pa[i] - pb[i]) * (pa[i] - pb[i]);
        return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / (se / pa.length));
    }
}
