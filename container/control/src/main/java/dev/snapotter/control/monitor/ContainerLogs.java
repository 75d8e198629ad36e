package dev.snapotter.control.monitor;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Reads and follows container logs as whole, ANSI-free lines. */
public final class ContainerLogs {

    private final DockerClient docker;
    private final StreamRegistry registry;

    public ContainerLogs(DockerClient docker, StreamRegistry registry) {
        this.docker = docker;
        this.registry = registry;
    }

    /** Opens a (possibly following) log stream; the caller closes it. */
    public LogStream open(String containerId, LogRequest request, Consumer<LogLine> sink) {
        LogContainerCmd cmd = docker.logContainerCmd(containerId)
                .withStdOut(true).withStdErr(true)
                .withFollowStream(request.follow())
                .withTimestamps(request.timestamps());
        if (request.tail() >= 0) cmd = cmd.withTail(request.tail());
        LogStream stream = new LogStream(request.timestamps(), sink);
        stream.registered(registry.register("logs " + containerId, stream.callback()));
        cmd.exec(stream.callback());
        return stream;
    }

    /** The last {@code lines} lines, read to the end and closed. */
    public List<LogLine> tail(String containerId, int lines, boolean timestamps) throws InterruptedException {
        List<LogLine> out = new ArrayList<>();
        try (LogStream stream = open(containerId, new LogRequest(lines, false, timestamps), line -> {
            synchronized (out) {
                out.add(line);
            }
        })) {
            if (!stream.awaitCompletion(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Reading the logs of " + containerId + " did not finish in 30 s");
            }
        }
        synchronized (out) {
            return List.copyOf(out);
        }
    }
}
