package dev.snapotter.server.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapotter.server.db.Database;
import dev.snapotter.server.db.Sql;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Instance settings stored as JSON values. Read through a cache (settings are consulted on hot
 * paths such as the login limiter); updates validate every key first, then write all in one transaction.
 */
public final class SettingsService {

    /** Values that look like markup are refused: settings are shown in the web UI. */
    private static final Pattern HTML = Pattern.compile("<\\s*[a-zA-Z/!?]");
    public static final String INSTANCE_ID = "instance_id";

    private final Database db;
    private final Set<String> toolIds;
    private final Map<String, JsonNode> cache = new ConcurrentHashMap<>();

    public SettingsService(Database db, Set<String> toolIds) {
        this.db = db;
        this.toolIds = Set.copyOf(toolIds);
    }

    /** Loads the cache and makes sure the instance has an id. */
    public void load() {
        db.with(c -> Sql.list(c, "SELECT key, value FROM settings", rs -> Map.entry(rs.getString(1), rs.getString(2))))
                .forEach(e -> cache.put(e.getKey(), parse(e.getValue())));
        if (!cache.containsKey(INSTANCE_ID)) {
            String id = UUID.randomUUID().toString();
            upsert(Map.of(INSTANCE_ID, Json.MAPPER.getNodeFactory().textNode(id)));
        }
    }

    public Map<String, Object> all() {
        Map<String, Object> out = new LinkedHashMap<>();
        cache.keySet().stream().sorted().forEach(k -> out.put(k, Json.MAPPER.convertValue(cache.get(k), Object.class)));
        return out;
    }

    public Optional<JsonNode> get(String key) {
        return Optional.ofNullable(cache.get(key));
    }

    /** Validates every entry, then stores them all; returns how many were written. */
    public int update(ObjectNode body) {
        if (body.isEmpty()) throw ApiError.badRequest("No settings given");
        if (body.size() > 50) throw ApiError.badRequest("Too many settings in one request");
        List<Map<String, String>> errors = new ArrayList<>();
        Map<String, JsonNode> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            Optional<SettingKey> key = SettingKey.of(e.getKey());
            String problem;
            if (key.isEmpty()) problem = "unknown setting";
            else if (containsHtml(e.getValue())) problem = "must not contain HTML";
            else problem = key.get().validate(e.getValue(), toolIds);
            if (problem != null) errors.add(Map.of("path", truncate(e.getKey()), "message", problem));
            else accepted.put(e.getKey(), e.getValue());
        }
        if (!errors.isEmpty()) throw new ApiError(400, "INVALID_SETTINGS", "Invalid settings", errors);
        upsert(accepted);
        return accepted.size();
    }

    public int intOr(SettingKey key, int fallback) {
        JsonNode v = cache.get(key.key());
        return v != null && v.isIntegralNumber() ? v.intValue() : fallback;
    }

    public boolean boolOr(SettingKey key, boolean fallback) {
        JsonNode v = cache.get(key.key());
        return v != null && v.isBoolean() ? v.booleanValue() : fallback;
    }

    public Set<String> disabledTools() {
        JsonNode v = cache.get(SettingKey.DISABLED_TOOLS.key());
        Set<String> out = new HashSet<>();
        if (v != null && v.isArray()) v.forEach(t -> out.add(t.asText()));
        return out;
    }

    private void upsert(Map<String, JsonNode> values) {
        long now = System.currentTimeMillis();
        db.transaction(c -> {
            for (Map.Entry<String, JsonNode> e : values.entrySet()) {
                Sql.update(c, "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                        e.getKey(), Json.write(e.getValue()), now);
            }
            return null;
        });
        cache.putAll(values);
    }

    private static boolean containsHtml(JsonNode v) {
        if (v.isTextual()) return HTML.matcher(v.textValue()).find();
        if (v.isContainerNode()) {
            for (JsonNode child : v) if (containsHtml(child)) return true;
        }
        return false;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return Json.MAPPER.getNodeFactory().textNode(json);
        }
    }

    private static String truncate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
