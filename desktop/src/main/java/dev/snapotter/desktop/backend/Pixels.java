package dev.snapotter.desktop.backend;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Non-premultiplied ARGB pixels, toolkit-neutral so ViewModels stay testable without JavaFX;
 * the views copy them into a {@code WritableImage}. Built on a background thread.
 */
public record Pixels(int width, int height, int[] argb) {

    public Pixels {
        if (argb.length != width * height) throw new IllegalArgumentException("pixel count does not match " + width + "x" + height);
    }

    public static Pixels of(BufferedImage image) {
        BufferedImage argbImage = image;
        if (image.getType() != BufferedImage.TYPE_INT_ARGB) {
            argbImage = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = argbImage.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        int[] data = ((DataBufferInt) argbImage.getRaster().getDataBuffer()).getData();
        int[] copy = argbImage == image ? data.clone() : data;
        return new Pixels(image.getWidth(), image.getHeight(), copy);
    }
}
