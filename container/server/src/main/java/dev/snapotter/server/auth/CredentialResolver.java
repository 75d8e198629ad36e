package dev.snapotter.server.auth;

import java.util.Optional;

/** Turns a bearer token into a caller. Implemented by sessions (users) and API keys (apikeys). */
@FunctionalInterface
public interface CredentialResolver {

    /** Empty when this resolver does not recognise the token. */
    Optional<Principal> resolve(String bearerToken);
}
