package dev.snapotter.control.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.control.endpoint.DockerEndpoint;
import dev.snapotter.control.endpoint.PingResult;
import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerPingerTest {

    @Test
    void classifiesPermissionNotRunningAndOther() {
        assertThat(DockerPinger.classify(new RuntimeException(new SocketException("Permission denied"))).failure())
                .isEqualTo(PingResult.Failure.NO_PERMISSION);
        assertThat(DockerPinger.classify(new RuntimeException(new IOException("Connection refused"))).failure())
                .isEqualTo(PingResult.Failure.NOT_RUNNING);
        PingResult.Unreachable other = DockerPinger.classify(new IllegalStateException("TLS handshake failed"));
        assertThat(other.failure()).isEqualTo(PingResult.Failure.ERROR);
        assertThat(other.reason()).contains("TLS handshake failed");
    }

    @Test
    void missingSocketIsNotRunning() {
        PingResult r = new DockerPinger().ping(DockerEndpoint.unixSocket("/nonexistent/snapotter-test.sock"));
        assertThat(r).isEqualTo(new PingResult.Unreachable(PingResult.Failure.NOT_RUNNING,
                "no socket at /nonexistent/snapotter-test.sock"));
    }

    @Test
    void aFileThatIsNotADaemonDoesNotPing(@TempDir Path tmp) throws IOException {
        Path fake = java.nio.file.Files.createFile(tmp.resolve("docker.sock"));
        PingResult r = new DockerPinger(java.time.Duration.ofSeconds(2)).ping(DockerEndpoint.unixSocket(fake.toString()));
        assertThat(r).isInstanceOf(PingResult.Unreachable.class);
    }
}
