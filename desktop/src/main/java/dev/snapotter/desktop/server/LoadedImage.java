package dev.snapotter.desktop.server;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the image reference out of the daemon's "Loaded image: snapotter/snapotter:1.2.0" message. */
final class LoadedImage {

    private static final Pattern LOADED = Pattern.compile("Loaded image: ([\\w./:@-]+)");

    private LoadedImage() {
    }

    /** The last tagged image the message names; empty for untagged loads ("Loaded image ID: sha256:…"). */
    static Optional<String> reference(String daemonMessage) {
        Matcher m = LOADED.matcher(daemonMessage == null ? "" : daemonMessage);
        String found = null;
        while (m.find()) found = m.group(1);
        return Optional.ofNullable(found);
    }
}
