package dev.snapotter.control.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {

    @TempDir
    Path tmp;

    @Test
    void savesAtomicallyReadableOnlyByTheUser() throws Exception {
        ApiKeyStore store = new ApiKeyStore(tmp.resolve("app/server-api-key"));
        assertThat(store.load()).isEmpty();
        store.save("so_first");
        store.save("so_second");
        assertThat(store.load()).contains("so_second");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files).containsExactly(store.file());   // no temp files left behind
        }
        assertThatThrownBy(() -> store.save("two\nlines")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.load()).contains("so_second");
        store.delete();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void appDataDirPerOs() {
        Path home = Path.of("/home/otter");
        assertThat(ApiKeyStore.appDataDir(Map.of(), home, "Linux")).isEqualTo(home.resolve(".local/share/SnapOtter"));
        assertThat(ApiKeyStore.appDataDir(Map.of("XDG_DATA_HOME", "/data/x"), home, "Linux"))
                .isEqualTo(Path.of("/data/x/SnapOtter"));
        assertThat(ApiKeyStore.appDataDir(Map.of(), home, "Mac OS X"))
                .isEqualTo(home.resolve("Library/Application Support/SnapOtter"));
        assertThat(ApiKeyStore.appDataDir(Map.of("APPDATA", "/appdata"), home, "Windows 11"))
                .isEqualTo(Path.of("/appdata/SnapOtter"));
    }
}
