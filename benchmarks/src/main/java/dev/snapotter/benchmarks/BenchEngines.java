package dev.snapotter.benchmarks;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.codec.CodecSelection;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;

/** The engine on a named backend for JMH's {@code backend} parameter ("java" or "libvips"). */
final class BenchEngines {

    private BenchEngines() {
    }

    /** @throws IllegalStateException for "libvips" when libvips is not installed (run with {@code -p backend=java}) */
    static ImageEngine forBackend(String backend) {
        EngineLimits limits = EngineLimits.defaults();
        return switch (backend) {
            case "java" -> ImageEngine.create(new ImageIoCodec(), limits);
            case "libvips" -> ImageEngine.create(CodecSelection.select("vips", System.getProperty(CodecSelection.LIBRARY_PROPERTY, "libvips.so.42")), limits);
            default -> throw new IllegalArgumentException("backend must be java or libvips, not " + backend);
        };
    }
}
