package dev.snapotter.server.tools;

import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.files.SafeFileName;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The parts of tool execution that pipeline routes reuse (same answers, same batch ZIP). */
public final class PipelineExecution {

    private PipelineExecution() {
    }

    public static String outputName(String inputName) {
        String ext = SafeFileName.extension(inputName);
        return SafeFileName.baseName(inputName) + "_processed." + (ext.isEmpty() ? "png" : ext);
    }

    public static Map<String, Object> result(String jobId, Uploads.Saved in, Path out) {
        return ToolRoutes.result(jobId, in, out);
    }

    public static void runBatch(Context ctx, ImageJobs jobs, Principal p, String type, ValidatedPipeline pipeline, Object settings,
                                int maxBatchSize) throws IOException {
        ToolRoutes.runBatch(ctx, jobs, p, type, pipeline, settings, maxBatchSize);
    }
}
