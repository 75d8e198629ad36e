package dev.snapotter.server.files;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.server.http.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code GET /api/v1/download/{jobId}/{name}}: a job's output file as an attachment. */
public final class DownloadRoutes {

    private final Workspace workspace;

    public DownloadRoutes(Workspace workspace) {
        this.workspace = workspace;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/download/{jobId}/{name}", this::download);
    }

    private void download(Context ctx) throws IOException {
        Path file = workspace.findOutput(ctx.pathParam("jobId"), ctx.pathParam("name"))
                .orElseThrow(() -> ApiError.notFound("File not found"));
        String name = file.getFileName().toString();
        ctx.status(200);
        ctx.contentType(contentType(name));
        ctx.header("Content-Disposition", contentDisposition(name));
        ctx.header("Content-Length", String.valueOf(Files.size(file)));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(ctx.res().getOutputStream());
        }
    }

    static String contentType(String name) {
        String ext = SafeFileName.extension(name);
        if (ext.equalsIgnoreCase("zip")) return "application/zip";
        return ImageFormat.fromName(ext).map(ImageFormat::mimeType).orElse("application/octet-stream");
    }

    /** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
    public static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
