package dev.snapotter.control.monitor;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Subscribes to start/die/oom/health_status events of one container. The action filter is applied here, not in
 * the daemon: health events carry the status in the action ("health_status: healthy"), which exact-match
 * daemon filters handle differently across engine versions.
 */
public final class ContainerEvents {

    private final DockerClient docker;
    private final StreamRegistry registry;

    public ContainerEvents(DockerClient docker, StreamRegistry registry) {
        this.docker = docker;
        this.registry = registry;
    }

    /** Starts the subscription; close the result to end it. */
    public StreamRegistry.Registration subscribe(String containerId, Consumer<ContainerEvent> sink) {
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                ContainerEvent e = ContainerEvent.of(event);
                if (e.kind() != ContainerEvent.Kind.OTHER) sink.accept(e);
            }
        };
        StreamRegistry.Registration registration = registry.register("events " + containerId, callback);
        // "since now" replays what happens while the connection is still being set up.
        docker.eventsCmd().withSince(Long.toString(Instant.now().getEpochSecond()))
                .withContainerFilter(containerId).withEventTypeFilter(EventType.CONTAINER).exec(callback);
        return registration;
    }
}
