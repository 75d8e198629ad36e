package dev.snapotter.desktop.backend;

import dev.snapotter.control.api.SnapOtterApi;

/**
 * How a {@link ServerBackend} reaches its server: the local container (healthy container + the desktop's own key)
 * or a remote server (URL + key the user entered). Blocking; called on a background lane.
 */
public interface ServerConnector {

    /**
     * @return a client carrying the credentials, ready to use
     * @throws BackendUnavailableException with a plain-language reason and what to do about it
     */
    SnapOtterApi connect();

    /** Where it points, for messages ("the local container on 127.0.0.1:1349"). */
    String describe();
}
