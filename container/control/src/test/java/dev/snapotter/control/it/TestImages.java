package dev.snapotter.control.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds tiny stand-ins for the SnapOtter image without any registry: {@code FROM scratch} + a static busybox
 * (Debian package busybox-static) serving {@code /api/v1/health} with busybox httpd, and a {@code curl} shim so
 * the spec's real health command ({@code curl -sf --max-time 5 http://localhost:1349/api/v1/health}) runs
 * unchanged. The broken variant serves no health file, so its probes fail.
 */
final class TestImages {

    static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final List<String> APPLETS = List.of("sh", "httpd", "wget", "sed", "echo", "printf", "mkdir",
            "cat", "cp", "sleep", "wc");

    // Static glibc busybox crashes resolving names (no NSS) and on wget -T: the shim avoids both.
    private static final String CURL_SHIM = """
            #!/bin/sh
            url=""
            while [ $# -gt 0 ]; do
              case "$1" in --max-time) shift 2 ;; -*) shift ;; *) url=$1; shift ;; esac
            done
            url=$(echo "$url" | sed 's#//localhost#//127.0.0.1#')
            exec wget -q -O /dev/null "$url"
            """;

    private static final String START = """
            #!/bin/sh
            mkdir -p /www/api/v1 /data
            if [ -z "$SNAPOTTER_TEST_BROKEN" ]; then echo '{"status":"ok"}' > /www/api/v1/health; fi
            echo boot >> /data/boots
            cp /data/boots /www/boots
            printf '\\033[32mINFO\\033[0m snapotter-test started (%s)\\n' "$(wc -l < /data/boots) boots"
            echo "a line on stderr" >&2
            httpd -p 1349 -h /www
            # A shell as PID 1 that exits on SIGTERM, like tini in the real image (httpd as PID 1 would ignore it
            # and every stop would wait for the kill timeout).
            trap 'echo "snapotter-test stopping"; exit 0' TERM INT
            while :; do sleep 1 & wait $!; done
            """;

    private TestImages() {
    }

    static void requireBusybox() {
        Assumptions.assumeTrue(Files.isExecutable(BUSYBOX),
                "The real-daemon tests need a static busybox at /bin/busybox (Debian: apt-get install busybox-static)");
    }

    /** Builds {@code tag}; {@code broken} images never pass their healthcheck. */
    static String build(DockerClient docker, String tag, boolean broken, String version, Map<String, String> labels)
            throws IOException {
        Map<String, String> all = new HashMap<>(labels);
        all.put("org.opencontainers.image.version", version);
        String dockerfile = "FROM scratch\nCOPY rootfs/ /\n"
                + (broken ? "ENV SNAPOTTER_TEST_BROKEN=1\n" : "")
                + "CMD [\"/app/start.sh\"]\n";
        try (ByteArrayInputStream context = new ByteArrayInputStream(context(dockerfile))) {
            return docker.buildImageCmd(context).withTags(Set.of(tag)).withLabels(all).withPull(false)
                    .withNetworkMode("none").withRemove(true)
                    .exec(new BuildImageResultCallback()).awaitImageId();
        }
    }

    private static byte[] context(String dockerfile) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            file(tar, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), 0644);
            file(tar, "rootfs/bin/busybox", Files.readAllBytes(BUSYBOX), 0755);
            for (String applet : APPLETS) {
                TarArchiveEntry link = new TarArchiveEntry("rootfs/bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName("busybox");
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
            file(tar, "rootfs/usr/bin/curl", CURL_SHIM.getBytes(StandardCharsets.UTF_8), 0755);
            file(tar, "rootfs/app/start.sh", START.getBytes(StandardCharsets.UTF_8), 0755);
        }
        return bytes.toByteArray();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(mode);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
