package dev.snapotter.engine.codec.imageio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The real size of an icon's first image. The directory entry says at most 256×256, but the
 * payload is a PNG or a DIB with its own header, which is what the decoder allocates for, so a
 * PNG bomb wrapped in an ICO must be measured from the payload.
 */
final class IcoDirectory {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    private IcoDirectory() {
    }

    /** {width, height} of the first entry's payload, or null when it cannot be read. */
    static int[] firstPayloadSize(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer dir = read(ch, 0, 22);
            if (dir == null) return null;
            long offset = Integer.toUnsignedLong(dir.getInt(18));
            ByteBuffer payload = read(ch, offset, 24);
            if (payload == null) return null;
            if (startsWithPng(payload)) {
                payload.order(ByteOrder.BIG_ENDIAN);
                return new int[]{payload.getInt(16), payload.getInt(20)};
            }
            // BITMAPINFOHEADER: the height covers the colour and the AND mask, hence / 2
            return new int[]{Math.abs(payload.getInt(4)), Math.abs(payload.getInt(8)) / 2};
        } catch (IOException e) {
            return null;
        }
    }

    /** Number of images in the directory. */
    static int entries(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer dir = read(ch, 0, 6);
            return dir == null ? 1 : Math.max(1, Short.toUnsignedInt(dir.getShort(4)));
        } catch (IOException e) {
            return 1;
        }
    }

    private static ByteBuffer read(FileChannel ch, long pos, int len) throws IOException {
        if (pos < 0 || pos + len > ch.size()) return null;
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) return null;
        }
        return b;
    }

    private static boolean startsWithPng(ByteBuffer b) {
        for (int i = 0; i < PNG_SIGNATURE.length; i++) if (b.get(i) != PNG_SIGNATURE[i]) return false;
        return true;
    }
}
