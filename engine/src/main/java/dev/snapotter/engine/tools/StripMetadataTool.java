package dev.snapotter.engine.tools;

import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.ExifTiff;
import dev.snapotter.engine.codec.imageio.JpegMetadataEdit;
import dev.snapotter.engine.codec.imageio.JpegSegments;
import dev.snapotter.engine.codec.imageio.XmpGps;
import dev.snapotter.engine.pipeline.LosslessJpegStep;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * SnapOtter's {@code strip-metadata}. On a decoded picture it drops the chosen metadata before
 * encoding; when a pipeline consists only of this tool and the input is a JPEG, the pipeline
 * runner copies the file losslessly through {@link #losslessJpegEdit} instead (no re-encode).
 */
public final class StripMetadataTool implements ImageTool, LosslessJpegStep {

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("strip-metadata", "Strip metadata", "optimization",
            "Remove EXIF, GPS location, colour profile and XMP data.", List.of(
            ParamSpec.bool("stripExif", "EXIF", false, "Remove the EXIF block (camera, dates, settings)."),
            ParamSpec.bool("stripGps", "GPS", false, "Remove only the location (EXIF GPS and XMP GPS fields)."),
            ParamSpec.bool("stripIcc", "Colour profile", false, "Remove the embedded ICC colour profile."),
            ParamSpec.bool("stripXmp", "XMP", false, "Remove the XMP packet."),
            ParamSpec.bool("stripAll", "Everything", true, "Remove all of the above and any other metadata segments.")), true);

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Picture apply(Picture input, Settings s, ToolContext context) {
        return input.withMetadata(strip(input.metadata(), options(s)));
    }

    @Override
    public Optional<UnaryOperator<List<JpegSegments.Segment>>> losslessJpegEdit(Settings s) {
        return Optional.of(JpegMetadataEdit.of(options(s)));
    }

    static JpegMetadataEdit.Strip options(Settings s) {
        return new JpegMetadataEdit.Strip(s.getBool("stripExif"), s.getBool("stripGps"), s.getBool("stripIcc"),
                s.getBool("stripXmp"), s.getBool("stripAll"));
    }

    static ImageMetadata strip(ImageMetadata m, JpegMetadataEdit.Strip o) {
        if (o.all()) return ImageMetadata.NONE;
        ImageMetadata out = m;
        if (o.exif()) out = out.withoutExif();
        if (o.icc()) out = out.withoutIcc();
        if (o.xmp()) out = out.withoutXmp();
        if (o.gps()) out = withoutGps(out);
        return out;
    }

    private static ImageMetadata withoutGps(ImageMetadata m) {
        byte[] exif = m.exif();
        if (exif != null) {
            try {
                exif = ExifTiff.of(exif).withoutGps();
            } catch (ExifTiff.MalformedExifException e) {
                exif = null; // cannot prove the location is gone: drop the block
            }
        }
        return new ImageMetadata(m.icc(), exif, XmpGps.strip(m.xmp()), false);
    }
}
