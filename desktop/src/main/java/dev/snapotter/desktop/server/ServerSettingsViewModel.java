package dev.snapotter.desktop.server;

import dev.snapotter.control.spec.ContainerSpec;
import dev.snapotter.desktop.settings.ServerSettings;
import dev.snapotter.desktop.settings.ServerSettingsStore;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Server window's settings form: port, memory, CPUs, sign-in on/off, data volume. Validated here, saved in
 * {@code server-settings.json}, turned into the one {@link ContainerSpec}. A new container uses them at the next
 * Start; an existing one keeps its settings until it is recreated (offered, never done silently).
 */
public final class ServerSettingsViewModel {

    static final double MIN_MEMORY_GIB = 0.5;
    static final double MAX_MEMORY_GIB = 512;
    static final double MIN_CPUS = 0.5;

    /** The form's values once they passed validation; {@code notes} are remarks that do not block saving. */
    public record Parsed(int port, double memoryGib, double cpus, boolean authEnabled, String volume, List<String> notes) {
    }

    private final ServerControl control;
    private final ServerSettingsStore store;
    private final TaskExecutor executor;
    private final StringProperty port = new SimpleStringProperty();
    private final StringProperty memoryGib = new SimpleStringProperty();
    private final StringProperty cpus = new SimpleStringProperty();
    private final BooleanProperty authEnabled = new SimpleBooleanProperty();
    private final StringProperty volume = new SimpleStringProperty();
    private final IntegerProperty engineCpus = new SimpleIntegerProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty recreateOffered = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ServerSettingsViewModel(ServerControl control, ServerSettingsStore store, TaskExecutor executor) {
        this.control = control;
        this.store = store;
        this.executor = executor;
        show(store.get());
    }

    private void show(ServerSettings s) {
        port.set(Integer.toString(s.port()));
        memoryGib.set(number(s.memoryGib()));
        cpus.set(number(s.cpus()));
        authEnabled.set(s.authEnabled());
        volume.set(s.dataVolume());
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "");
    }

    /** Shows the saved values again and asks the engine for its CPU count (for the clamp). */
    public void reload() {
        show(store.get());
        error.set("");
        message.set("");
        recreateOffered.set(false);
        executor.execute(Lane.SERVER, BackgroundTask.of("Read the engine's CPU count", ctx -> control.engineCpus())
                .onSuccess(engineCpus::set)
                .onFailure(e -> engineCpus.set(0)));
    }

    /** Checks the form; throws {@link IllegalArgumentException} listing every problem. */
    public Parsed validate() {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int p = 0;
        try {
            p = Integer.parseInt(port.get().strip());
            if (p < 1024 || p > 65535) problems.add("Port must be between 1024 and 65535.");
        } catch (NumberFormatException e) {
            problems.add("Port must be a whole number, e.g. " + ServerSettings.DEFAULT_PORT + ".");
        }
        double mem = decimal(memoryGib.get(), "Memory", problems);
        if (!Double.isNaN(mem) && (mem < MIN_MEMORY_GIB || mem > MAX_MEMORY_GIB)) {
            problems.add("Memory must be between " + number(MIN_MEMORY_GIB) + " and " + number(MAX_MEMORY_GIB) + " GiB.");
        }
        double c = decimal(cpus.get(), "CPUs", problems);
        if (!Double.isNaN(c) && c < MIN_CPUS) problems.add("CPUs must be at least " + number(MIN_CPUS) + ".");
        int engine = engineCpus.get();
        if (!Double.isNaN(c) && engine > 0 && c > engine) {
            notes.add("CPUs clamped to " + engine + " (the Docker engine has " + engine + ").");
            c = engine;
        }
        String v = volume.get() == null ? "" : volume.get().strip();
        if (!v.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{1,127}")) {
            problems.add("Volume name: 2-128 letters, digits, '_', '.' or '-', starting with a letter or digit.");
        } else if (!v.equals(store.get().dataVolume())) {
            notes.add("A new volume starts empty; " + store.get().dataVolume() + " and its data are kept.");
        }
        if (!authEnabled.get()) notes.add("Sign-in off: every program on this computer can use the server.");
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join(" ", problems));
        return new Parsed(p, mem, c, authEnabled.get(), v, notes);
    }

    private static double decimal(String text, String field, List<String> problems) {
        try {
            double d = Double.parseDouble(text == null ? "" : text.strip().replace(',', '.'));
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(field + " must be a number.");
        return Double.NaN;
    }

    /** Saves the form and feeds the spec; says when the settings take effect, offers Recreate if needed. */
    public void apply() {
        if (busy.get()) return;
        Parsed parsed;
        try {
            parsed = validate();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        busy.set(true);
        executor.execute(Lane.SERVER, BackgroundTask.of("Save the server settings", ctx -> save(parsed))
                .onSuccess(text -> {
                    message.set(text);
                    cpus.set(number(parsed.cpus()));
                })
                .onFailure(e -> error.set("Could not save the settings: " + e.getMessage()))
                .onFinally(() -> busy.set(false)));
    }

    private String save(Parsed p) {
        ServerSettings saved = store.update(s -> s.withContainer(p.port(), p.memoryGib(), p.cpus(), p.authEnabled(), p.volume()));
        control.useSpec(ServerSpecs.from(saved, control.spec().image()));
        List<String> lines = new ArrayList<>(p.notes());
        boolean exists = control.containerExists();
        if (!exists && !control.portFree(p.port())) {
            lines.add("Port " + p.port() + " is in use now; Start will offer port " + control.freePortFrom(p.port()) + ".");
        }
        lines.add(exists ? "Saved. The current container keeps its old settings until it is recreated (your data stays)."
                : "Saved. The settings apply at the next Start.");
        executor.uiThread().run(() -> recreateOffered.set(exists));
        return String.join("\n", lines);
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty memoryGibProperty() {
        return memoryGib;
    }

    public StringProperty cpusProperty() {
        return cpus;
    }

    public BooleanProperty authEnabledProperty() {
        return authEnabled;
    }

    public StringProperty volumeProperty() {
        return volume;
    }

    public ReadOnlyIntegerProperty engineCpusProperty() {
        return engineCpus;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty recreateOfferedProperty() {
        return recreateOffered;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
