package dev.snapotter.engine.codec.vips;

/** A libvips call failed; carries libvips' message. Never leaves the package: the codec translates it. */
final class VipsException extends RuntimeException {

    private final boolean perhapsAnotherJobs;

    VipsException(String operation, String vipsMessage) {
        this(operation, vipsMessage, false);
    }

    /**
     * @param perhapsAnotherJobs the failure was read from libvips' process-wide error buffer while other jobs ran, so it
     *                           may be theirs: {@link Vips#job} runs the work again alone to know
     */
    VipsException(String operation, String vipsMessage, boolean perhapsAnotherJobs) {
        super(operation + ": " + vipsMessage);
        this.perhapsAnotherJobs = perhapsAnotherJobs;
    }

    boolean perhapsAnotherJobs() {
        return perhapsAnotherJobs;
    }
}
