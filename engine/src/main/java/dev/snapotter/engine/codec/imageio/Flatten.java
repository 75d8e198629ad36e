package dev.snapotter.engine.codec.imageio;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Layout conversions needed before a writer: formats without alpha get the image composited on white. */
final class Flatten {

    private Flatten() {
    }

    /** An opaque image (3BYTE_BGR, INT_RGB or BYTE_GRAY kept as is); transparency is composited on white. */
    static BufferedImage opaque(BufferedImage img) {
        int t = img.getType();
        if (t == BufferedImage.TYPE_3BYTE_BGR || t == BufferedImage.TYPE_INT_RGB || t == BufferedImage.TYPE_BYTE_GRAY) return img;
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.drawImage(img, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The image centred on a transparent square 4BYTE_ABGR canvas, with red and blue exchanged:
     * TwelveMonkeys 3.12's ICO writer stores the bytes of this layout in RGBA order where the
     * format wants BGRA (files it writes show swapped colours in ImageMagick too), so the swap
     * here cancels that out. EncodeTest's ICO round trip fails if the writer is ever fixed.
     */
    static BufferedImage squareTransparent(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int side = Math.max(w, h);
        int ox = (side - w) / 2;
        int oy = (side - h) / 2;
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_4BYTE_ABGR);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                row[x] = p & 0xff00ff00 | (p & 0xff) << 16 | (p >> 16 & 0xff);
            }
            out.setRGB(ox, oy + y, w, 1, row, 0, w);
        }
        return out;
    }

    static BufferedImage toType(BufferedImage img, int type) {
        if (img.getType() == type) return img;
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(img, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
