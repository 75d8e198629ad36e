package dev.snapotter.server.users;

import dev.snapotter.server.db.Database;
import dev.snapotter.server.db.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users table access. */
public final class UserRepository {

    /** A user with the stored hash, for login only. */
    public record Credentials(User user, String passwordHash) {
    }

    private final Database db;

    public UserRepository(Database db) {
        this.db = db;
    }

    public User create(String username, String passwordHash, String role, String team, boolean mustChange) {
        long now = System.currentTimeMillis();
        User u = new User(UUID.randomUUID().toString(), username, role, team, mustChange, now, now);
        db.with(c -> Sql.update(c, """
                INSERT INTO users (id, username, password_hash, role, team, must_change_password, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", u.id(), username, passwordHash, role, team, mustChange ? 1 : 0, now, now));
        return u;
    }

    public Optional<User> findById(String id) {
        return db.with(c -> Sql.one(c, "SELECT * FROM users WHERE id = ?", UserRepository::map, id));
    }

    public Optional<Credentials> credentials(String username) {
        return db.with(c -> Sql.one(c, "SELECT * FROM users WHERE username = ?",
                rs -> new Credentials(map(rs), rs.getString("password_hash")), username));
    }

    public Optional<String> passwordHash(String userId) {
        return db.with(c -> Sql.one(c, "SELECT password_hash FROM users WHERE id = ?", rs -> rs.getString(1), userId));
    }

    public boolean usernameTaken(String username) {
        return db.with(c -> Sql.count(c, "SELECT count(*) FROM users WHERE username = ?", username)) > 0;
    }

    public List<User> all() {
        return db.with(c -> Sql.list(c, "SELECT * FROM users ORDER BY created_at, username", UserRepository::map));
    }

    public long count() {
        return db.with(c -> Sql.count(c, "SELECT count(*) FROM users"));
    }

    public long countWithRole(String role) {
        return db.with(c -> Sql.count(c, "SELECT count(*) FROM users WHERE role = ?", role));
    }

    public void update(String id, String role, String team) {
        db.with(c -> Sql.update(c, "UPDATE users SET role = ?, team = ?, updated_at = ? WHERE id = ?", role, team, System.currentTimeMillis(), id));
    }

    public void setPassword(String id, String hash, boolean mustChange) {
        db.with(c -> Sql.update(c, "UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?",
                hash, mustChange ? 1 : 0, System.currentTimeMillis(), id));
    }

    /** Revokes sessions (except {@code keepSessionHash}) and every API key of a user, atomically. */
    public void revokeCredentials(String userId, String keepSessionHash) {
        db.transaction(c -> {
            Sql.update(c, "DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?", userId, keepSessionHash);
            Sql.update(c, "DELETE FROM api_keys WHERE user_id = ?", userId);
            return null;
        });
    }

    public boolean delete(String id) {
        return db.with(c -> Sql.update(c, "DELETE FROM users WHERE id = ?", id)) > 0;
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("username"), rs.getString("role"), rs.getString("team"),
                rs.getInt("must_change_password") == 1, rs.getLong("created_at"), rs.getLong("updated_at"));
    }
}
