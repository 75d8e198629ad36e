package dev.snapotter.backup;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newest database schema this build can run: the highest {@code db/migration/V<n>__*.sql} on the class
 * path. Inside the server jar that is exactly what the server would migrate to, so the helper container
 * refuses a backup from a newer SnapOtter without asking a (possibly stopped) server.
 */
final class SchemaSupport {

    private static final String LOCATION = "db/migration";
    private static final Pattern MIGRATION = Pattern.compile("(?:^|/)V(\\d+)(?:[._]\\d+)*__[^/]*\\.sql$");

    private SchemaSupport() {
    }

    static OptionalInt latestMigration() throws IOException {
        URL url = SchemaSupport.class.getClassLoader().getResource(LOCATION);
        if (url == null) return OptionalInt.empty();
        int max = -1;
        if ("jar".equals(url.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().startsWith(LOCATION + "/")) max = Math.max(max, version(e.getName()));
                }
            }
        } else if ("file".equals(url.getProtocol())) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(url.toURI()))) {
                for (Path f : files) max = Math.max(max, version(f.getFileName().toString()));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        return max < 0 ? OptionalInt.empty() : OptionalInt.of(max);
    }

    static int version(String name) {
        Matcher m = MIGRATION.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
