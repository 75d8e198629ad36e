package dev.snapotter.desktop.server;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

/** One onboarding state: what is wrong, how to fix it, the actions that state offers, and "Check again". */
final class OnboardingPane extends VBox {

    OnboardingPane(OnboardingViewModel vm) {
        super(10);
        setId("onboarding-card");
        getStyleClass().add("onboarding-card");
        setPadding(new Insets(16));
        Label title = new Label();
        title.setId("onboarding-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(vm.titleProperty());
        Label explanation = wrapped(vm.explanationProperty(), "onboarding-explanation");
        Label fix = wrapped(vm.fixProperty(), "onboarding-fix");
        fix.getStyleClass().add(Styles.TEXT_BOLD);
        Label error = wrapped(vm.errorProperty(), "onboarding-error");
        error.getStyleClass().add(Styles.DANGER);
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TextArea details = new TextArea();
        details.setId("onboarding-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(4);
        details.textProperty().bind(vm.detailsProperty());
        // The build streams its output here: keep the newest line in view.
        details.textProperty().addListener((o, was, text) -> details.setScrollTop(Double.MAX_VALUE));

        var settled = Bindings.createBooleanBinding(() -> vm.stateProperty().get().settled(), vm.stateProperty());
        Button check = new Button("Check again");
        check.setId("check-again");
        check.setDefaultButton(true);
        check.disableProperty().bind(settled.not());
        check.setOnAction(e -> vm.checkAgain());
        Button bundled = new Button("Load bundled image");
        bundled.setId("load-bundled-image");
        Button pick = new Button("Pick image file…");
        pick.setId("pick-image-file");
        showOnlyIn(vm, OnboardingState.IMAGE_MISSING, bundled, pick);
        bundled.setOnAction(e -> vm.loadBundledImage());
        pick.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("SnapOtter image archive");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Image archives (*.tar, *.tar.gz)", "*.tar", "*.tar.gz", "*.tgz"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) vm.loadImage(f.toPath());
        });
        Button build = new Button("Build image");
        build.setId("build-image");
        build.setOnAction(e -> vm.buildImage());
        if (vm.buildAvailable()) showOnlyIn(vm, OnboardingState.IMAGE_MISSING, build);
        else hide(build);
        Button cancelBuild = new Button("Cancel build");
        cancelBuild.setId("cancel-build");
        cancelBuild.setOnAction(e -> vm.cancelBuild());
        showOnlyIn(vm, OnboardingState.BUILDING_IMAGE, cancelBuild);
        Button port = new Button();
        port.setId("use-free-port");
        port.textProperty().bind(vm.freePortProperty().asString("Use the free port %d"));
        showOnlyIn(vm, OnboardingState.PORT_BUSY, port);
        port.setOnAction(e -> vm.useFreePort());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(settled.not());
        HBox actions = new HBox(8, check, bundled, pick, build, cancelBuild, port, spinner);
        getChildren().addAll(title, explanation, fix, error, actions, details);
    }

    private static Label wrapped(javafx.beans.value.ObservableValue<String> text, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    private static void hide(Button b) {
        b.setVisible(false);
        b.setManaged(false);
    }

    private static void showOnlyIn(OnboardingViewModel vm, OnboardingState state, Button... buttons) {
        for (Button b : buttons) {
            b.visibleProperty().bind(vm.stateProperty().isEqualTo(state));
            b.managedProperty().bind(b.visibleProperty());
        }
    }
}
