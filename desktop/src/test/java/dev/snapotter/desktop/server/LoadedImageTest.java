package dev.snapotter.desktop.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadedImageTest {

    @Test
    void theTaggedImageIsReadFromTheDaemonsMessage() {
        assertThat(LoadedImage.reference("Loaded image: snapotter/snapotter:0.2.0\n")).contains("snapotter/snapotter:0.2.0");
        assertThat(LoadedImage.reference("Loaded image: a:1\nLoaded image: registry.local:5000/snap/otter:2.0"))
                .contains("registry.local:5000/snap/otter:2.0");
    }

    @Test
    void untaggedOrUnknownMessagesGiveNothing() {
        assertThat(LoadedImage.reference("Loaded image ID: sha256:0123abcd")).isEmpty();
        assertThat(LoadedImage.reference(null)).isEmpty();
    }
}
