package dev.snapotter.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.image.support.ComposeFile;
import dev.snapotter.image.support.Yaml2;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files say what the security contract (the seeds, docs/security.md) says. No Docker
 * needed: this runs in every build. The conformance suite then runs the compose files for real.
 */
class DeploymentManifestsTest {

    private static final List<String> SEED_CAPS = List.of("CHOWN", "SETUID", "SETGID", "DAC_OVERRIDE", "FOWNER");
    private static final List<Object> SEED_HEALTH_TEST = List.of("CMD", "curl", "-sf", "--max-time", "5", "http://localhost:1349/api/v1/health");

    private final Map<String, Object> compose = ComposeFile.load(Paths.compose()).service("SnapOtter");
    private final Map<String, Object> readOnly = ComposeFile.load(Paths.composeReadOnly()).service("SnapOtter");

    @Test
    void composeKeepsTheSeedsPortsVolumesAndEnvironment() {
        assertThat(Yaml2.string(compose, "image")).startsWith("snapotter/snapotter:");
        assertThat(Yaml2.list(compose, "ports")).containsExactly("127.0.0.1:1349:1349");
        assertThat(Yaml2.list(compose, "volumes")).containsExactly("SnapOtter-data:/data", "SnapOtter-workspace:/tmp/workspace");
        assertThat(Yaml2.list(compose, "environment"))
                .containsExactly("AUTH_ENABLED=true", "DEFAULT_PASSWORD=change-me-immediately", "RATE_LIMIT_PER_MIN=100");
        assertThat(ComposeFile.load(Paths.compose()).volumeNames()).containsExactly("SnapOtter-data", "SnapOtter-workspace");
    }

    @Test
    void composeHasTheSeedsResourceLimits() {
        assertThat(compose).containsEntry("mem_limit", "6g").containsEntry("memswap_limit", "6g")
                .containsEntry("cpus", 4).containsEntry("pids_limit", 512);
        assertThat(compose).containsEntry("shm_size", "2gb").containsEntry("restart", "unless-stopped");
    }

    @Test
    void composeDropsAllCapabilitiesAndAddsBackExactlyTheFive() {
        assertThat(Yaml2.list(compose, "cap_drop")).containsExactly("ALL");
        assertThat(Yaml2.list(compose, "cap_add")).containsExactlyElementsOf(new ArrayList<>(SEED_CAPS));
    }

    @Test
    void composeRotatesJsonLogsAt50MbTimesFive() {
        assertThat(Yaml2.string(compose, "logging", "driver")).isEqualTo("json-file");
        assertThat(Yaml2.map(compose, "logging", "options")).containsExactlyInAnyOrderEntriesOf(Map.of("max-size", "50m", "max-file", "5"));
    }

    @Test
    void composeHealthcheckUsesTheSeedsProbeAndTimings() {
        assertSeedHealthcheck(compose);
    }

    @Test
    void composeLeavesOutReadOnlyAndNoNewPrivilegesForTheDocumentedReason() {
        // The seed: the root entrypoint needs setuid for the drop and writes /etc/passwd for PUID/PGID.
        assertThat(compose).doesNotContainKeys("read_only", "security_opt", "user");
    }

    @Test
    void readOnlyVariantRunsAs999OnAReadOnlyRootWithANoexecTmp() {
        assertThat(readOnly).containsEntry("user", "999:999").containsEntry("read_only", true);
        assertThat(Yaml2.list(readOnly, "security_opt")).containsExactly("no-new-privileges:true");
        assertThat(Yaml2.list(readOnly, "cap_drop")).containsExactly("ALL");
        assertThat(readOnly).doesNotContainKey("cap_add");
        List<Object> tmpfs = Yaml2.list(readOnly, "tmpfs");
        assertThat(tmpfs).hasSize(1);
        String tmp = String.valueOf(tmpfs.getFirst());
        assertThat(tmp).startsWith("/tmp:");
        assertThat(List.of(tmp.substring(5).split(","))).contains("noexec", "nosuid", "nodev").anyMatch(o -> o.matches("size=\\d+[kmg]"));
    }

    @Test
    void readOnlyVariantSharesEveryOtherHardeningLineWithTheDefault() {
        // A standalone file must not drift from the default one (the seed's review lesson).
        for (String key : List.of("image", "ports", "volumes", "environment", "mem_limit", "memswap_limit", "cpus", "pids_limit",
                "logging", "healthcheck", "shm_size", "restart")) {
            assertThat(readOnly.get(key)).as(key).isEqualTo(compose.get(key));
        }
        assertSeedHealthcheck(readOnly);
    }

