package dev.snapotter.ai.background;

import dev.snapotter.engine.resample.LanczosResampler;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IsnetInputTest {

    private static final int PLANE = 1024 * 1024;
    private final IsnetInput input = new IsnetInput(new LanczosResampler(1));

    @Test
    void normalisesLikeImglyInPlanarRgbOrder() {
        BufferedImage img = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x000000);
        img.setRGB(1, 0, 0xffffff);
        img.setRGB(5, 3, 0x102030);
        float[] t = input.tensor(img, null);
        assertThat(t).hasSize(3 * PLANE);
        assertThat(t[0]).isEqualTo(-0.5f);                    // (0 − 128) / 256
        assertThat(t[1]).isEqualTo((255 - 128) / 256f);       // 0.49609375
        int i = 3 * 1024 + 5;
        assertThat(t[i]).isEqualTo((0x10 - 128) / 256f);           // R plane first
        assertThat(t[PLANE + i]).isEqualTo((0x20 - 128) / 256f);   // then G
        assertThat(t[2 * PLANE + i]).isEqualTo((0x30 - 128) / 256f); // then B
    }

    @Test
    void stretchesAnyPictureTo1024SquareKeepingItsLayout() {
        // left half red, right half blue, 3000×1000 (aspect not kept, as in imgly)
        BufferedImage img = new BufferedImage(3000, 1000, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 1500, 1000);
        g.setColor(Color.BLUE);
        g.fillRect(1500, 0, 1500, 1000);
        g.dispose();
        float[] t = input.tensor(img, null);
        int left = 500 * 1024 + 100;
        int right = 500 * 1024 + 900;
        assertThat(t[left]).isCloseTo((255 - 128) / 256f, within(1e-6f));
        assertThat(t[2 * PLANE + left]).isCloseTo(-0.5f, within(1e-6f));
        assertThat(t[right]).isCloseTo(-0.5f, within(1e-6f));
        assertThat(t[2 * PLANE + right]).isCloseTo((255 - 128) / 256f, within(1e-6f));
        for (float v : t) assertThat(v).isBetween(-0.5f, 0.5f);
    }

    @Test
    void readsGreyAndAlphaImagesAsRgb() {
        BufferedImage grey = new BufferedImage(1024, 1024, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(7, 7, 0, 200);
        float[] t = input.tensor(grey, null);
        int i = 7 * 1024 + 7;
        assertThat(t[i]).isEqualTo(t[PLANE + i]).isEqualTo(t[2 * PLANE + i]).isGreaterThan(0.2f);
    }
}
