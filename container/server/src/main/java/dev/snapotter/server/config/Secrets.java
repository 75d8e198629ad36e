package dev.snapotter.server.config;

import java.util.Optional;

/**
 * Secrets read with the {@code _FILE} convention. Only COOKIE_SECRET has a use today (reserved for
 * signed cookies); the others are accepted and validated so compose files written for SnapOtter
 * start cleanly, and so a half-configured secret fails loudly.
 */
public record Secrets(Optional<String> cookieSecret, Optional<String> oidcClientSecret, Optional<String> s3AccessKeyId,
                      Optional<String> s3SecretAccessKey, Optional<String> licenseKey) {

    public static final Secrets NONE = new Secrets(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    @Override
    public String toString() {
        return "Secrets[<redacted>]";
    }
}
