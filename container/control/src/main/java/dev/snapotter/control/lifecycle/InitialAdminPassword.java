package dev.snapotter.control.lifecycle;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the administrator password the server generated on first start ({@code /data/initial-admin-password},
 * mode 0600, deleted by the server once the password is changed) straight from the container, so the desktop can
 * walk the user through changing it. Works on a stopped container too; nothing goes over the network.
 */
public final class InitialAdminPassword {

    public static final String PATH = "/data/initial-admin-password";
    private static final int MAX_BYTES = 4096;

    private InitialAdminPassword() {
    }

    /** The password, or empty when the file is gone (already changed, or DEFAULT_PASSWORD was given). */
    public static Optional<String> read(DockerClient docker, String containerId) {
        return readFile(docker, containerId, PATH).map(String::strip).filter(s -> !s.isEmpty());
    }

    static Optional<String> readFile(DockerClient docker, String containerId, String path) {
        try (InputStream archive = docker.copyArchiveFromContainerCmd(containerId, path).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null || !entry.isFile()) return Optional.empty();
            if (entry.getSize() > MAX_BYTES) {
                throw new ControlException(path + " in the container is larger than " + MAX_BYTES + " bytes");
            }
            return Optional.of(new String(tar.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ControlException("Cannot read " + path + " from the container: " + e.getMessage(), e);
        }
    }
}
