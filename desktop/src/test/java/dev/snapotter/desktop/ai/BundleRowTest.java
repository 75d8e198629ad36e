package dev.snapotter.desktop.ai;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a row says and allows, including a server that is already installing it. */
class BundleRowTest {

    private static BundleRow row(boolean installed, boolean downloadable, Path shipped, String pending) {
        return new BundleRow("background-removal", "Background removal", "1.4.5", "AGPL-3.0", 44_376_799L, installed, 0,
                downloadable, false, shipped, pending);
    }

    @Test
    void aBundleTheServerIsInstallingCannotBeInstalledAgainAndSaysSo() {
        assertThat(row(false, true, null, "installing").status()).isEqualTo("Installing on the server…");
        assertThat(row(false, true, null, "installing").installable()).isFalse();
        assertThat(row(false, true, null, "queued").status()).isEqualTo("Queued on the server");
        assertThat(row(false, true, Path.of("x.snapotter-bundle.tar.gz"), "queued").installable()).isFalse();
    }

    @Test
    void idleRowsSayWhatInstallWouldDo() {
        assertThat(row(false, true, null, null).status()).isEqualTo("Not installed");
        assertThat(row(false, false, Path.of("x.snapotter-bundle.tar.gz"), null).status()).isEqualTo("Available offline");
        assertThat(row(false, false, null, null).installable()).as("neither a file nor a URL").isFalse();
        assertThat(row(true, true, null, null).status()).isEqualTo("Installed");
        assertThat(row(true, true, null, null).installable()).isFalse();
    }

    @Test
    void onlyTheServersQueuedAndInstallingCountAsPending() {
        assertThat(ServerBundles.pending("installing")).isEqualTo("installing");
        assertThat(ServerBundles.pending("queued")).isEqualTo("queued");
        assertThat(ServerBundles.pending("installed")).isNull();
        assertThat(ServerBundles.pending("available")).isNull();
        assertThat(ServerBundles.pending(null)).isNull();
    }
}
