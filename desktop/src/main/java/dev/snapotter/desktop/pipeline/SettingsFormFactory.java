package dev.snapotter.desktop.pipeline;

import atlantafx.base.theme.Styles;
import dev.snapotter.engine.tool.ParamSpec;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;

import java.util.Locale;

/**
 * Generates a step's settings form from the engine's {@link ParamSpec}s — the same descriptions the
 * server validates with and the CLI prints — so the desktop never keeps its own copy of a tool's
 * parameters. Each field gets an inline error label fed by the engine's validation.
 */
final class SettingsFormFactory {

    private SettingsFormFactory() {
    }

    static GridPane form(StepViewModel step, int stepIndex) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-form");
        grid.setHgap(10);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls);
        int row = 0;
        for (FieldViewModel f : step.fields()) {
            String id = stepIndex + "-" + f.name();
            Label label = new Label(f.spec().label());
            Control control = control(f);
            control.setId("field-" + id);
            control.setMaxWidth(Double.MAX_VALUE);
            if (f.spec().help() != null) {
                Tooltip tip = new Tooltip(f.spec().help());
                tip.setWrapText(true);
                tip.setMaxWidth(320);
                control.setTooltip(tip);
                label.setTooltip(tip);
            }
            label.setLabelFor(control);
            Label error = new Label();
            error.setId("error-" + id);
            error.getStyleClass().addAll("field-error", Styles.DANGER);
            error.setWrapText(true);
            error.textProperty().bind(f.errorProperty());
            error.managedProperty().bind(f.errorProperty().isNotEmpty());
            error.visibleProperty().bind(f.errorProperty().isNotEmpty());
            f.errorProperty().addListener((o, a, b) -> control.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty()));
            control.pseudoClassStateChanged(Styles.STATE_DANGER, !f.errorProperty().get().isEmpty());
            grid.add(label, 0, row);
            grid.add(control, 1, row++);
            grid.add(error, 1, row++);
        }
        return grid;
    }

    private static Control control(FieldViewModel f) {
        ParamSpec spec = f.spec();
        return switch (spec.type()) {
            case BOOLEAN -> checkBox(f.valueProperty());
            case ENUM -> comboBox(f.valueProperty(), spec);
            case COLOR -> colorPicker(f.valueProperty());
            default -> textField(f);
        };
    }

    private static TextField textField(FieldViewModel f) {
        TextField tf = new TextField(String.valueOf(f.valueProperty().get()));
        tf.setPromptText(f.rangeHint());
        tf.textProperty().addListener((o, a, b) -> {
            if (!b.equals(f.valueProperty().get())) f.valueProperty().set(b);
        });
        f.valueProperty().addListener((o, a, b) -> {
            String s = b == null ? "" : b.toString();
            if (!s.equals(tf.getText())) tf.setText(s);
        });
        return tf;
    }

    private static CheckBox checkBox(ObjectProperty<Object> value) {
        CheckBox cb = new CheckBox();
        cb.setSelected(Boolean.TRUE.equals(value.get()));
        cb.selectedProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> cb.setSelected(Boolean.TRUE.equals(b)));
        return cb;
    }

    private static ComboBox<String> comboBox(ObjectProperty<Object> value, ParamSpec spec) {
        ComboBox<String> cb = new ComboBox<>();
        cb.getItems().setAll(spec.options());
        cb.setValue(value.get() == null ? null : value.get().toString());
        cb.valueProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> cb.setValue(b == null ? null : b.toString()));
        return cb;
    }

    private static ColorPicker colorPicker(ObjectProperty<Object> value) {
        ColorPicker cp = new ColorPicker(parse(value.get()));
        cp.valueProperty().addListener((o, a, b) -> value.set(hex(b)));
        value.addListener((o, a, b) -> {
            Color c = parse(b);
            if (!c.equals(cp.getValue())) cp.setValue(c);
        });
        return cp;
    }

    static Color parse(Object v) {
        try {
            return v == null || v.toString().isBlank() ? Color.BLACK : Color.web(v.toString());
        } catch (IllegalArgumentException e) {
            return Color.BLACK;
        }
    }

    static String hex(Color c) {
        String rgb = String.format(Locale.ROOT, "#%02x%02x%02x", channel(c.getRed()), channel(c.getGreen()), channel(c.getBlue()));
        return c.getOpacity() < 1 ? rgb + String.format(Locale.ROOT, "%02x", channel(c.getOpacity())) : rgb;
    }

    private static int channel(double v) {
        return (int) Math.round(v * 255);
    }

    static Node placeholder() {
        Label l = new Label("This tool has no settings.");
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
