package dev.snapotter.server.audit;

import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.db.Database;
import dev.snapotter.server.db.Sql;
import dev.snapotter.server.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Security events, written to the audit_log table and to the log (logger "audit") as
 * {@code [AUDIT] ACTION ...}. A failing audit write is logged, never turned into a failed request.
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("audit");

    public record Entry(String id, String actorId, String actorUsername, String action, String targetType, String targetId,
                        Map<String, Object> details, String ipAddress, long createdAt) {
    }

    public record Page(List<Entry> entries, long total, int page, int limit) {
    }

    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    public void record(Principal actor, String actorFallbackName, AuditAction action, String targetType, String targetId,
                       Map<String, Object> details, String ip) {
        String actorId = actor == null ? null : actor.userId();
        String actorName = actor == null ? actorFallbackName : actor.username();
        String detailsJson = details == null || details.isEmpty() ? null : Json.write(details);
        LOG.info("[AUDIT] {} actor={} target={}:{} ip={} details={}", action, actorName, targetType, targetId, ip, detailsJson);
        try {
            db.with(c -> Sql.update(c, """
                    INSERT INTO audit_log (id, actor_id, actor_username, action, target_type, target_id, details, ip_address, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    UUID.randomUUID().toString(), actorId, actorName, action.name(), targetType, targetId, detailsJson, ip,
                    System.currentTimeMillis()));
        } catch (RuntimeException e) {
            LOG.error("Could not store audit event {}: {}", action, e.getMessage());
        }
    }

    /** Entries newest first, filtered by action and time range (epoch ms, inclusive). */
    public Page page(int page, int limit, String action, Long from, Long to) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (action != null) {
            where.append(" AND action = ?");
            params.add(action);
        }
        if (from != null) {
            where.append(" AND created_at >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" AND created_at <= ?");
            params.add(to);
        }
        return db.with(c -> {
            long total = Sql.count(c, "SELECT count(*) FROM audit_log" + where, params.toArray());
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(limit);
            pageParams.add((long) (page - 1) * limit);
            List<Entry> entries = Sql.list(c, "SELECT * FROM audit_log" + where + " ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?",
                    rs -> new Entry(rs.getString("id"), rs.getString("actor_id"), rs.getString("actor_username"), rs.getString("action"),
                            rs.getString("target_type"), rs.getString("target_id"), details(rs.getString("details")),
                            rs.getString("ip_address"), rs.getLong("created_at")), pageParams.toArray());
            return new Page(entries, total, page, limit);
        });
    }

    private static Map<String, Object> details(String json) {
        if (json == null) return null;
        return Json.parseObjectField("details", json);
    }
}
