package dev.snapotter.ai.background;

import dev.snapotter.engine.resample.LanczosResampler;

import java.awt.image.BufferedImage;

/**
 * Turns a picture into ISNet's input tensor, exactly as {@code @imgly/background-removal-node}
 * 1.4.5 does ({@code dist/index.cjs}: {@code tensorResizeBilinear} to 1024×1024, then
 * {@code tensorHWCtoBCHW} with mean 128 and std 256): planar R, G, B, each sample
 * {@code (v − 128) / 256}, so values lie in [−0.5, 0.496].
 *
 * <p>One deliberate difference: the downscale uses the engine's Lanczos3 (with proper
 * anti-aliasing) instead of imgly's point-sampled bilinear, which aliases badly when a 12 MP
 * photo is squeezed to 1 MP. The aspect ratio is not kept, as in imgly: the model sees a
 * stretched square and the mask is stretched back.
 */
public final class IsnetInput {

    public static final int SIZE = 1024;
    static final float MEAN = 128f;
    static final float STD = 256f;

    private final LanczosResampler resampler;

    public IsnetInput(LanczosResampler resampler) {
        this.resampler = resampler;
    }

    /** A new float[3 × 1024 × 1024] in NCHW order (batch of one). */
    public float[] tensor(BufferedImage image, Runnable checkpoint) {
        BufferedImage square = image.getWidth() == SIZE && image.getHeight() == SIZE
                ? image : resampler.resize(image, SIZE, SIZE, checkpoint);
        return planar(square);
    }

    /** Normalised planar RGB of an image already at 1024×1024. Colour under transparent pixels is used as is, like imgly. */
    static float[] planar(BufferedImage square) {
        int plane = SIZE * SIZE;
        float[] out = new float[3 * plane];
        int[] row = new int[SIZE];
        for (int y = 0; y < SIZE; y++) {
            square.getRGB(0, y, SIZE, 1, row, 0, SIZE);
            int base = y * SIZE;
            for (int x = 0; x < SIZE; x++) {
                int p = row[x];
                out[base + x] = (((p >> 16) & 0xff) - MEAN) / STD;
                out[plane + base + x] = (((p >> 8) & 0xff) - MEAN) / STD;
                out[2 * plane + base + x] = ((p & 0xff) - MEAN) / STD;
            }
        }
        return out;
    }
}
