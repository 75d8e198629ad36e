package dev.snapotter.desktop.run;

import dev.snapotter.desktop.backend.BackendSelectorViewModel;
import dev.snapotter.desktop.backend.BatchJob;
import dev.snapotter.desktop.backend.ProcessingBackend;
import dev.snapotter.desktop.notice.NoticeCenter;
import dev.snapotter.desktop.output.OutputPlanner;
import dev.snapotter.desktop.output.OutputSettings;
import dev.snapotter.desktop.output.OutputViewModel;
import dev.snapotter.desktop.pipeline.PipelineViewModel;
import dev.snapotter.desktop.queue.ItemStatus;
import dev.snapotter.desktop.queue.QueueItem;
import dev.snapotter.desktop.queue.QueueViewModel;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import dev.snapotter.desktop.task.UiThread;
import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.batch.FileOutcome;
import dev.snapotter.engine.pipeline.Pipeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the queue through the pipeline on the selected backend: progress and ETA, cancel, per-file
 * failures with reasons, and "Open output folder" at the end. The queue is locked while it runs.
 */
public final class RunViewModel {

    private final QueueViewModel queue;
    private final PipelineViewModel pipeline;
    private final OutputViewModel output;
    private final BackendSelectorViewModel backends;
    private final TaskExecutor executor;
    private final NoticeCenter notices;
    private final FolderOpener opener;
    private final BatchPlan.Metadata metadata;

    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final ObservableList<Failure> failures = FXCollections.observableArrayList();
    private final ObjectProperty<Path> outputFolder = new SimpleObjectProperty<>();
    private final BooleanBinding canRun;
    private final StringBinding blockedReason;
    private CancellationToken token = new CancellationToken();

    public RunViewModel(QueueViewModel queue, PipelineViewModel pipeline, OutputViewModel output,
                        BackendSelectorViewModel backends, TaskExecutor executor, NoticeCenter notices,
                        FolderOpener opener) {
        this.queue = queue;
        this.pipeline = pipeline;
        this.output = output;
        this.backends = backends;
        this.executor = executor;
        this.notices = notices;
        this.opener = opener;
        this.metadata = new BatchPlan.Metadata(pipeline::descriptor);
        blockedReason = Bindings.createStringBinding(this::computeBlockedReason, running, queue.items(),
                pipeline.validProperty(), pipeline.pipelineProperty(), output.problemProperty(), backends.availableProperty(),
                backends.activeProperty());
        canRun = Bindings.createBooleanBinding(() -> blockedReason.get().isEmpty(), blockedReason);
    }

    private String computeBlockedReason() {
        if (running.get()) return "A run is in progress.";
        if (queue.items().isEmpty()) return "Add images to the queue first.";
        if (!pipeline.isValid()) return pipeline.steps().isEmpty() ? "Add a tool to the pipeline." : "Fix the highlighted settings.";
        if (!output.problemProperty().get().isEmpty()) return output.problemProperty().get();
        return backends.active().unavailableReason().orElse("");
    }

    public void start() {
        if (!canRun.get()) return;
        Pipeline steps;
        try {
            steps = metadata.apply(pipeline.pipeline(), output.settings().keepMetadata());
        } catch (IllegalStateException e) {
            notices.error("Cannot run", e.getMessage());
            return;
        }
        OutputSettings out = output.settings();
        List<QueueItem> items = List.copyOf(queue.items());
        Map<Path, List<Path>> plan = OutputPlanner.plan(items.stream().map(QueueItem::path).toList(), out);
        ProcessingBackend backend = backends.active();
        CancellationToken cancel = new CancellationToken();
        token = cancel;
        queue.resetForRun();
        queue.lockedProperty().set(true);
        failures.clear();
        outputFolder.set(null);
        running.set(true);
        progress.set(0);
        status.set("Starting…");
        ProgressRelay relay = new ProgressRelay(items.size(), executor.uiThread());
        executor.execute(Lane.BATCH, BackgroundTask.of("batch run", ctx -> {
                    List<BatchResult> results = new ArrayList<>();
                    for (Map.Entry<Path, List<Path>> group : plan.entrySet()) {
                        if (cancel.isCancelled()) break;
                        BatchJob job = new BatchJob(group.getValue(), steps, group.getKey(), out.nameTemplate(), out.conflict());
                        results.add(backend.runBatch(job, relay, cancel));
                    }
                    return results;
                })
                .onSuccess(results -> finished(results, plan, relay))
                .onFailure(e -> {
                    status.set("The run failed: " + e.getMessage());
                    notices.error("The run failed", String.valueOf(e.getMessage()));
                })
                .onFinally(() -> {
                    for (QueueItem i : items) {
                        if (i.status() == ItemStatus.QUEUED || i.status() == ItemStatus.PROCESSING) i.mark(ItemStatus.CANCELLED, "Not processed: the run was cancelled.");
                    }
                    running.set(false);
                    queue.lockedProperty().set(false);
                }));
    }

