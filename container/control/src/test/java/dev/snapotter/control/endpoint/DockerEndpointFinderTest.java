package dev.snapotter.control.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEndpointFinderTest {

    @TempDir
    Path tmp;

    /** Answers per host URI; records every ping. */
    private static final class ScriptedPinger implements EndpointPinger {
        final Map<String, PingResult> answers = new HashMap<>();
        final List<String> pinged = new ArrayList<>();

        @Override
        public PingResult ping(DockerEndpoint endpoint) {
            pinged.add(endpoint.host().toString());
            return answers.getOrDefault(endpoint.host().toString(),
                    new PingResult.Unreachable(PingResult.Failure.NOT_RUNNING, "connection refused"));
        }
    }

    private DockerEndpointFinder finder(FakeHost host, ScriptedPinger pinger, Optional<String> explicit) {
        return new DockerEndpointFinder(EndpointStrategies.defaults(explicit), host.environment(), pinger);
    }

    @Test
    void firstAnsweringCandidateWinsAndIsCached() throws Exception {
        FakeHost host = new FakeHost(tmp).socket("/var/run/docker.sock").homeSocket(".colima/default/docker.sock");
        host.env.put("DOCKER_HOST", "unix:///gone.sock");
        ScriptedPinger pinger = new ScriptedPinger();
        pinger.answers.put("unix:///home/otter/.colima/default/docker.sock", new PingResult.Reachable("1.41"));

        DockerEndpointFinder finder = finder(host, pinger, Optional.empty());
        FoundEndpoint found = finder.find();

        assertThat(found.strategy()).isEqualTo("Colima");
        assertThat(found.apiVersion()).isEqualTo("1.41");
        assertThat(pinger.pinged).containsExactly("unix:///gone.sock", "unix:///var/run/docker.sock",
                "unix:///home/otter/.colima/default/docker.sock");
        assertThat(found.attempts()).extracting(EndpointAttempt::strategy).containsExactly("explicit setting",
                "last working endpoint", "DOCKER_HOST", "docker context", "/var/run/docker.sock", "rootless Docker", "Docker Desktop (Linux)",
                "Docker Desktop (macOS)", "Colima");

        assertThat(finder.find()).isSameAs(found);
        assertThat(pinger.pinged).hasSize(3);
        finder.forget();
        assertThat(finder.cached()).isEmpty();
        finder.find();
        assertThat(pinger.pinged).hasSize(6);
    }

    @Test
    void explicitSettingIsTriedFirst() throws Exception {
        FakeHost host = new FakeHost(tmp).socket("/var/run/docker.sock");
        ScriptedPinger pinger = new ScriptedPinger();
        pinger.answers.put("tcp://127.0.0.1:2375", new PingResult.Reachable("1.44"));
        pinger.answers.put("unix:///var/run/docker.sock", new PingResult.Reachable("1.41"));
        FoundEndpoint found = finder(host, pinger, Optional.of("tcp://127.0.0.1:2375")).find();
        assertThat(found.strategy()).isEqualTo("explicit setting");
        assertThat(pinger.pinged).containsExactly("tcp://127.0.0.1:2375");
    }

    @Test
    void theRememberedEndpointIsTriedFirstAndDiscoveryGoesOnWhenItIsGone() throws Exception {
        FakeHost host = new FakeHost(tmp).socket("/var/run/docker.sock").homeSocket(".colima/default/docker.sock");
        ScriptedPinger pinger = new ScriptedPinger();
        pinger.answers.put("unix:///var/run/docker.sock", new PingResult.Reachable("1.41"));
        pinger.answers.put("unix:///home/otter/.colima/default/docker.sock", new PingResult.Reachable("1.44"));
        Optional<DockerEndpoint> remembered = Optional.of(DockerEndpoint.unixSocket("/home/otter/.colima/default/docker.sock"));

        FoundEndpoint found = new DockerEndpointFinder(EndpointStrategies.defaults(Optional.empty(), remembered),
                host.environment(), pinger).find();
        assertThat(found.strategy()).isEqualTo("last working endpoint");
        assertThat(pinger.pinged).containsExactly("unix:///home/otter/.colima/default/docker.sock");

        pinger.answers.remove("unix:///home/otter/.colima/default/docker.sock");
        pinger.pinged.clear();
        FoundEndpoint fallback = new DockerEndpointFinder(EndpointStrategies.defaults(Optional.empty(), remembered),
                host.environment(), pinger).find();
        assertThat(fallback.strategy()).isEqualTo("/var/run/docker.sock");
        assertThat(pinger.pinged).containsExactly("unix:///home/otter/.colima/default/docker.sock",
                "unix:///var/run/docker.sock");
    }

    @Test
    void sameEndpointIsPingedOnce() {
        FakeHost host = new FakeHost(tmp).socket("/var/run/docker.sock");
        host.env.put("DOCKER_HOST", "unix:///var/run/docker.sock");
        ScriptedPinger pinger = new ScriptedPinger();
        assertThatThrownBy(() -> finder(host, pinger, Optional.empty()).find())
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("same endpoint as an earlier strategy");
        assertThat(pinger.pinged).containsExactly("unix:///var/run/docker.sock");
    }

    @Test
    void failureListsEveryStrategyWithItsReason() {
        FakeHost host = new FakeHost(tmp).socket("/var/run/docker.sock");
        ScriptedPinger pinger = new ScriptedPinger();
        pinger.answers.put("unix:///var/run/docker.sock",
                new PingResult.Unreachable(PingResult.Failure.NO_PERMISSION, "permission denied"));

        DockerEndpointFinder finder = finder(host, pinger, Optional.empty());
        DockerUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(
                DockerUnavailableException.class, finder::find);

        assertThat(e.attempts()).hasSize(EndpointStrategies.defaults(Optional.empty()).size());
        assertThat(e.getMessage())
                .contains("explicit setting: no Docker host set")
                .contains("DOCKER_HOST: DOCKER_HOST is not set")
                .contains("/var/run/docker.sock [unix:///var/run/docker.sock]: permission denied")
                .contains("rootless Docker: XDG_RUNTIME_DIR is not set")
                .contains("Colima: no socket at /home/otter/.colima/default/docker.sock")
                .contains("Windows named pipe: not used on LINUX");
        assertThat(e.mostRelevantFailure()).contains(PingResult.Failure.NO_PERMISSION);
        assertThat(finder.cached()).isEmpty();
    }

    @Test
    void noCandidateAtAllMeansNoFailureKind() {
        DockerUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(DockerUnavailableException.class,
                () -> finder(new FakeHost(tmp), new ScriptedPinger(), Optional.empty()).find());
        assertThat(e.mostRelevantFailure()).isEmpty();
    }
}
