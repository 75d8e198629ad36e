package dev.snapotter.server.apikeys;

import dev.snapotter.server.auth.Permission;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A stored API key (never the secret itself).
 *
 * @param scope permissions the key is limited to, or null for "whatever the owner's role allows"
 */
public record ApiKey(String id, String userId, String name, Set<Permission> scope, long createdAt, Long lastUsedAt, Long expiresAt) {

    public boolean expired(long now) {
        return expiresAt != null && expiresAt <= now;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("userId", userId);
        m.put("name", name);
        m.put("permissions", scope == null ? null : scope.stream().map(Permission::wireName).sorted().toList());
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        m.put("lastUsedAt", lastUsedAt == null ? null : Instant.ofEpochMilli(lastUsedAt).toString());
        m.put("expiresAt", expiresAt == null ? null : Instant.ofEpochMilli(expiresAt).toString());
        return m;
    }
}
