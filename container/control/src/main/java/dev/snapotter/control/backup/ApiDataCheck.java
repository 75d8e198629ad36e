package dev.snapotter.control.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.control.api.SnapOtterApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies a restore through the server itself once it is healthy: the users and saved pipelines it serves must
 * be exactly as many as the archive's database held (manifest row counts), and the audit log at least as long
 * (the server may append to it on start). Proves the server reads the restored database, not just that it runs.
 * Needs admin credentials that are valid in the restored data.
 */
public final class ApiDataCheck implements RestoreCheck {

    private final SnapOtterApi adminApi;

    public ApiDataCheck(SnapOtterApi adminApi) {
        this.adminApi = adminApi;
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