    private void finished(List<BatchResult> results, Map<Path, List<Path>> plan, ProgressRelay relay) {
        long done = 0, skipped = 0, failed = 0;
        boolean cancelled = token.isCancelled();
        for (BatchResult r : results) {
            done += r.count(FileOutcome.Status.DONE);
            skipped += r.count(FileOutcome.Status.SKIPPED);
            failed += r.count(FileOutcome.Status.FAILED);
            cancelled |= r.cancelled();
        }
        outputFolder.set(plan.keySet().stream().findFirst().orElse(null));
        String summary = done + " written" + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + (failed > 0 ? ", " + failed + " failed" : "") + " in " + seconds(relay.elapsed());
        status.set(cancelled ? "Cancelled — " + summary : "Done — " + summary);
        progress.set(cancelled ? progress.get() : 1);
        if (failed > 0) notices.warn(failed == 1 ? "1 file failed" : failed + " files failed", "See the list of failures for the reasons.");
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    public void cancel() {
        if (!running.get()) return;
        token.cancel();
        status.set("Cancelling… files in progress finish or stop; nothing half-written is left.");
    }

    public void openOutputFolder() {
        Path dir = outputFolder.get();
        if (dir == null) return;
        executor.execute(Lane.IO, BackgroundTask.action("open output folder", ctx -> opener.open(dir))
                .onFailure(e -> notices.error("Could not open the folder", dir + ": " + e.getMessage())));
    }

    /** Receives engine events on worker threads and replays them on the UI thread. */
    private final class ProgressRelay implements BatchListener {
        private final int total;
        private final UiThread ui;
        private final AtomicInteger completed = new AtomicInteger();
        private final long start = System.nanoTime();
        private final EtaEstimator eta;

        ProgressRelay(int total, UiThread ui) {
            this.total = total;
            this.ui = ui;
            this.eta = new EtaEstimator(total, start);
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        @Override
        public void fileStarted(Path input) {
            ui.run(() -> {
                QueueItem item = queue.find(input);
                if (item != null) item.mark(ItemStatus.PROCESSING, "");
            });
        }

        @Override
        public void fileFinished(FileOutcome outcome, int ignoredCompleted, int ignoredTotal) {
            int n = completed.incrementAndGet();
            long now = System.nanoTime();
            ui.run(() -> {
                QueueItem item = queue.find(outcome.input());
                if (item != null) apply(item, outcome);
                if (outcome.status() == FileOutcome.Status.FAILED) failures.add(new Failure(outcome.input(), outcome.error()));
                progress.set((double) n / total);
                String left = EtaEstimator.format(eta.remaining(n, now));
                status.set("Processed " + n + " of " + total + (left.isEmpty() ? "" : " · " + left));
            });
        }
    }

    private static void apply(QueueItem item, FileOutcome o) {
        item.outputProperty().set(o.output());
        switch (o.status()) {
            case DONE -> item.mark(ItemStatus.DONE, o.output() == null ? "" : "Saved as " + o.output());
            case SKIPPED -> item.mark(ItemStatus.SKIPPED, o.error() == null ? "Skipped: the output already exists." : o.error());
            case FAILED -> item.mark(ItemStatus.FAILED, o.error());
            case CANCELLED -> item.mark(ItemStatus.CANCELLED, "Not processed: the run was cancelled.");
        }
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<Failure> failures() {
        return failures;
    }

    public ObjectProperty<Path> outputFolderProperty() {
        return outputFolder;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** Why Run is disabled (the button's tooltip); empty when it is enabled. */
    public StringBinding blockedReasonProperty() {
        return blockedReason;
    }
}
