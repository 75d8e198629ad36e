package dev.snapotter.server;

import java.util.function.Consumer;

/**
 * Warns loudly when the server runs as root (CIS Docker Benchmark 4.1). A warning, not a refusal:
 * some operators run rootless Docker where uid 0 in the container is unprivileged on the host.
 */
public final class RootCanary {

    static final String MESSAGE = "Running as root (uid 0) — CIS Docker §4.1 violation. Run the container as a non-root user "
            + "(the image's snapotter user, docker --user, or Kubernetes runAsUser/runAsNonRoot).";

    private RootCanary() {
    }

    /** Returns true (and emits the warning) when running as uid 0. */
    public static boolean check(UidSource uid, Consumer<String> warn) {
        boolean root = uid.uid().isPresent() && uid.uid().getAsLong() == 0;
        if (root) warn.accept(MESSAGE);
        return root;
    }
}
