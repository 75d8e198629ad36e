package dev.snapotter.server.config;

import java.util.Optional;

/**
 * Authentication settings.
 *
 * @param enabled                 AUTH_ENABLED; when false every caller acts as a local administrator
 * @param defaultUsername         name of the first administrator
 * @param defaultPassword         DEFAULT_PASSWORD(_FILE); empty = generate one and write it to DATA_DIR/initial-admin-password
 * @param skipMustChangePassword  do not force the first administrator to change an operator-chosen password
 * @param sessionDurationHours    lifetime of a login session
 * @param maxUsers                most user accounts (0 = unlimited)
 * @param argon2                  password hashing cost
 */
public record AuthSettings(boolean enabled, String defaultUsername, Optional<String> defaultPassword,
                           boolean skipMustChangePassword, int sessionDurationHours, int maxUsers, Argon2Params argon2) {

    public AuthSettings withArgon2(Argon2Params p) {
        return new AuthSettings(enabled, defaultUsername, defaultPassword, skipMustChangePassword, sessionDurationHours, maxUsers, p);
    }

    @Override
    public String toString() {
        // Never print the password, even by accident in a debug log.
        return "AuthSettings[enabled=" + enabled + ", defaultUsername=" + defaultUsername + ", defaultPassword="
                + (defaultPassword.isPresent() ? "<set>" : "<generate>") + ", sessionDurationHours=" + sessionDurationHours + "]";
    }
}
