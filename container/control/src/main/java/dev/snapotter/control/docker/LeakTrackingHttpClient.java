package dev.snapotter.control.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts HTTP responses that were opened and not closed (after docker-java's own leak detector, PR #1421).
 * An unclosed follow stream pins a pooled connection until the pool runs dry (pitfall 3), so tests assert
 * {@link #openResponses()} is empty after each scenario, and the desktop can show it in diagnostics.
 */
public final class LeakTrackingHttpClient implements DockerHttpClient {

    private final DockerHttpClient delegate;
    private final Set<Tracked> open = ConcurrentHashMap.newKeySet();

    public LeakTrackingHttpClient(DockerHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request) {
        Tracked response = new Tracked(request.method() + " " + request.path(), delegate.execute(request));
        open.add(response);
        return response;
    }

    /** Descriptions ("GET /containers/…/logs") of responses not yet closed. */
    public List<String> openResponses() {
        return open.stream().map(t -> t.description).toList();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    private final class Tracked implements Response {
        private final String description;
        private final Response response;
        private final AtomicBoolean closed = new AtomicBoolean();

        Tracked(String description, Response response) {
            this.description = description;
            this.response = response;
        }

        @Override
        public int getStatusCode() {
            return response.getStatusCode();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return response.getBody();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) open.remove(this);
            response.close();
        }
    }
}
