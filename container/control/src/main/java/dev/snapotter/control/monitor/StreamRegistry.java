package dev.snapotter.control.monitor;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open stream (log follow, events, stats poller) is registered here until closed, so the owner can close
 * all of them at once (window hidden, app exit) and tests can assert that none leaked.
 */
public final class StreamRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRegistry.class);

    private final Set<Registration> open = ConcurrentHashMap.newKeySet();

    /** A registered stream; closing it closes the stream once and unregisters it. */
    public final class Registration implements AutoCloseable {
        private final String description;
        private final Closeable stream;

        private Registration(String description, Closeable stream) {
            this.description = description;
            this.stream = stream;
        }

        @Override
        public void close() {
            if (!open.remove(this)) return;
            try {
                stream.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing {} failed: {}", description, e.toString());
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }

    public Registration register(String description, Closeable stream) {
        Registration registration = new Registration(description, stream);
        open.add(registration);
        return registration;
    }

    public int openCount() {
        return open.size();
    }

    public List<String> openStreams() {
        return open.stream().map(Registration::toString).toList();
    }

    @Override
    public void close() {
        List.copyOf(open).forEach(Registration::close);
    }
}
