package dev.snapotter.desktop.pipeline;

import dev.snapotter.desktop.backend.ProcessingBackend;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.ToolDescriptor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline editor's state: ordered steps with generated fields, validated by the engine after
 * every edit. Errors come back as paths ({@code steps[1].settings.width}) and are routed to the field,
 * the step, or the pipeline. Call on the UI thread; validation is cheap (no pixels).
 */
public final class PipelineViewModel {

    private static final Pattern STEP_PATH = Pattern.compile("^steps\\[(\\d+)]\\.(?:settings\\.)?(.*)$");

    private final ProcessingBackend validator;
    private final List<ToolDescriptor> tools;
    private final ObservableList<StepViewModel> steps = FXCollections.observableArrayList();
    private final ObjectProperty<StepViewModel> selected = new SimpleObjectProperty<>();
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final StringProperty pipelineError = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Pipeline> pipeline = new ReadOnlyObjectWrapper<>(Pipeline.of());

    public PipelineViewModel(ProcessingBackend validator) {
        this.validator = validator;
        this.tools = validator.pipelineTools();
        revalidate();
    }

    public List<ToolDescriptor> tools() {
        return tools;
    }

    public ObservableList<StepViewModel> steps() {
        return steps;
    }

    public ObjectProperty<StepViewModel> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    public boolean isValid() {
        return valid.get();
    }

    /** A problem with the pipeline as a whole (no steps, too many steps). */
    public ReadOnlyStringProperty pipelineErrorProperty() {
        return pipelineError;
    }

    /** The current pipeline; replaced after every edit, so listeners (preview, autosave) see each change. */
    public ReadOnlyObjectProperty<Pipeline> pipelineProperty() {
        return pipeline.getReadOnlyProperty();
    }

    public Pipeline pipeline() {
        return pipeline.get();
    }

    public StepViewModel addTool(String toolId) {
        ToolDescriptor d = descriptor(toolId).orElseThrow(() -> new IllegalArgumentException("unknown tool " + toolId));
        StepViewModel step = newStep(d, Map.of());
        steps.add(step);
        selected.set(step);
        revalidate();
        return step;
    }

    public void remove(StepViewModel step) {
        int i = steps.indexOf(step);
        if (i < 0) return;
        steps.remove(i);
        selected.set(steps.isEmpty() ? null : steps.get(Math.min(i, steps.size() - 1)));
        revalidate();
    }

    public void move(StepViewModel step, int delta) {
        int from = steps.indexOf(step);
        if (from < 0) return;
        int to = Math.clamp(from + (long) delta, 0, steps.size() - 1);
        if (to == from) return;
        steps.remove(from);
        steps.add(to, step);
        selected.set(step);
        revalidate();
    }

    public void clear() {
        steps.clear();
        selected.set(null);
        revalidate();
    }

    /**
     * Replaces the steps with a loaded pipeline (preset, last session).
     *
     * @throws IllegalArgumentException naming the first tool this app does not have; nothing changes then
     */
    public void load(Pipeline p) {
        List<StepViewModel> loaded = new ArrayList<>();
        for (PipelineStep s : p.steps()) {
            ToolDescriptor d = descriptor(s.toolId()).orElseThrow(() ->
                    new IllegalArgumentException("The pipeline uses the tool '" + s.toolId() + "', which this version does not have."));
            loaded.add(newStep(d, s.settings()));
        }
        steps.setAll(loaded);
        selected.set(steps.isEmpty() ? null : steps.getFirst());
        revalidate();
    }

    private StepViewModel newStep(ToolDescriptor d, Map<String, Object> settings) {
        StepViewModel step = new StepViewModel(d, settings);
        step.fields().forEach(f -> f.valueProperty().addListener((obs, o, n) -> revalidate()));
        return step;
    }

    public Optional<ToolDescriptor> descriptor(String toolId) {
        return tools.stream().filter(t -> t.id().equals(toolId)).findFirst();
    }

    /** Builds the pipeline from the fields, asks the engine, and routes each error to where it belongs. */
    public void revalidate() {
        Pipeline p = new Pipeline(steps.stream().map(StepViewModel::toStep).toList());
        steps.forEach(StepViewModel::clearErrors);
        List<String> general = new ArrayList<>();
        for (FieldError e : validator.validate(p)) route(e, general);
        pipelineError.set(steps.isEmpty() ? "Add a tool to build a pipeline." : String.join("\n", general));
        valid.set(!steps.isEmpty() && general.isEmpty() && steps.stream().noneMatch(StepViewModel::hasErrors));
        pipeline.set(p);
    }

    private void route(FieldError e, List<String> general) {
        Matcher m = STEP_PATH.matcher(e.path());
        if (!m.matches() || Integer.parseInt(m.group(1)) >= steps.size()) {
            if (!"steps".equals(e.path()) || !steps.isEmpty()) general.add(e.message());
            return;
        }
        StepViewModel step = steps.get(Integer.parseInt(m.group(1)));
        String field = m.group(2);
        Optional<FieldViewModel> target = step.fields().stream().filter(f -> f.name().equals(field)).findFirst();
        if (target.isPresent() && target.get().errorProperty().get().isEmpty()) {
            target.get().errorProperty().set(e.message());
        } else {
            String prefix = target.isPresent() || field.isEmpty() || "toolId".equals(field) ? "" : field + ": ";
            String prev = step.stepErrorProperty().get();
            step.stepErrorProperty().set(prev.isEmpty() ? prefix + e.message() : prev + "\n" + prefix + e.message());
        }
    }
}
