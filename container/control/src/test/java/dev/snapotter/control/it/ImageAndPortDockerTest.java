package dev.snapotter.control.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Image;
import dev.snapotter.control.lifecycle.ContainerLifecycle;
import dev.snapotter.control.lifecycle.HealthWaiter;
import dev.snapotter.control.lifecycle.ImageInfo;
import dev.snapotter.control.lifecycle.ImageLoadException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image archives (valid and corrupt) and the busy-port fallback, against the real engine. */
class ImageAndPortDockerTest {

    private static RealDocker real;
    private static String goodImage;
    private static String loadableImage;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        real = RealDocker.connectOrSkip();
        TestImages.requireBusybox();
        goodImage = "snapotter-ctl-test-" + real.runId + ":1";
        loadableImage = "snapotter-ctl-test-" + real.runId + "-loadable:1";
        TestImages.build(real.docker, goodImage, false, "1.0.0-test", real.labels());
    }

    @AfterEach
    void noLeakedResponses() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(real.http.openResponses()).as("HTTP responses still open").isEmpty());
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (real == null) return;
        real.cleanUp(Stream.of(goodImage, loadableImage).filter(Objects::nonNull).toList());
        real.close();
    }

    @Test
        void busyPortFallsBackToAFreeOne() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int taken = busy.getLocalPort();
            String name = "snapotter-ctl-test-" + real.runId + "-port";
            ContainerLifecycle other = new ContainerLifecycle(real.docker, real.spec(goodImage, name, taken),
                    new HealthWaiter(Duration.ofSeconds(20), Duration.ofMillis(250)));
            other.startAll(Optional.empty(), s -> { });
            int chosen = other.spec().hostPort();
            assertThat(chosen).isNotEqualTo(taken);
            assertThat(RealDocker.get(chosen, "/api/v1/health")).startsWith("200 ");
            other.remove(true);
            assertThat(other.inspect()).isEmpty();
            assertThat(real.docker.listVolumesCmd().withFilter("name", List.of(name + "-data")).exec().getVolumes())
                    .as("volumes removed only because asked").isNullOrEmpty();
        }
    }

    @Test
        void imageLoadsFromAValidTarAndACorruptTarChangesNothing() throws Exception {
        Path valid = tmp.resolve("loadable.tar");
        real.docker.tagImageCmd(goodImage, loadableImage.substring(0, loadableImage.indexOf(':')), "1").exec();
        try (InputStream saved = real.docker.saveImageCmd(loadableImage).exec();
             OutputStream out = Files.newOutputStream(valid)) {
            saved.transferTo(out);
        }
        real.docker.removeImageCmd(loadableImage).exec();

        ContainerLifecycle loader = new ContainerLifecycle(real.docker,
                real.spec(loadableImage, "snapotter-ctl-test-" + real.runId + "-load", 0),
                new HealthWaiter(Duration.ofSeconds(20), Duration.ofMillis(250)));

        Path corrupt = tmp.resolve("corrupt.tar");
        byte[] bytes = Files.readAllBytes(valid);
        Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        List<String> imagesBefore = imageIds();
        assertThatThrownBy(() -> loader.ensureImage(Optional.of(corrupt), Optional.empty()))
                .isInstanceOf(ImageLoadException.class)
                .satisfies(e -> org.slf4j.LoggerFactory.getLogger(getClass()).info("Corrupt tar: {}", e.getMessage()))
                .hasMessageContaining("Docker could not load corrupt.tar");
        assertThat(imageIds()).isEqualTo(imagesBefore);
        assertThat(loader.images().find(loadableImage)).isEmpty();

        assertThatThrownBy(() -> loader.ensureImage(Optional.empty(), Optional.empty()))
                .hasMessageContaining("no image archive was given");

        ImageInfo loaded = loader.ensureImage(Optional.of(valid), Optional.of("1.0.0-test"));
        assertThat(loaded.version()).contains("1.0.0-test");
        assertThat(loader.images().find(loadableImage)).isPresent();
        assertThatThrownBy(() -> loader.images().verify(loaded, Optional.of("9.9.9")))
                .hasMessageContaining("expected 9.9.9");
    }

    private static List<String> imageIds() {
        return real.docker.listImagesCmd().withShowAll(true).exec().stream().map(Image::getId).sorted()
                .collect(Collectors.toList());
    }

}
