package dev.snapotter.control.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerContextStrategyTest {

    @TempDir
    Path tmp;

    private final DockerContextStrategy strategy = new DockerContextStrategy();

    private FakeHost withContext(String name, String host) {
        FakeHost h = new FakeHost(tmp);
        String digest = DockerContextStrategy.sha256(name);
        h.file("/home/otter/.docker/config.json", "{\"auths\":{},\"currentContext\":\"" + name + "\"}");
        h.file("/home/otter/.docker/contexts/meta/" + digest + "/meta.json",
                "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + host
                        + "\",\"SkipTLSVerify\":false}}}");
        return h;
    }

    @Test
    void readsTheCurrentContextsEndpoint() {
        FakeHost h = withContext("colima", "unix:///home/otter/.colima/default/docker.sock");
        Probe p = strategy.locate(h.environment());
        assertThat(p).isInstanceOf(Probe.Candidate.class);
        assertThat(((Probe.Candidate) p).endpoint().host().toString())
                .isEqualTo("unix:///home/otter/.colima/default/docker.sock");
    }

    @Test
    void knownDigestOfContextName() {
        // The docker CLI stores context "default"-style names under sha256(name); this is sha256("colima").
        assertThat(DockerContextStrategy.sha256("colima"))
                .isEqualTo("f24fd3749c1368328e2b149bec149cb6795619f244c5b584e844961215dadd16");
    }

    @Test
    void dockerContextVariableOverridesConfigAndTlsFilesAreUsedForTcp() {
        FakeHost h = withContext("colima", "unix:///x.sock");
        String digest = DockerContextStrategy.sha256("remote");
        h.file("/home/otter/.docker/contexts/meta/" + digest + "/meta.json",
                "{\"Name\":\"remote\",\"Endpoints\":{\"docker\":{\"Host\":\"tcp://10.1.1.1:2376\"}}}");
        h.file("/home/otter/.docker/contexts/tls/" + digest + "/docker/ca.pem", "x");
        h.env.put("DOCKER_CONTEXT", "remote");
        Probe.Candidate c = (Probe.Candidate) strategy.locate(h.environment());
        assertThat(c.endpoint().host().toString()).isEqualTo("tcp://10.1.1.1:2376");
        assertThat(c.endpoint().tlsVerify()).isTrue();
        assertThat(c.endpoint().certPath().orElseThrow()).endsWith(Path.of(digest, "docker"));
    }

    @Test
    void explainsEverySkip() {
        FakeHost h = new FakeHost(tmp);
        assertThat(((Probe.Skipped) strategy.locate(h.environment())).reason()).contains("config.json");
        h.file("/home/otter/.docker/config.json", "{\"auths\":{}}");
        assertThat(((Probe.Skipped) strategy.locate(h.environment())).reason()).contains("no current context");
        h.file("/home/otter/.docker/config.json", "{\"currentContext\":\"default\"}");
        assertThat(((Probe.Skipped) strategy.locate(h.environment())).reason()).contains("'default'");
        h.file("/home/otter/.docker/config.json", "{\"currentContext\":\"ghost\"}");
        assertThat(((Probe.Skipped) strategy.locate(h.environment())).reason()).contains("'ghost' has no");
        h.file("/home/otter/.docker/config.json", "{not json");
        assertThat(((Probe.Skipped) strategy.locate(h.environment())).reason()).startsWith("cannot read");
    }

    @Test
    void dockerConfigVariableMovesTheConfigDir() {
        FakeHost h = new FakeHost(tmp);
        h.file("/etc/dc/config.json", "{\"currentContext\":\"rd\"}");
        h.file("/etc/dc/contexts/meta/" + DockerContextStrategy.sha256("rd") + "/meta.json",
                "{\"Endpoints\":{\"docker\":{\"Host\":\"unix:///home/otter/.rd/docker.sock\"}}}");
        h.env.put("DOCKER_CONFIG", tmp.resolve("etc/dc").toString());
        Probe.Candidate c = (Probe.Candidate) strategy.locate(h.environment());
        assertThat(c.endpoint().host().toString()).isEqualTo("unix:///home/otter/.rd/docker.sock");
    }
}
