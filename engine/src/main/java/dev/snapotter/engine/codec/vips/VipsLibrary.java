package dev.snapotter.engine.codec.vips;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The system libvips, opened at run time through the FFM API (no JNI, no bundled library).
 * Loading fails softly: {@link #load} returns why libvips is unusable and the engine falls back
 * to the pure-Java backend. One instance per process; libvips itself is thread-safe.
 *
 * <p>Only plain C functions are bound. libvips' variadic "optional argument" functions are bound
 * once per argument shape (see {@link VipsCalls}), always terminated by NULL.
 */
public final class VipsLibrary {

    /** The soname of libvips 8.x (Debian bookworm: 8.14, trixie: 8.16). */
    public static final String DEFAULT_NAME = "libvips.so.42";
    /** Oldest version tested; older 8.x lack {@code fail_on} and the untrusted-loader block. */
    static final int MIN_MAJOR = 8, MIN_MINOR = 13;

    private static final Logger LOG = LoggerFactory.getLogger(VipsLibrary.class);
    private static final Linker LINKER = Linker.nativeLinker();
    // per library name: the VipsLibrary, or the String reason it could not be used (libvips inits once per process)
    private static final java.util.Map<String, Object> LOADED = new java.util.HashMap<>();
    private static volatile String lastFailure;

    private final SymbolLookup lookup;
    private final String version;
    final VipsCalls calls;

    private VipsLibrary(SymbolLookup lookup) throws Throwable {
        this.lookup = lookup;
        MethodHandle init = handle("vips_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            if ((int) init.invokeExact(arena.allocateFrom("snapotter")) != 0) {
                throw new IllegalStateException("vips_init failed");
            }
        }
        MemorySegment v = (MemorySegment) handle("vips_version_string", FunctionDescriptor.of(ADDRESS)).invokeExact();
        this.version = v.reinterpret(64).getString(0);
        this.calls = new VipsCalls(this);
        configure();
    }

    /**
     * Opens and initialises libvips; the result (or the failure) is remembered per name, so the library is
     * opened and initialised once per process.
     *
     * @param libraryName soname or path, normally {@link #DEFAULT_NAME}
     * @return the library, or empty with the reason logged
     */
    public static synchronized Optional<VipsLibrary> load(String libraryName) {
        Object loaded = LOADED.get(libraryName);
        if (loaded == null) {
            try {
                // Arena.global(): the library stays mapped for the life of the process; unloading
                // libvips while worker threads exist is not supported by it.
                SymbolLookup lookup = SymbolLookup.libraryLookup(libraryName, Arena.global());
                VipsLibrary lib = new VipsLibrary(lookup);
                if (!lib.atLeast(MIN_MAJOR, MIN_MINOR)) {
                    loaded = "libvips " + lib.version + " is older than " + MIN_MAJOR + "." + MIN_MINOR;
                } else {
                    loaded = lib;
                }
            } catch (IllegalCallerException e) {
                loaded = "native access is disabled; start Java with --enable-native-access=ALL-UNNAMED (" + e.getMessage() + ")";
            } catch (Throwable e) { // IllegalArgumentException when the library is absent, UnsatisfiedLinkError, ...
                loaded = "cannot open " + libraryName + ": " + e.getMessage();
            }
            LOADED.put(libraryName, loaded);
        }
        if (loaded instanceof VipsLibrary lib) return Optional.of(lib);
        lastFailure = (String) loaded;
        return Optional.empty();
    }

    /** Why the last failed {@link #load} failed, or null when none failed. */
    public static String failureReason() {
        return lastFailure;
    }

    /** e.g. "8.14.1". */
    public String version() {
        return version;
    }

    boolean atLeast(int major, int minor) {
        String[] p = version.split("[.-]");
        int ma = Integer.parseInt(p[0]), mi = p.length > 1 ? Integer.parseInt(p[1]) : 0;
        return ma > major || ma == major && mi >= minor;
    }

    /**
     * Process-wide settings: no operation cache (a server must not keep decoded user images around,
     * and the engine never repeats an operation), worker threads capped at the core count, and the
     * loaders libvips itself marks "untrusted" (ImageMagick, JPEG 2000, JPEG XL, PDF, ...) blocked.
     */
    private void configure() throws Throwable {
        handle("vips_cache_set_max", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(0);
        handle("vips_cache_set_max_mem", FunctionDescriptor.ofVoid(JAVA_LONG)).invokeExact(0L);
        handle("vips_cache_set_max_files", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(0);
        int threads = Integer.getInteger("snapotter.engine.vips.concurrency", Runtime.getRuntime().availableProcessors());
        handle("vips_concurrency_set", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(Math.max(1, threads));
        handle("vips_block_untrusted_set", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
        LOG.debug("libvips {} initialised: cache off, concurrency {}, untrusted loaders blocked", version, threads);
    }

    MethodHandle handle(String name, FunctionDescriptor fd, Linker.Option... options) {
        return LINKER.downcallHandle(symbol(name), fd, options);
    }

    /** Like {@link #handle}, but linked on first use; the symbol must exist now. */
    Downcall downcall(String name, FunctionDescriptor fd, Linker.Option... options) {
        return new Downcall(symbol(name), fd, options);
    }

    private MemorySegment symbol(String name) {
        return lookup.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libvips has no symbol " + name));
    }
}
