package dev.snapotter.ai.background;

/**
 * A soft foreground mask: {@code width × height} values, 0 = background, 1 = foreground.
 * Values outside [0, 1] (models may overshoot slightly) are clamped when sampled.
 */
public record Mask(float[] values, int width, int height) {

    public Mask {
        if (values.length != width * height) {
            throw new IllegalArgumentException("mask has " + values.length + " values for " + width + "×" + height);
        }
    }

    /**
     * The mask at another size as 8-bit alpha (row-major), by bilinear interpolation with
     * pixel centres aligned. Bilinear on a soft mask gives smooth edges without the ringing
     * (halos) a Lanczos kernel would add to a hard 0→1 step.
     */
    public byte[] toAlpha(int targetWidth, int targetHeight) {
        byte[] out = new byte[targetWidth * targetHeight];
        float sx = (float) width / targetWidth;
        float sy = (float) height / targetHeight;
        int[] x0 = new int[targetWidth];
        int[] x1 = new int[targetWidth];
        float[] fx = new float[targetWidth];
        for (int x = 0; x < targetWidth; x++) {
            float u = Math.max(0f, (x + 0.5f) * sx - 0.5f);
            x0[x] = Math.min((int) u, width - 1);
            x1[x] = Math.min(x0[x] + 1, width - 1);
            fx[x] = u - (int) u;
        }
        java.util.stream.IntStream.range(0, targetHeight).parallel().forEach(y -> {
            float v = Math.max(0f, (y + 0.5f) * sy - 0.5f);
            int y0 = Math.min((int) v, height - 1);
            int y1 = Math.min(y0 + 1, height - 1);
            float fy = v - (int) v;
            int r0 = y0 * width;
            int r1 = y1 * width;
            int o = y * targetWidth;
            for (int x = 0; x < targetWidth; x++) {
                float top = values[r0 + x0[x]] + (values[r0 + x1[x]] - values[r0 + x0[x]]) * fx[x];
                float bottom = values[r1 + x0[x]] + (values[r1 + x1[x]] - values[r1 + x0[x]]) * fx[x];
                float a = top + (bottom - top) * fy;
                out[o + x] = (byte) Math.round(Math.clamp(a, 0f, 1f) * 255f);
            }
        });
        return out;
    }
}
