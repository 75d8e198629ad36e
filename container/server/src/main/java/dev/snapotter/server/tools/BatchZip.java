package dev.snapotter.server.tools;

import dev.snapotter.engine.batch.FileOutcome;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.Json;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams a finished batch as a ZIP straight from the output files (never buffered in memory),
 * with SnapOtter's headers: {@code X-Job-Id} and {@code X-File-Results} = percent-encoded JSON
 * {index: output name} for the files that succeeded, plus {@code X-File-Errors} {index: reason}.
 * If every file failed the answer is 422 with the per-file errors instead of an empty ZIP.
 */
public final class BatchZip {

    private BatchZip() {
    }

    public static void send(Context ctx, String jobId, ImageJobs.BatchOutcome outcome) throws IOException {
        List<FileOutcome> outcomes = outcome.result().outcomes();
        Map<String, String> results = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            FileOutcome o = outcomes.get(i);
            int index = outcome.inputs().indexOf(o.input());
            String key = String.valueOf(index >= 0 ? index : i);
            if (o.status() == FileOutcome.Status.DONE && o.output() != null) results.put(key, o.output().getFileName().toString());
            else errors.put(key, o.error() == null ? o.status().name().toLowerCase(java.util.Locale.ROOT) : o.error());
        }
        if (results.isEmpty()) {
            throw new ApiError(422, "ALL_FILES_FAILED", "All files failed processing",
                    errors.entrySet().stream().map(e -> Map.of("index", e.getKey(), "error", e.getValue())).toList());
        }
        ctx.res().setStatus(200);
        ctx.res().setContentType("application/zip");
        ctx.res().setHeader("Content-Disposition", "attachment; filename=\"batch-" + jobId.substring(0, 8) + ".zip\"");
        ctx.res().setHeader("X-Job-Id", jobId);
        ctx.res().setHeader("X-File-Results", encode(Json.write(results)));
        if (!errors.isEmpty()) ctx.res().setHeader("X-File-Errors", encode(Json.write(errors)));
        OutputStream raw = ctx.res().getOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8)) {
            // Images are already compressed; the fastest level keeps CPU for image work.
            zip.setLevel(Deflater.BEST_SPEED);
            for (FileOutcome o : outcomes) {
                if (o.status() != FileOutcome.Status.DONE || o.output() == null) continue;
                zip.putNextEntry(new ZipEntry(o.output().getFileName().toString()));
                Files.copy(o.output(), zip);
                zip.closeEntry();
            }
        }
    }

    /** encodeURIComponent, as SnapOtter's web client decodes it (non-ASCII names survive HTTP headers). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
