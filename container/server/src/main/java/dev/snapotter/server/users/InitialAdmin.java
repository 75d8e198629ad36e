package dev.snapotter.server.users;

import dev.snapotter.server.auth.BuiltInRole;
import dev.snapotter.server.auth.PasswordHasher;
import dev.snapotter.server.auth.Tokens;
import dev.snapotter.server.config.AuthSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the first administrator when the database has no users. There is no built-in default
 * password: without DEFAULT_PASSWORD(_FILE) a random one is generated and written to
 * {@code DATA_DIR/initial-admin-password} (mode 0600), and the admin must change it at first login.
 */
public final class InitialAdmin {

    public static final String FILE_NAME = "initial-admin-password";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    private InitialAdmin() {
    }

    public static void ensure(AuthSettings auth, Path dataDir, UserRepository users, PasswordHasher hasher) {
        if (!auth.enabled() || users.count() > 0) return;
        boolean generated = auth.defaultPassword().isEmpty();
        String password = auth.defaultPassword().orElseGet(Tokens::generatedPassword);
        boolean mustChange = generated || !auth.skipMustChangePassword();
        if (generated) writeSecretFile(dataDir.resolve(FILE_NAME), password);
        users.create(auth.defaultUsername(), hasher.hash(password), BuiltInRole.ADMIN.roleName(), "Default", mustChange);
        if (generated) {
            LOG.warn("Created administrator '{}' with a generated password, stored in {} (readable by this user only). "
                    + "Log in with it and choose a new password; the file is deleted when you do.", auth.defaultUsername(), dataDir.resolve(FILE_NAME));
        } else {
            LOG.info("Created administrator '{}' with the password from DEFAULT_PASSWORD{}", auth.defaultUsername(),
                    mustChange ? " (must be changed at first login)" : "");
        }
    }

    /** Deletes the generated password file once it is no longer valid. */
    public static void forget(Path dataDir) {
        try {
            if (Files.deleteIfExists(dataDir.resolve(FILE_NAME))) LOG.info("Removed {}", dataDir.resolve(FILE_NAME));
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", dataDir.resolve(FILE_NAME), e.getMessage());
        }
    }

    /** Temp file created 0600 from the start (no window where it is world-readable), then renamed. */
    static void writeSecretFile(Path target, String content) {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path tmp = posix
                    ? Files.createTempFile(target.getParent(), ".initial-admin-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(target.getParent(), ".initial-admin-", ".tmp");
            Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
