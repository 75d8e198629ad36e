package dev.snapotter.desktop.backend;

import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.codec.ImageHeader;
import dev.snapotter.engine.codec.Picture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few decoded preview proxies, so changing a setting re-runs only the pipeline, not the
 * decode of a 24 MP original. Keyed by path, size and modification time so an edited file is re-read.
 */
final class ProxyCache {

    private static final int ENTRIES = 3;

    record Proxy(ImageHeader header, Picture picture, Pixels pixels) {
    }

    private record Key(Path path, long size, long modified, int maxSide) {
    }

    private final ImageEngine engine;
    private final Map<Key, Proxy> entries = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Proxy> eldest) {
            return size() > ENTRIES;
        }
    };

    ProxyCache(ImageEngine engine) {
        this.engine = engine;
    }

    Proxy get(Path file, int maxSide) {
        Key key = keyOf(file, maxSide);
        synchronized (entries) {
            Proxy p = entries.get(key);
            if (p != null) return p;
        }
        ImageHeader header = engine.codec().probe(file);
        Picture picture = engine.codec().decodeThumbnail(file, maxSide, engine.limits());
        Proxy proxy = new Proxy(header, picture, Pixels.of(picture.pixels()));
        synchronized (entries) {
            entries.put(key, proxy);
        }
        return proxy;
    }

    private static Key keyOf(Path file, int maxSide) {
        try {
            return new Key(file.toAbsolutePath().normalize(), Files.size(file), Files.getLastModifiedTime(file).toMillis(), maxSide);
        } catch (IOException e) {
            // Let the codec produce the proper typed error for a missing or unreadable file.
            return new Key(file.toAbsolutePath().normalize(), -1, -1, maxSide);
        }
    }
}
