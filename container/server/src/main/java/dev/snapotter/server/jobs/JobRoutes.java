package dev.snapotter.server.jobs;

import dev.snapotter.server.files.JobIds;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/jobs/{id}/progress}: Server-Sent Events, {@code data: {...}\n\n}. Public like in
 * SnapOtter (the random job id is the capability). A client may subscribe before its upload finished
 * (it chose the id as clientJobId). Heartbeat comments keep proxies from closing idle streams.
 */
public final class JobRoutes {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration MAX_WAIT_FOR_UNKNOWN = Duration.ofMinutes(2);

    private final ProgressHub hub;
    private final JobRepository jobs;

    public JobRoutes(ProgressHub hub, JobRepository jobs) {
        this.hub = hub;
        this.jobs = jobs;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/jobs/{id}/progress", this::progress);
        routes.get("/api/v1/jobs/{id}", this::status);
    }

    private void status(Context ctx) {
        String id = JobIds.require(ctx.pathParam("id"));
        JobRepository.Job j = jobs.find(id).orElseThrow(() -> ApiError.notFound("Job not found"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", j.id());
        out.put("type", j.type());
        out.put("status", j.status().wire());
        out.put("progress", j.progress());
        out.put("error", j.error());
        Json.ok(ctx, out);
    }

    private void progress(Context ctx) throws IOException {
        String id = JobIds.require(ctx.pathParam("id"));
        ctx.res().setStatus(200);
        ctx.res().setContentType("text/event-stream");
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setHeader("Cache-Control", "no-cache, no-store");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        BlockingQueue<Map<String, Object>> queue = hub.subscribe(id);
        try {
            write(out, ": connected\n\n");
            long unknownSince = System.nanoTime();
            while (true) {
                Map<String, Object> event = queue.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                if (event == ProgressHub.END) return;
                if (event == null) {
                    if (finishedInDatabase(id, out)) return;
                    if (!jobs.exists(id) && System.nanoTime() - unknownSince > MAX_WAIT_FOR_UNKNOWN.toNanos()) return;
                    write(out, ": heartbeat\n\n");
                    continue;
                }
                write(out, "data: " + Json.write(event) + "\n\n");
                if (hub.isTerminal(event)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away; nothing to do.
        } finally {
            hub.unsubscribe(id, queue);
        }
    }

    /** After a restart the hub is empty: answer from the table so clients do not wait forever. */
    private boolean finishedInDatabase(String id, OutputStream out) throws IOException {
        var job = jobs.find(id);
        if (job.isEmpty() || !job.get().status().terminal()) return false;
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("type", "single");
        ev.put("jobId", id);
        ev.put("phase", job.get().status() == JobStatus.COMPLETED ? "complete" : "failed");
        ev.put("percent", job.get().status() == JobStatus.COMPLETED ? 100 : (int) (job.get().progress() * 100));
        if (job.get().error() != null) ev.put("error", job.get().error());
        write(out, "data: " + Json.write(ev) + "\n\n");
        return true;
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
