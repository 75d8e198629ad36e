package dev.snapotter.desktop.backend;

import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backend selector: Local engine (default), Local container, Remote server (URL + API key).
 * Whatever is selected, the editor gets one {@link ProcessingBackend}; an unavailable one explains itself.
 * Selecting a server backend connects to it in the background; its availability updates the bindings.
 */
public final class BackendSelectorViewModel {

    private final Map<BackendKind, ProcessingBackend> backends = new EnumMap<>(BackendKind.class);
    private final ObjectProperty<BackendKind> selected = new SimpleObjectProperty<>(BackendKind.LOCAL_ENGINE);
    private final StringProperty remoteUrl = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final BooleanProperty plainHttpAccepted = new SimpleBooleanProperty();
    private final BooleanProperty connecting = new SimpleBooleanProperty();
    private final ObjectProperty<ProcessingBackend> active = new SimpleObjectProperty<>();
    /** Bumped when a backend's availability changes, so the bindings below are recomputed. */
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final BooleanBinding available;
    private final StringBinding status;
    private final TaskExecutor executor;
    private final Optional<ApiKeyStore> remoteKeys;

    /** Without an executor: server backends are not connected automatically (tests of other ViewModels). */
    public BackendSelectorViewModel(List<ProcessingBackend> all) {
        this(all, null, Optional.empty());
    }

    public BackendSelectorViewModel(List<ProcessingBackend> all, TaskExecutor executor, Optional<ApiKeyStore> remoteKeys) {
        this.executor = executor;
        this.remoteKeys = remoteKeys;
        all.forEach(b -> backends.put(b.kind(), b));
        if (!backends.containsKey(BackendKind.LOCAL_ENGINE)) throw new IllegalArgumentException("the local engine backend is required");
        active.bind(Bindings.createObjectBinding(() -> backendFor(selected.get()), selected));
        available = Bindings.createBooleanBinding(() -> active.get().unavailableReason().isEmpty(), active, revision);
        status = Bindings.createStringBinding(this::statusText, active, revision, remoteUrl, plainHttpAccepted);
        if (executor != null) {
            for (ProcessingBackend b : all) {
                if (b instanceof ServerBackend sb) sb.onChange(() -> executor.uiThread().run(() -> revision.set(revision.get() + 1)));
            }
            selected.addListener((o, old, now) -> refresh());
        }
    }

    private String statusText() {
        ProcessingBackend b = active.get();
        Optional<String> reason = b.unavailableReason();
        if (reason.isPresent()) return reason.get();
        if (b.kind() == BackendKind.LOCAL_ENGINE) return "Processing on this computer — nothing leaves it.";
        if (!(b instanceof ServerBackend sb)) return "Ready";
        String warning = b.kind() == BackendKind.REMOTE_SERVER ? plainHttpWarning().map(w -> " — " + w).orElse("") : "";
        return "Ready: " + sb.describe() + warning;
    }

    private Optional<String> plainHttpWarning() {
        try {
            return RemoteAddress.warning(java.net.URI.create(remoteUrl.get() == null ? "" : remoteUrl.get().strip()));
        } catch (RuntimeException notAnAddress) {
            return Optional.empty();
        }
    }

    private ProcessingBackend backendFor(BackendKind kind) {
        ProcessingBackend b = backends.get(kind == null ? BackendKind.LOCAL_ENGINE : kind);
        return b != null ? b : new UnavailableBackend(kind, kind.label() + " is not available yet.");
    }

    /** Connects the selected server backend again (after Start in the Server window, or "Check again"). */
    public void refresh() {
        if (executor == null || !(active.get() instanceof ServerBackend sb)) return;
        connecting.set(true);
        executor.execute(Lane.SERVER, BackgroundTask.of("Connect to " + sb.kind().label(), ctx -> sb.refresh())
                .onFinally(() -> connecting.set(false)));
    }

    /** Remote server: stores the typed key (user-only file, never settings.json) and connects. */
    public void connectRemote() {
        if (executor == null) return;
        String key = apiKey.get() == null ? "" : apiKey.get().strip();
        connecting.set(true);
        executor.execute(Lane.SERVER, BackgroundTask.action("Store the remote API key", ctx -> {
                    if (!key.isEmpty() && remoteKeys.isPresent()) remoteKeys.get().save(key);
                })
                .onSuccess(v -> {
                    apiKey.set("");
                    refresh();
                })
                .onFailure(e -> connecting.set(false)));
    }

    /** The server backend of {@code kind}, when there is one (the Server window refreshes the local one). */
    public Optional<ServerBackend> server(BackendKind kind) {
        return backends.get(kind) instanceof ServerBackend sb ? Optional.of(sb) : Optional.empty();
    }

    public List<BackendKind> choices() {
        return List.of(BackendKind.values());
    }

    public ObjectProperty<BackendKind> selectedProperty() {
        return selected;
    }

    public ObjectProperty<ProcessingBackend> activeProperty() {
        return active;
    }

    public ProcessingBackend active() {
        return active.get();
    }

    /** The in-process engine; previews and thumbnails always use it (ADR 0041). */
    public ProcessingBackend local() {
        return backends.get(BackendKind.LOCAL_ENGINE);
    }

    public BooleanBinding availableProperty() {
        return available;
    }

    public StringBinding statusProperty() {
        return status;
    }

    public StringProperty remoteUrlProperty() {
        return remoteUrl;
    }

    /** The key being typed; cleared once stored in the key file. */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    /** The user accepted plain http to a non-loopback address (the warning stays visible). */
    public BooleanProperty plainHttpAcceptedProperty() {
        return plainHttpAccepted;
    }

    public BooleanProperty connectingProperty() {
        return connecting;
    }
}
