package dev.snapotter.engine.tools;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static dev.snapotter.engine.tools.ToolFixtures.argb;
import static dev.snapotter.engine.tools.ToolFixtures.coordinates;
import static dev.snapotter.engine.tools.ToolFixtures.expectFieldError;
import static dev.snapotter.engine.tools.ToolFixtures.filled;
import static dev.snapotter.engine.tools.ToolFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class AdjustColorsToolTest {

    private final AdjustColorsTool tool = new AdjustColorsTool();

    private int pixel(int argb, Map<String, ?> settings) {
        return run(tool, filled(4, 4, BufferedImage.TYPE_INT_ARGB, argb), settings).pixels().getRGB(2, 2);
    }

    @Test
    void defaultsChangeNothing() {
        BufferedImage src = coordinates(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        assertThat(argb(run(tool, src, Map.of()).pixels())).isEqualTo(argb(src));
    }

    @Test
    void effects() {
        assertThat(pixel(0xff102030, Map.of("effect", "invert"))).isEqualTo(0xffefdfcf);
        int gray = pixel(0xff3080c0, Map.of("effect", "grayscale"));
        int luma = (int) Math.round(0.299 * 0x30 + 0.587 * 0x80 + 0.114 * 0xc0);
        assertThat(gray).isEqualTo(0xff000000 | luma * 0x010101);
        // sepia of mid grey: (0.393+0.769+0.189)*128 = 172.9 → 173, 0.349+0.686+0.168 → 154, 0.272+0.534+0.131 → 120
        assertThat(pixel(0xff808080, Map.of("effect", "sepia"))).isEqualTo(0xffad9a78);
    }

    @Test
    void alphaIsKept() {
        assertThat(pixel(0x80102030, Map.of("effect", "invert")) >>> 24).isEqualTo(0x80);
    }

    @Test
    void lightAndChannels() {
        assertThat(pixel(0xff808080, Map.of("brightness", -100))).isEqualTo(0xff000000);
        assertThat(pixel(0xff404040, Map.of("brightness", 100))).isEqualTo(0xff808080);
        assertThat(pixel(0xff808080, Map.of("contrast", -100))).isEqualTo(0xff808080);
        assertThat(pixel(0xff203040, Map.of("red", 0, "blue", 200))).isEqualTo(0xff003080);
        int brighter = pixel(0xff404040, Map.of("exposure", 50));
        assertThat(brighter & 0xff).isGreaterThan(0x40);
        assertThat(pixel(0xff404040, Map.of("exposure", -50)) & 0xff).isLessThan(0x40);
    }

    @Test
    void saturationAndHueKeepGreysGrey() {
        assertThat(pixel(0xff777777, Map.of("saturation", 80, "hue", 120))).isEqualTo(0xff777777);
        int desaturated = pixel(0xffc04020, Map.of("saturation", -100));
        assertThat((desaturated >> 16) & 0xff).isEqualTo(desaturated & 0xff);
        int rotated = pixel(0xffff0000, Map.of("hue", 120));
        assertThat((rotated >> 8) & 0xff).as("red turns green-ish").isGreaterThan((rotated >> 16) & 0xff);
    }

    @Test
    void warmerMeansMoreRedLessBlue() {
        int warm = pixel(0xff808080, Map.of("temperature", 100));
        assertThat((warm >> 16) & 0xff).isGreaterThan(0x80);
        assertThat(warm & 0xff).isLessThan(0x80);
    }

    @Test
    void inputIsNotModified() {
        BufferedImage src = coordinates(30, 30, BufferedImage.TYPE_INT_RGB);
        int[] before = argb(src);
        run(tool, src, Map.of("effect", "invert", "sharpness", 50));
        assertThat(argb(src)).isEqualTo(before);
    }

    @Test
    void rangesAreChecked() {
        expectFieldError(() -> tool.validate(Map.of("hue", 181)), "hue", "must be ≤ 180");
        expectFieldError(() -> tool.validate(Map.of("red", -1)), "red", "must be ≥ 0");
        expectFieldError(() -> tool.validate(Map.of("effect", "vintage")), "effect", "none, grayscale, sepia, invert");
    }
}
