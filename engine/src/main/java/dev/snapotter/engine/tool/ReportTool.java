package dev.snapotter.engine.tool;

import dev.snapotter.engine.codec.ImageCodec;

import java.nio.file.Path;
import java.util.Map;

/** A tool that describes a file instead of changing it (SnapOtter's {@code info}). */
public non-sealed interface ReportTool extends Tool {

    /** A JSON-shaped map (strings, numbers, booleans, lists, maps). */
    Map<String, Object> report(Path file, ImageCodec codec, Settings settings, ToolContext context);
}
