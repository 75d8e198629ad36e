package dev.snapotter.server.tools;

import dev.snapotter.server.files.SafeFileName;
import dev.snapotter.server.http.ApiError;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reading multipart requests: content-type and size checks, text fields, and files copied into a job folder. */
public final class Uploads {

    /** A file saved into the job's input folder. */
    public record Saved(String originalName, Path path, long size) {
    }

    private Uploads() {
    }

    public static void requireMultipart(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiError.unsupportedMediaType("multipart/form-data");
        }
    }

    /** A text field of the multipart body, or null. */
    public static String field(Context ctx, String name) {
        return parse(() -> ctx.formParam(name));
    }

    public static List<UploadedFile> files(Context ctx) {
        return parse(ctx::uploadedFiles);
    }

    /** Copies files into {@code dir} under sanitised, de-duplicated names (photo.jpg, photo_1.jpg...). */
    public static List<Saved> save(List<UploadedFile> files, Path dir) {
        List<Saved> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (UploadedFile f : files) {
            String name = unique(SafeFileName.sanitize(f.filename()), used);
            Path target = dir.resolve(name);
            try (InputStream in = f.content()) {
                long size = Files.copy(in, target);
                out.add(new Saved(name, target, size));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store upload", e);
            }
        }
        return out;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        String base = SafeFileName.baseName(name);
        String ext = SafeFileName.extension(name);
        for (int i = 1; !used.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = base + "_" + i + (ext.isEmpty() ? "" : "." + ext);
        }
        return candidate;
    }

    /** Multipart parsing errors from the servlet container become 413/400 instead of 500s. */
    private static <T> T parse(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiError e) {
            throw e;
        } catch (Exception e) {
            // Jetty reports multipart problems as (sneakily thrown) ServletException / BadMessageException.
            String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT) + " " + causeMessages(e);
            if (msg.contains("exceed") || msg.contains("too large") || msg.contains("max")) {
                throw ApiError.tooLarge("Upload larger than MAX_UPLOAD_SIZE_MB");
            }
            throw ApiError.badRequest("Malformed multipart body");
        }
    }

    private static String causeMessages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t.getCause(); c != null && sb.length() < 1000; c = c.getCause()) {
            sb.append(' ').append(String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
