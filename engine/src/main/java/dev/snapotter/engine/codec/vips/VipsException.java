package dev.snapotter.engine.codec.vips;

/** A libvips call failed; carries libvips' message. Never leaves the package: the codec translates it. */
final class VipsException extends RuntimeException {

    VipsException(String operation, String vipsMessage) {
        super(operation + ": " + vipsMessage);
    }
}
