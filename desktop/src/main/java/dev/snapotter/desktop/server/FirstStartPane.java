package dev.snapotter.desktop.server;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The first-start card: choose the administrator password (first start) or sign in once (no key yet). Shown only
 * while the user has something to do, or to report the outcome of the last attempt.
 */
final class FirstStartPane extends VBox {

    FirstStartPane(FirstStartViewModel vm) {
        super(8);
        setId("first-start");
        getStyleClass().add("status-card");
        setPadding(new Insets(10));
        Label title = new Label("Finish setting up the server");
        title.getStyleClass().add(Styles.TITLE_4);
        Label explanation = new Label();
        explanation.setId("first-start-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        explanation.textProperty().bind(vm.stateProperty().map(FirstStartState::explanation));

        PasswordField password = new PasswordField();
        password.setId("first-start-password");
        password.setPromptText("New administrator password");
        PasswordField repeat = new PasswordField();
        repeat.setId("first-start-repeat");
        repeat.setPromptText("The same again");
        Label policy = new Label(FirstStartViewModel.POLICY_HINT);
        policy.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Button change = new Button("Set password and connect");
        change.setId("first-start-submit");
        change.getStyleClass().add(Styles.ACCENT);
        change.setDefaultButton(true);
        change.setOnAction(e -> {
            vm.chooseNewPassword(password.getText(), repeat.getText());
            password.clear();
            repeat.clear();
        });
        GridPane newPassword = new GridPane(8, 6);
        newPassword.addRow(0, new Label("Administrator (admin)"), password, repeat);
        newPassword.add(policy, 1, 1, 2, 1);
        VBox choose = new VBox(6, newPassword, change);
        bindShown(choose, vm, FirstStartState.NEEDS_NEW_PASSWORD);

        TextField user = new TextField(FirstStartViewModel.ADMIN);
        user.setId("first-start-user");
        PasswordField signInPassword = new PasswordField();
        signInPassword.setId("first-start-signin-password");
        signInPassword.setPromptText("Password");
        Button signIn = new Button("Sign in");
        signIn.setId("first-start-signin");
        signIn.setOnAction(e -> {
            vm.signIn(user.getText(), signInPassword.getText());
            signInPassword.clear();
        });
        HBox signInRow = new HBox(8, user, signInPassword, signIn);
        bindShown(signInRow, vm, FirstStartState.NEEDS_SIGN_IN);

        Label error = new Label();
        error.setId("first-start-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button retry = new Button("Check again");
        retry.setId("first-start-retry");
        retry.setOnAction(e -> vm.check());
        bindShown(retry, vm, FirstStartState.UNKNOWN);

        getChildren().addAll(title, explanation, choose, signInRow, error, retry);
        visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                vm.stateProperty().get().asksUser() || vm.stateProperty().get() == FirstStartState.WORKING
                        || !vm.errorProperty().get().isEmpty(), vm.stateProperty(), vm.errorProperty()));
        managedProperty().bind(visibleProperty());
    }

    private static void bindShown(javafx.scene.Node node, FirstStartViewModel vm, FirstStartState state) {
        node.visibleProperty().bind(vm.stateProperty().isEqualTo(state));
        node.managedProperty().bind(node.visibleProperty());
    }
}
