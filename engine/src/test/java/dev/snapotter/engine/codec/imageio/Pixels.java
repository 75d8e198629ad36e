package dev.snapotter.engine.codec.imageio;

import java.awt.image.BufferedImage;

/** Pixel comparisons for codec tests. */
final class Pixels {

    private Pixels() {
    }

    /** PSNR over RGB in dB (infinity when identical). Sizes must match. */
    static double psnr(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) throw new IllegalArgumentException("size differs");
        double se = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    int d = (p >> s & 0xff) - (q >> s & 0xff);
                    se += d * d;
                }
            }
        }
        double mse = se / (3.0 * a.getWidth() * a.getHeight());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }

    /** True when the colour at (x, y) is within {@code tolerance} of {@code rgb} on every channel. */
    static boolean near(BufferedImage img, int x, int y, int rgb, int tolerance) {
        int p = img.getRGB(x, y);
        for (int s = 0; s <= 16; s += 8) {
            if (Math.abs((p >> s & 0xff) - (rgb >> s & 0xff)) > tolerance) return false;
        }
        return true;
    }
}
