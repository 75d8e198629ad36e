package dev.snapotter.desktop.server;

import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import dev.snapotter.desktop.task.TaskHandle;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The onboarding state machine: Check again → {@link OnboardingState}; Load image → LOADING_IMAGE → check;
 * Build image (source checkout only) → BUILDING_IMAGE → check; Use the free port → check. Only settled states
 * accept actions, so a double click cannot run two checks.
 */
public final class OnboardingViewModel {

    private final ServerControl control;
    private final TaskExecutor executor;
    private final Optional<ImageBuilder> builder;
    private final ObjectProperty<OnboardingState> state = new SimpleObjectProperty<>(OnboardingState.CHECKING);
    private final StringProperty details = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final IntegerProperty freePort = new SimpleIntegerProperty();
    private final BooleanBinding ready = Bindings.createBooleanBinding(() -> state.get() == OnboardingState.READY, state);
    private boolean running;
    /** The build's output shown in the details, newest last, at most {@link #OUTPUT_LINES}. */
    private final Deque<String> output = new ArrayDeque<>();
    private ImageBuilder.Run build;
    private TaskHandle buildTask = TaskHandle.DONE;

    static final int OUTPUT_LINES = 400;
    static final String BUILD_FIX = " In this source checkout you can also press \"Build image\" (runs "
            + "container/image/build.sh; needs a JDK and takes several minutes the first time).";

    /** Without the build action (an installed app). */
    public OnboardingViewModel(ServerControl control, TaskExecutor executor) {
        this(control, executor, Optional.empty());
    }

    /** @param builder present when running from a source checkout: offers "Build image" while the image is missing */
    public OnboardingViewModel(ServerControl control, TaskExecutor executor, Optional<ImageBuilder> builder) {
        this.control = control;
        this.executor = executor;
        this.builder = builder;
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

    /** Whether "Build image" is offered at all (a source checkout); the pane shows it only while IMAGE_MISSING. */
    public boolean buildAvailable() {
        return builder.isPresent();
    }

    /**
     * Runs the checkout's build script on the process lane, its output streamed into the details; success checks
     * again (the image is now in Docker), failure quotes the exit code and the last output lines.
     */
    public void buildImage() {
        if (builder.isEmpty() || running || state.get() != OnboardingState.IMAGE_MISSING) return;
        running = true;
        error.set("");
        output.clear();
        details.set("Running " + builder.get().script());
        state.set(OnboardingState.BUILDING_IMAGE);
        ImageBuilder.Run run = builder.get().newRun();
        build = run;
        buildTask = executor.execute(Lane.PROCESS, BackgroundTask.action("Build the image",
                        ctx -> run.execute(ctx, line -> executor.uiThread().run(() -> appendOutput(line))))
                .onSuccess(ignored -> {
                    build = null;
                    running = false;
                    checkAgain();
                })
                .onFailure(e -> {
                    build = null;
                    running = false;
                    error.set(buildFailure(e));
                    state.set(OnboardingState.IMAGE_MISSING);
                })
                .onCancelled(() -> {
                    build = null;
                    running = false;
                    error.set("The image build was cancelled; nothing was loaded into Docker.");
                    state.set(OnboardingState.IMAGE_MISSING);
                }));
    }

    /** Stops a running build: its process tree is destroyed, the state returns to IMAGE_MISSING. */
    public void cancelBuild() {
        ImageBuilder.Run run = build;
        if (run == null) return;
        run.cancel();
        buildTask.cancel();
    }

    public boolean buildRunning() {
        return build != null;
    }

    private void appendOutput(String line) {
        if (output.size() == OUTPUT_LINES) output.removeFirst();
        output.addLast(line);
        details.set(String.join("\n", output));
    }

    private static String buildFailure(Throwable e) {
        if (e instanceof ImageBuilder.BuildFailedException f) {
            String tail = f.lastLines().isEmpty() ? " It printed nothing." : " Last output:\n" + String.join("\n", f.lastLines());
            return "The image build failed (build.sh exit code " + f.exitCode() + ")." + tail;
        }
        return "The image build could not run: " + e.getMessage();
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
        return state.map(s -> s == OnboardingState.IMAGE_MISSING && builder.isPresent() ? s.fix() + BUILD_FIX : s.fix());
    }

    /** Technical details: where Docker was looked for, which image/port. */
    public ReadOnlyStringProperty detailsProperty() {
        return details;
    }

    /** The last failed action (an image that would not load, a build that failed), empty otherwise. */
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
