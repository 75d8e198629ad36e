package dev.snapotter.bundles.install;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.snapotter.archive.Sha256;
import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.BundleRejectedException.Reason;
import dev.snapotter.bundles.catalogue.AllowedOrigins;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.testing.TestBundles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.snapotter.bundles.install.InstallerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Catalogue installs against a loopback HTTP server (the JDK's): allow-list, resume, size and hash checks. */
class DownloadInstallTest {

    @TempDir
    Path tmp;
    KeyPair key = Ed25519Keys.generate();
    HttpServer server;
    byte[] bundle;
    /** Range header of every request ("" when none). */
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    /** Bytes after which the next full response is cut (-1: never). */
    volatile int cutAfter = -1;
    /** Bytes after which the next full response stops sending without closing (-1: never). */
    volatile int stallAfter = -1;
    final java.util.concurrent.CountDownLatch releaseStall = new java.util.concurrent.CountDownLatch(1);
    String origin;

    @BeforeEach
    void serve() throws IOException {
        bundle = Files.readAllBytes(TestBundles.signedBundle(tmp, "test-model", key.getPrivate()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bundles/test-model.tar.gz", this::file);
        server.createContext("/redirect-away", ex -> {
            requests.incrementAndGet();
            ex.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/bundles/test-model.tar.gz");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // a stalled handler must not block the resume
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void file(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String range = ex.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        int from = 0;
        if (range != null) {
            from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (bundle.length - 1) + "/" + bundle.length);
            ex.sendResponseHeaders(206, bundle.length - from);
        } else {
            ex.sendResponseHeaders(200, bundle.length);
        }
        OutputStream out = ex.getResponseBody();
        int stall = stallAfter;
        if (stall > 0 && range == null) {
            stallAfter = -1;
            out.write(bundle, 0, stall);
            out.flush();
            try {
                releaseStall.await(); // a server that goes silent mid-body, connection still open
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("test: stalled connection released");
        }
        int cut = cutAfter;
        if (cut > 0 && range == null) {
            cutAfter = -1;
            out.write(bundle, 0, cut);
            out.flush();
            throw new IOException("test: connection cut"); // the JDK server then drops the connection
        }
        out.write(bundle, from, bundle.length - from);
        ex.close();
    }

    @AfterEach
    void stop() {
        releaseStall.countDown();
        server.stop(0);
    }

    private BundleInstaller installer(String url, Long size, String sha, String... allowed) throws IOException {
        CatalogueEntry e = new CatalogueEntry("test-model", "Test", "", "1.0.0", "MIT", "any", List.of(), size, 300_100, url, sha);
        Catalogue c = new Catalogue(1, new AllowedOrigins(List.of(allowed)), List.of(e));
        return BundleInstaller.open(InstallerFixture.options(tmp.resolve("bundles"), key).withCatalogue(c));
    }

    @Test
    void downloadsVerifiesAndInstalls() throws Throwable {
        try (BundleInstaller installer = installer(origin + "/bundles/test-model.tar.gz", (long) bundle.length, Sha256.of(bundle), origin)) {
            List<InstallProgress> seen = new CopyOnWriteArrayList<>();
            assertThat(await(installer.installFromCatalogue("test-model", seen::add)).id()).isEqualTo("test-model");
            assertThat(seen).extracting(InstallProgress::phase).contains(InstallProgress.Phase.DOWNLOADING, InstallProgress.Phase.DONE);
            assertThat(Files.list(tmp.resolve("bundles/.downloads"))).as("download removed after install").isEmpty();
        }
    }

    @Test
    void cutConnectionIsResumedWithRange() throws Throwable {
        cutAfter = bundle.length / 2;
        // no exact size in the catalogue: the server's Content-Length and the manifest guard the rest
        try (BundleInstaller installer = installer(origin + "/bundles/test-model.tar.gz", null, null, origin)) {
            assertThat(await(installer.installFromCatalogue("test-model", ProgressListener.NONE)).id()).isEqualTo("test-model");
        }
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0)).isEmpty();
        long resumedAt = Long.parseLong(ranges.get(1).replaceAll("bytes=(\\d+)-", "$1"));
        assertThat(resumedAt).as("resumed from what arrived, not from zero").isPositive().isLessThanOrEqualTo(bundle.length / 2);
    }

    @Test
    void aServerThatGoesSilentMidDownloadIsDroppedAndResumed() throws Throwable {
        stallAfter = bundle.length / 3;
        CatalogueEntry e = new CatalogueEntry("test-model", "Test", "", "1.0.0", "MIT", "any", List.of(), null, 300_100,
                origin + "/bundles/test-model.tar.gz", null);
        Catalogue c = new Catalogue(1, new AllowedOrigins(List.of(origin)), List.of(e));
        try (BundleInstaller installer = BundleInstaller.open(InstallerFixture.options(tmp.resolve("bundles"), key).withCatalogue(c)
                .withHttpTimeout(java.time.Duration.ofMillis(700)))) {
            assertThat(await(installer.installFromCatalogue("test-model", ProgressListener.NONE)).id()).isEqualTo("test-model");
        }
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(1)).as("the second request resumes after the silent one was dropped").startsWith("bytes=");
    }

    @Test
    void hostNotAllowListedIsNeverContacted() throws Throwable {
        String other = "http://localhost:" + server.getAddress().getPort();
        try (BundleInstaller installer = installer(other + "/bundles/test-model.tar.gz", null, null, origin)) {
            assertThatThrownBy(() -> await(installer.installFromCatalogue("test-model", ProgressListener.NONE)))
                    .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HOST_NOT_ALLOWED));
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void redirectToAHostNotAllowListedIsRefused() throws Throwable {
        try (BundleInstaller installer = installer(origin + "/redirect-away", null, null, origin)) {
            assertThatThrownBy(() -> await(installer.installFromCatalogue("test-model", ProgressListener.NONE)))
                    .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HOST_NOT_ALLOWED));
        }
        assertThat(requests).as("only the redirect itself").hasValue(1);
    }

    @Test
    void catalogueHashMismatchIsRefusedAndNotKept() throws Throwable {
        try (BundleInstaller installer = installer(origin + "/bundles/test-model.tar.gz", (long) bundle.length, "0".repeat(64), origin)) {
            assertThatThrownBy(() -> await(installer.installFromCatalogue("test-model", ProgressListener.NONE)))
                    .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HASH_MISMATCH));
            assertThat(installer.installed()).isEmpty();
        }
        assertThat(Files.list(tmp.resolve("bundles/.downloads"))).isEmpty();
    }

    @Test
    void wrongCatalogueSizeIsRefused() throws Throwable {
        try (BundleInstaller installer = installer(origin + "/bundles/test-model.tar.gz", (long) bundle.length - 10, null, origin)) {
            assertThatThrownBy(() -> await(installer.installFromCatalogue("test-model", ProgressListener.NONE)))
                    .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIZE_MISMATCH));
            assertThat(installer.installed()).isEmpty();
        }
    }

    @Test
    void unknownBundleIsRefusedAtOnce() throws Throwable {
        try (BundleInstaller installer = installer(origin + "/x", null, null, origin)) {
            assertThatThrownBy(() -> installer.installFromCatalogue("nope", ProgressListener.NONE))
                    .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_BUNDLE));
        }
    }
}
