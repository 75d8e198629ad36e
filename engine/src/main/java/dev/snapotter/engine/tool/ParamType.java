package dev.snapotter.engine.tool;

/** The kinds of tool parameter; forms, CLI help and the OpenAPI schema are generated from these. */
public enum ParamType {
    INTEGER,
    NUMBER,
    BOOLEAN,
    /** One of {@link ParamSpec#options()}. */
    ENUM,
    STRING,
    /** "#rrggbb" or "#rrggbbaa". */
    COLOR
}
