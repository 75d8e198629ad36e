package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.codec.ImageFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a file lacks the end marker its format requires (JPEG EOI, PNG IEND, GIF trailer).
 * Lets a decoder failure be reported as "truncated" when some reader only says "corrupt".
 */
final class Trailers {

    private static final byte[] PNG_IEND = {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private Trailers() {
    }

    /** True when the format has a known trailer and the file does not end with it. */
    static boolean missing(Path file, ImageFormat format) {
        byte[] tail = tail(file, 16);
        if (tail == null) return false;
        return switch (format) {
            case JPEG -> !endsWith(trimZeros(tail), new byte[]{(byte) 0xFF, (byte) 0xD9});
            case PNG -> !endsWith(tail, PNG_IEND);
            case GIF -> !endsWith(trimZeros(tail), new byte[]{0x3B});
            default -> false;
        };
    }

    private static byte[] tail(Path file, int n) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int len = (int) Math.min(n, size);
            ByteBuffer buf = ByteBuffer.allocate(len);
            ch.read(buf, size - len);
            return buf.array();
        } catch (IOException e) {
            return null;
        }
    }

    /** Some writers pad files with zeros after the end marker. */
    private static byte[] trimZeros(byte[] b) {
        int end = b.length;
        while (end > 0 && b[end - 1] == 0) end--;
        return java.util.Arrays.copyOf(b, end);
    }

    private static boolean endsWith(byte[] b, byte[] suffix) {
        if (b.length < suffix.length) return false;
        for (int i = 0; i < suffix.length; i++) if (b[b.length - suffix.length + i] != suffix[i]) return false;
        return true;
    }
}
