package dev.snapotter.desktop.server;

import dev.snapotter.control.api.ApiException;
import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.control.api.ApiModels;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The first-start walk-through after the container is first healthy: read the generated administrator password
 * from the container, let the user choose a new one (the server judges it), change it, create the desktop's own
 * API key and keep it in a user-only file. Later starts find the key and skip all of this.
 */
public final class FirstStartViewModel {

    /** The initial administrator's name: the spec sets no DEFAULT_USERNAME, so the server's default. */
    public static final String ADMIN = "admin";
    /** The server's PasswordPolicy in words; the server stays the judge and its answer is shown as is. */
    public static final String POLICY_HINT = "At least 8 characters, with an upper-case letter, a lower-case letter and a digit.";

    private final Supplier<SnapOtterApi> server;
    private final Callable<Optional<String>> initialPassword;
    private final ApiKeyStore keys;
    private final TaskExecutor executor;
    private final ObjectProperty<FirstStartState> state = new SimpleObjectProperty<>(FirstStartState.UNKNOWN);
    private final StringProperty error = new SimpleStringProperty("");
    private String generated = "";

    /**
     * @param server          a client for the running server (no credentials)
     * @param initialPassword reads the generated password from the container (empty once it was changed)
     */
    public FirstStartViewModel(Supplier<SnapOtterApi> server, Callable<Optional<String>> initialPassword,
                               ApiKeyStore keys, TaskExecutor executor) {
        this.server = server;
        this.initialPassword = initialPassword;
        this.keys = keys;
        this.executor = executor;
    }

    /** After a healthy start: is the desktop signed in, and if not, what must the user do? */
    public void check() {
        if (state.get() == FirstStartState.CHECKING || state.get() == FirstStartState.WORKING) return;
        state.set(FirstStartState.CHECKING);
        error.set("");
        executor.execute(Lane.SERVER, BackgroundTask.of("Check the desktop's server key", ctx -> inspect())
                .onSuccess(state::set)
                .onFailure(e -> {
                    error.set("Could not check the server: " + e.getMessage());
                    state.set(FirstStartState.UNKNOWN);
                }));
    }

    private FirstStartState inspect() throws Exception {
        SnapOtterApi api = server.get();
        if (!api.authEnabled()) return FirstStartState.AUTH_OFF;
        Optional<String> key = keys.load();
        if (key.isPresent()) {
            try {
                api.withBearer(key.get()).pipelineToolIds();
                return FirstStartState.SIGNED_IN;
            } catch (ApiException e) {
                if (e.status() != 401) throw e;
                // The key was revoked on the server (or the data volume was replaced): get a new one.
            }
        }
        Optional<String> initial = initialPassword.call();
        generated = initial.orElse("");
        return initial.isPresent() ? FirstStartState.NEEDS_NEW_PASSWORD : FirstStartState.NEEDS_SIGN_IN;
    }

    /** Sets the administrator's own password in place of the generated one, then creates the desktop's key. */
    public void chooseNewPassword(String password, String repeat) {
        if (state.get() != FirstStartState.NEEDS_NEW_PASSWORD) return;
        if (password == null || password.isEmpty()) {
            error.set("Enter the new password.");
            return;
        }
        if (!password.equals(repeat)) {
            error.set("The two passwords differ.");
            return;
        }
        String initial = generated;
        work("Change the administrator password", () -> {
            SnapOtterApi api = server.get();
            ApiModels.Session first = api.login(ADMIN, initial);
            api.withBearer(first.token()).changePassword(initial, password);
            generated = "";
            return createKey(api, ADMIN, password);
        }, FirstStartState.NEEDS_NEW_PASSWORD);
    }

    /** Signs in with an existing administrator account once, to create the desktop's key. */
    public void signIn(String username, String password) {
        if (state.get() != FirstStartState.NEEDS_SIGN_IN) return;
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            error.set("Enter the user name and the password.");
            return;
        }
        work("Sign in to the server", () -> createKey(server.get(), username.strip(), password), FirstStartState.NEEDS_SIGN_IN);
    }

    private FirstStartState createKey(SnapOtterApi api, String username, String password) throws Exception {
        ApiModels.Session session = api.login(username, password);
        if (session.mustChangePassword()) {
            throw new IllegalStateException("The server wants this account's password changed first;"
                    + " sign in to the server's web page, change it, then try again.");
        }
        ApiModels.CreatedApiKey key = api.withBearer(session.token()).createApiKey("SnapOtter Desktop on " + hostName());
        keys.save(key.secret());
        return FirstStartState.SIGNED_IN;
    }

    private void work(String name, Callable<FirstStartState> body, FirstStartState onFailure) {
        state.set(FirstStartState.WORKING);
        error.set("");
        executor.execute(Lane.SERVER, BackgroundTask.of(name, ctx -> body.call())
                .onSuccess(state::set)
                .onFailure(e -> {
                    error.set(message(e));
                    state.set(onFailure);
                }));
    }

    /** The server's own words (e.g. "Password must contain a digit"), without the HTTP decoration. */
    static String message(Throwable e) {
        if (e instanceof ApiException api && api.status() == 401) return "Wrong user name or password.";
        String m = String.valueOf(e.getMessage());
        return m.replaceAll(" \\(HTTP \\d+(, [A-Z_]+)?\\)$", "");
    }

    /** From the environment: no name lookup (no DNS traffic for a label). */
    private static String hostName() {
        String name = Optional.ofNullable(System.getenv("HOSTNAME")).or(() -> Optional.ofNullable(System.getenv("COMPUTERNAME")))
                .orElse("this computer");
        String clean = name.replaceAll("[^A-Za-z0-9._ -]", "").strip();
        return clean.length() > 60 ? clean.substring(0, 60) : clean;
    }

    public ReadOnlyObjectProperty<FirstStartState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
