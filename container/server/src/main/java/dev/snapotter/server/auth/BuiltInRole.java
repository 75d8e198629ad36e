package dev.snapotter.server.auth;

import java.util.EnumSet;
import java.util.Set;

import static dev.snapotter.server.auth.Permission.*;

/** The three built-in roles with SnapOtter's permission sets; seeded into the roles table at startup. */
public enum BuiltInRole {
    ADMIN("admin", "Full access", EnumSet.allOf(Permission.class)),
    EDITOR("editor", "Tools, all files and pipelines, own API keys",
            EnumSet.of(TOOLS_USE, FILES_OWN, FILES_ALL, APIKEYS_OWN, PIPELINES_OWN, PIPELINES_ALL, SETTINGS_READ)),
    USER("user", "Tools, own files, pipelines and API keys",
            EnumSet.of(TOOLS_USE, FILES_OWN, APIKEYS_OWN, PIPELINES_OWN, SETTINGS_READ));

    private final String roleName;
    private final String description;
    private final Set<Permission> permissions;

    BuiltInRole(String roleName, String description, Set<Permission> permissions) {
        this.roleName = roleName;
        this.description = description;
        this.permissions = Set.copyOf(permissions);
    }

    public String roleName() {
        return roleName;
    }

    public String description() {
        return description;
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
