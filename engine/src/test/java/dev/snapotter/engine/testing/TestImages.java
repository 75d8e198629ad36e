package dev.snapotter.engine.testing;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Generates test images with plain ImageIO (independent of the engine's codec) and adds metadata
 * at the byte level: EXIF orientation, GPS, ICC profiles, XMP, CMYK JPEGs. Shared with the
 * server and CLI tests through the engine's test-jar.
 */
public final class TestImages {

    private TestImages() {
    }

    /** A deterministic colour pattern; with {@code alpha} the left half fades to transparent. */
    public static BufferedImage pattern(int w, int h, boolean alpha) {
        BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = alpha && x < w / 2 ? 255 * x / Math.max(1, w / 2) : 255;
                int r = 255 * x / Math.max(1, w - 1);
                int g = 255 * y / Math.max(1, h - 1);
                int b = (x / 8 + y / 8) % 2 == 0 ? 40 : 200;
                img.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    /** A smooth gradient (no hard edges), for PSNR checks of lossy codecs. */
    public static BufferedImage smooth(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 255 * x / Math.max(1, w - 1);
                int g = 255 * y / Math.max(1, h - 1);
                int b = (int) (127 + 100 * Math.sin((x + y) / 25.0));
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    public static BufferedImage toType(BufferedImage src, int type) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
        java.awt.Graphics2D g = out.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Src);
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** An image whose four quadrants are red, green, blue and white (top-left, top-right, bottom-left, bottom-right). */
    public static BufferedImage quadrants(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean left = x < w / 2;
                boolean top = y < h / 2;
                img.setRGB(x, y, top ? (left ? 0xff0000 : 0x00ff00) : (left ? 0x0000ff : 0xffffff));
            }
        }
        return img;
    }

    public static byte[] jpeg(BufferedImage img, int quality) {
        return write(img, "jpeg", quality);
    }

    public static byte[] jpeg(int w, int h) {
        return jpeg(pattern(w, h, false), 90);
    }

    public static byte[] png(BufferedImage img) {
        return write(img, "png", 0);
    }

    public static byte[] png(int w, int h, boolean alpha) {
        return png(pattern(w, h, alpha));
    }

    /** Writes with the first ImageIO writer for the format name ("gif", "bmp", "tiff", "psd", "ico", "pnm", "tga", ...). */
    public static byte[] encode(RenderedImage img, String format) {
        return write(img, format, 0);
    }

    /** A multi-page TIFF; page i is {@code w+i*10} wide. */
    public static byte[] multiPageTiff(int w, int h, int pages) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < pages; i++) writer.writeToSequence(new IIOImage(pattern(w + i * 10, h, false), null, null), null);
                writer.endWriteSequence();
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Adobe CMYK JPEG (inverted samples, APP14 transform 0) whose left half is cyan and right half black. */
    public static byte[] cmykJpeg(int w, int h) {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Adobe stores CMYK inverted: 255 = no ink
                r.setPixel(x, y, x < w / 2 ? new int[]{0, 255, 255, 255} : new int[]{255, 255, 255, 0});
            }
        }
        byte[] raw = write(r, "jpeg", 95);
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return insertJpegSegment(raw, 0xEE, adobe);
    }

    /** Inserts a segment right after SOI. */
    public static byte[] insertJpegSegment(byte[] jpeg, int marker, byte[] payload) {
        int len = payload.length + 2;
        byte[] seg = new byte[4 + payload.length];
        seg[0] = (byte) 0xFF;
        seg[1] = (byte) marker;
        seg[2] = (byte) (len >> 8);
        seg[3] = (byte) len;
        System.arraycopy(payload, 0, seg, 4, payload.length);
        return concat(Arrays.copyOf(jpeg, 2), seg, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    public static byte[] withExif(byte[] jpeg, byte[] tiff) {
        return insertJpegSegment(jpeg, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff));
    }

    public static byte[] withXmp(byte[] jpeg, String xmp) {
        return insertJpegSegment(jpeg, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds an ICC profile as one APP2 segment (profiles used here are below 64 KB). */
    public static byte[] withIcc(byte[] jpeg, byte[] icc) {
        byte[] head = concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[]{1, 1});
        return insertJpegSegment(jpeg, 0xE2, concat(head, icc));
    }

    /** A non-sRGB RGB profile that ships with every JDK. */
    public static byte[] linearRgbProfile() {
        return ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    }

    public static String xmpWithGps() {
        return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " exif:GPSLatitude=\"48,51.5N\" exif:GPSLongitude=\"2,17.7E\" dc:format=\"image/jpeg\">"
                + "<exif:GPSAltitude>35/1</exif:GPSAltitude></rdf:Description></rdf:RDF></x:xmpmeta>";
    }

    /** A stored sample from {@code src/test/resources/dev/snapotter/engine/testing/samples/} (see its README). */
    public static byte[] sample(String name) {
        try (var in = TestImages.class.getResourceAsStream("samples/" + name)) {
            if (in == null) throw new IllegalArgumentException("no sample " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] write(Object img, String format, int quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality > 0) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
            } else {
                param = null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(ios);
                IIOImage iio = img instanceof Raster r ? new IIOImage(r, null, null) : new IIOImage((RenderedImage) img, null, null);
                writer.write(null, iio, param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
