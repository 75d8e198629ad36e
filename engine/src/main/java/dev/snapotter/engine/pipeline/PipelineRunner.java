package dev.snapotter.engine.pipeline;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.codec.DirectCodec;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.ImageHeader;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.JpegLosslessCopy;
import dev.snapotter.engine.codec.imageio.JpegSegments;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.engine.tool.ToolContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs validated pipelines: on a decoded picture ({@link #apply}) or file to file
 * ({@link #processFile}: decode → steps → encode into a temp file next to the target → rename).
 * A pipeline made only of {@link LosslessJpegStep}s on a JPEG skips decoding entirely.
 */
public final class PipelineRunner {

    private final ImageCodec codec;
    private final EngineLimits limits;

    public PipelineRunner(ImageCodec codec, EngineLimits limits) {
        this.codec = codec;
        this.limits = limits;
    }

    public ImageCodec codec() {
        return codec;
    }

    public EngineLimits limits() {
        return limits;
    }

    /** Applies every step in order. Field errors found at run time are reported with their step's path. */
    public Picture apply(Picture input, ValidatedPipeline pipeline, ToolContext context) {
        Picture current = input;
        List<ValidatedPipeline.Step> steps = pipeline.steps();
        for (int i = 0; i < steps.size(); i++) {
            context.checkCancelled();
            ValidatedPipeline.Step step = steps.get(i);
            try {
                current = step.tool().apply(current, step.settings(), context);
            } catch (InvalidSettingsException e) {
                String prefix = "steps[" + i + "].settings.";
                throw new InvalidSettingsException(e.errors().stream().map(fe -> fe.prefixed(prefix)).toList());
            } catch (OutOfMemoryError e) {
                throw new ImageException(ImageException.Kind.MEMORY_BUDGET, "step " + (i + 1) + " (" + step.toolId()
                        + ") ran out of memory on a " + current.width() + "×" + current.height() + " image");
            }
        }
        return current;
    }

    /**
     * Processes one file. The extension of {@code output} is replaced when it does not match the
     * output format ({@code out/photo.jpg} becomes {@code out/photo.png} after a convert to PNG).
     *
     * @return the path written
     * @throws ImageException      for unreadable input or write failures; no partial file remains
     * @throws CancellationException when {@code cancel} was set; no partial file remains
     */
    public Path processFile(Path input, ValidatedPipeline pipeline, Path output, CancellationToken cancel) {
        return processFile(input, pipeline, format -> OutputPaths.withExtension(output, format), cancel);
    }

    /**
     * Like {@link #processFile(Path, ValidatedPipeline, Path, CancellationToken)}, but the target is
     * chosen once the output format is known (the batch runner reserves names this way).
     */
    public Path processFile(Path input, ValidatedPipeline pipeline, Function<ImageFormat, Path> targetFor, CancellationToken cancel) {
        CancellationToken token = cancel == null ? new CancellationToken() : cancel;
        ToolContext context = new ToolContext(limits, token::isCancelled);
        context.checkCancelled();
        if (!Files.isRegularFile(input)) {
            throw new ImageException(ImageException.Kind.IO, "input " + input.getFileName() + " is not a readable file");
        }
        Optional<UnaryOperator<List<JpegSegments.Segment>>> lossless = losslessJpegEdit(pipeline);
        if (lossless.isPresent() && codec.probe(input).format() == ImageFormat.JPEG) {
            Path target = targetFor.apply(ImageFormat.JPEG);
            OutputPaths.refuseInput(input, target);
            AtomicOutput.write(target, out -> {
                JpegLosslessCopy.copy(input, out, lossless.get());
                context.checkCancelled();
            });
            return target;
        }
        Optional<DirectPlan> direct = directPlan(input, pipeline);
        if (direct.isPresent()) {
            DirectPlan plan = direct.get();
            Path target = targetFor.apply(plan.output().format());
            OutputPaths.refuseInput(input, target);
            int w = plan.resized() ? plan.width() : 0, h = plan.resized() ? plan.height() : 0;
            AtomicOutput.write(target, out -> {
                ((DirectCodec) codec).transcode(input, w, h, plan.output(), limits, out);
                context.checkCancelled();
            });
            return target;
        }
        Picture picture = apply(codec.decode(input, limits), pipeline, context);
        context.checkCancelled();
        Path target = targetFor.apply(picture.output().format());
        OutputPaths.refuseInput(input, target);
        AtomicOutput.write(target, out -> {
            codec.encode(picture, out);
            context.checkCancelled();
        });
        return target;
    }

    /**
     * The native fast path: when the codec can transcode and every step is a {@link DirectStep} that accepts
     * its settings, the whole pipeline is one decode → resize → encode in the codec, without Java pixels.
     * Disabled with {@code -Dsnapotter.engine.direct=false} (benchmarks compare both paths).
     */
    Optional<DirectPlan> directPlan(Path input, ValidatedPipeline pipeline) {
        if (!(codec instanceof DirectCodec direct) || !Boolean.parseBoolean(System.getProperty("snapotter.engine.direct", "true"))) {
            return Optional.empty();
        }
        ImageHeader h = codec.probe(input);
        if (h.frames() > 1 && h.format() != ImageFormat.TIFF) return Optional.empty(); // animations: first frame, as decode does
        DirectPlan start = new DirectPlan(h.orientedWidth(), h.orientedHeight(), false, direct.initialOutput(h.format()));
        return DirectPlan.of(pipeline, start, limits).filter(p -> direct.canTranscode(h.format(), p.output()));
    }

    /** The combined segment edit when every step can work losslessly on a JPEG (the caller checks the format). */
    static Optional<UnaryOperator<List<JpegSegments.Segment>>> losslessJpegEdit(ValidatedPipeline pipeline) {
        if (pipeline.steps().isEmpty()) return Optional.empty();
        UnaryOperator<List<JpegSegments.Segment>> combined = UnaryOperator.identity();
        for (ValidatedPipeline.Step step : pipeline.steps()) {
            if (!(step.tool() instanceof LosslessJpegStep l)) return Optional.empty();
            Optional<UnaryOperator<List<JpegSegments.Segment>>> edit = l.losslessJpegEdit(step.settings());
            if (edit.isEmpty()) return Optional.empty();
            UnaryOperator<List<JpegSegments.Segment>> before = combined;
            combined = segments -> edit.get().apply(before.apply(segments));
        }
        return Optional.of(combined);
    }

    /** Output naming rules shared with the batch runner. */
    public static final class OutputPaths {

        private OutputPaths() {
        }

        /** {@code photo.jpeg} stays for JPEG; {@code photo.jpg} becomes {@code photo.png} for PNG; no extension gets one. */
        public static Path withExtension(Path output, ImageFormat format) {
            String name = output.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String base = dot > 0 ? name.substring(0, dot) : name;
            String ext = dot > 0 ? name.substring(dot + 1) : "";
            if (format.extensions().contains(ext.toLowerCase(java.util.Locale.ROOT))) return output;
            return output.resolveSibling(base + "." + format.extension());
        }

        /** Never write onto the input file, whatever the caller asked. */
        public static void refuseInput(Path input, Path target) {
            if (sameFile(input, target)) {
                throw new ImageException(ImageException.Kind.IO, "refusing to overwrite the input file " + input.getFileName()
                        + "; choose another output name or folder");
            }
        }

        public static boolean sameFile(Path a, Path b) {
            try {
                if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
            } catch (IOException e) {
                // fall through to the path comparison
            }
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

}
