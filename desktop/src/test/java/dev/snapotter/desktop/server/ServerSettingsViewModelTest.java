package dev.snapotter.desktop.server;

import dev.snapotter.control.endpoint.DockerEndpoint;
import dev.snapotter.control.spec.ContainerSpec;
import dev.snapotter.control.spec.VolumeMount;
import dev.snapotter.desktop.settings.ServerSettings;
import dev.snapotter.desktop.settings.ServerSettingsStore;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerSettingsViewModelTest {

    @TempDir
    Path tmp;

    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeServerControl docker = new FakeServerControl();
    private final DirectTaskExecutor executor = new DirectTaskExecutor((n, e) -> unhandled.add(e));

    private ServerSettingsViewModel vm(ServerSettingsStore store) {
        ServerSettingsViewModel vm = new ServerSettingsViewModel(docker, store, executor);
        vm.reload();
        return vm;
    }

    @Test
    void defaultsAreTheSeedsValues() {
        ServerSettingsViewModel vm = vm(new ServerSettingsStore(tmp.resolve("server-settings.json")));
        assertThat(vm.portProperty().get()).isEqualTo("1349");
        assertThat(vm.memoryGibProperty().get()).isEqualTo("6");
        assertThat(vm.cpusProperty().get()).isEqualTo("4");
        assertThat(vm.authEnabledProperty().get()).isTrue();
        assertThat(vm.volumeProperty().get()).isEqualTo("snapotter-data");
        assertThat(vm.engineCpusProperty().get()).isEqualTo(2);
    }

    @Test
    void everyProblemIsListedAndNothingIsSaved() {
        ServerSettingsStore store = new ServerSettingsStore(tmp.resolve("server-settings.json"));
        ServerSettingsViewModel vm = vm(store);
        vm.portProperty().set("80");
        vm.memoryGibProperty().set("lots");
        vm.cpusProperty().set("0.1");
        vm.volumeProperty().set("../etc");
        assertThatThrownBy(vm::validate).hasMessageContaining("Port must be between 1024 and 65535")
                .hasMessageContaining("Memory must be a number").hasMessageContaining("CPUs must be at least 0.5")
                .hasMessageContaining("Volume name");
        vm.apply();
        assertThat(vm.errorProperty().get()).contains("Port must be between");
        assertThat(Files.exists(store.file())).isFalse();
        assertThat(docker.calls).doesNotContain("useSpec");
    }

    @Test
    void savedSettingsFeedTheOneSpecAndApplyAtTheNextStart() {
        ServerSettingsStore store = new ServerSettingsStore(tmp.resolve("server-settings.json"));
        ServerSettingsViewModel vm = vm(store);
        docker.busyPorts.add(23_500);
        vm.portProperty().set("23500");
        vm.memoryGibProperty().set("2,5");
        vm.cpusProperty().set("16");
        vm.authEnabledProperty().set(false);
        vm.volumeProperty().set("otter-photos");
        vm.apply();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("CPUs clamped to 2 (the Docker engine has 2)")
                .contains("A new volume starts empty; snapotter-data and its data are kept")
                .contains("Sign-in off").contains("Port 23500 is in use now; Start will offer port 23501")
                .contains("The settings apply at the next Start.");
        assertThat(vm.recreateOfferedProperty().get()).isFalse();
        ContainerSpec spec = docker.spec;
        assertThat(spec.hostPort()).isEqualTo(23_500);
        assertThat(spec.memoryBytes()).isEqualTo(5L << 29);
        assertThat(spec.memorySwapBytes()).isEqualTo(spec.memoryBytes());
        assertThat(spec.cpus()).isEqualTo(2);
        assertThat(spec.env()).containsEntry("AUTH_ENABLED", "false");
        assertThat(spec.volumes()).contains(new VolumeMount("otter-photos", "/data"));
        assertThat(spec.capDrop()).containsExactly("ALL");

        ServerSettings reread = new ServerSettingsStore(store.file()).get();
        assertThat(reread.port()).isEqualTo(23_500);
        assertThat(reread.cpus()).isEqualTo(2);
        assertThat(reread.dataVolume()).isEqualTo("otter-photos");
    }

    @Test
    void anExistingContainerKeepsItsSettingsUntilRecreated() {
        docker.containerExists = true;
        ServerSettingsViewModel vm = vm(new ServerSettingsStore(tmp.resolve("server-settings.json")));
        vm.memoryGibProperty().set("3");
        vm.apply();
        assertThat(vm.messageProperty().get()).contains("keeps its old settings until it is recreated");
        assertThat(vm.recreateOfferedProperty().get()).isTrue();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void theDockerEndpointThatAnsweredIsRememberedAndForgotten() {
        ServerSettingsStore store = new ServerSettingsStore(tmp.resolve("server-settings.json"));
        DockerEndpoint tls = new DockerEndpoint(java.net.URI.create("tcp://build-box:2376"), true, Optional.of(Path.of("/certs")));
        store.update(s -> ServerSpecs.remember(s, Optional.of(tls)));
        ServerSettingsStore next = new ServerSettingsStore(store.file());
        assertThat(ServerSpecs.remembered(next.get())).contains(tls);
        next.update(s -> ServerSpecs.remember(s, Optional.empty()));
        assertThat(ServerSpecs.remembered(new ServerSettingsStore(store.file()).get())).isEmpty();
    }

    @Test
    void aCorruptSettingsFileIsMovedAsideNotLost() throws Exception {
        Path file = Files.writeString(tmp.resolve("server-settings.json"), "{ not json");
        assertThat(new ServerSettingsStore(file).get()).isEqualTo(ServerSettings.defaults());
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("server-settings.json.corrupt-"));
        }
    }
}
