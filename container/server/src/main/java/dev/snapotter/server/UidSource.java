package dev.snapotter.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The process's user id; injectable so the root canary can be tested both ways without running as root. */
@FunctionalInterface
public interface UidSource {

    OptionalLong uid();

    /** Reads the owner of /proc/self (Linux); empty where that does not exist. */
    static UidSource system() {
        return () -> {
            try {
                Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
                return uid instanceof Integer i ? OptionalLong.of(i) : OptionalLong.empty();
            } catch (Exception e) {
                return OptionalLong.empty();
            }
        };
    }

    static UidSource fixed(long uid) {
        return () -> OptionalLong.of(uid);
    }
}
