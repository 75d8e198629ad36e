package dev.snapotter.ai.background;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundCompositorTest {

    private static BufferedImage pixels(int... argb) {
        BufferedImage img = new BufferedImage(argb.length, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, argb.length, 1, argb, 0, argb.length);
        return img;
    }

    private static byte[] alpha(int... a) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (byte) a[i];
        return out;
    }

    @Test
    void transparentMultipliesExistingAlphaByTheMaskAndKeepsColour() {
        BufferedImage out = BackgroundCompositor.transparent(pixels(0xff112233, 0x80112233, 0xff445566), alpha(255, 255, 0));
        assertThat(out.getColorModel().hasAlpha()).isTrue();
        assertThat(out.getRGB(0, 0)).isEqualTo(0xff112233);
        assertThat(out.getRGB(1, 0)).isEqualTo(0x80112233);
        assertThat(out.getRGB(2, 0) >>> 24).isZero();
    }

    @Test
    void opaqueColourGivesAnOpaqueImageBlendedByTheMask() {
        BufferedImage out = BackgroundCompositor.onColor(pixels(0xffff0000, 0xffff0000, 0xffff0000), alpha(255, 0, 128), 0xff0000ff);
        assertThat(out.getColorModel().hasAlpha()).isFalse();
        assertThat(out.getRGB(0, 0)).isEqualTo(0xffff0000);
        assertThat(out.getRGB(1, 0)).isEqualTo(0xff0000ff);
        int mid = out.getRGB(2, 0);
        assertThat((mid >> 16) & 0xff).isBetween(127, 129);
        assertThat(mid & 0xff).isBetween(126, 128);
    }

    @Test
    void translucentColourIsCompositedWithTheOverRule() {
        BufferedImage out = BackgroundCompositor.onColor(pixels(0xffffffff, 0xffffffff), alpha(0, 255), 0x80000000);
        assertThat(out.getColorModel().hasAlpha()).isTrue();
        assertThat(out.getRGB(0, 0)).isEqualTo(0x80000000);
        assertThat(out.getRGB(1, 0)).isEqualTo(0xffffffff);
    }

    @Test
    void maskImageIsTheAlphaAsGrey() {
        BufferedImage m = BackgroundCompositor.maskImage(alpha(0, 200, 255, 7), 2, 2);
        assertThat(m.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(m.getRaster().getSample(1, 0, 0)).isEqualTo(200);
        assertThat(m.getRaster().getSample(1, 1, 0)).isEqualTo(7);
    }

    @Test
    void mulIsExactAtTheEnds() {
        assertThat(BackgroundCompositor.mul(255, 255)).isEqualTo(255);
        assertThat(BackgroundCompositor.mul(255, 0)).isZero();
        assertThat(BackgroundCompositor.mul(128, 255)).isEqualTo(128);
    }
}
