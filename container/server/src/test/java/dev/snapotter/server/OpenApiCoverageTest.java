package dev.snapotter.server;

import dev.snapotter.engine.ImageEngine;
import dev.snapotter.server.openapi.OpenApiDocument;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails when a route is registered but not described in the OpenAPI document (or the other way round). */
class OpenApiCoverageTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyRegisteredRouteIsDocumentedAndNothingElse() {
        Map<String, Object> paths = (Map<String, Object>) OpenApiDocument.base().get("paths");
        try (TestServer t = TestServer.start(Map.of())) {
            Set<String> routes = t.server().routes().stream().filter(r -> r.matches("^(GET|POST|PUT|DELETE|PATCH) /.*")).collect(java.util.stream.Collectors.toSet());
            assertThat(routes).hasSizeGreaterThan(30);
            List<String> missing = new ArrayList<>();
            for (String route : routes) {
                String[] parts = route.split(" ", 2);
                Map<String, Object> item = (Map<String, Object>) paths.get(parts[1]);
                if (item == null || !item.containsKey(parts[0].toLowerCase(Locale.ROOT))) missing.add(route);
            }
            assertThat(missing).as("routes missing from openapi/snapotter-api.yaml").isEmpty();
            List<String> stale = new ArrayList<>();
            paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                    .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                    .map(m -> m.toUpperCase(Locale.ROOT) + " " + path).filter(r -> !routes.contains(r)).forEach(stale::add));
            assertThat(stale).as("documented but not registered").isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void servedDocumentIsOpenApi31WithToolSchemasFromTheEngine() {
        try (TestServer t = TestServer.start(Map.of())) {
            var r = t.api().get("/api/v1/openapi.yaml").expect(200);
            assertThat(r.header("Content-Type")).startsWith("application/yaml");
            Map<String, Object> doc = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(r.body());
            assertThat(doc.get("openapi")).isEqualTo("3.1.0");
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
            // the server adds the AI tools (ai module) after the engine's built-in ones
            List<String> ids = new ArrayList<>(ImageEngine.createDefault().catalog().all().stream().map(x -> x.descriptor().id()).toList());
            ids.add("remove-background");
            assertThat((List<String>) ((Map<String, Object>) schemas.get("ToolId")).get("enum")).containsExactlyElementsOf(ids);
            Map<String, Object> resize = (Map<String, Object>) schemas.get("ResizeSettings");
            assertThat(((Map<String, Object>) resize.get("properties"))).containsKey("width");
        }
    }
}
