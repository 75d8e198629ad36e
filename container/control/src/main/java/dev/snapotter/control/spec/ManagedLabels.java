package dev.snapotter.control.spec;

/** Labels that mark what SnapOtter created; lookups and cleanup go by these, never by name alone. */
public final class ManagedLabels {

    public static final String MANAGED = "dev.snapotter.managed";
    public static final String SPEC_VERSION = "dev.snapotter.spec-version";
    /** Set on everything the test suites create, so a crashed run can be cleaned up by label. */
    public static final String TEST = "dev.snapotter.test";
    /** Image label carrying the SnapOtter version (set by the image build). */
    public static final String IMAGE_VERSION = "org.opencontainers.image.version";

    private ManagedLabels() {
    }
}
