package dev.snapotter.engine.resample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

import static dev.snapotter.engine.resample.SyntheticImages.photo;
import static dev.snapotter.engine.resample.SyntheticImages.psnr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanczosResamplerTest {

    private final LanczosResampler resampler = new LanczosResampler(2);

    @ParameterizedTest(name = "{0}×{1} → {2}×{3}")
    @CsvSource({"600,400,192,128", "600,400,250,333", "301,199,1000,700", "97,61,13,7", "640,480,640,240", "50,40,50,40"})
    void rgbMatchesTheDoublePrecisionReference(int sw, int sh, int dw, int dh) {
        BufferedImage src = photo(sw, sh, BufferedImage.TYPE_3BYTE_BGR, 7);
        BufferedImage out = resampler.resize(src, dw, dh);
        assertThat(out.getWidth()).isEqualTo(dw);
        assertThat(out.getHeight()).isEqualTo(dh);
        assertThat(psnr(out, ReferenceLanczos.resize(src, dw, dh))).isGreaterThan(50);
    }

    @Test
    void premultipliedAlphaMatchesTheReference() {
        BufferedImage src = photo(400, 300, BufferedImage.TYPE_4BYTE_ABGR, 3);
        BufferedImage out = resampler.resize(src, 157, 113);
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_4BYTE_ABGR);
        assertThat(psnr(out, ReferenceLanczos.resize(src, 157, 113))).isGreaterThan(50);
    }

    @Test
    void transparentPixelsDoNotBleedTheirColour() {
        BufferedImage src = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) src.setRGB(x, y, x < 32 ? 0x0000ff00 : 0xff0000ff); // invisible green | blue
        }
        BufferedImage out = resampler.resize(src, 20, 20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                int p = out.getRGB(x, y);
                if ((p >>> 24) > 8) assertThat((p >> 8) & 0xff).as("green at %d,%d", x, y).isLessThanOrEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY,
            BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_BYTE_INDEXED})
    void everyLayoutResizesCloseToTheReference(int type) {
        BufferedImage src = photo(300, 200, type, 11);
        BufferedImage out = resampler.resize(src, 111, 74);
        assertThat(out.getWidth()).isEqualTo(111);
        assertThat(out.getHeight()).isEqualTo(74);
        assertThat(out.getColorModel().hasAlpha()).isEqualTo(src.getColorModel().hasAlpha());
        if (type == BufferedImage.TYPE_BYTE_GRAY) {
            // gray samples are resized as stored; compare them as such, not through getRGB's sRGB conversion
            assertThat(psnr(grayAsRgb(out), ReferenceLanczos.resize(grayAsRgb(src), 111, 74))).isGreaterThan(50);
        } else {
            assertThat(psnr(out, ReferenceLanczos.resize(src, 111, 74))).isGreaterThan(50);
        }
    }

    private static BufferedImage grayAsRgb(BufferedImage gray) {
        BufferedImage rgb = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < gray.getHeight(); y++) {
            for (int x = 0; x < gray.getWidth(); x++) rgb.setRGB(x, y, gray.getRaster().getSample(x, y, 0) * 0x010101);
        }
        return rgb;
    }

    @Test
    void keepsTheCommonTypes() {
        for (int type : new int[]{BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY}) {
            assertThat(resampler.resize(new BufferedImage(40, 30, type), 20, 15).getType()).isEqualTo(type);
        }
    }

    @Test
    void aFlatImageStaysExactlyFlat() {
        BufferedImage src = new BufferedImage(123, 77, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 77; y++) for (int x = 0; x < 123; x++) src.setRGB(x, y, 0x3c8ad2);
        for (int[] size : new int[][]{{40, 25}, {500, 300}, {1, 1}, {123, 1}}) {
            BufferedImage out = resampler.resize(src, size[0], size[1]);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) assertThat(out.getRGB(x, y) & 0xffffff).isEqualTo(0x3c8ad2);
            }
        }
    }

    @Test
    void tinySourcesAndTargetsWork() {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
        one.setRGB(0, 0, 0x102030);
        BufferedImage big = resampler.resize(one, 5, 3);
        assertThat(big.getRGB(4, 2) & 0xffffff).isEqualTo(0x102030);
        assertThat(resampler.resize(photo(7, 5, BufferedImage.TYPE_3BYTE_BGR, 1), 1, 1).getWidth()).isEqualTo(1);
    }

    @Test
    void neverWritesToTheSource() {
        BufferedImage src = photo(500, 300, BufferedImage.TYPE_3BYTE_BGR, 5);
        byte[] before = ((DataBufferByte) src.getRaster().getDataBuffer()).getData().clone();
        resampler.resize(src, 200, 120);
        resampler.resize(src, 900, 500);
        assertThat(Arrays.equals(before, ((DataBufferByte) src.getRaster().getDataBuffer()).getData())).isTrue();
    }

    @Test
    void bandsAndThreadsDoNotChangeTheResult() {
        BufferedImage src = photo(900, 700, BufferedImage.TYPE_4BYTE_ABGR, 9);
        BufferedImage one = new LanczosResampler(1).resize(src, 301, 233);
        BufferedImage many = new LanczosResampler(4).resize(src, 301, 233);
        assertThat(((DataBufferByte) many.getRaster().getDataBuffer()).getData())
                .isEqualTo(((DataBufferByte) one.getRaster().getDataBuffer()).getData());
    }

    @Test
    void aThrowingCheckpointAbandonsTheResize() {
        BufferedImage src = photo(800, 800, BufferedImage.TYPE_3BYTE_BGR, 2);
        assertThatThrownBy(() -> resampler.resize(src, 400, 400, () -> {
            throw new java.util.concurrent.CancellationException("stop");
        })).isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void rejectsEmptyTargets() {
        assertThatThrownBy(() -> resampler.resize(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), 0, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightsSumToOneAndCoverTheEdges() {
        FilterWeights fw = FilterWeights.compute(1000, 313);
        for (int d = 0; d < 313; d++) {
            int sum = 0;
            for (int k = 0; k < fw.taps(); k++) sum += fw.weight(d, k);
            assertThat(sum).isEqualTo(FilterWeights.ONE);
            assertThat(fw.start(d)).isBetween(0, 1000 - fw.taps());
        }
    }
}
