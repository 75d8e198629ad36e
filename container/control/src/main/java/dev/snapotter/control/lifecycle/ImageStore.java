package dev.snapotter.control.lifecycle;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.LoadImageCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.snapotter.control.spec.ManagedLabels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local images: find, check, and load from a tar with the <em>async</em> load so the daemon's own error
 * reaches the user (the sync {@code loadImageCmd} swallows it, docker-java #1194).
 */
public final class ImageStore {

    private static final Logger LOG = LoggerFactory.getLogger(ImageStore.class);

    private final DockerClient docker;

    public ImageStore(DockerClient docker) {
        this.docker = docker;
    }

    public Optional<ImageInfo> find(String reference) {
        try {
            InspectImageResponse image = docker.inspectImageCmd(reference).exec();
            return Optional.of(new ImageInfo(reference, image.getId(),
                    image.getConfig() == null ? null : image.getConfig().getLabels()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Loads {@code archive} into the engine and returns the daemon's message ("Loaded image: …").
     * A damaged archive gives the daemon's error as an {@link ImageLoadException}; the daemon loads atomically,
     * so nothing changes.
     */
    public String load(Path archive) {
        try (InputStream tar = ImageArchives.openTar(archive)) {
            String message = docker.loadImageAsyncCmd(tar).exec(new LoadImageCallback()).awaitMessage();
            LOG.info("Loaded {}: {}", archive, message);
            return message;
        } catch (DockerException e) {
            throw new ImageLoadException("Docker could not load " + archive.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImageLoadException("Cannot read " + archive + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof ImageLoadException) throw e;
            throw new ImageLoadException("Docker could not load " + archive.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Refuses images that are not SnapOtter images, or not the expected version when one is given. */
    public ImageInfo verify(ImageInfo image, Optional<String> expectedVersion) {
        if (!"true".equals(image.labels().get(ManagedLabels.MANAGED))) {
            throw new ImageLoadException("The image " + image.reference() + " is not a SnapOtter image (label "
                    + ManagedLabels.MANAGED + "=true missing)");
        }
        if (expectedVersion.isPresent() && !expectedVersion.equals(image.version())) {
            throw new ImageLoadException("The image " + image.reference() + " has version "
                    + image.version().orElse("(none)") + ", expected " + expectedVersion.get());
        }
        return image;
    }
}
