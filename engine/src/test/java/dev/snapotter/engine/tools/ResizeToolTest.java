package dev.snapotter.engine.tools;

import dev.snapotter.engine.codec.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

import static dev.snapotter.engine.tools.ToolFixtures.argb;
import static dev.snapotter.engine.tools.ToolFixtures.expectFieldError;
import static dev.snapotter.engine.tools.ToolFixtures.filled;
import static dev.snapotter.engine.tools.ToolFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class ResizeToolTest {

    private final ResizeTool tool = new ResizeTool();

    @ParameterizedTest(name = "{0}×{1} {2} {3}×{4} → {5}×{6}")
    @CsvSource({
            // source, fit, requested, expected output
            "400,200,contain,100,100,100,100",
            "400,200,cover,100,100,100,100",
            "400,200,fill,100,100,100,100",
            "400,200,inside,100,100,100,50",
            "400,200,outside,100,100,200,100",
            "200,400,inside,300,300,150,300",
            "200,400,outside,300,300,300,600",
            "333,111,inside,50,50,50,17",
            "400,200,contain,1000,90,1000,90"})
    void everyFitModeGivesExactDimensions(int sw, int sh, String fit, int w, int h, int ew, int eh) {
        Picture out = run(tool, filled(sw, sh, BufferedImage.TYPE_3BYTE_BGR, 0xff808080),
                Map.of("width", w, "height", h, "fit", fit));
        assertThat(out.width()).isEqualTo(ew);
        assertThat(out.height()).isEqualTo(eh);
    }

    @Test
    void oneSideKeepsTheAspectRatio() {
        BufferedImage src = filled(6000, 4000, BufferedImage.TYPE_BYTE_GRAY, 0xff404040);
        assertThat(run(tool, src, Map.of("width", 1920)).height()).isEqualTo(1280);
        assertThat(run(tool, src, Map.of("height", 1000)).width()).isEqualTo(1500);
    }

    @Test
    void percentageScalesBothSidesAndWins() {
        Picture out = run(tool, filled(301, 199, BufferedImage.TYPE_INT_RGB, 0xff102030), Map.of("percentage", 50, "width", 10));
        assertThat(out.width()).isEqualTo(151);
        assertThat(out.height()).isEqualTo(100);
    }

    @Test
    void withoutEnlargementKeepsSmallImages() {
        BufferedImage src = filled(100, 50, BufferedImage.TYPE_3BYTE_BGR, 0xff000000);
        assertThat(run(tool, src, Map.of("width", 400, "withoutEnlargement", true)).pixels()).isSameAs(src);
        Picture inside = run(tool, src, Map.of("width", 400, "height", 400, "fit", "inside", "withoutEnlargement", true));
        assertThat(inside.width()).isEqualTo(100);
        assertThat(inside.height()).isEqualTo(50);
        assertThat(run(tool, src, Map.of("width", 400)).width()).isEqualTo(400);
    }

    @Test
    void containLetterboxesInBlackAndCoverCropsTheCentre() {
        BufferedImage src = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) for (int x = 0; x < 200; x++) src.setRGB(x, y, x < 100 ? 0xff0000 : 0x0000ff);
        BufferedImage contain = run(tool, src, Map.of("width", 100, "height", 100, "fit", "contain")).pixels();
        assertThat(contain.getRGB(50, 2) & 0xffffff).isZero();        // bar above
        assertThat(contain.getRGB(10, 50) & 0xffffff).isEqualTo(0xff0000);
        BufferedImage cover = run(tool, src, Map.of("width", 100, "height", 100, "fit", "cover")).pixels();
        assertThat(cover.getRGB(10, 50) & 0xffffff).isEqualTo(0xff0000); // centre 100 columns: 50 red, 50 blue
        assertThat(cover.getRGB(90, 50) & 0xffffff).isEqualTo(0x0000ff);
    }

    @Test
    void containKeepsTransparencyForImagesWithAlpha() {
        BufferedImage src = filled(200, 100, BufferedImage.TYPE_INT_ARGB, 0xffff0000);
        BufferedImage out = run(tool, src, Map.of("width", 100, "height", 100)).pixels();
        assertThat(out.getRGB(50, 2) >>> 24).isZero();
    }

    @Test
    void doesNotTouchTheInput() {
        BufferedImage src = ToolFixtures.coordinates(300, 200, BufferedImage.TYPE_3BYTE_BGR);
        int[] before = argb(src);
        run(tool, src, Map.of("width", 100, "height", 100, "fit", "cover"));
        assertThat(argb(src)).isEqualTo(before);
    }

    @Test
    void validationNamesTheField() {
        expectFieldError(() -> tool.validate(Map.of("width", 20000)), "width", "must be ≤ 16383");
        expectFieldError(() -> tool.validate(Map.of("height", 0)), "height", "must be ≥ 1");
        expectFieldError(() -> tool.validate(Map.of("fit", "stretch", "width", 5)), "fit", "must be one of");
        expectFieldError(() -> tool.validate(Map.of()), "width", "set width, height or percentage");
        expectFieldError(() -> tool.validate(Map.of("widht", 5)), "widht", "unknown setting");
        expectFieldError(() -> tool.validate(Map.of("percentage", 5000)), "percentage", "must be ≤ 1000");
    }

    @Test
    void refusesOutputsBeyondTheSideLimit() {
        Map<String, Object> s = new HashMap<>();
        s.put("percentage", 1000);
        expectFieldError(() -> run(tool, filled(2000, 10, BufferedImage.TYPE_BYTE_GRAY, 0), s), "percentage", "16383");
    }
}
