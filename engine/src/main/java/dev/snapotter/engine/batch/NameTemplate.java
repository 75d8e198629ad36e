package dev.snapotter.engine.batch;

import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.InvalidSettingsException;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output file names from a template with the tokens {@code {name}} (input name without
 * extension), {@code {ext}} (output format's extension), {@code {index}} (1-based position in
 * the batch) and {@code {tool}} (tool ids joined by "-"). Templates cannot contain path
 * separators or "..", so an output can never leave the output folder; rendered names are
 * sanitised for every common file system.
 */
public final class NameTemplate {

    public static final int MAX_NAME_LENGTH = 200;
    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> TOKENS = Set.of("name", "ext", "index", "tool");
    private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private final String template;

    private NameTemplate(String template) {
        this.template = template;
    }

    /** @throws InvalidSettingsException on path separators, "..", unknown tokens or unbalanced braces */
    public static NameTemplate parse(String template) {
        String t = template == null || template.isBlank() ? "{name}.{ext}" : template.strip();
        String problem = problem(t);
        if (problem != null) throw new InvalidSettingsException(List.of(new FieldError("nameTemplate", problem)));
        return new NameTemplate(t);
    }

    private static String problem(String t) {
        if (t.length() > MAX_NAME_LENGTH) return "must be at most " + MAX_NAME_LENGTH + " characters";
        if (t.contains("/") || t.contains("\\")) return "must not contain path separators";
        if (t.contains("..")) return "must not contain '..'";
        Matcher m = TOKEN.matcher(t);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            if (!TOKENS.contains(m.group(1))) return "unknown token {" + m.group(1) + "}; use {name}, {ext}, {index} or {tool}";
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) return "has an unbalanced '{' or '}'";
        return null;
    }

    /**
     * The file name for one input. Always ends with ".{ext}" (appended when the template leaves
     * it out) and is safe to use as a single path element.
     */
    public String render(String inputFileName, String ext, int index, String tool) {
        String base = stripExtension(inputFileName);
        String out = template.replace("{name}", base).replace("{ext}", ext)
                .replace("{index}", Integer.toString(index)).replace("{tool}", tool == null ? "" : tool);
        if (!out.toLowerCase(Locale.ROOT).endsWith("." + ext.toLowerCase(Locale.ROOT))) out = out + "." + ext;
        return sanitise(out, ext);
    }

    static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static String sanitise(String name, String ext) {
        String s = UNSAFE.matcher(name).replaceAll("_").replace("..", "_");
        s = s.strip();
        while (s.startsWith(".")) s = "_" + s.substring(1); // no hidden files, no "." or ".."
        while (s.endsWith(".") || s.endsWith(" ")) s = s.substring(0, s.length() - 1);
        if (RESERVED.matcher(s).matches()) s = "_" + s;
        String suffix = "." + ext;
        if (s.isEmpty() || s.equalsIgnoreCase(suffix) || s.equalsIgnoreCase("_" + ext)) s = "image" + suffix;
        if (s.length() > MAX_NAME_LENGTH) s = s.substring(0, MAX_NAME_LENGTH - suffix.length()) + suffix;
        return s;
    }

    @Override
    public String toString() {
        return template;
    }
}
