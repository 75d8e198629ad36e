package dev.snapotter.desktop.backend;

import dev.snapotter.engine.batch.ConflictPolicy;
import dev.snapotter.engine.pipeline.Pipeline;

import java.nio.file.Path;
import java.util.List;

/** One batch as the editor hands it to a backend: the same pipeline over inputs that share an output folder. */
public record BatchJob(List<Path> inputs, Pipeline pipeline, Path outputDir, String nameTemplate, ConflictPolicy conflict) {

    public BatchJob {
        inputs = List.copyOf(inputs);
    }
}
