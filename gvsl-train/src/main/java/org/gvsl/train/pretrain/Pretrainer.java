package org.gvsl.train.pretrain;

import org.gvsl.core.io.AtomicFile;
import org.gvsl.data.loader.PairBatch;
import org.gvsl.data.loader.PrefetchingLoader;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.backend.NativeBackend;
import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.file.ModelFile;
import org.gvsl.model.file.Provenance;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.train.checkpoint.Checkpoint;
import org.gvsl.train.checkpoint.CheckpointStore;
import org.gvsl.train.checkpoint.GraphState;
import org.gvsl.train.checkpoint.TrainingState;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.PretrainConfig;
import org.gvsl.train.monitor.LossCurvePlot;
import org.gvsl.train.monitor.LossLog;
import org.gvsl.train.monitor.LossSummary;
import org.gvsl.train.monitor.PreviewImage;
import org.gvsl.train.monitor.ProgressDisplay;
import org.gvsl.train.monitor.UiStats;
import org.gvsl.train.registration.GraphInputs;
import org.gvsl.train.registration.PairRegistration;
import org.gvsl.train.registration.RegistrationPair;
import org.gvsl.train.registration.RegistrationQuality;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs GVSL pre-training (method.md §5) in a run folder: builds the graph, trains it step by step on the loader's
 * batches, and keeps the run safe and visible.
 *
 * <p>Per step {@code s} (1-based: the number of completed steps): the batch of loader step {@code s − 1}, one
 * Adam step ({@link GvslGraph#fit}), {@link NativeMemory#releaseAfterStep()} (without it native memory grows by a
 * step's arrays per step), a row of {@code losses.csv}, the progress bar, then the checks and writes that are due:
 * a NaN/infinite loss term stops the run; every {@code checkpointEvery} steps and at the end the parameters are
 * checked to be finite and a checkpoint is written; the loss curve every {@code plotEvery} steps and the preview
 * every {@code previewEvery} steps are refreshed. At the end the model file ({@code model.gvsl}: the trained
 * graph, the configuration and the provenance), the SameDiff file with optimiser state ({@code model.fb}) and the
 * weights ({@code weights.npz}) are written, and one line says where and how each loss term moved.
 *
 * <p><b>Resume</b> continues from the newest checkpoint: a graph built afresh from the configuration receives the
 * saved weights, Adam state and iteration count ({@link GraphState}), and the loader starts at the checkpoint's
 * step; since the batch of a step depends only on the seed and the step, the resumed run computes exactly what
 * the uninterrupted run would have.
 *
 * <p>It changes nothing of the process: the math thread count of {@code config.threads()} and AWT's headless mode
 * are the program's to set ({@code org.gvsl.train.cli.Gvsl}); a program that trains through this class directly runs
 * with ND4J's count (one thread per core) unless it sets its own.
 */
public final class Pretrainer {

    private static final Logger LOG = LoggerFactory.getLogger(Pretrainer.class);

    private final PretrainConfig config;
    private final RunFolder folder;
    private final boolean resume;
    private final TrainingData data;
    private final PrintStream out;
    private final PrintStream progressStream;
    private final boolean interactive;
    private boolean picturesFailed;

    private Pretrainer(Builder b) {
        this.config = b.config;
        this.folder = b.folder;
        this.resume = b.resume;
        this.data = b.data;
        this.out = b.out;
        this.progressStream = b.progressStream;
        this.interactive = b.interactive;
    }

    /** A builder: {@code setX} required, {@code optX} optional. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains (or resumes) the run.
     *
     * @return completed, or stopped by a non-finite value (the message says where and what to do)
     * @throws ConfigException when the data folder is unusable, or there is nothing to resume
     * @throws IOException     when the run folder cannot be written or a checkpoint read
     * @throws org.gvsl.data.loader.DataLoadingException when a volume cannot be read during training
     */
    public PretrainResult run() throws IOException, ConfigException {
        GraphRuntime.start();   // before the first array: the backend with the right native binary
        TrainingData trainingData = data != null ? data : TrainingData.from(config);
        CheckpointStore store = CheckpointStore.open(folder.checkpoints(), config.keepCheckpoints());
        Checkpoint from = resume ? resumePoint(store) : null;
        ConfigJson.write(config, folder.config());

        out.println("run folder " + folder.dir() + " (seed " + config.seed() + ")");
        out.println("backend: " + NativeBackend.describe());
        out.println("data: " + trainingData.description() + "; crops " + config.crop() + "³, batch " + config.batch()
                + (config.spatialAugmentation() ? ", spatial + appearance augmentation" : ", appearance augmentation")
                + ", " + config.workers() + " loader worker" + (config.workers() == 1 ? "" : "s"));
        GvslGraph graph = GvslGraphFactory.build(config.model(), config.batch(), SpatialSize.cube(config.crop()));
        long parameters = graph.parameters().values().stream().mapToLong(INDArray::length).sum();
        out.printf(Locale.ROOT, "model: %s, widths %s, %,d parameters, Adam lr %s; %d steps, checkpoint every %d"
                        + " (keep %d)%n", config.model().variant(), config.model().widths(), parameters,
                config.model().learningRate(), config.steps(), config.checkpointEvery(), config.keepCheckpoints());

        int start = 0;
        double elapsedBefore = 0;
        if (from != null) {
            GraphState.restore(graph.sameDiff(), from.modelFile());
            start = from.step();
            elapsedBefore = from.state().elapsedSeconds();
            int iteration = graph.sameDiff().getTrainingConfig().getIterationCount();
            if (iteration != start) {
                throw new IOException(from.modelFile() + " holds Adam iteration " + iteration + ", its state.json step "
                        + start + ": the checkpoint is inconsistent");
            }
            out.println("resuming from " + from.dir() + " (step " + start + " of " + config.steps() + ")");
        }
        UiStats uiStats = config.uiStats() ? UiStats.attach(graph.sameDiff(), folder.uiStats()) : null;
        List<RegistrationPair> previewPairs = trainingData.previewPairs(config.batch(), config.seed());
        Map<String, INDArray> previewInputs;
        try (PairBatch p = PairBatch.of(0, previewPairs.stream().map(RegistrationPair::images).toList())) {
            previewInputs = GraphInputs.of(graph, p);
            previewInputs.replaceAll((k, v) -> v.dup());
        }
        Preview preview = new Preview(previewPairs.get(0), previewInputs, trainingData.labelClasses());
        return train(graph, trainingData, store, start, elapsedBefore, preview, uiStats);
    }

    /**
     * The preview pair (batch element 0 of the preview inputs) and what it takes to measure it.
     *
     * @param pair    the pair shown
     * @param inputs  the graph's inputs for the preview batch
     * @param classes K of its label maps (0 without labels)
     */
    private record Preview(RegistrationPair pair, Map<String, INDArray> inputs, int classes) {
    }

    private Checkpoint resumePoint(CheckpointStore store) throws IOException, ConfigException {
        Checkpoint latest = store.latest().orElseThrow(() -> new ConfigException("no checkpoint in " + store.dir()
                + " to resume from (the run stopped before its first checkpoint, due at step "
                + config.checkpointEvery() + "); start it again"));
        if (latest.state().seed() != config.seed()) {
            throw new ConfigException(latest.dir() + " was written with seed " + latest.state().seed()
                    + ", the run's config.json has seed " + config.seed());
        }
        if (latest.step() >= config.steps()) {
            throw new ConfigException("the run in " + folder.dir() + " has completed its " + latest.step()
                    + " steps; pass --steps with a larger number to train it further");
        }
        return latest;
    }

    private PretrainResult train(GvslGraph graph, TrainingData trainingData, CheckpointStore store, int start,
                                 double elapsedBefore, Preview previewPair, UiStats uiStats)
            throws IOException {
        List<String> terms = graph.lossNames();
        double elapsed = elapsedBefore;
        Checkpoint lastCheckpoint = null;
        try (LossLog log = resume ? LossLog.resume(folder.losses(), terms, start) : LossLog.create(folder.losses(), terms);
             PrefetchingLoader<PairBatch> loader = PrefetchingLoader.builder(trainingData.sampler())
                     .setBatchSize(config.batch()).setSeed(config.seed()).optWorkers(config.workers())
                     .optFirstStep(start).optSteps(config.steps() - start).build();
             ProgressDisplay progress = ProgressDisplay.start(start, config.steps(),
                     Duration.ofMillis(Math.round(elapsedBefore * 1000)), progressStream, interactive)) {
            int step = start;
            while (loader.hasNext()) {
                long t0 = System.nanoTime();
                Map<String, Double> losses;
                try (PairBatch batch = loader.next()) {
                    losses = graph.fit(GraphInputs.of(graph, batch));
                }
                if (uiStats != null) {
                    uiStats.stepDone(losses.get(GvslGraph.LOSS_TOTAL));
                }
                NativeMemory.releaseAfterStep();
                step++;
                double seconds = (System.nanoTime() - t0) / 1e9;
                elapsed += seconds;
                long rss = NativeMemory.residentBytes();
                log.append(step, losses, seconds, rss);
                progress.step(step, losses, seconds, rss);

                Optional<String> bad = FiniteCheck.nonFiniteLoss(losses);
                boolean due = step % config.checkpointEvery() == 0 || step == config.steps();
                if (bad.isEmpty() && due) {
                    bad = FiniteCheck.nonFiniteParameter(graph).map(p -> "parameter " + p + " is no longer finite");
                }
                if (bad.isPresent()) {
                    progress.close();
                    pictures(log, graph, previewPair, false);
                    return stopped(step, bad.get(), lastCheckpoint != null ? lastCheckpoint : store.latest().orElse(null),
                            elapsed, log);
                }
                if (due) {
                    lastCheckpoint = store.write(graph.sameDiff(), TrainingState.of(step, config.seed(), elapsed,
                            losses, OffsetDateTime.now().toString(), config));
                }
                boolean plot = step % config.plotEvery() == 0;
                boolean preview = config.previewEvery() > 0 && step % config.previewEvery() == 0;
                if (plot || preview) {
                    pictures(log, graph, previewPair, preview);
                }
            }
            progress.close();
            writeModel(graph, trainingData, step);
            pictures(log, graph, previewPair, true);
            reportRegistration(graph, previewPair, trainingData);
            return completed(step, elapsed, log);
        }
    }

    /**
     * Refreshes the loss curve and, when {@code withPreview}, the preview. A failure to draw (e.g. a JVM without
     * fonts) is reported once and never stops training.
     */
    private void pictures(LossLog log, GvslGraph graph, Preview preview, boolean withPreview) {
        if (picturesFailed) {
            return;
        }
        try {
            LossCurvePlot.write(log.history(), folder.lossCurve());
            if (withPreview) {
                writePreview(graph, preview);
                NativeMemory.releaseAfterStep();
            }
        } catch (Exception | LinkageError | java.awt.AWTError | InternalError e) {
            picturesFailed = true;
            LOG.warn("cannot draw the loss curve or preview PNG, continuing without them: {}", e.toString());
        }
    }

    /**
     * The preview: fixed, moving, warped, restored, target, and the differences |moving − target| and
     * |warped − target|, with the pair's local NCC (and label Dice) before and after the warp in the captions.
     */
    private void writePreview(GvslGraph graph, Preview preview) throws IOException {
        Map<String, INDArray> inputs = preview.inputs();
        List<String> outputs = Stream.of(GvslGraph.WARPED, GvslGraph.RESTORED).filter(graph::has).toList();
        Map<String, INDArray> computed = graph.output(inputs, outputs.toArray(String[]::new));
        Map<String, INDArray> volumes = new LinkedHashMap<>();
        Map<String, String> captions = new LinkedHashMap<>();
        INDArray target = inputs.get(GvslGraph.TARGET);
        volumes.put("fixed", inputs.get(GvslGraph.FIXED));
        if (inputs.containsKey(GvslGraph.MOVING)) {
            volumes.put("moving", inputs.get(GvslGraph.MOVING));
        }
        if (computed.containsKey(GvslGraph.WARPED)) {
            volumes.put("warped", computed.get(GvslGraph.WARPED));
        }
        if (computed.containsKey(GvslGraph.RESTORED)) {
            volumes.put("restored", computed.get(GvslGraph.RESTORED));
        }
        volumes.put("target", target);
        if (computed.containsKey(GvslGraph.WARPED)) {
            RegistrationQuality q = PairRegistration.measure(graph, List.of(preview.pair()), preview.classes()).get(0);
            captions.put("moving", caption(q.localNcc().before(), q.labelDice().before()));
            captions.put("warped", caption(q.localNcc().after(), q.labelDice().after()));
            volumes.put("|moving − target|", Transforms.abs(inputs.get(GvslGraph.MOVING).sub(target)));
            volumes.put("|warped − target|", Transforms.abs(computed.get(GvslGraph.WARPED).sub(target)));
        }
        PreviewImage.write(volumes, captions, folder.preview());
    }

    private static String caption(double ncc, double dice) {
        return String.format(Locale.ROOT, "NCC %.3f", ncc)
                + (Double.isNaN(dice) ? "" : String.format(Locale.ROOT, "%nDice %.3f", dice));
    }

    /**
     * Prints how well the trained model registers: the preview pair, and the mean over the held-out pairs where
     * there are any (the registration-free variant prints nothing).
     */
    private void reportRegistration(GvslGraph graph, Preview preview, TrainingData trainingData) {
        if (!graph.has(GvslGraph.WARPED)) {
            return;
        }
        RegistrationQuality p = PairRegistration.measure(graph, List.of(preview.pair()), preview.classes()).get(0);
        out.println("registration of the preview pair " + preview.pair().name() + ", before → after the warp: "
                + p.describe());
        List<RegistrationPair> heldOut = trainingData.heldOutPairs();
        if (!heldOut.isEmpty()) {
            RegistrationQuality mean = RegistrationQuality.mean(PairRegistration.measure(graph, heldOut,
                    trainingData.labelClasses()));
            out.println("registration of the " + heldOut.size() + " held-out pairs, means: " + mean.describe());
        }
        NativeMemory.releaseAfterStep();
    }

    /** The trained model: the model file, the SameDiff file with optimiser state and the weights, each atomically. */
    private void writeModel(GvslGraph graph, TrainingData trainingData, int step) throws IOException {
        Provenance provenance = Provenance.now("gvsl pretrain (run folder " + folder.dir() + ")", step, config.seed(),
                trainingData.description());
        ModelFile.write(folder.modelFile(), config.model(), false, provenance, ConfigJson.toJson(config),
                graph.sameDiff());
        AtomicFile.write(folder.model(), tmp -> GraphState.save(graph.sameDiff(), tmp));
        ModelWeights.writeNpz(graph.parameters(), folder.weights());   // atomic itself
    }

    private PretrainResult completed(int step, double elapsed, LossLog log) {
        LossSummary summary = LossSummary.of(log.history());
        String message = String.format(Locale.ROOT, "done: %d steps in %s; model %s (+ %s, %s, %s, %s, %s); loss, first"
                        + " → last %d-step means: %s", step, format(elapsed), folder.modelFile(), RunFolder.MODEL_FILE,
                RunFolder.WEIGHTS_FILE, LossLog.FILE, LossCurvePlot.FILE, PreviewImage.FILE, summary.window(),
                summary.describe());
        out.println(message);
        return new PretrainResult(PretrainResult.Status.COMPLETED, folder, step, seconds(elapsed), summary, message);
    }

    private PretrainResult stopped(int step, String what, Checkpoint last, double elapsed, LossLog log) {
        LossSummary summary = LossSummary.of(log.history());
        String message = "stopped at step " + step + ": " + what + ". "
                + (last == null ? "No checkpoint was written before it."
                : "The last good checkpoint is " + last.dir() + " (step " + last.step() + ").")
                + " Lower the learning rate (--lr) or check the data, then start again"
                + (last == null ? "." : ", or retry from the checkpoint with --resume " + folder.dir() + ".");
        out.println(message);
        return new PretrainResult(PretrainResult.Status.NON_FINITE, folder, last == null ? 0 : last.step(),
                seconds(elapsed), summary, message);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /** e.g. {@code 7m 12s}, {@code 1h 02m}, {@code 3.4s}. */
    static String format(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60);
    }

    /** Configuration of a {@link Pretrainer}. */
    public static final class Builder {
        private PretrainConfig config;
        private RunFolder folder;
        private boolean resume;
        private TrainingData data;
        private PrintStream out = System.out;
        private PrintStream progressStream = System.err;
        private boolean interactive = System.console() != null;

        private Builder() {
        }

        /** The run's configuration (required). */
        public Builder setConfig(PretrainConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The run folder (required): new and empty, or, with {@link #optResume}, one holding checkpoints. */
        public Builder setRunFolder(RunFolder folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Continue from the folder's newest checkpoint (default false: a new run). */
        public Builder optResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /** The data (default: what the configuration names, {@link TrainingData#from}). */
        public Builder optData(TrainingData data) {
            this.data = data;
            return this;
        }

        /** Where the start-up lines and the closing line go (default standard output). */
        public Builder optOut(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /**
         * Where the progress bar goes (default standard error) and whether it is a terminal (default: whether the
         * JVM has a console).
         */
        public Builder optProgress(PrintStream stream, boolean interactive) {
            this.progressStream = Objects.requireNonNull(stream, "stream");
            this.interactive = interactive;
            return this;
        }

        /** The configured trainer. */
        public Pretrainer build() {
            if (config == null || folder == null) {
                throw new IllegalStateException("Pretrainer needs setConfig(...) and setRunFolder(...)");
            }
            return new Pretrainer(this);
        }
    }
}
