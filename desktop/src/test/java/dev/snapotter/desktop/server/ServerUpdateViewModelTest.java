package dev.snapotter.desktop.server;

import dev.snapotter.desktop.task.DirectTaskExecutor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Update and Recreate in the Server area: progress in plain words, a rollback said as such, streams reopened. */
class ServerUpdateViewModelTest {

    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeServerControl docker = new FakeServerControl();
    private final ServerViewModel vm = new ServerViewModel(docker, new DirectTaskExecutor((n, e) -> unhandled.add(e)),
            Clock.systemUTC());

    @Test
    void aSuccessfulUpdateReportsEveryStepAndKeepsTheData() {
        vm.open();
        vm.start();
        vm.update(Path.of("/media/usb/snapotter-image-0.2.0.tar"));
        assertThat(docker.calls).contains("update snapotter-image-0.2.0.tar");
        assertThat(vm.progress()).containsExactly("Updating from snapotter-image-0.2.0.tar",
                "Loading snapotter-image-0.2.0.tar", "Waiting until the new container is healthy",
                "Updated: Healthy on 127.0.0.1:1349 (data kept)");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.streamsOpen()).as("logs and stats follow the new container").isTrue();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void aFailedUpdateSaysItWasRolledBackAndWhy() {
        vm.open();
        vm.start();
        docker.updateFailure = "the new container exited with code 2";
        vm.update(Path.of("broken.tar"));
        assertThat(vm.progress()).contains("The new container failed; going back to the previous one");
        assertThat(vm.progress().getLast()).isEqualTo("Failed: Rolled back because the new container exited with code 2"
                + " — the previous version runs again with your data.");
        assertThat(vm.errorProperty().get()).startsWith("Rolled back because the new container exited with code 2");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.healthyProperty().get()).as("the previous container runs").isTrue();
    }

    @Test
    void recreateRemovesTheContainerKeepsTheDataAndStartsAgain() {
        vm.open();
        vm.start();
        vm.recreate();
        assertThat(docker.calls).containsSubsequence("startAll", "recreate", "startAll");
        assertThat(docker.calls).noneMatch(c -> c.startsWith("remove deleteData=true"));
        assertThat(vm.progress().getLast()).isEqualTo("Healthy on 127.0.0.1:1349");
    }
}
