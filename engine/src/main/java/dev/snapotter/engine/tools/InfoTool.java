package dev.snapotter.engine.tools;

import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.ImageDetails;
import dev.snapotter.engine.codec.ImageHeader;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.imageio.ExifTiff;
import dev.snapotter.engine.codec.imageio.XmpGps;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.ReportTool;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SnapOtter's {@code info}: a JSON-shaped description of a file from its headers only (no pixel
 * decode). Unknown facts are left out rather than reported as zero.
 */
public final class InfoTool implements ReportTool {

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("info", "Image info", "utilities",
            "Show size, format, colour, resolution and metadata of an image.", List.<ParamSpec>of(), false);

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> report(Path file, ImageCodec codec, Settings settings, ToolContext context) {
        ImageDetails d = codec.details(file, context.limits());
        ImageHeader h = d.header();
        ImageMetadata m = d.metadata();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("width", h.width());
        out.put("height", h.height());
        out.put("displayWidth", h.orientedWidth());
        out.put("displayHeight", h.orientedHeight());
        out.put("format", h.format().name().toLowerCase(Locale.ROOT));
        out.put("mimeType", h.format().mimeType());
        if (d.channels() > 0) out.put("channels", d.channels());
        out.put("hasAlpha", d.hasAlpha());
        if (d.bitsPerSample() > 0) out.put("bitsPerSample", d.bitsPerSample());
        if (d.dpiX() > 0) out.put("dpi", Map.of("x", d.dpiX(), "y", d.dpiY() > 0 ? d.dpiY() : d.dpiX()));
        out.put("orientation", h.orientation());
        out.put("frames", h.frames());
        out.put("hasIcc", m.icc() != null);
        if (m.icc() != null) out.put("iccBytes", m.icc().length);
        out.put("hasExif", m.exif() != null);
        out.put("hasXmp", m.xmp() != null);
        out.put("hasGps", m.hasGps() || XmpGps.hasGps(m.xmp()));
        if (m.exif() != null) out.put("exif", exifSummary(m.exif()));
        out.put("fileSize", size(file));
        out.put("backend", codec.name());
        return out;
    }

    private static Map<String, Object> exifSummary(byte[] exif) {
        try {
            return ExifTiff.of(exif).summary();
        } catch (ExifTiff.MalformedExifException e) {
            return Map.of("error", "unreadable EXIF: " + e.getMessage());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImageException(ImageException.Kind.IO, "cannot read the size of " + file.getFileName(), e);
        }
    }
}
