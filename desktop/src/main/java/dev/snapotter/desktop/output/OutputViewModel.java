package dev.snapotter.desktop.output;

import dev.snapotter.engine.batch.ConflictPolicy;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/**
 * Output settings with a live example of the resulting file name and a validity flag for Run.
 * The example uses the first queued file (or a sample name) and the engine's own name template.
 */
public final class OutputViewModel {

    private final NamePreview names;
    private final ObjectProperty<OutputMode> mode = new SimpleObjectProperty<>(OutputMode.BESIDE_ORIGINALS);
    private final StringProperty subfolderName = new SimpleStringProperty(OutputSettings.DEFAULT_SUBFOLDER);
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty nameTemplate = new SimpleStringProperty(OutputSettings.DEFAULT.nameTemplate());
    private final ObjectProperty<ConflictPolicy> conflict = new SimpleObjectProperty<>(ConflictPolicy.RENAME);
    private final BooleanProperty keepMetadata = new SimpleBooleanProperty(true);
    private final ObjectProperty<Path> sampleInput = new SimpleObjectProperty<>(Path.of("IMG_2041.jpg"));
    private final StringProperty toolChain = new SimpleStringProperty("resize");
    private final ReadOnlyObjectWrapper<OutputSettings> settings = new ReadOnlyObjectWrapper<>(OutputSettings.DEFAULT);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper example = new ReadOnlyStringWrapper("");

    public OutputViewModel(NamePreview names) {
        this.names = names;
        Observable[] deps = {mode, subfolderName, folder, nameTemplate, conflict, keepMetadata, sampleInput, toolChain};
        for (Observable o : deps) o.addListener(x -> recompute());
        recompute();
    }

    private void recompute() {
        OutputSettings s = new OutputSettings(mode.get(), subfolderName.get(), folder.get(), nameTemplate.get(),
                conflict.get(), keepMetadata.get());
        String p = OutputPlanner.problem(s);
        try {
            String name = names.render(s.nameTemplate(), sampleInput.get(), toolChain.get(), null, 1);
            Path dir = s.mode() == OutputMode.FOLDER ? Path.of(s.folder().isBlank() ? "…" : s.folder())
                    : Path.of(s.subfolderName());
            example.set(dir.resolve(name).toString());
        } catch (IllegalArgumentException e) {
            example.set("");
            if (p == null) p = e.getMessage();
        }
        problem.set(p == null ? "" : p);
        settings.set(s);
    }

    public void load(OutputSettings s) {
        mode.set(s.mode());
        subfolderName.set(s.subfolderName());
        folder.set(s.folder());
        nameTemplate.set(s.nameTemplate());
        conflict.set(s.conflict());
        keepMetadata.set(s.keepMetadata());
    }

    public ReadOnlyObjectProperty<OutputSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public OutputSettings settings() {
        return settings.get();
    }

    /** Why Run cannot use these settings; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** e.g. {@code snapotter/IMG_2041.jpg}. */
    public ReadOnlyStringProperty exampleProperty() {
        return example.getReadOnlyProperty();
    }

    public StringBinding exampleTextProperty() {
        return Bindings.createStringBinding(() -> example.get().isEmpty() ? "" : "e.g. " + example.get(), example);
    }

    public ObjectProperty<OutputMode> modeProperty() {
        return mode;
    }

    public StringProperty subfolderNameProperty() {
        return subfolderName;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty nameTemplateProperty() {
        return nameTemplate;
    }

    public ObjectProperty<ConflictPolicy> conflictProperty() {
        return conflict;
    }

    public BooleanProperty keepMetadataProperty() {
        return keepMetadata;
    }

    /** The file the example is based on (the selected or first queued file). */
    public ObjectProperty<Path> sampleInputProperty() {
        return sampleInput;
    }

    /** The pipeline's tool ids for the {tool} token, e.g. "resize-compress". */
    public StringProperty toolChainProperty() {
        return toolChain;
    }
}
