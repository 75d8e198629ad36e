package dev.snapotter.desktop.output;

import atlantafx.base.theme.Styles;
import dev.snapotter.engine.batch.ConflictPolicy;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import atlantafx.base.controls.ToggleSwitch;

import java.nio.file.Path;
import java.util.function.Supplier;

/** Output settings: location, name template with live example, conflict policy, metadata. */
public final class OutputView extends VBox {

    public OutputView(OutputViewModel vm, Supplier<Path> chooseFolder) {
        setId("output-view");
        setSpacing(14);
        setPadding(new Insets(14));
        setMinWidth(0);

        ToggleGroup where = new ToggleGroup();
        RadioButton beside = new RadioButton("Sub-folder next to each original");
        beside.setId("output-beside");
        RadioButton folder = new RadioButton("One folder");
        folder.setId("output-folder-mode");
        beside.setToggleGroup(where);
        folder.setToggleGroup(where);
        (vm.modeProperty().get() == OutputMode.FOLDER ? folder : beside).setSelected(true);
        where.selectedToggleProperty().addListener((o, a, b) -> vm.modeProperty().set(b == folder ? OutputMode.FOLDER : OutputMode.BESIDE_ORIGINALS));
        vm.modeProperty().addListener((o, a, b) -> (b == OutputMode.FOLDER ? folder : beside).setSelected(true));

        TextField subfolder = bound(new TextField(), vm.subfolderNameProperty());
        subfolder.setId("output-subfolder");
        subfolder.disableProperty().bind(beside.selectedProperty().not());
        TextField folderField = bound(new TextField(), vm.folderProperty());
        folderField.setId("output-folder");
        folderField.setPromptText("Choose a folder…");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            Path p = chooseFolder.get();
            if (p != null) vm.folderProperty().set(p.toString());
        });
        browse.setMinWidth(Region.USE_PREF_SIZE);
        folderField.setMinWidth(60);
        HBox folderRow = new HBox(6, folderField, browse);
        HBox.setHgrow(folderField, Priority.ALWAYS);
        folderRow.disableProperty().bind(folder.selectedProperty().not());

        TextField template = bound(new TextField(), vm.nameTemplateProperty());
        template.setId("output-template");
        Label example = new Label();
        example.setId("output-example");
        example.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        example.textProperty().bind(vm.exampleTextProperty());
        Label tokens = new Label("Tokens: {name} original name · {ext} output extension · {index} position · {tool} tools used");
        tokens.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        tokens.setWrapText(true);

        ComboBox<ConflictPolicy> conflict = new ComboBox<>();
        conflict.setId("output-conflict");
        conflict.getItems().setAll(ConflictPolicy.values());
        conflict.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConflictPolicy p) {
                return p == null ? "" : switch (p) {
                    case RENAME -> "Keep both (add a number)";
                    case OVERWRITE -> "Replace the existing file";
                    case SKIP -> "Skip the file";
                };
            }

            @Override
            public ConflictPolicy fromString(String s) {
                return null;
            }
        });
        conflict.valueProperty().bindBidirectional(vm.conflictProperty());
        conflict.setMaxWidth(Double.MAX_VALUE);

        ToggleSwitch keep = new ToggleSwitch("Keep metadata");
        Label keepHint = new Label("EXIF, colour profile and XMP are copied to the output; off strips them all.");
        keepHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        keepHint.setWrapText(true);
        keep.setId("output-keep-metadata");
        keep.selectedProperty().bindBidirectional(vm.keepMetadataProperty());

        Label problem = new Label();
        problem.setId("output-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(vm.problemProperty().isNotEmpty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());

        getChildren().addAll(
                section("Save to", beside, subfolder, folder, folderRow),
                section("File names", template, example, tokens),
                section("If a file with that name exists", conflict),
                section("Metadata", keep, keepHint),
                problem);
    }

    private static TextField bound(TextField tf, javafx.beans.property.StringProperty p) {
        tf.textProperty().bindBidirectional(p);
        return tf;
    }

    private static VBox section(String title, javafx.scene.Node... content) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        VBox box = new VBox(6, l);
        box.getChildren().addAll(content);
        return box;
    }
}
