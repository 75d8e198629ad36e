package dev.snapotter.engine.tools;

/**
 * Where a resized image lands, following sharp's fit modes (which SnapOtter exposes): the
 * resampled content size, the canvas size, and the content's offset on the canvas (negative
 * for {@code cover}, which crops the centre; positive for {@code contain}, which letterboxes).
 */
record ResizeGeometry(int contentWidth, int contentHeight, int canvasWidth, int canvasHeight, int offsetX, int offsetY) {

    /**
     * @param width      requested width or null
     * @param height     requested height or null
     * @param percentage scale in percent or null; wins over width/height as in SnapOtter
     */
    static ResizeGeometry plan(int srcW, int srcH, Integer width, Integer height, Double percentage,
                               String fit, boolean withoutEnlargement) {
        Integer w = width;
        Integer h = height;
        if (percentage != null) {
            w = Math.max(1, (int) Math.round(srcW * percentage / 100));
            h = Math.max(1, (int) Math.round(srcH * percentage / 100));
        }
        if (withoutEnlargement) {
            if (w != null && w > srcW) w = srcW;
            if (h != null && h > srcH) h = srcH;
        }
        if (w == null || h == null) {
            double scale = w != null ? (double) w / srcW : (double) h / srcH;
            int cw = w != null ? w : scaled(srcW, scale);
            int ch = h != null ? h : scaled(srcH, scale);
            return new ResizeGeometry(cw, ch, cw, ch, 0, 0);
        }
        double sx = (double) w / srcW;
        double sy = (double) h / srcH;
        return switch (fit) {
            case "fill" -> new ResizeGeometry(w, h, w, h, 0, 0);
            case "inside", "outside" -> {
                double s = fit.equals("inside") ? Math.min(sx, sy) : Math.max(sx, sy);
                if (withoutEnlargement) s = Math.min(s, 1);
                int cw = scaled(srcW, s);
                int ch = scaled(srcH, s);
                yield new ResizeGeometry(cw, ch, cw, ch, 0, 0);
            }
            case "contain", "cover" -> {
                double s = fit.equals("contain") ? Math.min(sx, sy) : Math.max(sx, sy);
                // the side that decides the scale gets the exact requested size, so no 1-px seam appears
                int cw = fit.equals("contain") == (sx <= sy) ? w : scaled(srcW, s);
                int ch = fit.equals("contain") == (sx <= sy) ? scaled(srcH, s) : h;
                yield new ResizeGeometry(cw, ch, w, h, (w - cw) / 2, (h - ch) / 2);
            }
            default -> throw new IllegalArgumentException("fit " + fit);
        };
    }

    private static int scaled(int size, double scale) {
        return Math.max(1, (int) Math.round(size * scale));
    }

    boolean isIdentity(int srcW, int srcH) {
        return contentWidth == srcW && contentHeight == srcH && canvasWidth == srcW && canvasHeight == srcH;
    }
}
