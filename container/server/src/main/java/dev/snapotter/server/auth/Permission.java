package dev.snapotter.server.auth;

import java.util.Arrays;
import java.util.Optional;

/** SnapOtter's permission names (research §3.3); the wire name is what clients and roles store. */
public enum Permission {
    TOOLS_USE("tools:use"),
    FILES_OWN("files:own"),
    FILES_ALL("files:all"),
    APIKEYS_OWN("apikeys:own"),
    APIKEYS_ALL("apikeys:all"),
    PIPELINES_OWN("pipelines:own"),
    PIPELINES_ALL("pipelines:all"),
    SETTINGS_READ("settings:read"),
    SETTINGS_WRITE("settings:write"),
    USERS_MANAGE("users:manage"),
    TEAMS_MANAGE("teams:manage"),
    BRANDING_MANAGE("branding:manage"),
    FEATURES_MANAGE("features:manage"),
    SYSTEM_HEALTH("system:health"),
    AUDIT_READ("audit:read");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Permission> fromWire(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
