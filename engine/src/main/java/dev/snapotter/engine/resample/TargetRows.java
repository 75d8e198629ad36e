package dev.snapotter.engine.resample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/** Writes finished 8-bit output rows (in the {@link RowFormat} order) into the new image. */
interface TargetRows {

    /** Where the horizontal pass may write a row directly, or null when it must use a scratch row. */
    byte[] directArray();

    /** Stores {@code row} (length width × channels) as row {@code y}; a no-op for direct arrays. */
    void write(int y, byte[] row);

    static TargetRows bytes(BufferedImage img, int channels) {
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        return new TargetRows() {
            @Override
            public byte[] directArray() {
                return data;
            }

            @Override
            public void write(int y, byte[] row) {
                // the horizontal pass already wrote into data
            }
        };
    }

    static TargetRows packedInts(BufferedImage img, boolean alpha) {
        int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int w = img.getWidth();
        return new TargetRows() {
            @Override
            public byte[] directArray() {
                return null;
            }

            @Override
            public void write(int y, byte[] row) {
                int off = y * w;
                for (int x = 0; x < w; x++) {
                    data[off + x] = alpha
                            ? (row[x * 4] & 0xff) << 24 | (row[x * 4 + 1] & 0xff) << 16 | (row[x * 4 + 2] & 0xff) << 8 | row[x * 4 + 3] & 0xff
                            : 0xff000000 | (row[x * 3] & 0xff) << 16 | (row[x * 3 + 1] & 0xff) << 8 | row[x * 3 + 2] & 0xff;
                }
            }
        };
    }
}
