package dev.snapotter.ai.background;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Generated scenes with a known subject: a shaded object on a plain, contrasting, slightly
 * noisy background (what a product photo looks like), plus the subject's exact shape.
 */
final class TestScenes {

    record Scene(BufferedImage image, Shape subject) {
    }

    private TestScenes() {
    }

    /**
     * A red ball (radial shading) on a pale blue-grey gradient, off centre so a flipped mask shows.
     * The noise matters: on a perfectly flat synthetic background this small quantized model
     * speckles the background (measured IoU 0.54 without noise, 0.80 with σ = 3 on a flat colour,
     * 0.998 with σ = 6 on the gradient); real photos always carry some sensor noise.
     */
    static Scene redDisc(int w, int h) {
        return redDisc(w, h, 0.38, 0.4, 12, true);
    }

    static Scene redDisc(int w, int h, double fx, double fy, int noise, boolean gradient) {
        double r = Math.min(w, h) * 0.3;
        double cx = w * fx;
        double cy = h * fy;
        Shape disc = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        BufferedImage img = gradient ? background(w, h) : flat(w, h);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx - r * 0.35, cy - r * 0.35), (float) (r * 1.4),
                new float[]{0f, 1f}, new Color[]{new Color(250, 90, 80), new Color(150, 10, 10)}));
        g.fill(disc);
        g.dispose();
        addNoise(img, noise, 42);
        return new Scene(img, disc);
    }

    /** A head-and-shoulders silhouette in a dark jumper with a skin-toned head. */
    static Scene bust(int w, int h) {
        double u = Math.min(w, h) / 10.0;
        double cx = w / 2.0;
        Shape head = new Ellipse2D.Double(cx - 1.3 * u, h - 8.6 * u, 2.6 * u, 3.2 * u);
        Shape body = new RoundRectangle2D.Double(cx - 3.6 * u, h - 5.2 * u, 7.2 * u, 6.0 * u, 3 * u, 3 * u);
        Shape neck = new RoundRectangle2D.Double(cx - 0.6 * u, h - 6.0 * u, 1.2 * u, 1.4 * u, 0.4 * u, 0.4 * u);
        BufferedImage img = background(w, h);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, (float) (h - 5.2 * u), new Color(40, 60, 110), 0, h, new Color(20, 30, 60)));
        g.fill(body);
        g.setColor(new Color(214, 170, 140));
        g.fill(neck);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx - 0.3 * u, h - 7.4 * u), (float) (2 * u),
                new float[]{0f, 1f}, new Color[]{new Color(236, 196, 168), new Color(190, 140, 110)}));
        g.fill(head);
        g.setColor(new Color(60, 40, 30)); // hair
        g.fill(new Area(new Ellipse2D.Double(cx - 1.4 * u, h - 8.8 * u, 2.8 * u, 1.6 * u)));
        g.dispose();
        addNoise(img, 6, 7);
        Area subject = new Area(body);
        subject.add(new Area(neck));
        subject.add(new Area(head));
        subject.add(new Area(new Ellipse2D.Double(cx - 1.4 * u, h - 8.8 * u, 2.8 * u, 1.6 * u)));
        return new Scene(img, subject);
    }

    /**
     * A photo-like scene with texture everywhere: a furry brown toy bear (fBm fur texture, lit from the
     * top left, with a soft contact shadow) sitting off centre in front of a defocused, busy background
     * (low-frequency foliage-like colour noise, bokeh discs, a table edge), plus sensor noise. The
     * subject's exact shape (body, head, ears, arms) is the truth; the shadow belongs to the background.
     */
    static Scene texturedBear(int w, int h) {
        double u = Math.min(w, h) / 12.0;
        double cx = w * 0.36;
        double base = h * 0.86;
        Shape body = new Ellipse2D.Double(cx - 2.6 * u, base - 5.6 * u, 5.2 * u, 5.6 * u);
        Shape head = new Ellipse2D.Double(cx - 2.0 * u, base - 9.2 * u, 4.0 * u, 3.9 * u);
        Shape earL = new Ellipse2D.Double(cx - 2.2 * u, base - 9.8 * u, 1.6 * u, 1.6 * u);
        Shape earR = new Ellipse2D.Double(cx + 0.6 * u, base - 9.8 * u, 1.6 * u, 1.6 * u);
        Shape armL = new Ellipse2D.Double(cx - 3.6 * u, base - 4.9 * u, 1.8 * u, 3.2 * u);
        Shape armR = new Ellipse2D.Double(cx + 1.8 * u, base - 4.9 * u, 1.8 * u, 3.2 * u);
        Area subject = new Area(body);
        for (Shape s : new Shape[]{head, earL, earR, armL, armR}) subject.add(new Area(s));

        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Noise bg = new Noise(11);
        Noise fur = new Noise(23);
        double table = h * 0.78;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r;
                double g;
                double b;
                if (y < table) { // defocused foliage and wall: only low frequencies, like an out-of-focus background
                    double n = bg.fbm(x / (w * 0.18), y / (w * 0.18), 3);
                    double m = bg.fbm(x / (w * 0.07) + 40, y / (w * 0.07), 2);
                    r = 70 + 90 * n + 30 * m;
                    g = 95 + 100 * n + 20 * m;
                    b = 60 + 50 * m;
                } else { // wooden table top: grain along x, darker towards the front
                    double grain = fur.fbm(x / (w * 0.3), y / (h * 0.012), 4);
                    double shade = 1 - 0.35 * (y - table) / (h - table);
                    r = (150 + 60 * grain) * shade;
                    g = (105 + 40 * grain) * shade;
                    b = (70 + 25 * grain) * shade;
                }
                row[x] = rgb(r, g, b);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        Graphics2D g2 = img.createGraphics();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random rnd = new Random(5);
        for (int i = 0; i < 14; i++) { // bokeh: soft bright discs in the background
            double bx = rnd.nextDouble() * w;
            double by = rnd.nextDouble() * table * 0.9;
            float br = (float) (u * (0.4 + rnd.nextDouble()));
            g2.setPaint(new RadialGradientPaint(new Point2D.Double(bx, by), br, new float[]{0f, 0.7f, 1f},
                    new Color[]{new Color(255, 250, 220, 150), new Color(255, 240, 200, 90), new Color(255, 240, 200, 0)}));
            g2.fill(new Ellipse2D.Double(bx - br, by - br, 2 * br, 2 * br));
        }
        g2.setPaint(new RadialGradientPaint(new Point2D.Double(cx + 0.6 * u, base), (float) (3.4 * u), new float[]{0f, 1f},
                new Color[]{new Color(0, 0, 0, 140), new Color(0, 0, 0, 0)}));
        g2.fill(new Ellipse2D.Double(cx - 2.8 * u, base - 1.0 * u, 6.8 * u, 2.0 * u)); // contact shadow on the table
        g2.dispose();

        // The bear: fur texture (high-frequency fBm, streaked), lit from the top left, darker muzzle-free edges.
        java.awt.Rectangle bounds = subject.getBounds();
        double lx = cx - 2.5 * u;
        double ly = base - 10 * u;
        for (int y = Math.max(0, bounds.y); y < Math.min(h, bounds.y + bounds.height + 1); y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = Math.max(0, bounds.x); x < Math.min(w, bounds.x + bounds.width + 1); x++) {
                if (!subject.contains(x + 0.5, y + 0.5)) continue;
                double t = fur.fbm(x / (u * 0.08), y / (u * 0.25), 4);
                double light = 1.15 - 0.55 * Math.min(1, Math.hypot(x - lx, y - ly) / (12 * u));
                row[x] = rgb((120 + 70 * t) * light, (78 + 45 * t) * light, (42 + 25 * t) * light);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        Graphics2D g3 = img.createGraphics();
        g3.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g3.setColor(new Color(20, 14, 10)); // eyes and nose (inside the head)
        g3.fill(new Ellipse2D.Double(cx - 1.0 * u, base - 7.9 * u, 0.4 * u, 0.4 * u));
        g3.fill(new Ellipse2D.Double(cx + 0.6 * u, base - 7.9 * u, 0.4 * u, 0.4 * u));
        g3.fill(new Ellipse2D.Double(cx - 0.35 * u, base - 7.0 * u, 0.7 * u, 0.5 * u));
        g3.dispose();
        addNoise(img, 8, 3);
        return new Scene(img, subject);
    }

    private static int rgb(double r, double g, double b) {
        return 0xff000000 | (c((int) r) << 16) | (c((int) g) << 8) | c((int) b);
    }

    /** Seeded 2-D value noise (smooth-step interpolated lattice) and its fractal sum, in [0, 1]. */
    private static final class Noise {
        private final int[] perm = new int[512];
        private final double[] values = new double[256];

        Noise(long seed) {
            Random r = new Random(seed);
            int[] p = new int[256];
            for (int i = 0; i < 256; i++) {
                p[i] = i;
                values[i] = r.nextDouble();
            }
            for (int i = 255; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            for (int i = 0; i < 512; i++) perm[i] = p[i & 255];
        }

        double value(double x, double y) {
            int xi = (int) Math.floor(x);
            int yi = (int) Math.floor(y);
            double fx = x - xi;
            double fy = y - yi;
            double sx = fx * fx * (3 - 2 * fx);
            double sy = fy * fy * (3 - 2 * fy);
            double a = lattice(xi, yi);
            double b = lattice(xi + 1, yi);
            double c = lattice(xi, yi + 1);
            double d = lattice(xi + 1, yi + 1);
            return (a + (b - a) * sx) + ((c + (d - c) * sx) - (a + (b - a) * sx)) * sy;
        }

        private double lattice(int x, int y) {
            return values[perm[(perm[x & 255] + y) & 255]];
        }

        double fbm(double x, double y, int octaves) {
            double sum = 0;
            double amp = 0.5;
            double norm = 0;
            for (int o = 0; o < octaves; o++) {
                sum += amp * value(x, y);
                norm += amp;
                x *= 2.03;
                y *= 2.03;
                amp *= 0.5;
            }
            return sum / norm;
        }
    }

    private static BufferedImage flat(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 210, 222));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static BufferedImage background(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(214, 224, 236), 0, h, new Color(180, 192, 206)));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** Mild sensor-like noise so the scene is not flat synthetic colour. Seeded: the scene is reproducible. */
    private static void addNoise(BufferedImage img, int amplitude, long seed) {
        Random rnd = new Random(seed);
        int w = img.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int n = (int) Math.round(rnd.nextGaussian() * amplitude / 2.0);
                int p = row[x];
                row[x] = 0xff000000 | (c((p >> 16 & 0xff) + n) << 16) | (c((p >> 8 & 0xff) + n) << 8) | c((p & 0xff) + n);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
    }

    private static int c(int v) {
        return Math.clamp(v, 0, 255);
    }

    /** The shape mirrored top to bottom and left to right: what a mask read in the wrong order would match. */
    static Shape flipped(Shape s, int w, int h) {
        java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform(-1, 0, 0, -1, w, h);
        return t.createTransformedShape(s);
    }

    /** Intersection over union of (alpha ≥ 128) with the shape, sampled at pixel centres. */
    static double iou(byte[] alpha, int w, int h, Shape subject) {
        long inter = 0;
        long union = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean predicted = (alpha[y * w + x] & 0xff) >= 128;
                boolean truth = subject.contains(x + 0.5, y + 0.5);
                if (predicted && truth) inter++;
                if (predicted || truth) union++;
            }
        }
        return union == 0 ? 0 : (double) inter / union;
    }
}
