package dev.snapotter.server.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.snapotter.server.db.Database;
import dev.snapotter.server.db.Sql;
import dev.snapotter.server.http.Json;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Roles and their permissions. Built-in roles are (re)seeded at startup from {@link BuiltInRole}. */
public final class RoleRepository {

    public record Role(String id, String name, String description, Set<Permission> permissions, boolean builtIn) {
    }

    private final Database db;
    private final Map<String, Set<Permission>> cache = new ConcurrentHashMap<>();

    public RoleRepository(Database db) {
        this.db = db;
    }

    public void seedBuiltIns() {
        long now = System.currentTimeMillis();
        db.transaction(c -> {
            for (BuiltInRole r : BuiltInRole.values()) {
                String perms = Json.write(r.permissions().stream().map(Permission::wireName).sorted().toList());
                Sql.update(c, """
                        INSERT INTO roles (id, name, description, permissions, is_builtin, created_at, updated_at)
                        VALUES (?, ?, ?, ?, 1, ?, ?)
                        ON CONFLICT(name) DO UPDATE SET permissions = excluded.permissions, description = excluded.description,
                          is_builtin = 1, updated_at = excluded.updated_at""",
                        "builtin-" + r.roleName(), r.roleName(), r.description(), perms, now, now);
            }
            return null;
        });
        cache.clear();
    }

    public boolean exists(String name) {
        return find(name).isPresent();
    }

    public Set<Permission> permissionsOf(String roleName) {
        return cache.computeIfAbsent(roleName, n -> find(n).map(Role::permissions).orElse(Set.of()));
    }

    public Optional<Role> find(String name) {
        return db.with(c -> Sql.one(c, "SELECT * FROM roles WHERE name = ?", rs -> new Role(rs.getString("id"), rs.getString("name"),
                rs.getString("description"), parse(rs.getString("permissions")), rs.getInt("is_builtin") == 1), name));
    }

    public List<Role> all() {
        return db.with(c -> Sql.list(c, "SELECT * FROM roles ORDER BY is_builtin DESC, name", rs -> new Role(rs.getString("id"),
                rs.getString("name"), rs.getString("description"), parse(rs.getString("permissions")), rs.getInt("is_builtin") == 1)));
    }

    private static Set<Permission> parse(String json) {
        try {
            List<String> names = Json.MAPPER.readValue(json, new TypeReference<List<String>>() {
            });
            Set<Permission> out = EnumSet.noneOf(Permission.class);
            names.forEach(n -> Permission.fromWire(n).ifPresent(out::add));
            return out;
        } catch (java.io.IOException e) {
            return Set.of();
        }
    }
}
