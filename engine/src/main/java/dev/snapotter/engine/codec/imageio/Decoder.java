package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Decodes the first frame through ImageIO. JPEGs go to the JDK reader first; CMYK/YCCK files
 * and files the JDK reader rejects go to TwelveMonkeys. Truncated data is refused rather than
 * returned half grey.
 */
final class Decoder {

    private static final Logger LOG = LoggerFactory.getLogger(Decoder.class);

    /** @param usedFallback whether TwelveMonkeys' JPEG reader decoded the file */
    record Decoded(BufferedImage image, boolean usedFallback) {
    }

    private Decoder() {
    }

    static Decoded decode(Path file, Probe probe, int subsampling) {
        try {
            return decodeOnce(file, probe, subsampling);
        } catch (ImageException e) {
            ImageFormat format = probe.header().format();
            if (e.kind() == ImageException.Kind.CORRUPT && Trailers.missing(file, format)) {
                throw new ImageException(ImageException.Kind.TRUNCATED,
                        "the " + Failures.label(format) + " file is truncated (data ends early)", e);
            }
            throw e;
        }
    }

    private static Decoded decodeOnce(Path file, Probe probe, int subsampling) {
        ImageFormat format = probe.header().format();
        try {
            if (format != ImageFormat.JPEG) return new Decoded(read(file, format, null, subsampling, false), false);
            if (probe.source().jpegComponents() == 4) {
                return new Decoded(read(file, format, Readers.JpegFlavour.TWELVEMONKEYS, subsampling, false), true);
            }
            try {
                boolean hideIcc = probe.source().metadata().icc() != null;
                return new Decoded(read(file, format, Readers.JpegFlavour.JDK, subsampling, hideIcc), false);
            } catch (ImageException e) {
                if (e.kind() != ImageException.Kind.CORRUPT) throw e;
                LOG.debug("JDK JPEG reader failed on {} ({}); retrying with TwelveMonkeys", file.getFileName(), e.getMessage());
                return new Decoded(read(file, format, Readers.JpegFlavour.TWELVEMONKEYS, subsampling, false), true);
            }
        } catch (OutOfMemoryError e) {
            throw Failures.translate(e, format);
        }
    }

    private static BufferedImage read(Path file, ImageFormat format, Readers.JpegFlavour jpeg, int subsampling, boolean hideIcc) {
        try (ImageInputStream iis = hideIcc ? IccHiddenJpeg.open(file) : ImageIO.createImageInputStream(file.toFile())) {
            if (iis == null) throw new ImageException(ImageException.Kind.IO, "cannot open " + file.getFileName());
            ImageReader reader = jpeg == null ? Readers.forFormat(format, iis) : Readers.jpeg(jpeg);
            List<String> warnings = new ArrayList<>();
            IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
            try {
                reader.setInput(iis, true, true);
                reader.addIIOReadWarningListener(listener);
                ImageReadParam param = reader.getDefaultReadParam();
                if (subsampling > 1) param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                if (jpeg == Readers.JpegFlavour.JDK) preferPlainRgb(reader, param);
                BufferedImage img = reader.read(0, param);
                // libjpeg only warns at a premature end; a file that still ends properly is "slightly broken" and kept
                if (warnings.stream().anyMatch(w -> Failures.isTruncation(new IOException(w))) && Trailers.missing(file, format)) {
                    throw new ImageException(ImageException.Kind.TRUNCATED,
                            "the " + Failures.label(format) + " file is truncated (data ends early)");
                }
                if (!warnings.isEmpty()) LOG.debug("{}: decoder warnings {}", file.getFileName(), warnings);
                return img;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw Failures.translate(e, format);
        }
    }

    /** Decodes straight into 3BYTE_BGR / BYTE_GRAY, the layouts the tools read fastest. */
    private static void preferPlainRgb(ImageReader reader, ImageReadParam param) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        while (types.hasNext()) {
            ImageTypeSpecifier t = types.next();
            int bt = t.getBufferedImageType();
            if (bt == BufferedImage.TYPE_3BYTE_BGR || bt == BufferedImage.TYPE_BYTE_GRAY) {
                param.setDestinationType(t);
                return;
            }
        }
    }
}
