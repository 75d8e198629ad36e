package dev.snapotter.control.backup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.command.InspectContainerResponse.Mount;
import dev.snapotter.control.lifecycle.ControlException;
import dev.snapotter.control.lifecycle.HealthSnapshot;
import dev.snapotter.control.lifecycle.HealthWaiter;
import dev.snapotter.control.spec.ManagedLabels;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link ManagedServer} for an EXISTING managed container known only by name (the CLI on a headless server, where
 * no desktop settings hold the spec). It stops and starts that container and reads which image and data volume it
 * uses to run the helper on them; it never creates or recreates a container (that stays with the spec, ADR 0052).
 */
public final class NamedContainerServer implements ManagedServer {

    private static final int STOP_TIMEOUT_SECONDS = 15;

    private final DockerClient docker;
    private final String name;
    private final HealthWaiter waiter;

    public NamedContainerServer(DockerClient docker, String name, HealthWaiter waiter) {
        this.docker = docker;
        this.name = name;
        this.waiter = waiter;
    }

    private InspectContainerResponse inspect() {
        InspectContainerResponse c;
        try {
            c = docker.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            throw new ControlException("There is no container named '" + name + "'");
        }
        Map<String, String> labels = c.getConfig() == null ? null : c.getConfig().getLabels();
        if (labels == null || !"true".equals(labels.get(ManagedLabels.MANAGED))) {
            throw new ControlException("The container '" + name + "' was not created by SnapOtter (no "
                    + ManagedLabels.MANAGED + " label); refusing to stop it or touch its volumes");
        }
        return c;
    }

    @Override
    public State state() {
        HealthSnapshot h = HealthSnapshot.of(inspect());
        if (!h.running()) return State.STOPPED;
        return h.healthy() ? State.RUNNING_HEALTHY : State.RUNNING_UNHEALTHY;
    }

    @Override
    public String image() {
        return inspect().getConfig().getImage();
    }

    @Override
    public String dataVolume() {
        InspectContainerResponse c = inspect();
        if (c.getMounts() != null) {
            for (Mount m : c.getMounts()) {
                if (m.getDestination() != null && "/data".equals(m.getDestination().getPath()) && m.getName() != null) {
                    return m.getName();
                }
            }
        }
        throw new ControlException("The container '" + name + "' has no named volume at /data; back up its bind"
                + " mount with the server API instead");
    }

    /** The port the server publishes on the host, for the API route. */
    public java.util.Optional<Integer> publishedPort(int containerPort) {
        var bindings = inspect().getNetworkSettings().getPorts().getBindings()
                .get(com.github.dockerjava.api.model.ExposedPort.tcp(containerPort));
        if (bindings == null || bindings.length == 0) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(Integer.parseInt(bindings[0].getHostPortSpec()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void stop() {
        try {
            docker.stopContainerCmd(inspect().getId()).withTimeout(STOP_TIMEOUT_SECONDS).exec();
        } catch (NotModifiedException alreadyStopped) {
            // fine
        }
    }

    @Override
    public void startAndWaitHealthy(Consumer<String> progress) {
        String id = inspect().getId();
        progress.accept("Starting " + name);
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            // fine
        }
        progress.accept("Waiting until " + name + " is healthy");
        waiter.await(() -> HealthSnapshot.of(docker.inspectContainerCmd(id).exec()),
                s -> progress.accept("Health: " + s.health()));
    }
}
