package dev.snapotter.engine.tools;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static dev.snapotter.engine.tools.ToolFixtures.argb;
import static dev.snapotter.engine.tools.ToolFixtures.expectFieldError;
import static dev.snapotter.engine.tools.ToolFixtures.filled;
import static dev.snapotter.engine.tools.ToolFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class WatermarkTextToolTest {

    static {
        // the container and CI have no display; render the way they do (no effect if AWT is already up)
        System.setProperty("java.awt.headless", "true");
    }

    private final WatermarkTextTool tool = new WatermarkTextTool();
    private final BufferedImage white = filled(400, 300, BufferedImage.TYPE_3BYTE_BGR, 0xffffffff);

    private static int darkPixels(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) if ((img.getRGB(x, y) & 0xff) < 200) n++;
        return n;
    }

    @Test
    void centreTextLandsInTheMiddleOnly() {
        BufferedImage out = run(tool, white, Map.of("text", "SnapOtter", "fontSize", 40, "opacity", 100)).pixels();
        assertThat(darkPixels(out, 100, 110, 300, 190)).isGreaterThan(200);
        assertThat(darkPixels(out, 0, 0, 100, 60)).isZero();
        assertThat(darkPixels(out, 300, 240, 400, 300)).isZero();
    }

    @Test
    void cornersAndTiles() {
        BufferedImage br = run(tool, white, Map.of("text", "©2026", "fontSize", 24, "opacity", 100, "position", "bottom-right")).pixels();
        assertThat(darkPixels(br, 250, 220, 400, 300)).isGreaterThan(50);
        assertThat(darkPixels(br, 0, 0, 200, 150)).isZero();
        BufferedImage tiled = run(tool, white, Map.of("text", "draft", "fontSize", 16, "opacity", 100, "position", "tiled", "rotation", -30)).pixels();
        assertThat(darkPixels(tiled, 0, 0, 200, 150)).isGreaterThan(30);
        assertThat(darkPixels(tiled, 200, 150, 400, 300)).isGreaterThan(30);
    }

    @Test
    void opacityZeroLeavesThePixelsAndTheInputIsNeverDrawnOn() {
        int[] before = argb(white);
        assertThat(argb(run(tool, white, Map.of("text", "invisible", "opacity", 0)).pixels())).isEqualTo(before);
        run(tool, white, Map.of("text", "visible", "opacity", 100));
        assertThat(argb(white)).isEqualTo(before);
    }

    @Test
    void textIsRequiredAndBounded() {
        expectFieldError(() -> tool.validate(Map.of()), "text", "is required");
        expectFieldError(() -> tool.validate(Map.of("text", "x".repeat(501))), "text", "at most 500");
        expectFieldError(() -> tool.validate(Map.of("text", "a", "position", "middle")), "position", "tiled");
        expectFieldError(() -> tool.validate(Map.of("text", "a", "color", "red")), "color", "#ff8800");
    }
}
