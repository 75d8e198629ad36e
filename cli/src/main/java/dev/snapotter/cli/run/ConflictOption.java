package dev.snapotter.cli.run;

import dev.snapotter.engine.batch.ConflictPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** {@code --conflict rename|overwrite|skip}: the engine's policy, spelled in lower case on the command line. */
public final class ConflictOption implements ITypeConverter<ConflictPolicy>, Iterable<String> {

    @Override
    public ConflictPolicy convert(String value) {
        try {
            return ConflictPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", this));
        }
    }

    /** The completion candidates shown in help. */
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ConflictPolicy.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).iterator();
    }
}
