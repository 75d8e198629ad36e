package dev.snapotter.engine.tools;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.Picture;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static dev.snapotter.engine.tools.ToolFixtures.filled;
import static dev.snapotter.engine.tools.ToolFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class BorderToolTest {

    private final BorderTool tool = new BorderTool();
    private final BufferedImage green = filled(50, 30, BufferedImage.TYPE_3BYTE_BGR, 0xff00ff00);

    @Test
    void paddingThenBorder() {
        Picture out = run(tool, green, Map.of("borderWidth", 5, "borderColor", "#ff0000", "padding", 3, "paddingColor", "#0000ff"));
        BufferedImage img = out.pixels();
        assertThat(img.getWidth()).isEqualTo(50 + 2 * 8);
        assertThat(img.getHeight()).isEqualTo(30 + 2 * 8);
        assertThat(img.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThat(img.getRGB(6, 6) & 0xffffff).isEqualTo(0x0000ff);
        assertThat(img.getRGB(8, 8) & 0xffffff).isEqualTo(0x00ff00);
        assertThat(out.output().format()).isEqualTo(ImageFormat.JPEG);
    }

    @Test
    void roundedCornersAreTransparentAndNeedPng() {
        Picture out = run(tool, green, Map.of("borderWidth", 0, "cornerRadius", 10));
        assertThat(out.pixels().getRGB(0, 0) >>> 24).isZero();
        assertThat(out.pixels().getRGB(25, 15)).isEqualTo(0xff00ff00);
        assertThat(out.output().format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void aShadowGrowsTheCanvasAndFallsBelow() {
        Picture out = run(tool, green, Map.of("borderWidth", 0, "shadow", true, "shadowBlur", 4, "shadowOffsetY", 5, "shadowOpacity", 100));
        BufferedImage img = out.pixels();
        int spread = 8;
        assertThat(img.getWidth()).isEqualTo(50 + 2 * spread);
        assertThat(img.getHeight()).isEqualTo(30 + (spread - 5) + (spread + 5));
        int below = img.getRGB(img.getWidth() / 2, 3 + 30 + 3);
        int above = img.getRGB(img.getWidth() / 2, 1);
        assertThat(below >>> 24).isGreaterThan(above >>> 24);
        assertThat(img.getRGB(spread + 25, 3 + 15)).isEqualTo(0xff00ff00);
    }

    @Test
    void nothingToDoReturnsTheInput() {
        assertThat(run(tool, green, Map.of("borderWidth", 0)).pixels()).isSameAs(green);
    }
}
