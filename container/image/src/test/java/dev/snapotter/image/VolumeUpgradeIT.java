package dev.snapotter.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.image.support.Container;
import dev.snapotter.image.support.ExecResult;
import dev.snapotter.image.support.ServerClient;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upgrade from an older layout that ran as root: the volume keeps every byte and every mtime (nothing
 * re-created, nothing re-downloaded), and ends owned by 999. The one-time migration is the normal
 * start of the default compose file; docs/deployment.md describes it.
 */
class VolumeUpgradeIT extends ConformanceBase {

    /** Content and mtime of every regular file, and every symlink's target, except the live database files. */
    private static final String MANIFEST = "cd /data && find . \\( -type f ! -name 'snapotter.db*' -exec sha256sum {} + \\) "
            + "&& find . -type f ! -name 'snapotter.db*' -printf 'mtime %T@ %p\\n' && find . -type l -printf 'link %p -> %l\\n'";

    @Test
    void aRootOwnedVolumeOfAnOlderLayoutIsMigratedByteForByte() {
        String data = res.volume("upgrade-data");
        String oldPassword = "Older-Layout-Passw0rd-1";

        // 1. An earlier install created its database ...
        Container first = startHealthy(hardened().volume("SnapOtter-data", data));
        new ServerClient(first).adminSession(COMPOSE_PASSWORD, oldPassword);
        first.stop(30);
        first.remove();

        // 2. ... and an older, root-running layout wrote everything as root: uploads, AI models,
        //    private folders, odd names, a symlink to a root-only file (must never be followed).
        ExecResult old = root(data, "set -e; cd /data; chown -R 0:0 .; "
                + "mkdir -p uploads/2024 ai/models/rembg 'files/Ünïcode name' private; "
                + "head -c 1048576 /dev/urandom > uploads/2024/photo.jpg; "
                + "head -c 3145728 /dev/urandom > ai/models/rembg/u2net.onnx; "
                + "echo 'user settings' > 'files/Ünïcode name/notes with spaces.txt'; "
                + "head -c 4096 /dev/urandom > private/key.bin; chmod 0600 private/key.bin; chmod 0700 private; "
                + "ln -s /etc/shadow shadow-link; touch -d '2020-01-02 03:04:05' uploads/2024/photo.jpg; "
                + "find . ! -user 0 | wc -l");
        assertThat(old.ok()).as(old.describe()).isTrue();
        assertThat(old.stdout().strip()).as("everything root-owned before the upgrade").isEqualTo("0");
        List<String> before = manifest(data);
        assertThat(before).anyMatch(l -> l.contains("u2net.onnx")).anyMatch(l -> l.startsWith("link ./shadow-link -> /etc/shadow"));

        // 3. The new image starts on it (default compose: the root entrypoint path).
        Container upgraded = startHealthy(hardened().volume("SnapOtter-data", data).env("DEFAULT_PASSWORD", "Must-Not-Be-Used-Passw0rd"));
        assertThat(upgraded.logs()).contains("took ownership of");
        assertThat(new ServerClient(upgraded).login("admin", oldPassword)).as("the old database was kept, not re-created").isNotBlank();
        ExecResult shadow = upgraded.exec("stat", "-c", "%u", "/etc/shadow");
        assertThat(shadow.stdout().strip()).as("the symlink's target was not re-owned").isEqualTo("0");
        upgraded.stop(30);

        List<String> after = manifest(data);
        assertThat(after).as("every old file byte-identical, same mtime, same links").containsAll(before);
        ExecResult notOurs = root(data, "find /data ! -user 999 -o ! -group 999");
        assertThat(notOurs.stdout()).as("entries not owned by 999:999 after the upgrade").isBlank();
    }

    private static List<String> manifest(String vol) {
        ExecResult r = root(vol, MANIFEST);
        assertThat(r.ok()).as(r.describe()).isTrue();
        return Arrays.stream(r.stdout().split("\n")).filter(l -> !l.isBlank()).sorted().toList();
    }

    private static ExecResult root(String vol, String script) {
        return res.helper("--mount", "type=volume,src=" + vol + ",dst=/data", "--user", "0", "--entrypoint", "sh", image.tag(), "-c", script);
    }
}
