package dev.snapotter.image.support;

/** Facts about the Docker host the suite needs. */
public final class HostInfo {

    private static volatile Integer cpus;

    private HostInfo() {
    }

    /** CPUs the daemon sees (what --cpus is checked against). */
    public static int cpus() {
        if (cpus == null) cpus = Integer.parseInt(Docker.ok("info", "--format", "{{.NCPU}}"));
        return cpus;
    }
}
