package dev.snapotter.desktop.pipeline;

import atlantafx.base.theme.Styles;
import dev.snapotter.desktop.shell.Icons;
import dev.snapotter.engine.tool.ToolDescriptor;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pipeline editor: "Add tool" menu, then one card per step with its generated settings form. */
public final class PipelineView extends VBox {

    private final PipelineViewModel vm;
    private final VBox cards = new VBox(10);
    private final MenuButton addTool = new MenuButton("Add tool", Icons.of(Material2AL.ADD));
    private final ScrollPane scroll;

    public PipelineView(PipelineViewModel vm) {
        this.vm = vm;
        setId("pipeline-view");
        getStyleClass().add("pipeline-view");
        addTool.setId("add-tool");
        addTool.getStyleClass().add(Styles.ACCENT);
        buildAddMenu();
        Label pipelineError = new Label();
        pipelineError.setId("pipeline-error");
        pipelineError.getStyleClass().add(Styles.TEXT_MUTED);
        pipelineError.setWrapText(true);
        pipelineError.textProperty().bind(vm.pipelineErrorProperty());
        pipelineError.managedProperty().bind(vm.pipelineErrorProperty().isNotEmpty());
        pipelineError.visibleProperty().bind(vm.pipelineErrorProperty().isNotEmpty());
        HBox top = new HBox(8, addTool);
        top.setAlignment(Pos.CENTER_LEFT);
        cards.setPadding(new Insets(2, 2, 12, 2));
        scroll = new ScrollPane(new VBox(10, pipelineError, cards));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setSpacing(10);
        setPadding(new Insets(12));
        getChildren().addAll(top, scroll);
        vm.steps().addListener((ListChangeListener<StepViewModel>) c -> rebuild());
        vm.selectedProperty().addListener((o, a, step) -> Platform.runLater(() -> reveal(step)));
        rebuild();
    }

    private void buildAddMenu() {
        Map<String, List<ToolDescriptor>> byCategory = new LinkedHashMap<>();
        for (ToolDescriptor t : vm.tools()) byCategory.computeIfAbsent(t.category(), k -> new java.util.ArrayList<>()).add(t);
        boolean first = true;
        for (var e : byCategory.entrySet()) {
            if (!first) addTool.getItems().add(new SeparatorMenuItem());
            first = false;
            MenuItem header = new MenuItem(capitalise(e.getKey()));
            header.setDisable(true);
            addTool.getItems().add(header);
            for (ToolDescriptor t : e.getValue()) {
                MenuItem item = new MenuItem(t.name());
                item.setId("add-tool-" + t.id());
                item.setOnAction(ev -> vm.addTool(t.id()));
                addTool.getItems().add(item);
            }
        }
    }

    private void rebuild() {
        cards.getChildren().clear();
        for (int i = 0; i < vm.steps().size(); i++) cards.getChildren().add(card(vm.steps().get(i), i));
    }

    /** Scrolls so the selected (e.g. just added) step's card is in view. */
    private void reveal(StepViewModel step) {
        int i = vm.steps().indexOf(step);
        if (i < 0 || i >= cards.getChildren().size()) return;
        scroll.layout();
        double content = scroll.getContent().getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (content <= viewport) return;
        double y = cards.getChildren().get(i).getBoundsInParent().getMinY() + cards.getBoundsInParent().getMinY();
        scroll.setVvalue(Math.clamp(y / (content - viewport), 0, 1));
    }

    private VBox card(StepViewModel step, int index) {
        Label number = new Label(Integer.toString(index + 1));
        number.getStyleClass().add("step-number");
        Label name = new Label(step.tool().name());
        name.getStyleClass().add(Styles.TITLE_4);
        Label description = new Label(step.tool().description());
        description.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        description.setWrapText(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button up = icon(Material2AL.ARROW_UPWARD, "Move up", () -> vm.move(step, -1));
        up.setDisable(index == 0);
        Button down = icon(Material2AL.ARROW_DOWNWARD, "Move down", () -> vm.move(step, 1));
        down.setDisable(index == vm.steps().size() - 1);
        Button remove = icon(Material2AL.CLOSE, "Remove this step", () -> vm.remove(step));
        remove.setId("remove-step-" + index);
        HBox header = new HBox(8, number, name, grow, up, down, remove);
        header.setAlignment(Pos.CENTER_LEFT);
        Label stepError = new Label();
        stepError.setId("step-error-" + index);
        stepError.getStyleClass().addAll("field-error", Styles.DANGER);
        stepError.setWrapText(true);
        stepError.textProperty().bind(step.stepErrorProperty());
        stepError.managedProperty().bind(step.stepErrorProperty().isNotEmpty());
        stepError.visibleProperty().bind(step.stepErrorProperty().isNotEmpty());
        VBox card = new VBox(8, header, description,
                step.fields().isEmpty() ? SettingsFormFactory.placeholder() : SettingsFormFactory.form(step, index), stepError);
        card.setId("step-" + index);
        card.getStyleClass().add("step-card");
        card.setOnMouseClicked(e -> vm.selectedProperty().set(step));
        return card;
    }

    private static Button icon(Ikon ikon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(ikon, 16));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** Exposed so the shortcut Ctrl+T can open the menu. */
    public MenuButton addToolButton() {
        return addTool;
    }
}
