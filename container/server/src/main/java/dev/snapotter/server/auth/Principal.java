package dev.snapotter.server.auth;

import java.util.Set;

/**
 * Who is calling, resolved once per request by {@link AuthFilter}.
 *
 * @param userId             user id (null for the anonymous caller when auth is disabled)
 * @param username           login name
 * @param role               role name
 * @param permissions        effective permissions (for an API key: role ∩ key scope)
 * @param mustChangePassword while true only change-password, logout and session are allowed
 * @param via                how the caller authenticated
 * @param credentialId       session hash or API key id, to revoke "other" sessions
 */
public record Principal(String userId, String username, String role, Set<Permission> permissions,
                        boolean mustChangePassword, Via via, String credentialId) {

    public enum Via { SESSION, API_KEY, AUTH_DISABLED }

    public Principal {
        permissions = Set.copyOf(permissions);
    }

    public boolean can(Permission p) {
        return permissions.contains(p);
    }

    /** With AUTH_ENABLED=false the single local operator may do everything (documented in configuration.md). */
    public static Principal authDisabled() {
        return new Principal(null, "anonymous", BuiltInRole.ADMIN.roleName(), BuiltInRole.ADMIN.permissions(), false, Via.AUTH_DISABLED, null);
    }
}
