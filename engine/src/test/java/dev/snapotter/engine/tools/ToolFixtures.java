package dev.snapotter.engine.tools;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.engine.tool.ToolContext;

import java.awt.image.BufferedImage;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small helpers shared by the tool tests: pictures, running a tool, expecting a field error. */
final class ToolFixtures {

    static final ToolContext CONTEXT = ToolContext.of(new EngineLimits(100, 20, 1L << 30));

    private ToolFixtures() {
    }

    static Picture picture(BufferedImage img) {
        return new Picture(img, ImageMetadata.NONE, OutputSpec.of(ImageFormat.JPEG));
    }

    /** An image whose every pixel has a distinct, position-derived colour, for exact mapping checks. */
    static BufferedImage coordinates(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.setRGB(x, y, 0xff000000 | (x * 7 & 0xff) << 16 | (y * 5 & 0xff) << 8 | (x + y) & 0xff);
        }
        return img;
    }

    static BufferedImage filled(int w, int h, int type, int argb) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, argb);
        return img;
    }

    static Picture run(ImageTool tool, BufferedImage img, Map<String, ?> settings) {
        return tool.apply(picture(img), tool.validate(settings), CONTEXT);
    }

    static void expectFieldError(Runnable action, String path, String messagePart) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidSettingsException.class, e ->
                org.assertj.core.api.Assertions.assertThat(e.errors()).anySatisfy(err -> {
                    org.assertj.core.api.Assertions.assertThat(err.path()).isEqualTo(path);
                    org.assertj.core.api.Assertions.assertThat(err.message()).contains(messagePart);
                }));
    }

    static int[] argb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
