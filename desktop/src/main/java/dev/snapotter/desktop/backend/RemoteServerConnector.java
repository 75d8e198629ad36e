package dev.snapotter.desktop.backend;

import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.control.api.SnapOtterApi;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A SnapOtter server elsewhere: the address the user typed, and the API key kept in a user-only file
 * ({@link ApiKeyStore}, 0600) rather than in settings.json. TLS is checked by the JDK's trust store.
 */
public final class RemoteServerConnector implements ServerConnector {

    private final Supplier<String> url;
    private final BooleanSupplier plainHttpAccepted;
    private final ApiKeyStore keys;

    public RemoteServerConnector(Supplier<String> url, BooleanSupplier plainHttpAccepted, ApiKeyStore keys) {
        this.url = url;
        this.plainHttpAccepted = plainHttpAccepted;
        this.keys = keys;
    }

    @Override
    public SnapOtterApi connect() {
        URI uri = RemoteAddress.parse(url.get(), plainHttpAccepted.getAsBoolean());
        Optional<String> key;
        try {
            key = keys.load();
        } catch (IOException e) {
            throw new BackendUnavailableException("Remote server: cannot read the stored API key (" + e.getMessage() + ").");
        }
        SnapOtterApi api = SnapOtterApi.of(uri);
        if (!api.health().healthy()) throw new BackendUnavailableException("Remote server at " + uri + " reports it is unhealthy.");
        if (key.isEmpty()) {
            if (api.authEnabled()) throw new BackendUnavailableException("Remote server: enter an API key (si_…) and press Connect.");
            return api;
        }
        return api.withBearer(key.get());
    }

    @Override
    public String describe() {
        String u = url.get();
        return u == null || u.isBlank() ? "the remote server" : u.strip();
    }
}
