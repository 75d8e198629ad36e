package dev.snapotter.engine.codec.vips;

import dev.snapotter.engine.codec.ImageFormat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Typed wrappers over {@link VipsCalls}. Memory rules, kept in this one class:
 * <ul>
 *   <li>every out-parameter and C string lives in a confined {@link Arena} closed before the method returns;</li>
 *   <li>every returned {@link VipsImage} is owned by the caller (try-with-resources);</li>
 *   <li>every buffer libvips allocates for us (pixels, encoded bytes, error text) is copied to the heap and
 *       g_free'd in a finally block, so no native memory outlives a call.</li>
 * </ul>
 * Failures throw {@link VipsException} with libvips' own message; the codec turns it into an ImageException.
 */
final class Vips {

    static final int ACCESS_SEQUENTIAL = 1;
    static final int FAIL_ON_TRUNCATED = 1;
    static final int SIZE_DOWN = 2, SIZE_FORCE = 3;
    static final int FORMAT_UCHAR = 0;
    static final int INTERPRETATION_B_W = 1, INTERPRETATION_SRGB = 22;
    static final int KERNEL_LANCZOS3 = 5;
    /** Loader options for vips_thumbnail (8.14 does not pass its own fail_on to the loader). */
    static final String LOADER_OPTIONS = "fail_on=truncated";

    private final VipsCalls c;

    Vips(VipsLibrary lib) {
        this.c = lib.calls;
    }

