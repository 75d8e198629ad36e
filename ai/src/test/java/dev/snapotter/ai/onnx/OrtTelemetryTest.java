package dev.snapotter.ai.onnx;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** ONNX Runtime's telemetry opt-out is in the native environment before the runtime starts. */
class OrtTelemetryTest {

    @Test
    void theOptOutVariableIsSetInTheNativeEnvironment() {
        assumeFalse(OrtTelemetry.isWindows(), "POSIX only");
        assertThat(OrtTelemetry.disableBeforeInit()).isTrue();
        assertThat(OrtTelemetry.nativeGetenv(OrtTelemetry.VARIABLE)).isEqualTo("1");
        OrtSessionFactory.environment(); // loads the runtime with the variable set
        assertThat(OrtTelemetry.nativeGetenv(OrtTelemetry.VARIABLE)).isEqualTo("1");
    }
}
