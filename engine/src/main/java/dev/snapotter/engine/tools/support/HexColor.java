package dev.snapotter.engine.tools.support;

import java.awt.Color;

/** Parses the engine's validated colour strings ("#rrggbb" or "#rrggbbaa"). */
public final class HexColor {

    private HexColor() {
    }

    public static Color parse(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        int r = Integer.parseInt(h.substring(0, 2), 16);
        int g = Integer.parseInt(h.substring(2, 4), 16);
        int b = Integer.parseInt(h.substring(4, 6), 16);
        int a = h.length() >= 8 ? Integer.parseInt(h.substring(6, 8), 16) : 255;
        return new Color(r, g, b, a);
    }

    /** The colour with its alpha multiplied by {@code opacity} (0..1). */
    public static Color withOpacity(Color c, double opacity) {
        int a = (int) Math.round(c.getAlpha() * Math.max(0, Math.min(1, opacity)));
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }
}
