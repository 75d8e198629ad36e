package dev.snapotter.image.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A parsed compose file (SnakeYAML, safe constructor: plain maps, lists and scalars only). */
public record ComposeFile(Path path, Map<String, Object> root) {

    public static ComposeFile load(Path path) {
        try (Reader r = Files.newBufferedReader(path)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            return new ComposeFile(path, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single service of our files ("SnapOtter", as in the seed). */
    public Map<String, Object> service(String name) {
        Map<String, Object> services = Yaml2.map(root, "services");
        Map<String, Object> s = Yaml2.map(services, name);
        if (s == null) throw new AssertionError(path + ": no service " + name);
        return s;
    }

    public List<String> volumeNames() {
        return List.copyOf(Yaml2.map(root, "volumes").keySet());
    }
}
