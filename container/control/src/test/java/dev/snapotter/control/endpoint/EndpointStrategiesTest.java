package dev.snapotter.control.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointStrategiesTest {

    @TempDir
    Path tmp;

    private static Probe run(EndpointStrategy s, FakeHost host) {
        return s.locate(host.environment());
    }

    private static String host(Probe p) {
        assertThat(p).isInstanceOf(Probe.Candidate.class);
        return ((Probe.Candidate) p).endpoint().host().toString();
    }

    private static String reason(Probe p) {
        assertThat(p).isInstanceOf(Probe.Skipped.class);
        return ((Probe.Skipped) p).reason();
    }

    private static EndpointStrategy named(String name) {
        return EndpointStrategies.defaults(Optional.empty()).stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void orderFollowsTheDiscoveryContract() {
        List<String> names = EndpointStrategies.defaults(Optional.empty()).stream().map(EndpointStrategy::name).toList();
        assertThat(names).containsExactly("explicit setting", "last working endpoint", "DOCKER_HOST", "docker context", "/var/run/docker.sock",
                "rootless Docker", "Docker Desktop (Linux)", "Docker Desktop (macOS)", "Colima", "Rancher Desktop",
                "Podman (rootless)", "Podman (rootful)", "Podman machine (macOS, Podman 5)", "Podman machine (macOS)",
                "Podman machine (macOS, default machine)", "Podman machine (macOS, QEMU)", "Windows named pipe");
    }

    @Test
    void explicitSettingWinsWhenSetAndExplainsWhenNot() {
        FakeHost h = new FakeHost(tmp);
        assertThat(host(run(new ExplicitSettingStrategy(Optional.of(" tcp://10.0.0.5:2375 ")), h)))
                .isEqualTo("tcp://10.0.0.5:2375");
        assertThat(reason(run(new ExplicitSettingStrategy(Optional.empty()), h))).contains("no Docker host set");
        assertThat(reason(run(new ExplicitSettingStrategy(Optional.of("/var/run/docker.sock")), h)))
                .contains("not a URI");
    }

    @Test
    void dockerHostReadsTlsVariables() {
        FakeHost h = new FakeHost(tmp);
        assertThat(reason(run(new DockerHostVariableStrategy(), h))).isEqualTo("DOCKER_HOST is not set");

        h.env.put("DOCKER_HOST", "tcp://build-box:2376");
        h.env.put("DOCKER_TLS_VERIFY", "1");
        Probe.Candidate tls = (Probe.Candidate) run(new DockerHostVariableStrategy(), h);
        assertThat(tls.endpoint().tlsVerify()).isTrue();
        assertThat(tls.endpoint().certPath()).contains(h.home().resolve(".docker"));

        h.env.put("DOCKER_CERT_PATH", "/etc/docker-certs");
        tls = (Probe.Candidate) run(new DockerHostVariableStrategy(), h);
        assertThat(tls.endpoint().certPath()).contains(Path.of("/etc/docker-certs"));

        h.env.put("DOCKER_TLS_VERIFY", "0");
        Probe.Candidate plain = (Probe.Candidate) run(new DockerHostVariableStrategy(), h);
        assertThat(plain.endpoint().tlsVerify()).isFalse();
        assertThat(plain.endpoint().certPath()).isEmpty();
    }

    @Test
    void systemSocketFoundOnlyWhenPresent() {
        FakeHost h = new FakeHost(tmp);
        EndpointStrategy s = named("/var/run/docker.sock");
        assertThat(reason(run(s, h))).isEqualTo("no socket at /var/run/docker.sock");
        h.socket("/var/run/docker.sock");
        assertThat(host(run(s, h))).isEqualTo("unix:///var/run/docker.sock");
        h.os = OsFamily.WINDOWS;
        assertThat(reason(run(s, h))).contains("not used on WINDOWS");
    }

    @Test
    void runtimeDirSocketsNeedXdgRuntimeDir() {
        FakeHost h = new FakeHost(tmp);
        assertThat(reason(run(named("rootless Docker"), h))).isEqualTo("XDG_RUNTIME_DIR is not set");
        assertThat(reason(run(named("Podman (rootless)"), h))).isEqualTo("XDG_RUNTIME_DIR is not set");
        h.env.put("XDG_RUNTIME_DIR", "/run/user/1000");
        assertThat(reason(run(named("rootless Docker"), h))).isEqualTo("no socket at /run/user/1000/docker.sock");
        h.socket("/run/user/1000/docker.sock").socket("/run/user/1000/podman/podman.sock");
        assertThat(host(run(named("rootless Docker"), h))).isEqualTo("unix:///run/user/1000/docker.sock");
        assertThat(host(run(named("Podman (rootless)"), h))).isEqualTo("unix:///run/user/1000/podman/podman.sock");
    }

    @Test
    void homeSocketsOfDesktopEngines() {
        FakeHost h = new FakeHost(tmp);
        h.homeSocket(".docker/desktop/docker.sock").homeSocket(".docker/run/docker.sock")
                .homeSocket(".colima/default/docker.sock").homeSocket(".rd/docker.sock");
        assertThat(host(run(named("Docker Desktop (Linux)"), h))).isEqualTo("unix:///home/otter/.docker/desktop/docker.sock");
        assertThat(host(run(named("Docker Desktop (macOS)"), h))).isEqualTo("unix:///home/otter/.docker/run/docker.sock");
        assertThat(host(run(named("Colima"), h))).isEqualTo("unix:///home/otter/.colima/default/docker.sock");
        assertThat(host(run(named("Rancher Desktop"), h))).isEqualTo("unix:///home/otter/.rd/docker.sock");
        h.os = OsFamily.MAC;
        assertThat(reason(run(named("Docker Desktop (Linux)"), h))).contains("not used on MAC");
        assertThat(host(run(named("Colima"), h))).endsWith(".colima/default/docker.sock");
    }

    @Test
    void rootfulPodmanSocket() {
        FakeHost h = new FakeHost(tmp);
        assertThat(reason(run(named("Podman (rootful)"), h))).isEqualTo("no socket at /run/podman/podman.sock");
        h.socket("/run/podman/podman.sock");
        assertThat(host(run(named("Podman (rootful)"), h))).isEqualTo("unix:///run/podman/podman.sock");
    }

    @Test
    void rootlessPodmanSocketIsInTheRuntimeDirOnLinuxOnly() {
        FakeHost h = new FakeHost(tmp);
        h.env.put("XDG_RUNTIME_DIR", "/run/user/1000");
        h.socket("/run/user/1000/podman/podman.sock");
        assertThat(host(run(named("Podman (rootless)"), h))).isEqualTo("unix:///run/user/1000/podman/podman.sock");
        h.os = OsFamily.MAC;
        assertThat(reason(run(named("Podman (rootless)"), h))).contains("not used on MAC");
        assertThat(reason(run(named("Podman (rootful)"), h))).contains("not used on MAC");
    }

    @Test
    void podmanMachineSocketsOnMacOs() {
        FakeHost h = new FakeHost(tmp);
        h.os = OsFamily.MAC;
        h.home = "/Users/otter";
        String machine = "/Users/otter/.local/share/containers/podman/machine/";
        assertThat(reason(run(named("Podman machine (macOS)"), h))).isEqualTo("no socket at " + machine + "podman.sock");
        assertThat(reason(run(named("Podman machine (macOS, default machine)"), h)))
                .isEqualTo("no socket at " + machine + "podman-machine-default/podman.sock");
        assertThat(reason(run(named("Podman machine (macOS, QEMU)"), h))).isEqualTo("no socket at " + machine + "qemu/podman.sock");
        assertThat(reason(run(named("Podman machine (macOS, Podman 5)"), h))).isEqualTo("TMPDIR is not set");

        h.socket(machine + "podman.sock").socket(machine + "podman-machine-default/podman.sock")
                .socket(machine + "qemu/podman.sock");
        assertThat(host(run(named("Podman machine (macOS)"), h))).isEqualTo("unix://" + machine + "podman.sock");
        assertThat(host(run(named("Podman machine (macOS, default machine)"), h)))
                .isEqualTo("unix://" + machine + "podman-machine-default/podman.sock");
        assertThat(host(run(named("Podman machine (macOS, QEMU)"), h))).isEqualTo("unix://" + machine + "qemu/podman.sock");

        // Podman 5: the per-user temp folder launchd gives every app, e.g. /var/folders/xy/abc/T/
        h.env.put("TMPDIR", "/var/folders/xy/abc/T/");
        assertThat(reason(run(named("Podman machine (macOS, Podman 5)"), h)))
                .isEqualTo("no socket at /var/folders/xy/abc/T/podman/podman-machine-default-api.sock");
        h.socket("/var/folders/xy/abc/T/podman/podman-machine-default-api.sock");
        assertThat(host(run(named("Podman machine (macOS, Podman 5)"), h)))
                .isEqualTo("unix:///var/folders/xy/abc/T/podman/podman-machine-default-api.sock");
    }

    @Test
    void podmanMachineSocketsAreNotLookedForOnLinux() {
        FakeHost h = new FakeHost(tmp);
        h.env.put("TMPDIR", "/tmp");
        h.homeSocket(".local/share/containers/podman/machine/podman.sock");
        for (String name : List.of("Podman machine (macOS)", "Podman machine (macOS, default machine)",
                "Podman machine (macOS, QEMU)", "Podman machine (macOS, Podman 5)")) {
            assertThat(reason(run(named(name), h))).as(name).contains("not used on LINUX");
        }
    }

    @Test
    void namedPipeOnlyOnWindows() {
        FakeHost h = new FakeHost(tmp);
        assertThat(reason(run(new NamedPipeStrategy(), h))).contains("not used on LINUX");
        h.os = OsFamily.WINDOWS;
        assertThat(host(run(new NamedPipeStrategy(), h))).isEqualTo("npipe:////./pipe/docker_engine");
    }

    @Test
    void osFamilyFromName() {
        assertThat(OsFamily.fromName("Windows 11")).isEqualTo(OsFamily.WINDOWS);
        assertThat(OsFamily.fromName("Mac OS X")).isEqualTo(OsFamily.MAC);
        assertThat(OsFamily.fromName("Linux")).isEqualTo(OsFamily.LINUX);
        assertThat(OsFamily.fromName("FreeBSD")).isEqualTo(OsFamily.OTHER);
    }
}
