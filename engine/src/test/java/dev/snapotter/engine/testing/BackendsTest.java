package dev.snapotter.engine.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A missing native prerequisite skips a test on a developer machine and fails it under CI. */
class BackendsTest {

    @Test
    void missingPrerequisiteFailsUnderCiWithTheReason() {
        assertThatThrownBy(() -> Backends.requireNative(false, () -> "cannot open libvips.so.42: not found", true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true")
                .hasMessageContaining("cannot open libvips.so.42: not found");
    }

    @Test
    void missingPrerequisiteSkipsOutsideCiWithTheReason() {
        assertThatThrownBy(() -> Backends.requireNative(false, () -> "the vips command is not installed", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("the vips command is not installed");
    }

    @Test
    void presentPrerequisiteNeitherSkipsNorFails() {
        assertThatCode(() -> Backends.requireNative(true, () -> { throw new AssertionError("reason must not be computed"); }, true))
                .doesNotThrowAnyException();
    }

    @Test
    void ciIsDetectedFromTheVariable() {
        assertThat(Backends.inCi("true")).isTrue();
        assertThat(Backends.inCi("TRUE ")).isTrue();
        assertThat(Backends.inCi(null)).isFalse();
        assertThat(Backends.inCi("")).isFalse();
        assertThat(Backends.inCi("false")).isFalse();
        assertThat(Backends.inCi("1")).isFalse();
    }
}
