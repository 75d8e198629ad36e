package dev.snapotter.server.users;

import dev.snapotter.server.auth.Permission;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The user object SnapOtter clients expect. */
public final class UserJson {

    private UserJson() {
    }

    public static Map<String, Object> of(User u, Set<Permission> permissions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("username", u.username());
        m.put("role", u.role());
        m.put("teamName", u.team());
        m.put("mustChangePassword", u.mustChangePassword());
        m.put("permissions", permissions.stream().map(Permission::wireName).sorted().toList());
        m.put("createdAt", Instant.ofEpochMilli(u.createdAt()).toString());
        m.put("updatedAt", Instant.ofEpochMilli(u.updatedAt()).toString());
        return m;
    }
}
