package dev.snapotter.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backup records about its database and checks again after a restore: integrity, the Flyway
 * schema version, and the row count of every table.
 *
 * @param schemaVersion  highest successfully applied Flyway version (its leading number); 0 without Flyway history
 * @param tableRowCounts rows per table, SQLite's internal tables excluded
 */
public record DatabaseFacts(int schemaVersion, Map<String, Long> tableRowCounts) {

    /** Opens {@code db} read-only (it must not be in use by a writer in WAL mode) and reads its facts. */
    public static DatabaseFacts read(Path db) throws IOException {
        try (Connection c = DatabaseSnapshot.open(db, true); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no result";
                if (!"ok".equals(result)) throw new IOException("the database " + db.getFileName() + " is damaged: " + result);
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            return new DatabaseFacts(tables.contains("flyway_schema_history") ? schemaVersion(s) : 0, counts);
        } catch (SQLException e) {
            throw new IOException("cannot read the database " + db.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The schema version of the database {@code c} is connected to (what the running server migrated to). */
    public static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'flyway_schema_history'")) {
            rs.next();
            if (rs.getInt(1) == 0) return 0;
            return schemaVersion(s);
        }
    }

    private static int schemaVersion(Statement s) throws SQLException {
        int max = 0;
        try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
            while (rs.next()) max = Math.max(max, leadingNumber(rs.getString(1)));
        }
        return max;
    }

    /** "3" → 3, "3.1" → 3 (SnapOtter's migrations are V1, V2, …). */
    static int leadingNumber(String version) {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) end++;
        if (end == 0) return 0;
        try {
            return Integer.parseInt(version.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
