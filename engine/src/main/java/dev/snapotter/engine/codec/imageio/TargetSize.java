package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.OutputSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

/**
 * Finds the highest JPEG quality whose output fits a byte budget by binary search over 1..100
 * (at most 7 encodes). When even quality 1 does not fit, the smallest result is returned.
 */
final class TargetSize {

    private static final Logger LOG = LoggerFactory.getLogger(TargetSize.class);

    private TargetSize() {
    }

    static byte[] search(BufferedImage img, OutputSpec spec, ImageMetadata meta) {
        int lo = 1;
        int hi = Math.max(1, spec.quality());
        byte[] best = null;
        byte[] smallest = null;
        while (lo <= hi) {
            int q = (lo + hi) >>> 1;
            byte[] bytes = encode(img, spec.withQuality(q), meta);
            if (smallest == null || bytes.length < smallest.length) smallest = bytes;
            if (bytes.length <= spec.targetBytes()) {
                best = bytes;
                lo = q + 1;
            } else {
                hi = q - 1;
            }
        }
        if (best == null) {
            LOG.info("target size {} bytes not reachable; smallest result is {} bytes", spec.targetBytes(), smallest.length);
            return smallest;
        }
        return best;
    }

    private static byte[] encode(BufferedImage img, OutputSpec spec, ImageMetadata meta) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Encoder.encode(img, spec.withTargetBytes(0), meta, out);
        return out.toByteArray();
    }
}
