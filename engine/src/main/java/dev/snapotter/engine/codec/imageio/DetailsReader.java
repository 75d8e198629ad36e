package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.codec.ImageDetails;
import dev.snapotter.engine.codec.ImageFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.ColorModel;
import java.nio.file.Path;

/**
 * Reads channels, alpha, bit depth and resolution from ImageIO's standard ("javax_imageio_1.0")
 * metadata tree, which every plug-in fills from the header. Facts a plug-in does not report stay 0.
 */
final class DetailsReader {

    private static final Logger LOG = LoggerFactory.getLogger(DetailsReader.class);

    private DetailsReader() {
    }

    static ImageDetails read(Path file, Probe probe) {
        ImageFormat format = probe.header().format();
        int channels = 0;
        boolean alpha = false;
        int bits = 0;
        double dpiX = 0;
        double dpiY = 0;
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = format == ImageFormat.JPEG ? Readers.jpeg(Readers.JpegFlavour.TWELVEMONKEYS) : Readers.forFormat(format, iis);
            try {
                reader.setInput(iis, true, false);
                ImageTypeSpecifier raw = reader.getRawImageType(0);
                if (raw != null) {
                    ColorModel cm = raw.getColorModel();
                    channels = cm.getNumComponents();
                    alpha = cm.hasAlpha();
                    bits = cm.getComponentSize(0);
                }
                IIOMetadata meta = reader.getImageMetadata(0);
                if (meta != null && meta.isStandardMetadataFormatSupported()) {
                    Node root = meta.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
                    dpiX = dpi(find(root, "HorizontalPixelSize"));
                    dpiY = dpi(find(root, "VerticalPixelSize"));
                    if (channels == 0) channels = intValue(find(root, "NumChannels"));
                }
            } finally {
                reader.dispose();
            }
        } catch (Exception e) {
            // details are best effort; the header itself was already validated by the probe
            LOG.debug("could not read details of {}: {}", file.getFileName(), e.toString());
        }
        return new ImageDetails(probe.header(), channels, alpha, bits, dpiX, dpiY, probe.source().metadata());
    }

    /** ImageIO stores millimetres per pixel. */
    private static double dpi(Node n) {
        if (n == null) return 0;
        try {
            double mmPerPixel = Double.parseDouble(n.getAttributes().getNamedItem("value").getNodeValue());
            return mmPerPixel > 0 ? Math.round(25.4 / mmPerPixel * 100) / 100.0 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static int intValue(Node n) {
        if (n == null) return 0;
        try {
            return Integer.parseInt(n.getAttributes().getNamedItem("value").getNodeValue().trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Node find(Node n, String name) {
        if (n == null) return null;
        if (name.equals(n.getNodeName())) return n;
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node hit = find(c, name);
            if (hit != null) return hit;
        }
        return null;
    }
}
