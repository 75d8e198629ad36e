package dev.snapotter.engine.tool;

import dev.snapotter.engine.EngineLimits;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * What a running tool may ask of its caller: the limits in force and whether the job was
 * cancelled. Long loops call {@link #checkCancelled()} between rows or tiles.
 */
public record ToolContext(EngineLimits limits, BooleanSupplier cancelled) {

    public static ToolContext of(EngineLimits limits) {
        return new ToolContext(limits, () -> false);
    }

    public void checkCancelled() {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }
}
