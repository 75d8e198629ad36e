package dev.snapotter.server.jobs;

import dev.snapotter.server.db.Database;
import dev.snapotter.server.db.Sql;
import dev.snapotter.server.http.Json;

import java.util.List;
import java.util.Optional;

/** The jobs table: every tool, pipeline and batch request is one row. */
public final class JobRepository {

    public record Job(String id, String type, JobStatus status, double progress, String error, String userId, long createdAt, Long completedAt) {
    }

    private final Database db;

    public JobRepository(Database db) {
        this.db = db;
    }

    public void insert(String id, String type, List<String> inputs, Object settings, String userId) {
        db.with(c -> Sql.update(c, """
                INSERT INTO jobs (id, type, status, progress, input_files, settings, user_id, created_at)
                VALUES (?, ?, 'queued', 0, ?, ?, ?, ?)""", id, type, Json.write(inputs), Json.write(settings), userId, System.currentTimeMillis()));
    }

    public boolean exists(String id) {
        return db.with(c -> Sql.count(c, "SELECT count(*) FROM jobs WHERE id = ?", id)) > 0;
    }

    public void processing(String id) {
        db.with(c -> Sql.update(c, "UPDATE jobs SET status = 'processing' WHERE id = ?", id));
    }

    public void progress(String id, double progress) {
        db.with(c -> Sql.update(c, "UPDATE jobs SET progress = ? WHERE id = ?", progress, id));
    }

    public void completed(String id, String outputPath) {
        db.with(c -> Sql.update(c, "UPDATE jobs SET status = 'completed', progress = 1, output_path = ?, completed_at = ? WHERE id = ?",
                outputPath, System.currentTimeMillis(), id));
    }

    public void failed(String id, String error) {
        db.with(c -> Sql.update(c, "UPDATE jobs SET status = 'failed', error = ?, completed_at = ? WHERE id = ? AND status <> 'completed'",
                error, System.currentTimeMillis(), id));
    }

    /** At startup: work that was queued or running when the process died can never finish now. */
    public int failStale() {
        return db.with(c -> Sql.update(c, "UPDATE jobs SET status = 'failed', error = 'interrupted by a server restart', completed_at = ? "
                + "WHERE status IN ('queued', 'processing')", System.currentTimeMillis()));
    }

    public Optional<Job> find(String id) {
        return db.with(c -> Sql.one(c, "SELECT * FROM jobs WHERE id = ?", rs -> new Job(rs.getString("id"), rs.getString("type"),
                JobStatus.fromWire(rs.getString("status")), rs.getDouble("progress"), rs.getString("error"), rs.getString("user_id"),
                rs.getLong("created_at"), Sql.nullableLong(rs, "completed_at")), id));
    }

    public long countByStatus(JobStatus status) {
        return db.with(c -> Sql.count(c, "SELECT count(*) FROM jobs WHERE status = ?", status.wire()));
    }
}
