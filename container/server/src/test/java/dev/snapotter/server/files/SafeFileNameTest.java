package dev.snapotter.server.files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SafeFileNameTest {

    @Test
    void directoriesAndTraversalAreStripped() {
        assertThat(SafeFileName.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileName.sanitize("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
        assertThat(SafeFileName.sanitize("..")).isEqualTo("upload");
        assertThat(SafeFileName.sanitize("/")).isEqualTo("upload");
        assertThat(SafeFileName.sanitize(".hidden.png")).isEqualTo("hidden.png");
        assertThat(SafeFileName.sanitize(null)).isEqualTo("upload");
    }

    @Test
    void controlBidiAndNullCharactersAreRemoved() {
        assertThat(SafeFileName.sanitize("photo\u0000.png")).isEqualTo("photo.png");
        assertThat(SafeFileName.sanitize("invoice\u202Egnp.exe")).isEqualTo("invoicegnp.exe");
        assertThat(SafeFileName.sanitize("a\u200Bb\u2066c.jpg")).isEqualTo("abc.jpg");
        assertThat(SafeFileName.sanitize("new\nline.jpg")).isEqualTo("newline.jpg");
        assertThat(SafeFileName.sanitize("what?<x>.jpg")).isEqualTo("what__x_.jpg");
    }

    @Test
    void veryLongNamesAreCutKeepingTheExtension() {
        String longName = "é".repeat(5000) + ".jpeg";
        String s = SafeFileName.sanitize(longName);
        assertThat(s).endsWith(".jpeg");
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SafeFileName.MAX_BYTES);
        assertThat(SafeFileName.sanitize("x".repeat(5000)).length()).isEqualTo(SafeFileName.MAX_BYTES);
    }

    @Test
    void rightToLeftScriptsSurvive() {
        assertThat(SafeFileName.sanitize("صورة.png")).isEqualTo("صورة.png");
        assertThat(SafeFileName.sanitize("תמונה.jpg")).isEqualTo("תמונה.jpg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../a.png", "a/b.png", "a\\b.png", "a\u0000.png", ".env", "", "%2e%2e", "x\u202E.png"})
    void downloadNamesThatCouldEscapeAreNotPlain(String name) {
        if (name.equals("%2e%2e")) {
            // Literal percent signs are a plain (if unusual) name: it is looked up verbatim and simply not found.
            assertThat(SafeFileName.isPlainName(name)).isTrue();
        } else {
            assertThat(SafeFileName.isPlainName(name)).isFalse();
        }
    }
}
