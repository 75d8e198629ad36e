package dev.snapotter.bundles.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.BundleRejectedException.Reason;
import dev.snapotter.bundles.catalogue.AllowedOrigins;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one catalogue bundle into {@code .downloads/<id>.part} — the only outbound connection the
 * product makes, and only when an administrator asked. Every URL, including each redirect hop, must be
 * an allow-listed origin. A cut connection is resumed with {@code Range} (up to {@link #ATTEMPTS}
 * attempts); a part file left by an earlier run is resumed too when its {@code .part.json} names the
 * same URL and size. A server that ignores {@code Range} gets a fresh start, never a spliced file.
 */
final class BundleDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(BundleDownloader.class);
    static final int ATTEMPTS = 4;
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern CONTENT_RANGE = Pattern.compile("^bytes (\\d+)-(\\d+)/(\\d+|\\*)$");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What a part file belongs to; a mismatch means "start over". */
    record PartInfo(String url, long maxBytes) {
    }

    private final HttpClient http;
    private final AllowedOrigins allowed;
    private final Duration timeout;

    BundleDownloader(AllowedOrigins allowed, Duration timeout) {
        this.allowed = allowed;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    static Path partFile(Path downloads, String id) {
        return downloads.resolve(id + ".part");
    }

    static Path infoFile(Path downloads, String id) {
        return downloads.resolve(id + ".part.json");
    }

    /** Downloads (or resumes) {@code entry} and returns the complete part file; the caller verifies and deletes it. */
    Path download(CatalogueEntry entry, Path downloads, DiskSpace disk, LongConsumer onBytes, BooleanSupplier cancelled)
            throws BundleRejectedException, IOException {
        if (entry.url() == null) throw new BundleRejectedException(Reason.DOWNLOAD_FAILED, "Bundle '" + entry.id() + "' has no download URL; install it from a file.");
        URI uri = URI.create(entry.url());
        requireAllowed(uri);
        Path part = partFile(downloads, entry.id());
        Path info = infoFile(downloads, entry.id());
        PartInfo want = new PartInfo(entry.url(), entry.maxDownloadBytes());
        if (!Files.exists(info) || !want.equals(readInfo(info))) {
            Files.deleteIfExists(part);
            Files.write(info, JSON.writeValueAsBytes(want));
        }
        long have = Files.exists(part) ? Files.size(part) : 0;
        disk.require(downloads, Math.max(0, entry.maxDownloadBytes() - have) + entry.installedBytes(), "downloading bundle '" + entry.id() + "'");
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (cancelled.getAsBoolean()) throw new CancellationException("download cancelled");
            try {
                fetch(uri, part, entry, onBytes, cancelled);
                return part;
            } catch (IOException e) {
                last = e;
                LOG.warn("Download of bundle {} interrupted (attempt {}/{}): {}", entry.id(), attempt, ATTEMPTS, e.toString());
            }
        }
        throw new BundleRejectedException(Reason.DOWNLOAD_FAILED, "Downloading bundle '" + entry.id() + "' failed after " + ATTEMPTS
                + " attempts: " + Objects.toString(last == null ? null : last.getMessage(), "no answer") + ". The partial download is kept and resumed next time.", last);
    }

    private void fetch(URI start, Path part, CatalogueEntry entry, LongConsumer onBytes, BooleanSupplier cancelled)
            throws IOException, BundleRejectedException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        long max = entry.maxDownloadBytes();
        if (entry.downloadBytes() != null && have == max) return; // complete from an earlier run
        if (have > max) {
            Files.delete(part);
            have = 0;
        }
        URI uri = start;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept-Encoding", "identity").GET();
            if (have > 0) req.header("Range", "bytes=" + have + "-");
            HttpResponse<InputStream> res = send(req.build());
            int status = res.statusCode();
            if (status >= 300 && status < 400 && res.headers().firstValue("Location").isPresent()) {
                res.body().close();
                if (hop >= MAX_REDIRECTS) throw new BundleRejectedException(Reason.DOWNLOAD_FAILED, "Too many redirects downloading " + start);
                uri = uri.resolve(res.headers().firstValue("Location").get());
                requireAllowed(uri);
                continue;
            }
            try (InputStream body = res.body()) {
                long offset;
                if (status == 206) {
                    offset = rangeStart(res);
                    if (offset != have) throw new IOException("server resumed at byte " + offset + ", expected " + have);
                } else if (status == 200) {
                    offset = 0; // full body: the server ignored Range, so start over rather than splice
                } else if (status == 416 && have > 0) {
                    Files.delete(part); // our part is longer than the file now served: start over
                    throw new IOException("server refused to resume (416)");
                } else {
                    throw new BundleRejectedException(Reason.DOWNLOAD_FAILED, "The download server answered HTTP " + status + " for " + uri + ".");
                }
                long length = res.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (length >= 0 && offset + length > max) {
                    throw new BundleRejectedException(Reason.SIZE_MISMATCH, "The download is " + (offset + length) + " bytes; at most " + max + " expected.");
                }
                copy(body, part, offset, max, onBytes, cancelled);
                long got = Files.size(part);
                if (length >= 0 && got != offset + length) throw new IOException("connection closed after " + got + " bytes");
                if (entry.downloadBytes() != null && got != entry.downloadBytes()) {
                    throw new BundleRejectedException(Reason.SIZE_MISMATCH, "The downloaded bundle is " + got + " bytes; the catalogue says " + entry.downloadBytes() + ".");
                }
                return;
            }
        }
    }

    private void copy(InputStream body, Path part, long offset, long max, LongConsumer onBytes, BooleanSupplier cancelled)
            throws IOException, BundleRejectedException {
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             StallWatchdog watchdog = StallWatchdog.watch(body, timeout, cancelled)) {
            ch.truncate(offset);
            ch.position(offset);
            OutputStream out = Channels.newOutputStream(ch);
            byte[] buf = new byte[1 << 16];
            long pos = offset;
            try {
                for (int n; (n = body.read(buf)) > 0; ) {
                    watchdog.progress();
                    if (cancelled.getAsBoolean()) throw new CancellationException("download cancelled");
                    pos += n;
                    if (pos > max) throw new BundleRejectedException(Reason.SIZE_MISMATCH, "The download exceeds the expected " + max + " bytes.");
                    out.write(buf, 0, n);
                    onBytes.accept(pos);
                }
            } catch (IOException e) {
                if (cancelled.getAsBoolean()) throw new CancellationException("download cancelled");
                if (watchdog.fired()) throw new IOException("no data arrived for " + timeout.toSeconds() + " s, the connection was dropped", e);
                throw e;
            } finally {
                ch.force(false); // what arrived is kept for resuming, even when the connection broke
            }
        }
    }

    private HttpResponse<InputStream> send(HttpRequest req) throws IOException {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("download interrupted");
        }
    }

    private static long rangeStart(HttpResponse<?> res) throws IOException {
        String cr = res.headers().firstValue("Content-Range").orElse("");
        Matcher m = CONTENT_RANGE.matcher(cr.trim());
        if (!m.matches()) throw new IOException("bad Content-Range '" + cr + "'");
        return Long.parseLong(m.group(1));
    }

    private void requireAllowed(URI uri) throws BundleRejectedException {
        if (!allowed.allows(uri)) {
            throw new BundleRejectedException(Reason.HOST_NOT_ALLOWED, "Refusing to download from " + uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + ": not an allow-listed bundle host (" + String.join(", ", allowed.origins()) + ").");
        }
    }

    private static PartInfo readInfo(Path info) {
        try {
            return JSON.readValue(info.toFile(), PartInfo.class);
        } catch (IOException e) {
            return null;
        }
    }
}
