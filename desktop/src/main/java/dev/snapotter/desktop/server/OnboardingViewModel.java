package dev.snapotter.desktop.server;

import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The onboarding state machine: Check again → {@link OnboardingState}; Load image → LOADING_IMAGE → check;
 * Use the free port → check. Only settled states accept actions, so a double click cannot run two checks.
 */
public final class OnboardingViewModel {

    private final ServerControl control;
    private final TaskExecutor executor;
    private final ObjectProperty<OnboardingState> state = new SimpleObjectProperty<>(OnboardingState.CHECKING);
    private final StringProperty details = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final IntegerProperty freePort = new SimpleIntegerProperty();
    private final BooleanBinding ready = Bindings.createBooleanBinding(() -> state.get() == OnboardingState.READY, state);
    private boolean running;

    public OnboardingViewModel(ServerControl control, TaskExecutor executor) {
        this.control = control;
        this.executor = executor;
    }

    /** Runs every check again from the top. */
    public void checkAgain() {
        if (running) return;
        running = true;
        state.set(OnboardingState.CHECKING);
        error.set("");
        executor.execute(Lane.SERVER, BackgroundTask.of("Check the server prerequisites", ctx -> OnboardingCheck.run(control))
                .onSuccess(this::show)
                .onFailure(e -> show(new OnboardingCheck.Outcome(OnboardingState.DOCKER_ERROR, String.valueOf(e.getMessage()), 0)))
                .onFinally(() -> running = false));
    }

    private void show(OnboardingCheck.Outcome outcome) {
        details.set(outcome.details());
        freePort.set(outcome.freePort());
        state.set(outcome.state());
    }

    public boolean bundledImageAvailable() {
        return control.bundledImage().isPresent();
    }

    public Optional<Path> bundledImage() {
        return control.bundledImage();
    }

    /** Loads the archive shipped with the app. */
    public void loadBundledImage() {
        control.bundledImage().ifPresentOrElse(this::loadImage,
                () -> error.set("No bundled image archive was found; use \"Pick image file…\"."));
    }

    /** Loads an archive the user picked; a damaged one leaves Docker unchanged and says why. */
    public void loadImage(Path archive) {
        if (running || state.get() != OnboardingState.IMAGE_MISSING) return;
        running = true;
        error.set("");
        state.set(OnboardingState.LOADING_IMAGE);
        details.set("Loading " + archive);
        executor.execute(Lane.SERVER, BackgroundTask.of("Load the image", ctx -> control.loadImage(archive))
                .onSuccess(message -> {
                    running = false;
                    checkAgain();
                })
                .onFailure(e -> {
                    running = false;
                    error.set("Could not load " + archive.getFileName() + ": " + e.getMessage());
                    state.set(OnboardingState.IMAGE_MISSING);
                }));
    }

    /** Accepts the free port offered instead of the busy one. */
    public void useFreePort() {
        if (running || state.get() != OnboardingState.PORT_BUSY) return;
        control.usePort(freePort.get());
        checkAgain();
    }

    public ReadOnlyObjectProperty<OnboardingState> stateProperty() {
        return state;
    }

    public ObservableValue<String> titleProperty() {
        return state.map(OnboardingState::title);
    }

    public ObservableValue<String> explanationProperty() {
        return state.map(OnboardingState::explanation);
    }

    public ObservableValue<String> fixProperty() {
        return state.map(OnboardingState::fix);
    }

    /** Technical details: where Docker was looked for, which image/port. */
    public ReadOnlyStringProperty detailsProperty() {
        return details;
    }

    /** The last failed action (an image that would not load), empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyIntegerProperty freePortProperty() {
        return freePort;
    }

    public BooleanBinding readyProperty() {
        return ready;
    }
}
