package dev.snapotter.control.lifecycle;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.snapotter.control.spec.ContainerSpec;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Update = new image → recreate from the spec with the same volumes and port → health gate → remove the old
 * container; if the new one never becomes healthy, it is removed and the old one is renamed back and started.
 * The old container is kept (renamed {@code <name>-previous}) until the new one is healthy, so a crash in the
 * middle leaves a recoverable state ({@link #recoverInterruptedUpdate()}).
 */
public final class ContainerUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerUpdater.class);

    private final ContainerLifecycle lifecycle;
    private final DockerClient docker;

    public ContainerUpdater(ContainerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.docker = lifecycle.docker();
    }

    String previousName() {
        return lifecycle.spec().name() + "-previous";
    }

    /**
     * @return the new container's healthy snapshot
     * @throws UpdateRolledBackException when the new container failed and the old one runs again
     */
    public HealthSnapshot update(String newImage, Consumer<String> steps) {
        recoverInterruptedUpdate();
        ImageStore images = lifecycle.images();
        images.verify(images.find(newImage).orElseThrow(() -> new ImageLoadException(
                "The new image " + newImage + " is not in Docker; load it first")), Optional.empty());
        InspectContainerResponse old = lifecycle.inspect().orElseThrow(
                () -> new ControlException("There is no container to update; start it first"));
        ContainerSpec oldSpec = lifecycle.spec();
        steps.accept("Stopping the current container");
        lifecycle.stopById(old.getId());
        docker.renameContainerCmd(old.getId()).withName(previousName()).exec();
        ContainerSpec newSpec = oldSpec.withImage(newImage);
        String newId = null;
        try {
            steps.accept("Creating the container from " + newImage);
            newId = lifecycle.createFrom(newSpec);
            lifecycle.startById(newId);
            steps.accept("Waiting until the new container is healthy");
            HealthSnapshot healthy = lifecycle.waitHealthyById(newId, s -> steps.accept("Health: " + s.health()));
            lifecycle.replaceSpec(newSpec);
            docker.removeContainerCmd(old.getId()).withForce(true).exec();
            LOG.info("Updated {} to {}", newSpec.name(), newImage);
            return healthy;
        } catch (RuntimeException failure) {
            LOG.warn("Update to {} failed, rolling back: {}", newImage, failure.getMessage());
            steps.accept("The new container failed; going back to the previous one");
            rollback(newId, old.getId());
            throw new UpdateRolledBackException("The update to " + newImage + " failed and was rolled back: "
                    + failure.getMessage(), failure);
        }
    }

    private void rollback(String newId, String oldId) {
        if (newId != null) docker.removeContainerCmd(newId).withForce(true).exec();
        docker.renameContainerCmd(oldId).withName(lifecycle.spec().name()).exec();
        lifecycle.startById(oldId);
        lifecycle.waitHealthyById(oldId, s -> { });
    }

    /** After a crash mid-update: if only {@code <name>-previous} exists, it becomes the container again. */
    public void recoverInterruptedUpdate() {
        Optional<InspectContainerResponse> previous = lifecycle.inspectManaged(previousName());
        if (previous.isEmpty()) return;
        Optional<InspectContainerResponse> current = lifecycle.inspect();
        if (current.isPresent()) {
            // The new container exists: its fate was not decided. Keep the known-good one, drop the new.
            docker.removeContainerCmd(current.get().getId()).withForce(true).exec();
        }
        docker.renameContainerCmd(previous.get().getId()).withName(lifecycle.spec().name()).exec();
        LOG.warn("Recovered the previous container after an interrupted update");
    }
}
