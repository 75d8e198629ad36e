package dev.snapotter.desktop.server;

import dev.snapotter.control.endpoint.DockerUnavailableException;
import dev.snapotter.control.endpoint.FoundEndpoint;
import dev.snapotter.control.lifecycle.HealthSnapshot;
import dev.snapotter.control.monitor.LogLine;
import dev.snapotter.control.monitor.StatsSample;
import dev.snapotter.control.spec.ContainerSpec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the Server area asks of Docker, in one narrow port so the ViewModels are tested with a fake and
 * the app uses {@link DockerServerControl} over the control library. All methods block; callers run them on
 * {@code Lane.SERVER}.
 */
public interface ServerControl extends AutoCloseable {

    /** Finds the Docker engine (cached after the first success). */
    FoundEndpoint connect() throws DockerUnavailableException;

    String image();

    /** The host port the server will publish (the preferred one, or the one the user accepted). */
    int port();

    /** Publishes on {@code port} from now on (the user accepted a free port instead of a busy one). */
    void usePort(int port);

    boolean imagePresent();

    /** The image archive shipped with the app, if one is found. */
    Optional<Path> bundledImage();

    /** Loads an image archive; returns the daemon's message. Damaged archives throw and change nothing. */
    String loadImage(Path archive);

    boolean containerExists();

    boolean portFree(int port);

    /** A free port at or after {@code preferred}. */
    int freePortFrom(int preferred);

    /** Image, volumes, container, start, wait until healthy; each step reported as plain text. */
    HealthSnapshot startAll(Consumer<String> steps);

    Optional<ServerStatus> status();

    void stop();

    void restart();

    /** Removes the container; the data volumes only when {@code deleteData}. */
    void remove(boolean deleteData);

    /** The administrator password the server generated on first start, read from the container; empty once changed. */
    Optional<String> initialAdminPassword();

    /**
     * Update: loads {@code archive}, recreates the container from its image with the same volumes and port, waits
     * until healthy; if it never is, the previous container runs again and
     * {@link dev.snapotter.control.lifecycle.UpdateRolledBackException} says why.
     */
    HealthSnapshot update(Path archive, Consumer<String> steps);

    /** The spec the next create uses (settings applied). */
    ContainerSpec spec();

    /** Uses {@code spec} from the next create on; an existing container keeps its settings until recreated. */
    void useSpec(ContainerSpec spec);

    /** CPUs the Docker engine has (the spec's CPUs are clamped to it); 0 when unknown. */
    int engineCpus();

    /** Removes the container (the data volumes stay) and starts a new one from the current spec. */
    HealthSnapshot recreate(Consumer<String> steps);

    /** Follows the logs (last {@code tail} lines first) until {@link #closeStreams()}. */
    void followLogs(int tail, Consumer<LogLine> sink);

    /** Samples CPU and memory every few seconds until {@link #closeStreams()}. */
    void collectStats(Consumer<StatsSample> sink);

    /** Closes every log and stats stream opened so far. */
    void closeStreams();

    @Override
    void close();
}
