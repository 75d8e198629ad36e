package dev.snapotter.server;

import dev.snapotter.server.apikeys.ApiKeyCredentialResolver;
import dev.snapotter.server.apikeys.ApiKeyRoutes;
import dev.snapotter.server.audit.AuditRoutes;
import dev.snapotter.server.auth.AuthFilter;
import dev.snapotter.server.backup.BackupRoutes;
import dev.snapotter.server.config.ServerConfig;
import dev.snapotter.server.features.FeatureRoutes;
import dev.snapotter.server.files.DownloadRoutes;
import dev.snapotter.server.health.HealthRoutes;
import dev.snapotter.server.http.Cors;
import dev.snapotter.server.http.ErrorHandlers;
import dev.snapotter.server.http.InFlight;
import dev.snapotter.server.http.Json;
import dev.snapotter.server.http.RateLimiter;
import dev.snapotter.server.http.SecurityHeaders;
import dev.snapotter.server.jobs.JobRoutes;
import dev.snapotter.server.openapi.OpenApiDocument;
import dev.snapotter.server.openapi.OpenApiRoutes;
import dev.snapotter.server.pipelines.PipelineRoutes;
import dev.snapotter.server.settings.SettingKey;
import dev.snapotter.server.settings.SettingsRoutes;
import dev.snapotter.server.tools.ToolRoutes;
import dev.snapotter.server.users.AuthRoutes;
import dev.snapotter.server.users.SessionCredentialResolver;
import dev.snapotter.server.users.UserRoutes;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/** Builds the Javalin application: filters in order, then every feature's routes. */
final class HttpApp {

    final Javalin app;
    final InFlight inFlight = new InFlight();
    final RateLimiter rateLimiter;
    /** "METHOD /path" of every registered endpoint, for the OpenAPI coverage test. */
    final Set<String> routes = new ConcurrentSkipListSet<>();

    HttpApp(Services s) {
        ServerConfig c = s.config;
        this.rateLimiter = new RateLimiter(c.http().trustProxy(), c.http().rateLimitPerMin(),
                () -> s.settings.intOr(SettingKey.LOGIN_ATTEMPT_LIMIT, c.http().loginAttemptLimit()));
        this.app = Javalin.create(cfg -> configure(cfg, s));
    }

    private void configure(JavalinConfig cfg, Services s) {
        ServerConfig c = s.config;
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.concurrency.useVirtualThreads = true;
        cfg.http.maxRequestSize = Json.MAX_BODY_BYTES;
        // Images are compressed already, and compressing API JSON would invite BREACH-style attacks.
        cfg.http.compressionStrategy = CompressionStrategy.NONE;
        cfg.jetty.host = c.http().host();
        cfg.jetty.port = c.http().port();
        cfg.jetty.multipartConfig.cacheDirectory(c.storage().workspacePath().resolve(".multipart").toString());
        cfg.jetty.multipartConfig.maxFileSize(c.http().maxUploadSizeMb(), SizeUnit.MB);
        cfg.jetty.multipartConfig.maxTotalRequestSize(c.http().maxUploadSizeMb(), SizeUnit.MB);
        cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        cfg.jetty.modifyHttpConfiguration(h -> {
            h.setSendServerVersion(false);
            h.setSendXPoweredBy(false);
            h.setRequestHeaderSize(16 * 1024);
        });
        cfg.router.ignoreTrailingSlashes = true;
        cfg.events.handlerAdded(info -> routes.add(info.getHttpMethod().name() + " " + info.getPath()));

        var r = cfg.routes;
        r.before(inFlight::before);
        r.before(new SecurityHeaders(c.http().trustProxy())::handle);
        r.before(new Cors(c.http().corsOrigin())::handle);
        r.before(rateLimiter::handle);
        r.before(new AuthFilter(c.auth().enabled(), List.of(
                new SessionCredentialResolver(s.sessions, s.users, s.roles),
                new ApiKeyCredentialResolver(s.apiKeys, s.users, s.roles)))::handle);
        r.after(inFlight::after);
        ErrorHandlers.register(r);
        FeatureRoutes.registerErrors(r, s.features.installer().catalogue());

        new HealthRoutes(c.version(), s.engine.codec().name(), s.engine.codec().version(), s.db, s.pool, inFlight, c.storage().dataDir(), c.storage().workspacePath()).register(r);
        new AuthRoutes(c.auth().enabled(), Duration.ofHours(c.auth().sessionDurationHours()), c.storage().dataDir(), s.users, s.userService,
                s.roles, s.sessions, s.hasher, s.audit).register(r);
        new UserRoutes(s.users, s.userService, s.roles, s.audit).register(r);
        new ApiKeyRoutes(s.apiKeys, s.audit).register(r);
        new SettingsRoutes(s.settings, s.audit).register(r);
        new AuditRoutes(s.audit).register(r);
        new ToolRoutes(s.imageJobs, s.settings::disabledTools, c.limits().maxBatchSize()).register(r);
        new PipelineRoutes(s.imageJobs, s.pipelines, s.audit, s.settings::disabledTools, c.limits().maxBatchSize()).register(r);
        new JobRoutes(s.hub, s.jobs).register(r);
        new DownloadRoutes(s.workspace).register(r);
        new BackupRoutes(s.db, s.audit, c.storage(), c.version()).register(r);
        new FeatureRoutes(s.features, s.audit).register(r);
        new OpenApiRoutes(OpenApiDocument.render(s.engine.catalog(), c.version())).register(r);
    }
}
