package dev.snapotter.control.backup;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.snapotter.control.lifecycle.ContainerLifecycle;
import dev.snapotter.control.lifecycle.ControlException;
import dev.snapotter.control.lifecycle.HealthSnapshot;
import dev.snapotter.control.spec.VolumeMount;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link ManagedServer} over the one {@link ContainerLifecycle}: the container is stopped and started, never
 * recreated from inspect output (ADR 0052); a missing container is created from the spec.
 */
public final class LifecycleServer implements ManagedServer {

    private final ContainerLifecycle lifecycle;

    public LifecycleServer(ContainerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public State state() {
        Optional<InspectContainerResponse> c = lifecycle.inspect();
        if (c.isEmpty()) return State.ABSENT;
        HealthSnapshot h = HealthSnapshot.of(c.get());
        if (!h.running()) return State.STOPPED;
        return h.healthy() ? State.RUNNING_HEALTHY : State.RUNNING_UNHEALTHY;
    }

    @Override
    public String image() {
        return lifecycle.spec().image();
    }

    @Override
    public String dataVolume() {
        return lifecycle.spec().volumes().stream().filter(v -> v.target().equals("/data"))
                .map(VolumeMount::volume).findFirst()
                .orElseThrow(() -> new ControlException("The container spec mounts no volume at /data"));
    }

    @Override
    public void stop() {
        if (lifecycle.inspect().isPresent()) lifecycle.stop();
    }

    @Override
    public void startAndWaitHealthy(Consumer<String> progress) {
        if (lifecycle.inspect().isEmpty()) {
            progress.accept("Creating the container");
            lifecycle.ensureVolumes();
            lifecycle.create();
        }
        progress.accept("Starting the server");
        lifecycle.start();
        progress.accept("Waiting until the server is healthy");
        lifecycle.waitHealthy(s -> progress.accept("Health: " + s.health()));
    }
}
