package dev.snapotter.desktop.backend;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The backend selector: Local engine (default), Local container, Remote server (URL + API key).
 * Whatever is selected, the editor gets one {@link ProcessingBackend}; an unavailable one explains itself.
 */
public final class BackendSelectorViewModel {

    private final Map<BackendKind, ProcessingBackend> backends = new EnumMap<>(BackendKind.class);
    private final ObjectProperty<BackendKind> selected = new SimpleObjectProperty<>(BackendKind.LOCAL_ENGINE);
    private final StringProperty remoteUrl = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final ObjectProperty<ProcessingBackend> active = new SimpleObjectProperty<>();
    private final BooleanBinding available;
    private final StringBinding status;

    public BackendSelectorViewModel(List<ProcessingBackend> all) {
        all.forEach(b -> backends.put(b.kind(), b));
        if (!backends.containsKey(BackendKind.LOCAL_ENGINE)) throw new IllegalArgumentException("the local engine backend is required");
        active.bind(Bindings.createObjectBinding(() -> backendFor(selected.get()), selected));
        available = Bindings.createBooleanBinding(() -> active.get().unavailableReason().isEmpty(), active);
        status = Bindings.createStringBinding(() -> active.get().unavailableReason()
                .orElse(active.get().kind() == BackendKind.LOCAL_ENGINE ? "Processing on this computer — nothing leaves it." : "Ready"), active);
    }

    private ProcessingBackend backendFor(BackendKind kind) {
        ProcessingBackend b = backends.get(kind == null ? BackendKind.LOCAL_ENGINE : kind);
        return b != null ? b : new UnavailableBackend(kind, kind.label() + " is not available yet.");
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

    public StringProperty apiKeyProperty() {
        return apiKey;
    }
}
