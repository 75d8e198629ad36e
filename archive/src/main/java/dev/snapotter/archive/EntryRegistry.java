package dev.snapotter.archive;

import dev.snapotter.archive.UnsafeArchiveException.Reason;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers what an archive declared so far: a name may appear once, and nothing may live below a file
 * (a later "a/b" after the file "a" would be written through whatever "a" became).
 */
final class EntryRegistry {

    private final Map<String, Boolean> isDirectoryByName = new HashMap<>();

    void register(String name, boolean directory) throws UnsafeArchiveException {
        Boolean previous = isDirectoryByName.get(name);
        if (previous != null && !(previous && directory)) {
            throw new UnsafeArchiveException(Reason.DUPLICATE, name,
                    "The archive holds '" + EntryNames.printable(name) + "' twice; the archive was refused.");
        }
        for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
            String parent = name.substring(0, slash);
            if (Boolean.FALSE.equals(isDirectoryByName.get(parent))) {
                throw new UnsafeArchiveException(Reason.DUPLICATE, name, "The archive entry '" + EntryNames.printable(name)
                        + "' lies below the file '" + EntryNames.printable(parent) + "'; the archive was refused.");
            }
            isDirectoryByName.putIfAbsent(parent, Boolean.TRUE);
        }
        isDirectoryByName.put(name, directory);
    }
}
