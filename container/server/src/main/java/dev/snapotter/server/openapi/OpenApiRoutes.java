package dev.snapotter.server.openapi;

import io.javalin.config.RoutesConfig;

import java.nio.charset.StandardCharsets;

/** {@code GET /api/v1/openapi.yaml} (public). */
public final class OpenApiRoutes {

    private final byte[] document;

    public OpenApiRoutes(String document) {
        this.document = document.getBytes(StandardCharsets.UTF_8);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8").result(document));
    }
}
