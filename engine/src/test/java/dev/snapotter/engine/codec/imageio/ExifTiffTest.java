package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.testing.ExifBuilder;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExifTiffTest {

    @Test
    void readsOrientationGpsAndSummary() {
        ExifTiff e = ExifTiff.of(ExifBuilder.exif().orientation(8).withGps().camera("Canon", "EOS").build());
        assertThat(e.orientation()).isEqualTo(8);
        assertThat(e.hasGps()).isTrue();
        assertThat(e.summary()).containsEntry("make", "Canon").containsEntry("model", "EOS").containsEntry("gps", true);
    }

    @Test
    void orientationResetChangesOnlyThatValue() {
        byte[] in = ExifBuilder.exif().orientation(6).build();
        byte[] out = ExifTiff.of(in).withOrientationReset();
        assertThat(ExifTiff.of(out).orientation()).isEqualTo(1);
        int diff = 0;
        for (int i = 0; i < in.length; i++) if (in[i] != out[i]) diff++;
        assertThat(diff).isEqualTo(1);
    }

    @Test
    void gpsRemovalErasesTheValuesAndKeepsTheRest() {
        byte[] in = ExifBuilder.exif().withGps().build();
        byte[] out = ExifTiff.of(in).withoutGps();
        ExifTiff e = ExifTiff.of(out);
        assertThat(e.hasGps()).isFalse();
        assertThat(e.summary()).containsEntry("make", "OtterCam");
        assertThat(e.orientation()).isEqualTo(1);
        byte[] marker = ByteBuffer.allocate(4).putInt(ExifBuilder.GPS_MARKER_SECONDS).array();
        assertThat(contains(in, marker)).isTrue();
        assertThat(contains(out, marker)).isFalse();
        assertThat(contains(out, new byte[]{0, 0, 0, 48, 0, 0, 0, 1})).as("degrees erased too").isFalse();
    }

    @Test
    void malformedBlocksAreRejectedNotCrashed() {
        assertThatThrownBy(() -> ExifTiff.of(new byte[]{1, 2, 3})).isInstanceOf(ExifTiff.MalformedExifException.class);
        assertThatThrownBy(() -> ExifTiff.of("XX\0*\0\0\0\u0008".getBytes()).orientation()).isInstanceOf(ExifTiff.MalformedExifException.class);
        byte[] pointsOutside = {'M', 'M', 0, 42, 0, 0, 0x10, 0};
        assertThatThrownBy(() -> ExifTiff.of(pointsOutside).orientation()).isInstanceOf(ExifTiff.MalformedExifException.class);
        byte[] tooManyEntries = {'I', 'I', 42, 0, 8, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        assertThatThrownBy(() -> ExifTiff.of(tooManyEntries).hasGps()).isInstanceOf(ExifTiff.MalformedExifException.class);
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
