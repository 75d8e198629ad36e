package dev.snapotter.ai.background;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaskTest {

    @Test
    void upscalesAConstantMaskToTheSameConstant() {
        float[] v = new float[16];
        Arrays.fill(v, 0.5f);
        byte[] a = new Mask(v, 4, 4).toAlpha(37, 23);
        assertThat(a).hasSize(37 * 23);
        for (byte b : a) assertThat(b & 0xff).isEqualTo(128);
    }

    @Test
    void clampsOvershootToTheValidRange() {
        byte[] a = new Mask(new float[]{1.3f, -0.2f}, 2, 1).toAlpha(2, 1);
        assertThat(a[0] & 0xff).isEqualTo(255);
        assertThat(a[1] & 0xff).isZero();
    }

    @Test
    void aHardStepBecomesASmoothMonotonicRampWithoutOvershoot() {
        // 8 columns: left half 0, right half 1, upscaled ×10 horizontally
        float[] v = new float[8];
        for (int x = 4; x < 8; x++) v[x] = 1f;
        byte[] a = new Mask(v, 8, 1).toAlpha(80, 1);
        int previous = -1;
        int intermediate = 0;
        for (byte b : a) {
            int value = b & 0xff;
            assertThat(value).isGreaterThanOrEqualTo(previous);
            if (value > 0 && value < 255) intermediate++;
            previous = value;
        }
        assertThat(a[0] & 0xff).isZero();
        assertThat(a[79] & 0xff).isEqualTo(255);
        // the edge is spread over about one source pixel (10 target pixels), centred on x = 40
        assertThat(intermediate).isBetween(8, 10);
        assertThat(a[39] & 0xff).isLessThan(128);
        assertThat(a[40] & 0xff).isGreaterThan(128);
    }

    @Test
    void downscalingKeepsPixelCentresAligned() {
        float[] v = {0f, 1f};
        byte[] a = new Mask(v, 2, 1).toAlpha(1, 1);
        assertThat(a[0] & 0xff).isEqualTo(128);
    }

    @Test
    void refusesInconsistentSizes() {
        assertThatThrownBy(() -> new Mask(new float[5], 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