    @Test
    void everyValueLineOfTheDefaultComposeFileSaysWhy() throws IOException {
        List<String> uncommented = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.compose())) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.endsWith(":")) continue; // comments and section openers
            if (!t.contains("#")) uncommented.add(line);
        }
        assertThat(uncommented).as("lines without a why-comment").isEmpty();
    }

    @Test
    void kubernetesDeploymentRunsNonRootReadOnlyWithNoCapabilities() throws IOException {
        Map<String, Object> d = kube("Deployment");
        Map<String, Object> pod = Yaml2.map(d, "spec", "template", "spec");
        assertThat(Yaml2.map(pod, "securityContext")).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 999)
                .containsEntry("runAsGroup", 999).containsEntry("fsGroup", 999);
        Map<String, Object> c = Yaml2.map(pod, "containers", "0");
        Map<String, Object> sc = Yaml2.map(c, "securityContext");
        assertThat(sc).containsEntry("allowPrivilegeEscalation", false).containsEntry("readOnlyRootFilesystem", true);
        assertThat(Yaml2.list(sc, "capabilities", "drop")).containsExactly("ALL");
        assertThat(Yaml2.map(sc, "capabilities")).doesNotContainKey("add");
        assertThat(Yaml2.map(c, "resources", "requests")).containsEntry("cpu", "1").containsEntry("memory", "2Gi");
        assertThat(Yaml2.map(c, "resources", "limits")).containsEntry("cpu", "4").containsEntry("memory", "6Gi");
        assertThat(Yaml2.list(c, "ports")).anyMatch(p -> Integer.valueOf(1349).equals(((Map<?, ?>) p).get("containerPort")));
    }

    @Test
    void kubernetesProbesUseTheHealthEndpointWithTheSeedsTimings() throws IOException {
        Map<String, Object> c = Yaml2.map(kube("Deployment"), "spec", "template", "spec", "containers", "0");
        assertProbe(Yaml2.map(c, "livenessProbe"), 60, 30, 5);
        assertProbe(Yaml2.map(c, "readinessProbe"), 10, 10, 5);
    }

    @Test
    void kubernetesVolumesAreThePvcATmpEmptyDirAndAMemoryWorkspace() throws IOException {
        Map<String, Object> pod = Yaml2.map(kube("Deployment"), "spec", "template", "spec");
        Map<String, String> mounts = new HashMap<>();
        for (Object m : Yaml2.list(pod, "containers", "0", "volumeMounts")) {
            mounts.put(Yaml2.string(m, "mountPath"), Yaml2.string(m, "name"));
        }
        Map<String, Map<String, Object>> volumes = new HashMap<>();
        for (Object v : Yaml2.list(pod, "volumes")) volumes.put(Yaml2.string(v, "name"), Yaml2.map(v));
        String claim = Yaml2.string(volumes.get(mounts.get("/data")), "persistentVolumeClaim", "claimName");
        assertThat(claim).isEqualTo(Yaml2.string(kube("PersistentVolumeClaim"), "metadata", "name"));
        assertThat(Yaml2.map(volumes.get(mounts.get("/tmp")), "emptyDir")).isNotNull();
        assertThat(Yaml2.map(volumes.get(mounts.get("/tmp/workspace")), "emptyDir")).containsEntry("medium", "Memory")
                .containsEntry("sizeLimit", "2Gi");
    }

    @Test
    void kubernetesServiceReachesThePodOnPort1349() throws IOException {
        Map<String, Object> svc = kube("Service");
        assertThat(Yaml2.map(svc, "spec", "selector"))
                .isEqualTo(Yaml2.map(kube("Deployment"), "spec", "template", "metadata", "labels"));
        assertThat(Yaml2.string(svc, "spec", "ports", "0", "targetPort")).isEqualTo("1349");
        assertThat(Yaml2.string(svc, "spec", "type")).isEqualTo("ClusterIP");
    }

    @Test
    void kubernetesNetworkPolicyDeniesAllEgressOfThePod() throws IOException {
        Map<String, Object> np = kube("NetworkPolicy");
        assertThat(Yaml2.map(np, "spec", "podSelector", "matchLabels"))
                .isEqualTo(Yaml2.map(kube("Deployment"), "spec", "template", "metadata", "labels"));
        assertThat(Yaml2.list(np, "spec", "policyTypes")).contains("Egress");
        assertThat(Yaml2.list(np, "spec", "egress")).isEmpty();
    }

    private static void assertSeedHealthcheck(Map<String, Object> service) {
        Map<String, Object> h = Yaml2.map(service, "healthcheck");
        assertThat(Yaml2.list(h, "test")).containsExactlyElementsOf(SEED_HEALTH_TEST);
        assertThat(h).containsEntry("interval", "30s").containsEntry("timeout", "5s").containsEntry("start_period", "60s")
                .containsEntry("retries", 3);
    }

    private static void assertProbe(Map<String, Object> probe, int initialDelay, int period, int timeout) {
        assertThat(Yaml2.string(probe, "httpGet", "path")).isEqualTo("/api/v1/health");
        assertThat(Yaml2.string(probe, "httpGet", "port")).isEqualTo("1349");
        assertThat(probe).containsEntry("initialDelaySeconds", initialDelay).containsEntry("periodSeconds", period)
                .containsEntry("timeoutSeconds", timeout);
    }

    /** The one manifest of that kind among deploy/kubernetes/*.yaml. */
    private static Map<String, Object> kube(String kind) throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        try (var files = Files.list(Paths.kubernetes())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader r = Files.newBufferedReader(f)) {
                    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(r)) {
                        if (doc instanceof Map<?, ?> m && kind.equals(m.get("kind"))) found.add(Yaml2.map(doc));
                    }
                }
            }
        }
        assertThat(found).as("exactly one " + kind).hasSize(1);
        return found.getFirst();
    }
}