    /**
     * Opens a file lazily: libvips reads the header now and decodes pixels only when something pulls them,
     * top to bottom ({@code access=sequential}), failing on truncation ({@code fail_on=truncated}).
     */
    VipsImage open(Path file) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment source = source(a, file);
            try {
                MemorySegment img = (MemorySegment) c.imageNewFromSource.handle().invokeExact(source, a.allocateFrom(""),
                        a.allocateFrom("access"), ACCESS_SEQUENTIAL, a.allocateFrom("fail_on"), FAIL_ON_TRUNCATED, MemorySegment.NULL);
                return image(img, "load");
            } finally {
                unref(source);
            }
        } catch (VipsException e) {
            throw e;
        } catch (Throwable t) {
            throw new VipsException("load", t.toString());
        }
    }

    /** Shrink-on-load plus Lanczos3 to fit (or, with SIZE_FORCE, to exactly) width × height; EXIF orientation applied. */
    VipsImage thumbnail(Path file, int width, int height, int size) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment source = source(a, file);
            try {
                MemorySegment out = a.allocate(ValueLayout.ADDRESS);
                int rc = (int) c.thumbnailSource.handle().invokeExact(source, out, width, a.allocateFrom("height"), height,
                        a.allocateFrom("size"), size, a.allocateFrom("option_string"), a.allocateFrom(LOADER_OPTIONS), MemorySegment.NULL);
                return result(rc, out, "thumbnail");
            } finally {
                unref(source);
            }
        } catch (VipsException e) {
            throw e;
        } catch (Throwable t) {
            throw new VipsException("thumbnail", t.toString());
        }
    }

    VipsImage autorot(VipsImage in) {
        return op("autorot", (a, out) -> (int) c.autorot.handle().invokeExact(in.ptr(), out, MemorySegment.NULL));
    }

    /** A new reference whose metadata may be edited without touching {@code in}. */
    VipsImage copy(VipsImage in) {
        return op("copy", (a, out) -> (int) c.copy.handle().invokeExact(in.ptr(), out, MemorySegment.NULL));
    }

    VipsImage colourspace(VipsImage in, int space) {
        return op("colourspace", (a, out) -> (int) c.colourspace.handle().invokeExact(in.ptr(), out, space, MemorySegment.NULL));
    }

    VipsImage cast(VipsImage in, int format) {
        return op("cast", (a, out) -> (int) c.cast.handle().invokeExact(in.ptr(), out, format, MemorySegment.NULL));
    }

    VipsImage extractBands(VipsImage in, int first, int n) {
        return op("extract_band", (a, out) -> (int) c.extractBands.handle().invokeExact(in.ptr(), out, first, a.allocateFrom("n"), n, MemorySegment.NULL));
    }

    /** Lanczos3 with separate horizontal and vertical scale factors. */
    VipsImage resize(VipsImage in, double hscale, double vscale) {
        return op("resize", (a, out) -> (int) c.resize.handle().invokeExact(in.ptr(), out, hscale, a.allocateFrom("vscale"), vscale,
                a.allocateFrom("kernel"), KERNEL_LANCZOS3, MemorySegment.NULL));
    }

    /** A new reference to {@code in} whose interpretation field says {@code space}; pixels are shared, not copied. */
    VipsImage copyAs(VipsImage in, int space) {
        return op("copy", (a, out) -> (int) c.copyAs.handle().invokeExact(in.ptr(), out, a.allocateFrom("interpretation"), space, MemorySegment.NULL));
    }

    /**
     * An 8-bit image with a copy of {@code pixels} (interleaved, {@code bands} per pixel), marked as grey (1-2 bands)
     * or sRGB (3-4). vips_image_new_from_memory_copy leaves it "multiband", which some savers mishandle: 8.14's
     * GIF saver then quantises a four-colour image into a palette of wrong colours.
     */
    VipsImage fromPixels(byte[] pixels, int width, int height, int bands) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment data = a.allocate(pixels.length);
            MemorySegment.copy(pixels, 0, data, ValueLayout.JAVA_BYTE, 0, pixels.length);
            MemorySegment img = (MemorySegment) c.newFromMemoryCopy.handle().invokeExact(data, (long) pixels.length, width, height, bands, FORMAT_UCHAR);
            try (VipsImage raw = image(img, "new_from_memory")) {
                return copyAs(raw, bands <= 2 ? INTERPRETATION_B_W : INTERPRETATION_SRGB);
            }
        } catch (VipsException e) {
            throw e;
        } catch (Throwable t) {
            throw new VipsException("new_from_memory", t.toString());
        }
    }

    /**
     * Runs the pipeline behind {@code in} and copies the 8-bit interleaved pixels into {@code target}
     * (exactly the image's size), straight from libvips' buffer, which is freed before returning.
     */
    void toPixels(VipsImage in, byte[] target, ImageFormat source) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(ValueLayout.JAVA_LONG);
            String errorsBefore = peekError();
            MemorySegment mem = (MemorySegment) c.writeToMemory.handle().invokeExact(in.ptr(), size);
            if (mem.equals(MemorySegment.NULL)) throw new VipsException("write_to_memory", takeError());
            try {
                failOnNewError("write_to_memory", errorsBefore, source);
                long n = size.get(ValueLayout.JAVA_LONG, 0);
                if (n != target.length) throw new VipsException("write_to_memory", "got " + n + " bytes, expected " + target.length);
                MemorySegment.copy(mem.reinterpret(n), ValueLayout.JAVA_BYTE, 0, target, 0, target.length);
            } finally {
                c.gFree.handle().invokeExact(mem);
            }
        } catch (VipsException e) {
            throw e;
        } catch (Throwable t) {
            throw new VipsException("write_to_memory", t.toString());
        }
    }

    /** Encodes pixels that came from Java (no loader runs), with a saver chosen by suffix and options, e.g. {@code .webp[Q=80]}. */
    byte[] save(VipsImage in, String suffixWithOptions) {
        return save(in, suffixWithOptions, null);
    }

    /** Encodes, pulling pixels from a pipeline that starts at a loader of {@code source} (null: pixels from Java). */
    byte[] save(VipsImage in, String suffixWithOptions, ImageFormat source) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(ValueLayout.ADDRESS);
            MemorySegment size = a.allocate(ValueLayout.JAVA_LONG);
            String errorsBefore = peekError();
            int rc = (int) c.writeToBuffer.handle().invokeExact(in.ptr(), a.allocateFrom(suffixWithOptions), buf, size, MemorySegment.NULL);
            if (rc != 0) throw new VipsException("save", takeError());
            byte[] bytes = takeBytes(buf.get(ValueLayout.ADDRESS, 0), size.get(ValueLayout.JAVA_LONG, 0), "save");
            failOnNewError("save", errorsBefore, source);
            return bytes;
        } catch (VipsException e) {
            throw e;
        } catch (Throwable t) {
            throw new VipsException("save", t.toString());
        }
    }

    void setBlob(VipsImage img, String name, byte[] data) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment d = a.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, d, ValueLayout.JAVA_BYTE, 0, data.length);
            c.setBlobCopy.handle().invokeExact(img.ptr(), a.allocateFrom(name), d, (long) data.length);
        } catch (Throwable t) {
            throw new VipsException("set " + name, t.toString());
        }
    }

    void setInt(VipsImage img, String name, int value) {
        try (Arena a = Arena.ofConfined()) {
            c.setInt.handle().invokeExact(img.ptr(), a.allocateFrom(name), value);
        } catch (Throwable t) {
            throw new VipsException("set " + name, t.toString());
        }
    }

    void remove(VipsImage img, String name) {
        try (Arena a = Arena.ofConfined()) {
            int ignored = (int) c.remove.handle().invokeExact(img.ptr(), a.allocateFrom(name));
        } catch (Throwable t) {
            throw new VipsException("remove " + name, t.toString());
        }
    }

    /** Bytes of pixel and buffer memory libvips holds right now (its own allocation tracker). */
    long trackedMemory() {
        try {
            return (long) c.trackedMem.handle().invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Live tracked allocations. */
    int trackedAllocations() {
        try {
            return (int) c.trackedAllocs.handle().invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Files libvips holds open. */
    int trackedFiles() {
        try {
            return (int) c.trackedFiles.handle().invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    // ---- plumbing

    @FunctionalInterface
    private interface Call {
        int invoke(Arena arena, MemorySegment out) throws Throwable;
    }

    private VipsImage op(String name, Call call) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            return result(call.invoke(a, out), out, name);
        } catch (VipsException e) {
            throw e;
        } catch (Throwable t) {
            throw new VipsException(name, t.toString());
        }
    }

    private VipsImage result(int rc, MemorySegment out, String what) {
        if (rc != 0) throw new VipsException(what, takeError());
        return image(out.get(ValueLayout.ADDRESS, 0), what);
    }

    private VipsImage image(MemorySegment ptr, String what) {
        if (ptr.equals(MemorySegment.NULL)) throw new VipsException(what, takeError());
        return new VipsImage(c, ptr);
    }

    private MemorySegment source(Arena a, Path file) throws Throwable {
        MemorySegment source = (MemorySegment) c.sourceNewFromFile.handle().invokeExact(a.allocateFrom(file.toString()));
        if (source.equals(MemorySegment.NULL)) throw new VipsException("open", takeError());
        return source;
    }

    private void unref(MemorySegment gobject) throws Throwable {
        c.gObjectUnref.handle().invokeExact(gobject);
    }

    private byte[] takeBytes(MemorySegment mem, long size, String what) throws Throwable {
        if (mem.equals(MemorySegment.NULL)) throw new VipsException(what, takeError());
        try {
            if (size > Integer.MAX_VALUE - 16) throw new VipsException(what, "result of " + size + " bytes is too large");
            return mem.reinterpret(size).toArray(ValueLayout.JAVA_BYTE);
        } finally {
            c.gFree.handle().invokeExact(mem);
        }
    }

    /**
     * The error text as it is now, without clearing it. libvips' tile cache (behind every sequential load) turns a
     * loader failure during pixel generation into a warning, a black tile and an early, <em>successful</em> end of
     * the computation: a corrupt WebP bitstream "decodes" to black. The only trace is the loader's message in the
     * error buffer, so pixel-pulling calls compare the buffer before and after and fail when a line from the loader
     * of their own source format was added ({@link #loaderPrefixes}). The buffer is process-wide, so lines from other
     * formats' loaders (another job's truncated PNG) are not ours; a concurrent failing job of the same format can
     * look like this call's failure, which {@link #job} settles by running the work again alone; a concurrent
     * {@link #takeError} can in rare interleavings still clear our line first.
     */
    String peekError() {
        try {
            MemorySegment m = (MemorySegment) c.errorBuffer.handle().invokeExact();
            return m.equals(MemorySegment.NULL) ? "" : m.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            return "";
        }
    }

    private void failOnNewError(String what, String before, ImageFormat source) {
        if (source == null) return;
        String now = peekError();
        if (now.equals(before)) return;
        if (!newFailure(before, now, loaderPrefixes(source))) return;
        if (alone()) throw new VipsException(what, takeError());
        // Another job of the same format may have added the line. Leave the buffer as it is (that job must still
        // see its line) and let job() run this work again with every other job held back.
        throw new VipsException(what, now.startsWith(before) ? now.substring(before.length()).strip() : now.strip(), true);
    }

    /**
     * Held shared by every decode/transcode job and exclusively by a job re-run after a loader line appeared in the
     * error buffer while other jobs ran: alone, a new line can only be the re-run's own. Failures are rare, so the
     * re-run costs nothing in the normal case, and the shared hold is one uncontended lock operation per job.
     */
    private static final java.util.concurrent.locks.ReentrantReadWriteLock JOBS = new java.util.concurrent.locks.ReentrantReadWriteLock();

    /**
     * Whether a new loader line is surely this thread's: in a job's exclusive re-run, or outside any job (a caller
     * that does not go through {@link #job}). Inside a shared job it never is, even when no other job seems to run
     * at this instant: one that just ended may have left the line.
     */
    private static boolean alone() {
        return JOBS.isWriteLockedByCurrentThread() || JOBS.getReadHoldCount() == 0;
    }

    /**
     * Runs one decode/transcode job (header read, loader, pixel pull) so that a loader failure another job left in the
     * process-wide error buffer never fails it: such a suspected failure re-runs {@code work} exclusively, where the
     * buffer tells the truth. {@code work} must have no effect outside itself before it returns (no output written).
     */
    <T> T job(java.util.function.Supplier<T> work) {
        if (JOBS.getReadHoldCount() > 0 || JOBS.isWriteLockedByCurrentThread()) return work.get(); // nested: the outer job decides
        JOBS.readLock().lock();
        try {
            return work.get();
        } catch (VipsException e) {
            if (!e.perhapsAnotherJobs()) throw e;
        } finally {
            JOBS.readLock().unlock();
        }
        JOBS.writeLock().lock();
        try {
            return work.get();
        } finally {
            JOBS.writeLock().unlock();
        }
    }

    /**
     * How libvips' loaders start their error lines, per format. JPEG has none on purpose: libjpeg's warnings
     * ("VipsJpeg: Corrupt JPEG data: 4 extraneous bytes ...") land in the buffer for files that decode fine, and
     * real JPEG failures are returned as errors.
     */
    static List<String> loaderPrefixes(ImageFormat format) {
        return switch (format) {
            case WEBP -> List.of("webp2vips", "webpload", "webp:");
            case TIFF -> List.of("tiff2vips", "tiffload");
            case GIF -> List.of("gifload");
            case PNG -> List.of("vipspng", "pngload", "spng");
            case HEIF, AVIF -> List.of("heif");
            default -> List.of();
        };
    }

    /** True when {@code now} holds a line {@code before} did not that starts with one of {@code prefixes}. */
    static boolean newFailure(String before, String now, List<String> prefixes) {
        String added = now.startsWith(before) ? now.substring(before.length()) : now;
        return added.lines().map(l -> l.strip().toLowerCase(Locale.ROOT)).anyMatch(l -> prefixes.stream().anyMatch(l::startsWith));
    }

    /** The libvips error text (and clears it, so the next failure does not repeat it). */
    String takeError() {
        try {
            MemorySegment m = (MemorySegment) c.errorBufferCopy.handle().invokeExact();
            if (m.equals(MemorySegment.NULL)) return "unknown libvips error";
            try {
                String s = m.reinterpret(Integer.MAX_VALUE).getString(0).strip();
                return s.isEmpty() ? "unknown libvips error" : s;
            } finally {
                c.gFree.handle().invokeExact(m);
            }
        } catch (Throwable t) {
            return "unknown libvips error (" + t + ")";
        }
    }
}
