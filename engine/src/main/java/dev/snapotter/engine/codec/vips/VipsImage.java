package dev.snapotter.engine.codec.vips;

import java.lang.foreign.MemorySegment;

/**
 * One reference to a native {@code VipsImage}. Whoever holds it closes it (g_object_unref), exactly once;
 * operations never consume their input, so a chain is a series of try-with-resources blocks.
 */
final class VipsImage implements AutoCloseable {

    private final VipsCalls calls;
    private MemorySegment ptr;

    VipsImage(VipsCalls calls, MemorySegment ptr) {
        if (ptr == null || ptr.equals(MemorySegment.NULL)) throw new IllegalArgumentException("null VipsImage");
        this.calls = calls;
        this.ptr = ptr;
    }

    MemorySegment ptr() {
        if (ptr == null) throw new IllegalStateException("VipsImage already released");
        return ptr;
    }

    int width() {
        return intField(calls.width.handle());
    }

    int height() {
        return intField(calls.height.handle());
    }

    int bands() {
        return intField(calls.bands.handle());
    }

    /** VipsBandFormat: 0 = uchar. */
    int format() {
        return intField(calls.format.handle());
    }

    /** VipsInterpretation: 1 = B_W, 22 = sRGB, 15 = CMYK, 25 = RGB16, 26 = GREY16. */
    int interpretation() {
        return intField(calls.interpretation.handle());
    }

    private int intField(java.lang.invoke.MethodHandle h) {
        try {
            return (int) h.invokeExact(ptr());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void close() {
        if (ptr == null) return;
        try {
            calls.gObjectUnref.handle().invokeExact(ptr);
        } catch (Throwable t) {
            throw new IllegalStateException("g_object_unref failed", t);
        } finally {
            ptr = null;
        }
    }
}
