package dev.snapotter.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-sent-events stream of job progress read on its own thread. Events are joined from their
 * {@code data:} lines and parsed as JSON; comments (heartbeats) are skipped. Close it to stop early.
 */
public final class ProgressStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressStream.class);

    private final InputStream body;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final java.util.concurrent.CompletableFuture<Void> endedFuture = new java.util.concurrent.CompletableFuture<>();

    private ProgressStream(InputStream body) {
        this.body = body;
    }

    static ProgressStream start(InputStream body, Consumer<JsonNode> sink, ObjectMapper json) {
        ProgressStream stream = new ProgressStream(body);
        Thread.ofVirtual().name("snapotter-sse").start(() -> stream.pump(sink, json));
        return stream;
    }

    private void pump(Consumer<JsonNode> sink, ObjectMapper json) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) sink.accept(json.readTree(data.toString()));
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) data.append('\n');
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }
                // ":" comments, "event:", "id:" and "retry:" lines carry nothing we use.
            }
        } catch (IOException e) {
            LOG.debug("Progress stream ended: {}", e.toString());
        } finally {
            ended.countDown();
            endedFuture.complete(null);
        }
    }

    /** Waits until the server ended the stream (the job finished) or the timeout passed. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** Completes when the stream ended, for any reason (the server closed it, it broke, or {@link #close()}). */
    public java.util.concurrent.CompletionStage<Void> whenEnded() {
        return endedFuture.minimalCompletionStage();
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            LOG.debug("Closing the progress stream: {}", e.toString());
        }
    }
}
