package dev.snapotter.control.api;

import com.fasterxml.jackson.databind.JsonNode;

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
}
