package dev.snapotter.control.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.snapotter.control.api.SnapOtterApi;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Everything a SnapOtter server holds that a restore must bring back, read through its API (users, API keys,
 * saved pipelines, audit log) and straight from the volume (uploaded files, by SHA-256), in comparable form.
 */
record ServerData(List<String> users, List<String> apiKeys, List<String> pipelines, Set<String> auditIds,
                  TreeMap<String, String> files) {

    static final String FILES_DIR = "/data/uploads";

    static ServerData read(SnapOtterApi admin, DockerClient docker, String containerId) throws IOException {
        List<String> users = new ArrayList<>();
        for (JsonNode u : admin.getJson("api/auth/users").path("users")) {
            users.add(u.path("id").asText() + "|" + u.path("username").asText() + "|" + u.path("role").asText());
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode k : admin.getJson("api/v1/api-keys?all=true").path("apiKeys")) {
            keys.add(k.path("id").asText() + "|" + k.path("name").asText());
        }
        List<String> pipelines = new ArrayList<>();
        for (JsonNode p : admin.getJson("api/v1/pipeline/list").path("pipelines")) {
            pipelines.add(p.path("id").asText() + "|" + p.path("name").asText() + "|" + p.path("steps"));
        }
        Set<String> audit = new TreeSet<>();
        for (int page = 1; page < 1000; page++) {
            JsonNode entries = admin.getJson("api/v1/audit-log?limit=100&page=" + page).path("entries");
            if (entries.isEmpty()) break;
            entries.forEach(e -> audit.add(e.path("id").asText()));
        }
        users.sort(null);
        keys.sort(null);
        pipelines.sort(null);
        return new ServerData(users, keys, pipelines, audit, files(docker, containerId));
    }

    private static TreeMap<String, String> files(DockerClient docker, String containerId) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (InputStream raw = docker.copyArchiveFromContainerCmd(containerId, FILES_DIR).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.isFile()) continue;
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(tar.readAllBytes());
                files.put(e.getName(), HexFormat.of().formatHex(sha.digest()));
            }
        } catch (NotFoundException none) {
            return files;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** Pipelines the load generator saved (named load-*), which may or may not be in a backup taken meanwhile. */
    List<String> pipelinesWithoutLoad() {
        return pipelines.stream().filter(p -> !p.split("\\|")[1].startsWith("load-")).toList();
    }
}
