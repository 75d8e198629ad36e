package dev.snapotter.engine.tools.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * DejaVu Sans, shipped inside the engine jar (Bitstream Vera licence, see fonts/DejaVu-LICENSE.txt),
 * so text renders the same on a desktop, in a headless container with no fonts installed, and in CI.
 * Falls back to the JDK's logical "SansSerif" if the resource cannot be loaded.
 */
public final class BundledFont {

    private static final Logger LOG = LoggerFactory.getLogger(BundledFont.class);
    private static final String RESOURCE = "/dev/snapotter/engine/tools/fonts/DejaVuSans.ttf";
    private static final Font BASE = load();

    private BundledFont() {
    }

    public static Font sans(float size) {
        return BASE.deriveFont(Font.PLAIN, size);
    }

    private static Font load() {
        try (InputStream in = BundledFont.class.getResourceAsStream(RESOURCE)) {
            if (in != null) return Font.createFont(Font.TRUETYPE_FONT, in);
            LOG.warn("Bundled font {} missing; using the JDK's SansSerif", RESOURCE);
        } catch (IOException | FontFormatException e) {
            LOG.warn("Bundled font {} unreadable ({}); using the JDK's SansSerif", RESOURCE, e.toString());
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }
}
