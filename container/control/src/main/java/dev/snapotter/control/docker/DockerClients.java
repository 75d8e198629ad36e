package dev.snapotter.control.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.snapotter.control.endpoint.DockerEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Builds docker-java clients on the zerodep transport (ADR 0051). No API version is pinned: docker-java then
 * calls unversioned paths and each engine answers with its own API (works on 1.41 and on Docker 29).
 * No response timeout on the long-lived client, because follow streams (logs, events) must not be cut.
 */
public final class DockerClients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private DockerClients() {
    }

    /** The app's long-lived client: no response timeout (follow streams), a pool large enough for streams + calls. */
    public static DockerClient create(DockerEndpoint endpoint) {
        return create(endpoint, UnaryOperator.identity());
    }

    /**
     * @param wrapHttp decorates the transport, e.g. with {@link LeakTrackingHttpClient} in tests
     */
    public static DockerClient create(DockerEndpoint endpoint, UnaryOperator<DockerHttpClient> wrapHttp) {
        return build(endpoint, Optional.empty(), wrapHttp);
    }

    /** A short-lived client for pings: bounded response time so a hung engine cannot hang discovery. */
    static DockerClient forPing(DockerEndpoint endpoint, Duration responseTimeout) {
        return build(endpoint, Optional.of(responseTimeout), UnaryOperator.identity());
    }

    private static DockerClient build(DockerEndpoint endpoint, Optional<Duration> responseTimeout,
                                      UnaryOperator<DockerHttpClient> wrapHttp) {
        DockerClientConfig config = config(endpoint);
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(CONNECT_TIMEOUT);
        responseTimeout.ifPresent(http::responseTimeout);
        return DockerClientImpl.getInstance(config, wrapHttp.apply(http.build()));
    }

    static DockerClientConfig config(DockerEndpoint endpoint) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host().toString())
                .withDockerTlsVerify(endpoint.tlsVerify());
        endpoint.certPath().map(Path::toString).ifPresent(builder::withDockerCertPath);
        return builder.build();
    }
}
