import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without the entries under the given prefixes (build.sh, run as a single-file source
 * program: {@code java TrimJar.java IN OUT PREFIX...}). The image loads native libraries from files
 * unpacked at build time, so the copies for other platforms inside the jar are dead weight.
 * Entries keep their order, timestamps and compression method; the output is written atomically.
 */
public final class TrimJar {
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java TrimJar.java IN.jar OUT.jar PREFIX...");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> prefixes = Arrays.asList(args).subList(2, args.length);
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".trim", ".jar");
        int kept = 0;
        int dropped = 0;
        try (ZipFile zip = new ZipFile(in.toFile());
             ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (var it = zip.entries().asIterator(); it.hasNext(); ) {
                ZipEntry e = it.next();
                if (prefixes.stream().anyMatch(e.getName()::startsWith)) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(e);
                if (copy.getMethod() == ZipEntry.DEFLATED) copy.setCompressedSize(-1);
                zos.putNextEntry(copy);
                try (InputStream is = zip.getInputStream(e)) {
                    is.transferTo(zos);
                }
                zos.closeEntry();
                kept++;
            }
        } catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(tmp);
            throw ex;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.printf("TrimJar: kept %d entries, dropped %d under %s%n", kept, dropped, prefixes);
    }
}
