package dev.snapotter.bundles.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Origins (scheme, host, port) bundles may be downloaded from; every redirect hop is checked too.
 * Written as {@code https://github.com} (default port) or {@code http://127.0.0.1:8080} (tests).
 * Plain http is allowed only for an origin listed with http explicitly.
 */
public record AllowedOrigins(List<String> origins) {

    @JsonCreator
    public AllowedOrigins {
        origins = origins.stream().map(AllowedOrigins::canonical).toList();
    }

    @JsonValue
    public List<String> origins() {
        return origins;
    }

    public boolean allows(URI uri) {
        if (uri == null || uri.getHost() == null || uri.getUserInfo() != null) return false;
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) return false;
        return origins.contains(canonical(uri.toString()));
    }

    /** scheme://host:port, lower case, explicit port. */
    static String canonical(String url) {
        URI u = URI.create(url.trim());
        String scheme = String.valueOf(u.getScheme()).toLowerCase(Locale.ROOT);
        if (u.getHost() == null) throw new IllegalArgumentException("not an origin: " + url);
        int port = u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
