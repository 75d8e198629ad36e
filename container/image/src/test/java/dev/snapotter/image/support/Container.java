package dev.snapotter.image.support;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A running (or exited) container of the suite, seen through the docker CLI. */
public record Container(String id) {

    public JsonNode inspect() {
        return Docker.inspect(id);
    }

    public String logs() {
        ExecResult r = Docker.run("logs", id);
        return r.stdout() + r.stderr();
    }

    public ExecResult exec(String... cmd) {
        return execWith(List.of(), null, cmd);
    }

    public ExecResult execAs(String user, String... cmd) {
        return execWith(List.of("-u", user), null, cmd);
    }

    /** docker exec -i with bytes on stdin. */
    public ExecResult execWithInput(byte[] stdin, String... cmd) {
        return execWith(List.of("-i"), stdin, cmd);
    }

    private ExecResult execWith(List<String> opts, byte[] stdin, String... cmd) {
        List<String> a = new ArrayList<>(List.of("docker", "exec"));
        a.addAll(opts);
        a.add(id);
        a.addAll(List.of(cmd));
        return Docker.exec(Duration.ofMinutes(2), a, stdin);
    }

    public String healthStatus() {
        JsonNode h = inspect().path("State").path("Health").path("Status");
        return h.isMissingNode() ? "none" : h.asText();
    }

    /** Waits for "healthy"; fails at once (with the logs) if the container stops or turns unhealthy. */
    public Duration awaitHealthy(Duration max) {
        long t0 = System.nanoTime();
        while (true) {
            JsonNode state = inspect().path("State");
            String health = state.path("Health").path("Status").asText("none");
            if ("healthy".equals(health)) return Duration.ofNanos(System.nanoTime() - t0);
            if (!state.path("Running").asBoolean() || "unhealthy".equals(health)) {
                fail("container " + id + " is " + state.path("Status").asText() + "/" + health + " (exit " + state.path("ExitCode").asInt()
                        + ") instead of healthy. Logs:\n" + logs());
            }
            if (System.nanoTime() - t0 > max.toNanos()) fail("not healthy after " + max + " (health " + health + "). Logs:\n" + logs());
            sleep(250);
        }
    }

    /** Waits until the server answers its health endpoint from inside (without relying on Docker's health status). */
    public Duration awaitResponding(Duration max) {
        long t0 = System.nanoTime();
        while (true) {
            if (exec("curl", "-sf", "--max-time", "2", "http://127.0.0.1:1349/api/v1/health").ok()) return Duration.ofNanos(System.nanoTime() - t0);
            JsonNode state = inspect().path("State");
            if (!state.path("Running").asBoolean()) fail("container stopped (exit " + state.path("ExitCode").asInt() + "). Logs:\n" + logs());
            if (System.nanoTime() - t0 > max.toNanos()) fail("no answer after " + max + ". Logs:\n" + logs());
            sleep(250);
        }
    }

    /** Waits for the container to stop by itself and returns its exit code. */
    public int awaitExit(Duration max) {
        long t0 = System.nanoTime();
        while (true) {
            JsonNode state = inspect().path("State");
            if (!state.path("Running").asBoolean() && !state.path("Restarting").asBoolean()) return state.path("ExitCode").asInt();
            if (System.nanoTime() - t0 > max.toNanos()) fail("still running after " + max + ". Logs:\n" + logs());
            sleep(200);
        }
    }

    /** docker stop; returns how long it took (SIGTERM must reach the JVM: far below the timeout). */
    public Duration stop(int timeoutSeconds) {
        long t0 = System.nanoTime();
        Docker.ok("stop", "-t", String.valueOf(timeoutSeconds), id);
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    public void remove() {
        Docker.ok("rm", "-f", id);
    }

    /** Every process of the container except the probe itself, with ids and capability sets. */
    public List<ProcessInfo> processes() {
        String script = "for d in /proc/[0-9]*; do p=${d#/proc/}; [ \"$p\" = $$ ] && continue; "
                + "s=$(cat $d/status 2>/dev/null) || continue; pp=$(echo \"$s\" | awk '/^PPid:/{print $2}'); [ \"$pp\" = $$ ] && continue; "
                + "echo \"$p|$pp|$(echo \"$s\" | awk '/^Uid:/{print $2\",\"$3\",\"$4\",\"$5}')|$(echo \"$s\" | awk '/^Gid:/{print $2\",\"$3\",\"$4\",\"$5}')"
                + "|$(echo \"$s\" | awk '/^CapEff:/{print $2}')|$(echo \"$s\" | awk '/^CapBnd:/{print $2}')|$(echo \"$s\" | awk '/^NoNewPrivs:/{print $2}')"
                + "|$(tr '\\0' ' ' < $d/cmdline)\"; done";
        ExecResult r = exec("sh", "-c", script);
        if (!r.ok()) fail("cannot list processes: " + r.describe());
        return r.stdout().lines().filter(l -> !l.isBlank()).map(ProcessInfo::parse).toList();
    }

    /**
     * PID 1 and its descendants: the server's own tree. {@code docker exec} processes (this probe,
     * Docker's health checks) enter the namespace from outside and have PPid 0, so they are not in it.
     */
    public List<ProcessInfo> serverTree() {
        List<ProcessInfo> all = processes();
        java.util.Set<Integer> tree = new java.util.HashSet<>(java.util.Set.of(1));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ProcessInfo p : all) if (tree.contains(p.ppid()) && tree.add(p.pid())) grew = true;
        }
        return all.stream().filter(p -> tree.contains(p.pid())).toList();
    }

    public ProcessInfo javaProcess() {
        return processes().stream().filter(p -> p.cmdline().startsWith("/opt/java/bin/java")).findFirst()
                .orElseThrow(() -> new AssertionError("no java process in " + id + ": " + processes() + "\nLogs:\n" + logs()));
    }

    public int hostPort(int containerPort) {
        JsonNode b = inspect().path("NetworkSettings").path("Ports").path(containerPort + "/tcp").path(0);
        if (b.isMissingNode()) fail("port " + containerPort + " is not published");
        return Integer.parseInt(b.path("HostPort").asText());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
