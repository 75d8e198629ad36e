package dev.snapotter.image.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a compose service into the equivalent {@code docker run} command, so the suite runs the
 * deployment files themselves (the machine has no compose plugin). Every key of the service must be
 * understood here; an unknown key fails, so a new hardening line cannot silently go untested.
 *
 * <p>Test-only adjustments, all explicit: the built image, unique container/volume names with labels,
 * a random host port on the same 127.0.0.1 address (parallel runs on one host), CPUs clamped to the
 * host, and optional extra env / health interval / restart policy.
 */
public final class ComposeRun {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeRun.class);
    private static final Set<String> KNOWN = Set.of("image", "ports", "volumes", "environment", "mem_limit", "memswap_limit", "cpus",
            "pids_limit", "cap_drop", "cap_add", "logging", "healthcheck", "shm_size", "restart", "user", "read_only", "tmpfs",
            "security_opt");

    private final Map<String, Object> service;
    private final TestResources res;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> volumes = new LinkedHashMap<>();
    private final List<String> extraArgs = new ArrayList<>();
    private String healthInterval;
    private String restart;
    private String network;
    private boolean publish = true;

    public ComposeRun(Map<String, Object> service, TestResources res) {
        this.service = service;
        this.res = res;
        for (String key : service.keySet()) {
            if (!KNOWN.contains(key)) throw new AssertionError("compose key not understood by the suite (add it to ComposeRun): " + key);
        }
    }

    /** Adds or replaces an environment variable; a null value removes it. */
    public ComposeRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Uses this (already created, labelled) volume for the compose volume of that name. */
    public ComposeRun volume(String composeName, String dockerVolume) {
        volumes.put(composeName, dockerVolume);
        return this;
    }

    public ComposeRun healthInterval(String interval) {
        this.healthInterval = interval;
        return this;
    }

    public ComposeRun restart(String policy) {
        this.restart = policy;
        return this;
    }

    /** Runs on this network instead of the default bridge, without publishing ports. */
    public ComposeRun network(String name) {
        this.network = name;
        this.publish = false;
        return this;
    }

    public ComposeRun extra(String... args) {
        extraArgs.addAll(List.of(args));
        return this;
    }

    /** Starts the container (detached) and returns its id. */
    public String start(String image) {
        List<String> args = args(image);
        LOG.info("docker {}", String.join(" ", args));
        return Docker.ok(args.toArray(String[]::new));
    }

    public List<String> args(String image) {
        List<String> a = new ArrayList<>(List.of("run", "-d", "--name", res.name("c")));
        a.addAll(res.labelArgs());
        if (publish) {
            for (Object p : Yaml2.list(service, "ports")) a.addAll(List.of("-p", randomHostPort(String.valueOf(p))));
        }
        if (network != null) a.addAll(List.of("--network", network));
        for (Object v : Yaml2.list(service, "volumes")) {
            String[] parts = String.valueOf(v).split(":", 2);
            String vol = volumes.computeIfAbsent(parts[0], res::volume);
            a.addAll(List.of("--mount", "type=volume,src=" + vol + ",dst=" + parts[1]));
        }
        Map<String, String> merged = new LinkedHashMap<>();
        for (Object e : Yaml2.list(service, "environment")) {
            String[] kv = String.valueOf(e).split("=", 2);
            merged.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        merged.putAll(env);
        merged.forEach((k, v) -> {
            if (v != null) a.addAll(List.of("-e", k + "=" + v));
        });
        a.addAll(List.of("--memory", str("mem_limit"), "--memory-swap", str("memswap_limit")));
        a.addAll(List.of("--cpus", clampedCpus(), "--pids-limit", str("pids_limit")));
        for (Object c : Yaml2.list(service, "cap_drop")) a.addAll(List.of("--cap-drop", String.valueOf(c)));
        List<Object> capAdd = Yaml2.list(service, "cap_add");
        if (capAdd != null) for (Object c : capAdd) a.addAll(List.of("--cap-add", String.valueOf(c)));
        a.addAll(List.of("--log-driver", Yaml2.string(service, "logging", "driver")));
        Yaml2.map(service, "logging", "options").forEach((k, v) -> a.addAll(List.of("--log-opt", k + "=" + v)));
        a.addAll(health());
        a.addAll(List.of("--shm-size", str("shm_size"), "--restart", restart != null ? restart : str("restart")));
        if (service.containsKey("user")) a.addAll(List.of("--user", str("user")));
        if (Boolean.TRUE.equals(service.get("read_only"))) a.add("--read-only");
        List<Object> tmpfs = Yaml2.list(service, "tmpfs");
        if (tmpfs != null) for (Object t : tmpfs) a.addAll(List.of("--tmpfs", String.valueOf(t)));
        List<Object> secOpts = Yaml2.list(service, "security_opt");
        if (secOpts != null) for (Object s : secOpts) a.addAll(List.of("--security-opt", String.valueOf(s)));
        a.addAll(extraArgs);
        a.add(image);
        return a;
    }

    private List<String> health() {
        Map<String, Object> h = Yaml2.map(service, "healthcheck");
        List<Object> test = Yaml2.list(h, "test");
        if (!"CMD".equals(test.getFirst())) throw new AssertionError("healthcheck.test must use the exec form [\"CMD\", …]");
        // docker run only takes the shell form; the words are simple (no quoting needed), so this is the same command.
        String cmd = String.join(" ", test.subList(1, test.size()).stream().map(String::valueOf).toList());
        return List.of("--health-cmd", cmd, "--health-interval", healthInterval != null ? healthInterval : Yaml2.string(h, "interval"),
                "--health-timeout", Yaml2.string(h, "timeout"), "--health-start-period", Yaml2.string(h, "start_period"),
                "--health-retries", Yaml2.string(h, "retries"));
    }

    /** "127.0.0.1:1349:1349" -> "127.0.0.1::1349": same address, a free host port. */
    static String randomHostPort(String spec) {
        String[] p = spec.split(":");
        if (p.length != 3) throw new AssertionError("port must be IP:HOST:CONTAINER, got " + spec);
        return p[0] + "::" + p[2];
    }

    /** Docker refuses more CPUs than the host has (feasibility §3, gotcha 1). */
    private String clampedCpus() {
        double wanted = Double.parseDouble(str("cpus"));
        int host = HostInfo.cpus();
        if (wanted > host) LOG.info("cpus: {} clamped to the host's {} CPUs", wanted, host);
        return String.valueOf(Math.min(wanted, host));
    }

    private String str(String key) {
        Object v = service.get(key);
        if (v == null) throw new AssertionError("compose service lacks " + key);
        return String.valueOf(v);
    }
}
