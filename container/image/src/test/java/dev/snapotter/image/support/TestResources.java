package dev.snapotter.image.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names, labels and clean-up for everything a test creates in Docker. Every container, volume and
 * network carries dev.snapotter.managed=true, dev.snapotter.test=true and this run's id, and
 * {@link #close()} removes exactly what carries this run's id (parallel runs never touch each other).
 */
public final class TestResources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestResources.class);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> networks = new ArrayList<>();

    public String runLabel() {
        return "dev.snapotter.test.run=" + run;
    }

    public List<String> labelArgs() {
        return List.of("--label", "dev.snapotter.managed=true", "--label", "dev.snapotter.test=true", "--label", runLabel());
    }

    public String name(String kind) {
        return "snapotter-test-" + run + "-" + kind + SEQ.incrementAndGet();
    }

    /** Creates a labelled named volume. */
    public String volume(String hint) {
        String name = name("vol-" + hint.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-");
        List<String> a = new ArrayList<>(List.of("volume", "create"));
        a.addAll(labelArgs());
        a.add(name);
        Docker.ok(a.toArray(String[]::new));
        return name;
    }

    /** Creates a labelled network; internal = no route out of the host. */
    public String network(boolean internal) {
        String name = name("net");
        List<String> a = new ArrayList<>(List.of("network", "create"));
        if (internal) a.add("--internal");
        a.addAll(labelArgs());
        a.add(name);
        Docker.ok(a.toArray(String[]::new));
        networks.add(name);
        return name;
    }

    /** Runs a short-lived helper container (labelled, removed afterwards) and returns its result. */
    public ExecResult helper(String... args) {
        List<String> a = new ArrayList<>(List.of("run", "--rm"));
        a.addAll(labelArgs());
        a.addAll(List.of(args));
        return Docker.run(a.toArray(String[]::new));
    }

    /** Like {@link #helper}, with bytes on the helper's stdin. */
    public ExecResult helperWithInput(byte[] stdin, String... args) {
        List<String> a = new ArrayList<>(List.of("docker", "run", "--rm", "-i"));
        a.addAll(labelArgs());
        a.addAll(List.of(args));
        return Docker.exec(java.time.Duration.ofMinutes(2), a, stdin);
    }

    @Override
    public void close() {
        String filter = "label=" + runLabel();
        String containers = Docker.run("ps", "-aq", "--filter", filter).stdout().strip();
        if (!containers.isEmpty()) {
            List<String> a = new ArrayList<>(List.of("rm", "-f", "-v"));
            a.addAll(List.of(containers.split("\\s+")));
            Docker.run(a.toArray(String[]::new));
        }
        for (String n : networks) Docker.run("network", "rm", n);
        String volumes = Docker.run("volume", "ls", "-q", "--filter", filter).stdout().strip();
        if (!volumes.isEmpty()) {
            List<String> a = new ArrayList<>(List.of("volume", "rm", "-f"));
            a.addAll(List.of(volumes.split("\\s+")));
            Docker.run(a.toArray(String[]::new));
        }
        LOG.info("cleaned up test run {} (containers: {}, volumes: {})", run,
                containers.isEmpty() ? 0 : containers.split("\\s+").length, volumes.isEmpty() ? 0 : volumes.split("\\s+").length);
    }
}
