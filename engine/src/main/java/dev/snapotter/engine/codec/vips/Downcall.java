package dev.snapotter.engine.codec.vips;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * One C function: its symbol is looked up when the library loads (a missing symbol still fails the load),
 * but the FFM downcall handle is only linked on first use. Linking costs about 10 ms of CPU per new
 * signature on a cold JVM (the JDK generates a stub class for each), and a one-shot
 * {@code snapotter run} needs fewer than half of the functions {@link VipsCalls} binds.
 */
final class Downcall {

    private final MemorySegment symbol;
    private final FunctionDescriptor descriptor;
    private final Linker.Option[] options;
    private volatile MethodHandle handle;

    Downcall(MemorySegment symbol, FunctionDescriptor descriptor, Linker.Option... options) {
        this.symbol = symbol;
        this.descriptor = descriptor;
        this.options = options.clone();
    }

    /** The linked handle; linking twice in a race is harmless (the JDK caches stubs per signature). */
    MethodHandle handle() {
        MethodHandle h = handle;
        if (h == null) {
            h = Linker.nativeLinker().downcallHandle(symbol, descriptor, options);
            handle = h;
        }
        return h;
    }
}
