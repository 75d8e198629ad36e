package dev.snapotter.server.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.server.db.Database;
import dev.snapotter.server.db.Sql;
import dev.snapotter.server.http.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Saved pipelines ("Automate"). */
public final class PipelineRepository {

    public record Saved(String id, String userId, String name, String description, String stepsJson, long createdAt) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("userId", userId);
            m.put("name", name);
            m.put("description", description);
            try {
                JsonNode steps = Json.MAPPER.readTree(stepsJson);
                m.put("steps", Json.MAPPER.convertValue(steps, Object.class));
            } catch (IOException e) {
                m.put("steps", List.of());
            }
            m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
            return m;
        }
    }

    private final Database db;

    public PipelineRepository(Database db) {
        this.db = db;
    }

    public Saved save(String userId, String name, String description, String stepsJson) {
        Saved s = new Saved(UUID.randomUUID().toString(), userId, name, description, stepsJson, System.currentTimeMillis());
        db.with(c -> Sql.update(c, "INSERT INTO pipelines (id, user_id, name, description, steps, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                s.id(), s.userId(), s.name(), s.description(), s.stepsJson(), s.createdAt()));
        return s;
    }

    /** Own pipelines plus legacy ones without an owner; or all of them. */
    public List<Saved> list(String userId, boolean all) {
        return all
                ? db.with(c -> Sql.list(c, "SELECT * FROM pipelines ORDER BY created_at DESC", PipelineRepository::map))
                : db.with(c -> Sql.list(c, "SELECT * FROM pipelines WHERE user_id = ? OR user_id IS NULL ORDER BY created_at DESC",
                PipelineRepository::map, userId));
    }

    public Optional<Saved> find(String id) {
        return db.with(c -> Sql.one(c, "SELECT * FROM pipelines WHERE id = ?", PipelineRepository::map, id));
    }

    public void delete(String id) {
        db.with(c -> Sql.update(c, "DELETE FROM pipelines WHERE id = ?", id));
    }

    private static Saved map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Saved(rs.getString("id"), rs.getString("user_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("steps"), rs.getLong("created_at"));
    }
}
