package dev.snapotter.engine.tools.support;

import dev.snapotter.engine.tool.ToolContext;

/**
 * Classic unsharp mask on packed ARGB/RGB ints, in place: {@code v + amount × (v − blur(v))}
 * for each colour channel whose difference reaches {@code threshold}. Alpha is left alone.
 */
public final class UnsharpMask {

    private UnsharpMask() {
    }

    /**
     * @param amount    strength as a factor (1.0 = SnapOtter's amount 100)
     * @param threshold smallest difference (0..255) that gets sharpened; protects smooth areas and noise
     */
    public static void apply(int[] px, int w, int h, double sigma, double amount, int threshold, ToolContext ctx) {
        int[] blurred = GaussianBlur.blur(px, w, h, sigma, ctx);
        int gain = (int) Math.round(amount * 256);
        for (int y = 0; y < h; y++) {
            if ((y & 63) == 0) ctx.checkCancelled();
            for (int i = y * w; i < (y + 1) * w; i++) {
                int p = px[i];
                int b = blurred[i];
                px[i] = (p & 0xff000000)
                        | channel(p >> 16, b >> 16, gain, threshold) << 16
                        | channel(p >> 8, b >> 8, gain, threshold) << 8
                        | channel(p, b, gain, threshold);
            }
        }
    }

    private static int channel(int p, int b, int gain, int threshold) {
        int v = p & 0xff;
        int diff = v - (b & 0xff);
        if (Math.abs(diff) < threshold || diff == 0) return v;
        int out = v + ((diff * gain + (diff > 0 ? 128 : -128)) >> 8);
        return out < 0 ? 0 : Math.min(out, 255);
    }
}
