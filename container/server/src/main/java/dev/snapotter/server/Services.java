package dev.snapotter.server;

import dev.snapotter.ai.AiTools;
import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.server.apikeys.ApiKeyRepository;
import dev.snapotter.server.apikeys.ApiKeyService;
import dev.snapotter.server.audit.AuditLog;
import dev.snapotter.server.auth.PasswordHasher;
import dev.snapotter.server.auth.RoleRepository;
import dev.snapotter.server.auth.SessionRepository;
import dev.snapotter.server.config.ServerConfig;
import dev.snapotter.server.db.Database;
import dev.snapotter.server.features.FeatureService;
import dev.snapotter.server.files.Workspace;
import dev.snapotter.server.jobs.JobRepository;
import dev.snapotter.server.jobs.ProgressHub;
import dev.snapotter.server.jobs.WorkerPool;
import dev.snapotter.server.pipelines.PipelineRepository;
import dev.snapotter.server.settings.SettingKey;
import dev.snapotter.server.settings.SettingsService;
import dev.snapotter.server.tools.ImageJobs;
import dev.snapotter.server.users.UserRepository;
import dev.snapotter.server.users.UserService;

import java.time.Duration;
import java.util.stream.Collectors;

/** Constructor wiring of every long-lived component (no container, no reflection). */
final class Services {

    final ServerConfig config;
    final Database db;
    final ImageEngine engine;
    final RoleRepository roles;
    final SessionRepository sessions;
    final UserRepository users;
    final PasswordHasher hasher;
    final UserService userService;
    final ApiKeyService apiKeys;
    final AuditLog audit;
    final SettingsService settings;
    final JobRepository jobs;
    final ProgressHub hub;
    final WorkerPool pool;
    final Workspace workspace;
    final ImageJobs imageJobs;
    final PipelineRepository pipelines;
    final AiTools ai;
    final FeatureService features;

    Services(ServerConfig config, Database db, Catalogue catalogue) {
        this.config = config;
        this.db = db;
        int workers = config.limits().concurrentJobs();
        // Each running job may hold this much pixel memory; one share is left for everything else.
        long budget = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / (workers + 1));
        EngineLimits limits = new EngineLimits(config.limits().maxMegapixels(), config.limits().maxPipelineSteps(), budget);
        ImageEngine base = ImageEngine.create(limits);
        // AI tools find their models in installed bundles on the data volume ($DATA_DIR/ai, ADR 0061).
        java.nio.file.Path bundlesDir = config.storage().dataDir().resolve("ai");
        this.ai = AiTools.create(ModelLocator.inBundles(bundlesDir));
        this.engine = new ImageEngine(base.codec(), ai.extend(base.catalog()), limits);
        this.roles = new RoleRepository(db);
        this.sessions = new SessionRepository(db);
        this.users = new UserRepository(db);
        this.hasher = new PasswordHasher(config.auth().argon2());
        this.userService = new UserService(users, roles, hasher, config.auth().maxUsers());
        this.apiKeys = new ApiKeyService(new ApiKeyRepository(db));
        this.audit = new AuditLog(db);
        this.settings = new SettingsService(db, engine.catalog().all().stream().map(t -> t.descriptor().id()).collect(Collectors.toSet()));
        this.jobs = new JobRepository(db);
        this.hub = new ProgressHub();
        this.pool = new WorkerPool(workers, config.limits().maxQueuedJobs());
        this.workspace = new Workspace(config.storage().workspacePath());
        this.imageJobs = new ImageJobs(engine, pool, jobs, hub, workspace, Duration.ofSeconds(config.limits().processingTimeoutSeconds()));
        this.pipelines = new PipelineRepository(db);
        this.features = FeatureService.open(bundlesDir, catalogue, config.version(), () -> settings.boolOr(SettingKey.ALLOW_UNTRUSTED_BUNDLES, false),
                hub, jobs, ai::close);
    }
}
