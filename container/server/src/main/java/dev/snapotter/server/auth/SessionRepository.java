package dev.snapotter.server.auth;

import dev.snapotter.server.db.Database;
import dev.snapotter.server.db.Sql;

import java.time.Duration;
import java.util.Optional;

/** Login sessions. Only a SHA-256 of each bearer token is stored, so a leaked database yields no usable token. */
public final class SessionRepository {

    public record Session(String idHash, String userId, long expiresAt) {
    }

    /** A newly created session: the raw token is returned to the client once. */
    public record NewSession(String token, Session session) {
    }

    private final Database db;

    public SessionRepository(Database db) {
        this.db = db;
    }

    public NewSession create(String userId, Duration lifetime) {
        String token = Tokens.sessionToken();
        String hash = Tokens.sha256Hex(token);
        long now = System.currentTimeMillis();
        long expires = now + lifetime.toMillis();
        db.with(c -> Sql.update(c, "INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)", hash, userId, expires, now));
        return new NewSession(token, new Session(hash, userId, expires));
    }

    /** The live session for a raw token, if any. */
    public Optional<Session> findByToken(String token) {
        String hash = Tokens.sha256Hex(token);
        long now = System.currentTimeMillis();
        return db.with(c -> Sql.one(c, "SELECT id, user_id, expires_at FROM sessions WHERE id = ? AND expires_at > ?",
                rs -> new Session(rs.getString("id"), rs.getString("user_id"), rs.getLong("expires_at")), hash, now));
    }

    public void delete(String idHash) {
        db.with(c -> Sql.update(c, "DELETE FROM sessions WHERE id = ?", idHash));
    }

    /** Revokes every session of a user except {@code keepHash} (may be null). */
    public int deleteForUser(String userId, String keepHash) {
        return db.with(c -> Sql.update(c, "DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?", userId, keepHash));
    }

    public int purgeExpired() {
        long now = System.currentTimeMillis();
        return db.with(c -> Sql.update(c, "DELETE FROM sessions WHERE expires_at <= ?", now));
    }
}
