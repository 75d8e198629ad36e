package dev.snapotter.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

/**
 * Restored files get the owner and group of the data folder (a helper container running as root must not
 * leave root-owned files the server, uid 999, cannot write) and owner-only modes (0600 files, 0700 folders):
 * the data holds password hashes and secrets.
 */
final class Ownership {

    private static final Logger LOG = LoggerFactory.getLogger(Ownership.class);

    private Ownership() {
    }

    static void matchDataDir(Path tree, Path dataDir) throws IOException {
        PosixFileAttributeView dataView = Files.getFileAttributeView(dataDir, PosixFileAttributeView.class);
        if (dataView == null) return; // not a POSIX file system (Windows)
        PosixFileAttributes dataAttrs = dataView.readAttributes();
        UserPrincipal owner = dataAttrs.owner();
        GroupPrincipal group = dataAttrs.group();
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                apply(dir, "rwx------");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                apply(file, "rw-------");
                return FileVisitResult.CONTINUE;
            }

            private void apply(Path p, String mode) throws IOException {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                try {
                    if (!view.getOwner().equals(owner)) view.setOwner(owner);
                    if (!view.readAttributes().group().equals(group)) view.setGroup(group);
                } catch (IOException e) {
                    // Only root can give files away; a non-root restorer already is the owner in practice.
                    LOG.debug("Could not set the owner of {}: {}", p, e.getMessage());
                }
            }
        });
    }
}
