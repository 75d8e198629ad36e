package dev.snapotter.control.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.control.docker.DockerPinger;
import dev.snapotter.control.endpoint.DockerEndpoint;
import dev.snapotter.control.endpoint.PingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** One real ping against the system socket (skipped when there is no daemon there). */
class RealEndpointPingTest {

    @Test
    void systemSocketAnswersWithItsApiVersion() {
        Path socket = Path.of("/var/run/docker.sock");
        Assumptions.assumeTrue(Files.exists(socket), "No Docker daemon: /var/run/docker.sock does not exist");
        PingResult result = new DockerPinger().ping(DockerEndpoint.unixSocket(socket.toString()));
        Assumptions.assumeFalse(result instanceof PingResult.Unreachable u && u.failure() == PingResult.Failure.NOT_RUNNING,
                () -> "No Docker daemon answers on /var/run/docker.sock: " + result);
        assertThat(result).isInstanceOf(PingResult.Reachable.class);
        assertThat(((PingResult.Reachable) result).apiVersion()).matches("\\d+\\.\\d+");
    }
}
