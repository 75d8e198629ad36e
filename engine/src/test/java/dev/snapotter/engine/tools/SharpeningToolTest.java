package dev.snapotter.engine.tools;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static dev.snapotter.engine.tools.ToolFixtures.argb;
import static dev.snapotter.engine.tools.ToolFixtures.expectFieldError;
import static dev.snapotter.engine.tools.ToolFixtures.filled;
import static dev.snapotter.engine.tools.ToolFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class SharpeningToolTest {

    private final SharpeningTool tool = new SharpeningTool();

    private static BufferedImage edge() {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) for (int x = 0; x < 40; x++) img.setRGB(x, y, x < 20 ? 0x606060 : 0xa0a0a0);
        return img;
    }

    @Test
    void flatAreasStayFlat() {
        BufferedImage flat = filled(30, 30, BufferedImage.TYPE_INT_RGB, 0xff336699);
        assertThat(argb(run(tool, flat, Map.of("amount", 300)).pixels())).isEqualTo(argb(flat));
    }

    @Test
    void edgesGetMoreContrast() {
        BufferedImage out = run(tool, edge(), Map.of("sigma", 1.5, "amount", 150)).pixels();
        assertThat(out.getRGB(19, 10) & 0xff).isLessThan(0x60);
        assertThat(out.getRGB(20, 10) & 0xff).isGreaterThan(0xa0);
        assertThat(out.getRGB(2, 10) & 0xff).isEqualTo(0x60);
    }

    @Test
    void aHighThresholdLeavesSmallDifferencesAlone() {
        BufferedImage src = edge();
        assertThat(argb(run(tool, src, Map.of("threshold", 100)).pixels())).isEqualTo(argb(src));
    }

    @Test
    void onlyTheImplementedMethodIsAccepted() {
        assertThat(tool.validate(Map.of()).getString("method")).isEqualTo("unsharp-mask");
        expectFieldError(() -> tool.validate(Map.of("method", "high-pass")), "method", "unsharp-mask");
        expectFieldError(() -> tool.validate(Map.of("sigma", 0.1)), "sigma", "must be ≥ 0.5");
    }
}
