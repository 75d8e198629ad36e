package dev.snapotter.desktop.server;

import dev.snapotter.control.api.ApiException;
import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.desktop.support.RealServer;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first-start walk-through against the REAL server (shaded jar as a process, no DEFAULT_PASSWORD, so it
 * generates the administrator password into DATA_DIR as it does in the container). The password is read from that
 * file here; in the app {@code InitialAdminPassword} reads the same file out of the container.
 */
class FirstStartOnRealServerTest {

    @TempDir
    Path tmp;

    @Test
    void theGeneratedPasswordIsReplacedAndTheDesktopGetsItsOwnKey() throws Exception {
        Path serverDir = Files.createDirectories(tmp.resolve("server"));
        try (RealServer server = RealServer.start(serverDir, Map.of("RATE_LIMIT_PER_MIN", "0"))) {
            Path generatedFile = serverDir.resolve("data").resolve("initial-admin-password");
            Callable<Optional<String>> fromData = () -> Files.exists(generatedFile)
                    ? Optional.of(Files.readString(generatedFile).strip()) : Optional.empty();
            ApiKeyStore keys = new ApiKeyStore(tmp.resolve("app").resolve(ApiKeyStore.FILE_NAME));
            DirectTaskExecutor executor = new DirectTaskExecutor((name, e) -> { throw new AssertionError(name, e); });
            FirstStartViewModel vm = new FirstStartViewModel(server::api, fromData, keys, executor);

            vm.check();
            assertThat(vm.stateProperty().get()).as(vm.errorProperty().get()).isEqualTo(FirstStartState.NEEDS_NEW_PASSWORD);
            String generated = fromData.call().orElseThrow();

            vm.chooseNewPassword("Str0ngPassw0rd", "Str0ngPassw0rd-typo");
            assertThat(vm.errorProperty().get()).isEqualTo("The two passwords differ.");

            // The server judges the policy; its words reach the user and nothing changes.
            vm.chooseNewPassword("lowercase1", "lowercase1");
            assertThat(vm.stateProperty().get()).isEqualTo(FirstStartState.NEEDS_NEW_PASSWORD);
            assertThat(vm.errorProperty().get()).isEqualTo("Password must contain an upper-case letter");
            assertThat(keys.load()).isEmpty();
            assertThat(server.api().login(FirstStartViewModel.ADMIN, generated).mustChangePassword()).isTrue();

            vm.chooseNewPassword("Str0ngPassw0rd", "Str0ngPassw0rd");
            assertThat(vm.stateProperty().get()).as(vm.errorProperty().get()).isEqualTo(FirstStartState.SIGNED_IN);
            String key = keys.load().orElseThrow();
            assertThat(Files.getPosixFilePermissions(keys.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(server.api().withBearer(key).pipelineToolIds()).contains("resize");
            assertThat(generatedFile).as("the server forgets the generated password once changed").doesNotExist();
            assertThatThrownBy(() -> server.api().login(FirstStartViewModel.ADMIN, generated))
                    .isInstanceOf(ApiException.class).hasMessageContaining("401");

            // The next launch finds the key and asks nothing.
            FirstStartViewModel later = new FirstStartViewModel(server::api, fromData, keys, executor);
            later.check();
            assertThat(later.stateProperty().get()).isEqualTo(FirstStartState.SIGNED_IN);

            // A revoked/unknown key with the password already changed: sign in once to get a new key.
            keys.save("si_revoked");
            FirstStartViewModel again = new FirstStartViewModel(server::api, fromData, keys, executor);
            again.check();
            assertThat(again.stateProperty().get()).isEqualTo(FirstStartState.NEEDS_SIGN_IN);
            again.signIn("admin", "wrong");
            assertThat(again.errorProperty().get()).isEqualTo("Wrong user name or password.");
            again.signIn("admin", "Str0ngPassw0rd");
            assertThat(again.stateProperty().get()).as(again.errorProperty().get()).isEqualTo(FirstStartState.SIGNED_IN);
            assertThat(server.api().withBearer(keys.load().orElseThrow()).pipelineToolIds()).contains("resize");
        }
    }
}
