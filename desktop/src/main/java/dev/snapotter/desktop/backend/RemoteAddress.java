package dev.snapotter.desktop.backend;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the address of a remote server. HTTPS always; plain HTTP only to this computer (loopback) or when the
 * user explicitly accepted that the API key and the images travel readable by anyone on the network.
 */
public final class RemoteAddress {

    public static final String PLAIN_HTTP_WARNING = "Plain http: the API key and your images travel unencrypted."
            + " Use https unless this network is yours.";

    private RemoteAddress() {
    }

    /** The parsed address, or a plain-language reason why it cannot be used. */
    public static URI parse(String text, boolean plainHttpAccepted) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) throw new BackendUnavailableException("Remote server: enter the server's address (https://…).");
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new BackendUnavailableException("Remote server: '" + s + "' is not an address (" + e.getReason() + ").");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new BackendUnavailableException("Remote server: use an address like https://snapotter.example.org.");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new BackendUnavailableException("Remote server: the address must not contain a user, query or #fragment.");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost()) && !plainHttpAccepted) {
            throw new BackendUnavailableException("Remote server: " + PLAIN_HTTP_WARNING
                    + " Tick \"Allow plain http\" to use it anyway.");
        }
        return uri;
    }

    /** A warning to keep showing while a plain-http, non-loopback address is in use. */
    public static Optional<String> warning(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !isLoopback(uri.getHost())
                ? Optional.of(PLAIN_HTTP_WARNING) : Optional.empty();
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
