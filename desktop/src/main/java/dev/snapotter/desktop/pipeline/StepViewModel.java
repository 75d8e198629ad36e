package dev.snapotter.desktop.pipeline;

import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.ToolDescriptor;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pipeline step: its tool's descriptor and one generated field per {@link ParamSpec}.
 * Settings the form does not know (from an imported file) are kept, so validation can name them.
 */
public final class StepViewModel {

    private final ToolDescriptor tool;
    private final List<FieldViewModel> fields;
    private final Map<String, Object> extraSettings;
    private final StringProperty stepError = new SimpleStringProperty("");

    StepViewModel(ToolDescriptor tool, Map<String, Object> settings) {
        this.tool = tool;
        this.fields = tool.params().stream().map(p -> new FieldViewModel(p, settings.get(p.name()))).toList();
        this.extraSettings = new LinkedHashMap<>(settings);
        tool.params().forEach(p -> extraSettings.remove(p.name()));
    }

    public ToolDescriptor tool() {
        return tool;
    }

    public List<FieldViewModel> fields() {
        return fields;
    }

    public FieldViewModel field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tool " + tool.id() + " has no setting " + name));
    }

    /** Problems that belong to the step as a whole (a cross-field rule, an unknown imported setting). */
    public StringProperty stepErrorProperty() {
        return stepError;
    }

    public boolean hasErrors() {
        return !stepError.get().isEmpty() || fields.stream().anyMatch(f -> !f.errorProperty().get().isEmpty());
    }

    public PipelineStep toStep() {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (FieldViewModel f : fields) {
            Object v = f.settingValue();
            if (v != null) settings.put(f.name(), v);
        }
        settings.putAll(extraSettings);
        return new PipelineStep(tool.id(), settings);
    }

    void clearErrors() {
        stepError.set("");
        fields.forEach(f -> f.errorProperty().set(""));
    }

    @Override
    public String toString() {
        return tool.name();
    }
}
