package dev.snapotter.engine.tools;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static dev.snapotter.engine.tools.ToolFixtures.coordinates;
import static dev.snapotter.engine.tools.ToolFixtures.expectFieldError;
import static dev.snapotter.engine.tools.ToolFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class CropToolTest {

    private final CropTool tool = new CropTool();

    @Test
    void cropsExactPixels() {
        BufferedImage src = coordinates(100, 80, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage out = run(tool, src, Map.of("left", 10, "top", 20, "width", 30, "height", 40)).pixels();
        assertThat(out.getWidth()).isEqualTo(30);
        assertThat(out.getHeight()).isEqualTo(40);
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 30; x++) assertThat(out.getRGB(x, y)).isEqualTo(src.getRGB(x + 10, y + 20));
        }
    }

    @Test
    void percentIsOfTheImageSize() {
        BufferedImage src = coordinates(200, 100, BufferedImage.TYPE_INT_ARGB);
        BufferedImage out = run(tool, src, Map.of("left", 25, "top", 10, "width", 50, "height", 50, "unit", "percent")).pixels();
        assertThat(out.getWidth()).isEqualTo(100);
        assertThat(out.getHeight()).isEqualTo(50);
        assertThat(out.getRGB(0, 0)).isEqualTo(src.getRGB(50, 10));
    }

    @Test
    void theCropIsACopy() {
        BufferedImage src = coordinates(50, 50, BufferedImage.TYPE_INT_RGB);
        BufferedImage out = run(tool, src, Map.of("width", 10, "height", 10)).pixels();
        out.setRGB(0, 0, 0x123456);
        assertThat(src.getRGB(0, 0) & 0xffffff).isNotEqualTo(0x123456);
    }

    @Test
    void aRegionOutsideTheImageIsAClearError() {
        BufferedImage src = coordinates(400, 300, BufferedImage.TYPE_3BYTE_BGR);
        expectFieldError(() -> run(tool, src, Map.of("left", 10, "width", 500, "height", 10)), "width",
                "crop region exceeds the image width: left (10) + width (500) > 400");
        expectFieldError(() -> run(tool, src, Map.of("top", 299, "width", 5, "height", 2)), "height", "> 300");
    }

    @Test
    void settingsAreCheckedUpFront() {
        expectFieldError(() -> tool.validate(Map.of("height", 5)), "width", "is required");
        expectFieldError(() -> tool.validate(Map.of("width", 0, "height", 5)), "width", "must be > 0");
        expectFieldError(() -> tool.validate(Map.of("left", -1, "width", 1, "height", 1)), "left", "must be ≥ 0");
        expectFieldError(() -> tool.validate(Map.of("left", 60, "width", 50, "height", 5, "unit", "percent")), "width", "≤ 100");
        expectFieldError(() -> tool.validate(Map.of("width", 5, "height", 5, "unit", "mm")), "unit", "px, percent");
    }
}
