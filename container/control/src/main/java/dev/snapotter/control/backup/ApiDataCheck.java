package dev.snapotter.control.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.control.api.ApiException;
import dev.snapotter.control.api.SnapOtterApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies a restore through the server itself once it is healthy: the users and saved pipelines it serves must
 * be exactly as many as the archive's database held (manifest row counts), and the audit log at least as long
 * (the server may append to it on start). Proves the server reads the restored database, not just that it runs.
 * Needs admin credentials that are valid in the restored data: use {@link #whenKeyValid} for a stored key that the
 * archive may predate (the desktop's or the CLI's key after data loss and a fresh first start).
 */
public final class ApiDataCheck implements RestoreCheck {

    private final SnapOtterApi adminApi;

    public ApiDataCheck(SnapOtterApi adminApi) {
        this.adminApi = adminApi;
    }

    /**
     * The check for a key that was valid before the restore but that the restored data may not hold (a backup taken
     * before the key was created, e.g. the new key of a fresh first start after data loss). When the restored server
     * rejects the key (401/403) the API comparison is skipped and says so: the restore's data step already checked
     * every file's checksum, the database's integrity and its row counts against the manifest, in place, and a
     * healthy server that refuses a key it accepted a minute ago is itself reading other data. Data that does not
     * match, and any other failure (no answer, 5xx), still fail the check.
     */
    public static RestoreCheck whenKeyValid(SnapOtterApi adminApi) {
        return skipWhenKeyRejected(new ApiDataCheck(adminApi));
    }

    static RestoreCheck skipWhenKeyRejected(RestoreCheck check) {
        return archive -> {
            try {
                return check.verify(archive);
            } catch (ApiException e) {
                if (e.status() != 401 && e.status() != 403) throw e;
                return "API comparison skipped: the restored server does not accept the stored admin key (HTTP "
                        + e.status() + "; the backup predates it), so sign in again with an account from the backup;"
                        + " files, checksums and row counts were verified in place";
            }
        };
    }

    @Override
    public String verify(BackupSummary archive) {
        Map<String, Long> expected = archive.manifest().tableRowCounts();
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        exact(expected, "users", adminApi.getJson("api/auth/users").path("users"), problems, seen);
        exact(expected, "pipelines", adminApi.getJson("api/v1/pipeline/list").path("pipelines"), problems, seen);
        Long audit = expected.get("audit_log");
        if (audit != null) {
            long total = adminApi.getJson("api/v1/audit-log?limit=1").path("total").asLong(-1);
            if (total < audit) problems.add("audit log has " + total + " entries, the archive " + audit);
            else seen.add(total + " audit entries");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The server does not serve the restored data: " + String.join("; ", problems));
        }
        return "server serves " + String.join(", ", seen) + " as in the archive";
    }

    private static void exact(Map<String, Long> expected, String table, JsonNode array, List<String> problems,
                              List<String> seen) {
        Long want = expected.get(table);
        if (want == null) return;
        int got = array.isArray() ? array.size() : -1;
        if (got != want) problems.add(table + ": server has " + got + ", archive " + want);
        else seen.add(got + " " + table);
    }
}
