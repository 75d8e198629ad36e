package dev.snapotter.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The few response shapes the desktop reads; everything else stays {@link JsonNode}. */
public final class ApiModels {

    private ApiModels() {
    }

    /** {@code GET /api/v1/health}: "healthy" or "unhealthy" (HTTP 503) and the server version. */
    public record Health(String status, String version) {
        public boolean healthy() {
            return "healthy".equals(status);
        }
    }

    /** {@code POST /api/auth/login}. */
    public record Session(String token, String username, boolean mustChangePassword, String expiresAt) {
    }

    /** A created API key; {@code secret} is shown once by the server and must be stored by the caller. */
    public record CreatedApiKey(String id, String name, String secret) {
    }

    public record ToolSummary(String id, String name, String category, String description) {
    }

    public record SavedPipeline(String id, String name, String description, JsonNode steps) {
    }

    /** {@code POST /api/v1/pipeline/execute}: where to download the result. */
    public record ProcessedFile(String jobId, String downloadUrl, String filename, long processedSize) {
    }

    /**
     * One entry of {@code GET /api/v1/features}.
     *
     * @param status         installed, available, queued or installing
     * @param downloadBytes  the archive's size, or -1 when the catalogue does not know it
     * @param installedBytes what the bundle occupies once installed
     * @param diskUsageBytes what it occupies now (0 when not installed)
     * @param jobId          the running install's job, or empty
     */
    public record FeatureBundle(String id, String name, String version, String license, List<String> enablesTools,
                                String status, boolean installed, boolean downloadable, long downloadBytes,
                                long installedBytes, long diskUsageBytes, boolean signed, String jobId) {
    }

    /** {@code GET /api/v1/features}: every bundle and what they use on the server's disk together. */
    public record Features(List<FeatureBundle> bundles, long totalDiskUsageBytes) {
    }

    /** {@code GET /api/v1/admin/features/disk-usage}, also returned by uninstall and reset. */
    public record DiskUsage(long totalBytes, Map<String, Long> bundles) {
    }

    /**
     * One server-sent event of a feature install ({@code GET /api/v1/jobs/{jobId}/progress}).
     *
     * @param phase processing, complete or failed
     * @param stage queued, downloading, verifying, activating, done, failed or cancelled
     * @param bundleId empty until the server read an uploaded file's manifest
     * @param error the reason of a failed install, or empty
     */
    public record FeatureProgress(String jobId, String phase, String stage, int percent, String bundleId,
                                  long bytesDone, long bytesTotal, String error) {

        /** complete or failed: the server sends nothing more for this job. */
        public boolean terminal() {
            return "complete".equals(phase) || "failed".equals(phase);
        }

        public boolean cancelled() {
            return "cancelled".equals(stage);
        }
    }
}
