package dev.snapotter.engine.tools;

import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;
import dev.snapotter.engine.tools.support.ImageCopies;

import java.util.ArrayList;
import java.util.List;

/** SnapOtter's {@code crop}: a rectangle in pixels or in percent of the image. */
public final class CropTool implements ImageTool {

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("crop", "Crop", "essentials",
            "Cut out a rectangle of the image.", List.of(
            ParamSpec.number("left", "Left", 0.0, 0.0, null, "Distance of the rectangle from the left edge."),
            ParamSpec.number("top", "Top", 0.0, 0.0, null, "Distance of the rectangle from the top edge."),
            ParamSpec.number("width", "Width", null, 0.0, null, "Width of the rectangle (required)."),
            ParamSpec.number("height", "Height", null, 0.0, null, "Height of the rectangle (required)."),
            ParamSpec.choice("unit", "Unit", "px", List.of("px", "percent"),
                    "Whether the numbers are pixels or percent of the image size.")), true);

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> crossCheck(Settings s) {
        List<FieldError> errors = new ArrayList<>();
        for (String f : List.of("width", "height")) {
            if (!s.has(f)) errors.add(new FieldError(f, "is required"));
            else if (s.getDouble(f) <= 0) errors.add(new FieldError(f, "must be > 0"));
        }
        if (errors.isEmpty() && s.getString("unit").equals("percent")) {
            if (s.getDouble("left") + s.getDouble("width") > 100) errors.add(new FieldError("width", "left + width must be ≤ 100 %"));
            if (s.getDouble("top") + s.getDouble("height") > 100) errors.add(new FieldError("height", "top + height must be ≤ 100 %"));
        }
        return errors;
    }

    @Override
    public Picture apply(Picture input, Settings s, ToolContext context) {
        int imgW = input.width();
        int imgH = input.height();
        boolean percent = s.getString("unit").equals("percent");
        int left = toPixels(s.getDouble("left"), imgW, percent);
        int top = toPixels(s.getDouble("top"), imgH, percent);
        int width = toPixels(s.getDouble("width"), imgW, percent);
        int height = toPixels(s.getDouble("height"), imgH, percent);
        List<FieldError> errors = new ArrayList<>();
        if (width < 1) errors.add(new FieldError("width", "is less than one pixel of this " + imgW + "-pixel-wide image"));
        if (height < 1) errors.add(new FieldError("height", "is less than one pixel of this " + imgH + "-pixel-high image"));
        if (left + width > imgW) {
            errors.add(new FieldError("width", "crop region exceeds the image width: left (" + left + ") + width ("
                    + width + ") > " + imgW));
        }
        if (top + height > imgH) {
            errors.add(new FieldError("height", "crop region exceeds the image height: top (" + top + ") + height ("
                    + height + ") > " + imgH));
        }
        if (!errors.isEmpty()) throw new InvalidSettingsException(errors);
        return input.withPixels(ImageCopies.copy(input.pixels(), left, top, width, height));
    }

    private static int toPixels(double v, int size, boolean percent) {
        return (int) Math.round(percent ? v / 100 * size : v);
    }
}
