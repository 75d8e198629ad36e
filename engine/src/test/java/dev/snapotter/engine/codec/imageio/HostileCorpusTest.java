package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.testing.Backends;
import dev.snapotter.engine.testing.HostileCorpus;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every hostile file fails with its documented kind and message, quickly, or decodes when its damage is harmless,
 * on BOTH backends: the pure-Java one and libvips through FFM (skipped with a message when libvips is missing).
 */
class HostileCorpusTest {

    static final EngineLimits LIMITS = new EngineLimits(100, 20, 1L << 30);

    @TempDir
    Path dir;

    static Stream<Arguments> failing() {
        return Backends.names().stream().flatMap(b -> HostileCorpus.failing().stream().map(e -> Arguments.of(b, e)));
    }

    static Stream<Arguments> accepted() {
        return Backends.names().stream().flatMap(b -> HostileCorpus.accepted().stream().map(e -> Arguments.of(b, e)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("failing")
    void decodeFailsCleanly(String backend, HostileCorpus.Entry entry) {
        ImageCodec codec = Backends.byName(backend);
        Path file = entry.writeTo(dir);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> codec.decode(file, LIMITS))
                        .isInstanceOfSatisfying(ImageException.class, e -> {
                            assertThat(e.kind()).as(e.getMessage()).isEqualTo(entry.kind());
                            assertThat(e.getMessage()).containsIgnoringCase(entry.message());
                        }));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("failing")
    void thumbnailFailsCleanlyToo(String backend, HostileCorpus.Entry entry) {
        ImageCodec codec = Backends.byName(backend);
        Path file = entry.writeTo(dir);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> codec.decodeThumbnail(file, 128, LIMITS))
                        .isInstanceOfSatisfying(ImageException.class, e -> assertThat(e.kind()).isEqualTo(entry.kind())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("accepted")
    void harmlessDamageStillDecodes(String backend, HostileCorpus.Entry entry) {
        ImageCodec codec = Backends.byName(backend);
        Path file = entry.writeTo(dir);
        Picture p = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> codec.decode(file, LIMITS));
        assertThat(p.width()).isEqualTo(256);
        assertThat(p.height()).isEqualTo(192);
        assertThat(p.metadata().exif()).as("malformed EXIF is never carried on").isNull();
        assertThat(p.metadata().icc()).as("a bomb profile is never carried on").isNull();
    }
}
