package dev.snapotter.server.apikeys;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.db.Database;
import dev.snapotter.server.db.Sql;
import dev.snapotter.server.http.Json;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** api_keys table access. */
public final class ApiKeyRepository {

    /** A key row with its stored hash, for authentication only. */
    public record Stored(ApiKey key, String hash) {
    }

    private final Database db;

    public ApiKeyRepository(Database db) {
        this.db = db;
    }

    public void insert(ApiKey k, String hash, String prefix) {
        String perms = k.scope() == null ? null : Json.write(k.scope().stream().map(Permission::wireName).sorted().toList());
        db.with(c -> Sql.update(c, """
                INSERT INTO api_keys (id, user_id, key_hash, key_prefix, name, permissions, created_at, last_used_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)""", k.id(), k.userId(), hash, prefix, k.name(), perms, k.createdAt(), k.expiresAt()));
    }

    public List<Stored> byPrefix(String prefix) {
        return db.with(c -> Sql.list(c, "SELECT * FROM api_keys WHERE key_prefix = ?", rs -> new Stored(map(rs), rs.getString("key_hash")), prefix));
    }

    public List<ApiKey> forUser(String userId) {
        return db.with(c -> Sql.list(c, "SELECT * FROM api_keys WHERE user_id = ? ORDER BY created_at", ApiKeyRepository::map, userId));
    }

    public List<ApiKey> all() {
        return db.with(c -> Sql.list(c, "SELECT * FROM api_keys ORDER BY created_at", ApiKeyRepository::map));
    }

    public Optional<ApiKey> find(String id) {
        return db.with(c -> Sql.one(c, "SELECT * FROM api_keys WHERE id = ?", ApiKeyRepository::map, id));
    }

    public void delete(String id) {
        db.with(c -> Sql.update(c, "DELETE FROM api_keys WHERE id = ?", id));
    }

    public void touch(String id, long now) {
        db.with(c -> Sql.update(c, "UPDATE api_keys SET last_used_at = ? WHERE id = ?", now, id));
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("user_id"), rs.getString("name"), scope(rs.getString("permissions")),
                rs.getLong("created_at"), Sql.nullableLong(rs, "last_used_at"), Sql.nullableLong(rs, "expires_at"));
    }

    private static Set<Permission> scope(String json) {
        if (json == null) return null;
        try {
            List<String> names = Json.MAPPER.readValue(json, new TypeReference<List<String>>() {
            });
            Set<Permission> out = EnumSet.noneOf(Permission.class);
            names.forEach(n -> Permission.fromWire(n).ifPresent(out::add));
            return out;
        } catch (IOException e) {
            return Set.of();
        }
    }
}
