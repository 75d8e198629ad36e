package dev.snapotter.engine.tools;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.pipeline.DirectPlan;
import dev.snapotter.engine.pipeline.DirectStep;
import dev.snapotter.engine.pipeline.FormatChangingStep;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;

import java.util.List;
import java.util.Optional;

/**
 * SnapOtter's {@code compress}: a fixed quality, or the highest quality whose file fits
 * {@code targetSizeKb} (binary search at encode time). Target size needs a lossy output format;
 * lossless formats (PNG, TIFF, GIF, BMP) are written with their best compression either way.
 */
public final class CompressTool implements ImageTool, FormatChangingStep, DirectStep {

    public static final int MAX_TARGET_KB = 1_000_000;

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("compress", "Compress", "optimization",
            "Make the file smaller by lowering quality or aiming at a file size.", List.of(
            ParamSpec.choice("mode", "Mode", "quality", List.of("quality", "targetSize"),
                    "quality: use the given quality; targetSize: find the best quality that fits targetSizeKb."),
            ParamSpec.integer("quality", "Quality", 80, 1, 100, "JPEG quality in quality mode; the upper bound in targetSize mode."),
            ParamSpec.integer("targetSizeKb", "Target size (KB)", null, 1, MAX_TARGET_KB,
                    "Largest file size in kilobytes (targetSize mode).")), true);

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> crossCheck(Settings s) {
        if (s.getString("mode").equals("targetSize") && !s.has("targetSizeKb")) {
            return List.of(new FieldError("targetSizeKb", "is required when mode is targetSize"));
        }
        return List.of();
    }

    @Override
    public ImageFormat outputFormat(Settings s, ImageFormat current) {
        return s.getString("mode").equals("targetSize") ? ImageFormat.JPEG : current;
    }

    /** Quality mode only; the target-size search encodes many times and stays on the Java path. */
    @Override
    public Optional<DirectPlan> direct(DirectPlan before, Settings s, EngineLimits limits) {
        if (s.getString("mode").equals("targetSize")) return Optional.empty();
        return Optional.of(before.withOutput(before.output().withQuality(s.getInt("quality")).withTargetBytes(0)));
    }

    @Override
    public Picture apply(Picture input, Settings s, ToolContext context) {
        OutputSpec spec = input.output().withQuality(s.getInt("quality"));
        if (s.getString("mode").equals("targetSize")) {
            if (spec.format() != ImageFormat.JPEG) {
                // a lossless format cannot trade quality for size; JPEG is the lossy format this backend writes
                spec = spec.withFormat(ImageFormat.JPEG);
            }
            spec = spec.withTargetBytes(s.getInt("targetSizeKb") * 1024L);
        } else {
            spec = spec.withTargetBytes(0);
        }
        return input.withOutput(spec);
    }
}
