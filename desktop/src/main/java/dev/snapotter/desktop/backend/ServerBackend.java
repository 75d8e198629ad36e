package dev.snapotter.desktop.backend;

import dev.snapotter.control.api.ApiException;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.ToolDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Batches run on a SnapOtter server (the local container or a remote one) through its REST API (ADR 0044).
 * Tools: the engine's descriptors (the one description) of the ids the server accepts in pipelines — a tool
 * disabled on the server disappears. Validation: the same engine rules locally, the server re-checks. Thumbnails
 * and previews stay local (ADR 0041): they must be instant, and the server would see every image twice.
 * {@link #refresh()} connects (blocking, background lane); until it succeeds the backend explains why not.
 */
public final class ServerBackend implements ProcessingBackend {

    private static final Logger LOG = LoggerFactory.getLogger(ServerBackend.class);

    /** What the backend knows right now; swapped whole so readers on other threads see one consistent state. */
    private record State(Optional<String> reason, SnapOtterApi api, Set<String> toolIds) {
    }

    private final BackendKind kind;
    private final ServerConnector connector;
    private final LocalEngineBackend local;
    private final RemoteBatch.Sleeper sleeper;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile State state;

    public ServerBackend(BackendKind kind, ServerConnector connector, LocalEngineBackend local) {
        this(kind, connector, local, RemoteBatch.Sleeper.REAL);
    }

    ServerBackend(BackendKind kind, ServerConnector connector, LocalEngineBackend local, RemoteBatch.Sleeper sleeper) {
        this.kind = kind;
        this.connector = connector;
        this.local = local;
        this.sleeper = sleeper;
        this.state = new State(Optional.of(kind.label() + ": not connected yet."), null, Set.of());
    }

    /** Called (on any thread) whenever availability changes; the selector re-reads {@link #unavailableReason()}. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Connects and reads the server's tool list. Blocking: call on a background lane. */
    public Optional<String> refresh() {
        try {
            SnapOtterApi api = connector.connect();
            Set<String> ids = Set.copyOf(api.pipelineToolIds());
            set(new State(Optional.empty(), api, ids));
            LOG.info("{} ready: {} ({} pipeline tools)", kind.label(), connector.describe(), ids.size());
        } catch (BackendUnavailableException e) {
            set(new State(Optional.of(e.getMessage()), null, Set.of()));
        } catch (ApiException e) {
            String why = e.status() == 0 ? "Cannot reach " + connector.describe() + ": " + e.getMessage()
                    : RemoteErrors.fatal(e, connector.describe()).map(Throwable::getMessage)
                    .orElse("The server at " + connector.describe() + " answered: " + e.getMessage());
            set(new State(Optional.of(why), null, Set.of()));
        } catch (RuntimeException e) {
            LOG.warn("Connecting to {} failed", connector.describe(), e);
            set(new State(Optional.of("Could not connect to " + connector.describe() + ": " + e.getMessage()), null, Set.of()));
        }
        return state.reason();
    }

    /** Marks the backend unusable (the key was refused mid-run) until the next successful {@link #refresh()}. */
    public void invalidate(String reason) {
        set(new State(Optional.of(reason), null, Set.of()));
    }

    private void set(State next) {
        state = next;
        listeners.forEach(Runnable::run);
    }

    public String describe() {
        return connector.describe();
    }

    /** The connected server's client (with the desktop's key), or empty until {@link #refresh()} succeeded. */
    public Optional<SnapOtterApi> api() {
        State s = state;
        return s.reason().isPresent() ? Optional.empty() : Optional.ofNullable(s.api());
    }

    @Override
    public BackendKind kind() {
        return kind;
    }

    @Override
    public Optional<String> unavailableReason() {
        return state.reason();
    }

    @Override
    public List<ToolDescriptor> pipelineTools() {
        Set<String> ids = state.toolIds();
        return local.pipelineTools().stream().filter(d -> ids.contains(d.id())).toList();
    }

    @Override
    public Set<String> readableExtensions() {
        return local.readableExtensions();
    }

    @Override
    public List<FieldError> validate(Pipeline pipeline) {
        State s = state;
        if (s.reason().isPresent()) return List.of(new FieldError("backend", s.reason().get()));
        List<FieldError> errors = new ArrayList<>(missingTools(pipeline, s.toolIds()));
        if (errors.isEmpty()) errors.addAll(local.validate(pipeline));
        return errors;
    }

    private static List<FieldError> missingTools(Pipeline pipeline, Set<String> ids) {
        List<FieldError> errors = new ArrayList<>();
        List<PipelineStep> steps = pipeline.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (!ids.contains(steps.get(i).toolId())) {
                errors.add(new FieldError("steps[" + i + "].toolId",
                        "the server does not offer " + steps.get(i).toolId() + " (disabled or not installed)"));
            }
        }
        return errors;
    }

    @Override
    public Pixels thumbnail(Path file, int maxSide) {
        return local.thumbnail(file, maxSide);
    }

    @Override
    public PreviewResult preview(Path file, Pipeline pipeline, int maxSide, CancellationToken cancel) {
        return local.preview(file, pipeline, maxSide, cancel);
    }

    @Override
    public BatchResult runBatch(BatchJob job, BatchListener listener, CancellationToken cancel) {
        State s = state;
        if (s.reason().isPresent()) throw new BackendUnavailableException(s.reason().get());
        List<FieldError> missing = missingTools(job.pipeline(), s.toolIds());
        if (!missing.isEmpty()) throw new BackendUnavailableException("Cannot run on " + describe() + ": "
                + missing.getFirst().message());
        try {
            return new RemoteBatch(s.api(), describe(), sleeper).run(job, listener, cancel);
        } catch (BackendUnavailableException e) {
            invalidate(e.getMessage());
            throw e;
        }
    }
}
