package dev.snapotter.engine.batch;

import dev.snapotter.engine.pipeline.ValidatedPipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A batch to run: the same validated pipeline over many inputs, written into one folder.
 *
 * @param inputs       files (folders are expanded by the caller)
 * @param pipeline     validated pipeline
 * @param outputDir    destination folder (created if missing)
 * @param nameTemplate output name template, see {@link NameTemplate}
 * @param conflict     what to do when an output name exists
 * @param parallelism  worker threads (0 = from cores)
 */
public record BatchRequest(List<Path> inputs, ValidatedPipeline pipeline, Path outputDir, String nameTemplate,
                           ConflictPolicy conflict, int parallelism) {

    public static final String DEFAULT_TEMPLATE = "{name}.{ext}";

    public BatchRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(outputDir, "outputDir");
        nameTemplate = nameTemplate == null || nameTemplate.isBlank() ? DEFAULT_TEMPLATE : nameTemplate;
        conflict = conflict == null ? ConflictPolicy.RENAME : conflict;
    }
}
