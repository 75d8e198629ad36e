package dev.snapotter.bundles;

/** Compares dotted numeric versions ({@code 0.1.0-SNAPSHOT} counts as 0.1.0). */
public final class AppVersion {

    private AppVersion() {
    }

    /** True when {@code app} is at least {@code required}. */
    public static boolean atLeast(String app, String required) {
        int[] a = numbers(app);
        int[] r = numbers(required);
        for (int i = 0; i < Math.max(a.length, r.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < r.length ? r[i] : 0;
            if (x != y) return x > y;
        }
        return true;
    }

    private static int[] numbers(String v) {
        String core = v.split("[-+]", 2)[0];
        String[] parts = core.split("\\.");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        return out;
    }

    /** {@code os.arch} in the names bundles use: x86_64 or aarch64 (others as reported). */
    public static String hostArch() {
        String a = System.getProperty("os.arch", "");
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> a;
        };
    }
}
