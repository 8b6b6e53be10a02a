package org.gvsl.train.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.core.io.AtomicFile;
import org.gvsl.data.augment.RandomFlip;
import org.gvsl.data.augment.SpatialAugmentation;
import org.gvsl.data.dataset.DatasetItem;
import org.gvsl.data.dataset.DatasetSplit;
import org.gvsl.data.loader.BatchSampler;
import org.gvsl.data.loader.ClassificationBatch;
import org.gvsl.data.loader.ClassificationSampler;
import org.gvsl.data.loader.ClassifiedSource;
import org.gvsl.data.loader.LabelledBatch;
import org.gvsl.data.loader.LabelledCropSampler;
import org.gvsl.data.loader.LabelledSource;
import org.gvsl.data.loader.PrefetchingLoader;
import org.gvsl.data.nifti.NiftiFiles;
import org.gvsl.data.tensor.TensorWriter;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.eval.report.CaseScores;
import org.gvsl.eval.report.ClassScores;
import org.gvsl.eval.report.EvaluationReport;
import org.gvsl.eval.report.LabelMap;
import org.gvsl.eval.report.SegmentationEvaluator;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.backend.NativeBackend;
import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.file.PretrainedModel;
import org.gvsl.model.file.Provenance;
import org.gvsl.model.file.TransferModelFile;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.gvsl.StepMemoryEstimate;
import org.gvsl.model.inference.SlidingWindowInference;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.transfer.TransferConfig;
import org.gvsl.model.transfer.TransferGraph;
import org.gvsl.model.transfer.TransferGraphFactory;
import org.gvsl.model.transfer.TransferMode;
import org.gvsl.model.transfer.TransferTask;
import org.gvsl.train.checkpoint.Checkpoint;
import org.gvsl.train.checkpoint.CheckpointStore;
import org.gvsl.train.checkpoint.GraphState;
import org.gvsl.train.checkpoint.TrainingState;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.TransferRunConfig;
import org.gvsl.train.monitor.LossCurvePlot;
import org.gvsl.train.monitor.LossHistory;
import org.gvsl.train.monitor.LossLog;
import org.gvsl.train.monitor.LossSummary;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.gvsl.train.monitor.ProgressDisplay;
import org.gvsl.train.pretrain.FiniteCheck;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one downstream transfer (method.md §7) in a run folder: fine-tuning or linear evaluation of a backbone for
 * segmentation or classification, validated during training, the best validated model kept, tested and saved. The
 * commands {@code gvsl finetune} and {@code gvsl linear} are thin wrappers over it; an experiment calls it many
 * times in one process (quiet, each run in its own folder).
 *
 * <pre>{@code
 * TransferRunConfig config = TransferRunConfig.builder().with(TransferOptions.DATA, Path.of("data/synth"))
 *         .with(TransferOptions.INIT, Path.of("runs/pretrain-…")).with(TransferOptions.STEPS, 400).build();
 * TransferResult r = TransferTrainer.builder().setConfig(config.withMode(TransferMode.LINEAR))
 *         .setRunFolder(new TransferRunFolder(RunFolder.create("linear", null, Path.of("runs"), LocalDateTime.now())))
 *         .optQuiet().build().run();
 * double dice = r.testSummary();   // mean test Dice of the best validated model; r.testScores() per case
 * }</pre>
 *
 * <p><b>Initialisation:</b> the backbone from {@link Builder#optBackbone} (weights under {@code unet.*}), else from
 * the configuration's {@code init} ({@link PretrainedModel#open}: a run folder, a model file or an {@code .npz}),
 * else random (scratch, seeded). The widths are the backbone's (a different {@code widths} is an error); scratch
 * needs {@code widths}. The head is always random (seeded).
 *
 * <p><b>Per step</b> {@code s} (1-based), as pre-training's ({@code Pretrainer}): the loader's batch of step
 * {@code s − 1} (random crops, optionally foreground-centred, flipped, spatially augmented), one Adam step, a row of
 * {@code losses.csv}, the progress bar; a NaN/infinite loss stops the run; every {@code checkpointEvery} steps and
 * at the end the parameters are checked finite and a checkpoint written. Every {@code validateEvery} steps and at
 * the end the validation set is scored ({@link Validation}; a row of {@code validation.csv}); a score strictly
 * better than every earlier one writes the {@code best/} checkpoint (higher Dice or AUC; lower BCE when the
 * validation AUC is undefined because the validation set holds one class).
 *
 * <p><b>At the end</b> the best checkpoint (the last state when there is no validation set) is restored, and
 * written as {@code model.gvsl} ({@link TransferModelFile}) and {@code weights.npz}; the test set is predicted:
 * segmentation label maps on each image's grid with its geometry in {@code predictions/}, scored by gvsl-eval's
 * {@link SegmentationEvaluator} into {@code test/metrics.csv} and {@code test/summary.json}; classification scores
 * into {@code test/scores.csv} and the AUC into {@code test/summary.json}.
 *
 * <p><b>Resume</b> continues from the newest checkpoint: the graph is rebuilt (a linear run's frozen backbone from
 * the run's own {@code backbone.npz}, not from {@code init}), receives the saved trainable weights, Adam state and
 * step, the loader restarts at that step, and the best score so far is recomputed from {@code validation.csv}'s
 * rows up to it; losses, validation scores, the best model and the final weights are bit-identical to those of an
 * uninterrupted run.
 */
public final class TransferTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(TransferTrainer.class);

    /** The validation score of segmentation: mean Dice. */
    public static final String VAL_DICE = "val_dice";
    /** The validation score of classification: ROC-AUC. */
    public static final String VAL_AUC = "val_auc";
    /** The validation score of classification when the AUC is undefined: mean binary cross-entropy. */
    public static final String VAL_LOSS = "val_loss";

    private static final double BCE_CLAMP = 1e-7;

    private final TransferRunConfig requested;
    private final TransferRunFolder folder;
    private final boolean resume;
    private final TransferData givenData;
    private final Map<String, INDArray> givenBackbone;
    private final PrintStream out;
    private final PrintStream progressStream;
    private final boolean interactive;
    private boolean picturesFailed;

    private TransferTrainer(Builder b) {
        this.requested = b.config;
        this.folder = b.folder;
        this.resume = b.resume;
        this.givenData = b.data;
        this.givenBackbone = b.backbone;
        this.out = b.out;
        this.progressStream = b.progressStream;
        this.interactive = b.interactive;
    }

    /** A builder: {@code setX} required, {@code optX} optional. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains (or resumes), then tests the run.
     *
     * @return completed, or stopped by a non-finite value (the message says where and what to do)
     * @throws ConfigException when the data, the split, the initialisation or the widths are unusable, or there is
     *                         nothing to resume
     * @throws IOException     when the run folder cannot be written or a checkpoint read
     * @throws org.gvsl.data.loader.DataLoadingException when a volume cannot be read during training
     */
    public TransferResult run() throws IOException, ConfigException {
        GraphRuntime.start();
        TransferData data = givenData != null ? givenData : TransferData.from(requested);
        CheckpointStore store = CheckpointStore.open(folder.run().checkpoints(), requested.keepCheckpoints());
        CheckpointStore bestStore = CheckpointStore.open(folder.best(), 1);
        Checkpoint from = resume ? resumePoint(store) : null;

        Map<String, INDArray> backbone = backbone(from != null);
        UNetWidths widths = widths(backbone);
        TransferRunConfig config = requested.resolved(widths, data.classes(), data.crop());
        ConfigJson.write(config, folder.run().config());
        data.writeSplit(folder.split());
        TransferConfig model = TransferConfig.builder(config.task()).setClasses(data.classes()).optWidths(widths)
                .optMode(config.mode()).optLambdaCe(config.lambdaCe()).optSeed(config.seed())
                .optLearningRate(config.learningRate()).build();
        TransferGraph graph;
        try {
            graph = TransferGraphFactory.build(model, SpatialSize.cube(data.crop()), backbone);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--init " + config.init() + " does not fit a U-Net of widths " + widths + ": "
                    + e.getMessage(), e);
        }
        if (from == null && config.mode() == TransferMode.LINEAR) {
            ModelWeights.writeNpz(backboneOf(graph), folder.backbone());
        }
        out.println("run folder " + folder.dir() + " (seed " + config.seed() + ")");
        out.println("backend: " + NativeBackend.describe());
        out.println("data: " + data.description(config.task()) + (config.foregroundProbability() > 0
                ? ", foreground-centred with p " + config.foregroundProbability() : "") + (config.flip() ? ", flips" : "")
                + (config.spatialAugmentation() ? ", spatial augmentation" : ""));
        long trainable = graph.parameterNames().stream().mapToLong(n -> graph.sameDiff().getArrForVarName(n).length())
                .sum();
        out.printf(Locale.ROOT, "model: %s %s, widths %s, backbone %s, %,d trainable parameters, Adam lr %s; %d steps,"
                        + " validation every %d, checkpoint every %d%n",
                config.task().name().toLowerCase(Locale.ROOT), config.mode() == TransferMode.LINEAR ? "linear"
                        : "fine-tune", widths, config.fromScratch() && givenBackbone == null ? "random (scratch)"
                        : givenBackbone != null ? "given" : String.valueOf(config.init()), trainable,
                config.learningRate(), config.steps(), config.validateEvery(), config.checkpointEvery());
        long frozen = graph.sameDiff().variables().stream().filter(v -> v.getVariableType() == VariableType.CONSTANT)
                .mapToLong(v -> v.getArr().length()).sum();
        StepMemoryEstimate.ofTransfer(model, trainable, frozen, config.batch(), SpatialSize.cube(data.crop()),
                DataType.FLOAT).requireFits("a " + (config.mode() == TransferMode.LINEAR ? "linear" : "fine-tuning")
                + " step of widths " + widths + " at " + data.crop() + "³, batch " + config.batch());

        int start = 0;
        double elapsedBefore = 0;
        if (from != null) {
            GraphState.restore(graph.sameDiff(), from.modelFile());
            start = from.step();
            elapsedBefore = from.state().elapsedSeconds();
            out.println("resuming from " + from.dir() + " (step " + start + " of " + config.steps() + ")");
        }
        Task<?> task = config.task() == TransferTask.SEGMENTATION ? new Segmentation(config, data, graph)
                : new Classification(config, data, graph);
        return train(config, graph, task, store, bestStore, start, elapsedBefore);
    }

    private Checkpoint resumePoint(CheckpointStore store) throws IOException, ConfigException {
        Checkpoint latest = store.latest().orElseThrow(() -> new ConfigException("no checkpoint in " + store.dir()
                + " to resume from (the run stopped before its first checkpoint, due at step "
                + requested.checkpointEvery() + "); start it again"));
        if (latest.state().seed() != requested.seed()) {
            throw new ConfigException(latest.dir() + " was written with seed " + latest.state().seed()
                    + ", the run's config.json has seed " + requested.seed());
        }
        if (latest.step() >= requested.steps()) {
            throw new ConfigException("the run in " + folder.dir() + " has completed its " + latest.step()
                    + " steps; pass --steps with a larger number to train it further");
        }
        return latest;
    }

    /** The initial backbone: the run's own frozen one on resume, the given map, the init model, or null (random). */
    private Map<String, INDArray> backbone(boolean resuming) throws IOException, ConfigException {
        if (resuming) {
            if (requested.mode() != TransferMode.LINEAR) {
                return null;   // every trainable tensor comes from the checkpoint
            }
            if (!Files.isRegularFile(folder.backbone())) {
                throw new ConfigException(folder.backbone() + " is missing: a linear run cannot be resumed without"
                        + " its frozen backbone");
            }
            return ModelWeights.readNpz(folder.backbone());
        }
        if (givenBackbone != null) {
            return givenBackbone;
        }
        if (requested.fromScratch()) {
            return null;
        }
        Path init = requested.init();
        try {   // PretrainedModel names a fine-tuned model given here as such
            return PretrainedModel.open(init).backboneWeights();
        } catch (IOException e) {
            throw new ConfigException("--init " + init + ": " + e.getMessage(), e);
        }
    }

    private UNetWidths widths(Map<String, INDArray> backbone) throws ConfigException {
        if (backbone == null) {
            if (requested.widths() == null) {
                throw new ConfigException("a backbone trained from scratch needs --widths (paper, narrow or nine"
                        + " integers); with --init the pre-trained model's widths are used");
            }
            return requested.widths();
        }
        UNetWidths found;
        try {
            found = UNet3D.widthsOf(backbone, TransferGraph.BACKBONE);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--init " + requested.init() + " holds no usable U-Net backbone: "
                    + e.getMessage(), e);
        }
        if (requested.widths() != null && !requested.widths().equals(found)) {
            throw new ConfigException("--widths " + requested.widths() + " differs from the widths " + found
                    + " of the backbone of --init " + requested.init() + "; leave --widths out");
        }
        return found;
    }

    private static Map<String, INDArray> backboneOf(TransferGraph graph) {
        Map<String, INDArray> backbone = new LinkedHashMap<>();
        graph.weights().forEach((name, w) -> {
            if (name.startsWith(TransferGraph.BACKBONE + ".")) {
                backbone.put(name, w);
            }
        });
        return backbone;
    }

    private <B extends AutoCloseable> TransferResult train(TransferRunConfig config, TransferGraph graph, Task<B> task,
                                                           CheckpointStore store, CheckpointStore bestStore,
                                                           int start, double elapsedBefore) throws IOException {
        List<String> terms = graph.lossNames();
        String metric = task.metric();
        double elapsed = elapsedBefore;
        Checkpoint lastCheckpoint = null;
        try (LossLog log = resume ? LossLog.resume(folder.run().losses(), terms, start)
                : LossLog.create(folder.run().losses(), terms);
             LossLog validation = resume ? LossLog.resume(folder.validation(), List.of(metric), start)
                     : LossLog.create(folder.validation(), List.of(metric));
             PrefetchingLoader<B> loader = PrefetchingLoader.builder(task.sampler()).setBatchSize(config.batch())
                     .setSeed(config.seed()).optWorkers(config.workers()).optFirstStep(start)
                     .optSteps(config.steps() - start).build();
             ProgressDisplay progress = progressStream == null ? null : ProgressDisplay.start(
                     config.mode() == TransferMode.LINEAR ? "linear" : "finetune", start, config.steps(),
                     Duration.ofMillis(Math.round(elapsedBefore * 1000)), progressStream, interactive)) {
            double best = bestSoFar(validation.history(), metric, task.higherIsBetter());
            int step = start;
            while (loader.hasNext()) {
                long t0 = System.nanoTime();
                Map<String, Double> losses;
                try (B batch = loader.next()) {
                    losses = task.fit(batch);
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("closing a batch failed", e);
                }
                NativeMemory.releaseAfterStep();
                step++;
                double seconds = (System.nanoTime() - t0) / 1e9;
                elapsed += seconds;
                long rss = NativeMemory.residentBytes();
                log.append(step, losses, seconds, rss);
                if (progress != null) {
                    progress.step(step, losses, seconds, rss);
                }
                Optional<String> bad = FiniteCheck.nonFiniteLoss(losses);
                boolean checkpointDue = step % config.checkpointEvery() == 0 || step == config.steps();
                boolean validationDue = task.canValidate()
                        && (step % config.validateEvery() == 0 || step == config.steps());
                if (bad.isEmpty() && (checkpointDue || validationDue)) {
                    bad = nonFiniteParameter(graph).map(p -> "parameter " + p + " is no longer finite");
                }
                if (bad.isPresent()) {
                    if (progress != null) {
                        progress.close();
                    }
                    pictures(log, validation);
                    return stopped(step, bad.get(), lastCheckpoint != null ? lastCheckpoint
                            : store.latest().orElse(null), elapsed, log, metric);
                }
                if (checkpointDue) {
                    lastCheckpoint = store.write(graph.sameDiff(), TrainingState.of(step, config.seed(), elapsed,
                            losses, OffsetDateTime.now().toString(), config));
                }
                if (validationDue) {
                    long v0 = System.nanoTime();
                    double score = task.validate();
                    NativeMemory.releaseAfterStep();
                    validation.append(step, Map.of(metric, score), (System.nanoTime() - v0) / 1e9,
                            NativeMemory.residentBytes());
                    if (better(score, best, task.higherIsBetter())) {
                        best = score;
                        Map<String, Double> withScore = new LinkedHashMap<>(losses);
                        withScore.put(metric, score);
                        bestStore.write(graph.sameDiff(), TrainingState.of(step, config.seed(), elapsed, withScore,
                                OffsetDateTime.now().toString(), config));
                    }
                }
                if (step % config.plotEvery() == 0 || validationDue) {
                    pictures(log, validation);
                }
            }
            if (progress != null) {
                progress.close();
            }
            pictures(log, validation);
            Optional<Checkpoint> bestCheckpoint = bestStore.latest();
            if (bestCheckpoint.isPresent()) {
                GraphState.restore(graph.sameDiff(), bestCheckpoint.get().modelFile());
            }
            int bestStep = bestCheckpoint.map(Checkpoint::step).orElse(task.canValidate() ? 0 : step);
            double bestScore = bestCheckpoint.map(c -> c.state().losses().getOrDefault(metric, Double.NaN))
                    .orElse(Double.NaN);
            writeModel(config, graph, step, bestStep);
            Map<String, Double> testScores = task.test();
            return completed(step, elapsed, log, metric, bestStep, bestScore, testScores, task.testSummary());
        }
    }

    /** The best score among the validation rows kept (those up to the resumed step); NaN when none. */
    private static double bestSoFar(LossHistory history, String metric, boolean higherIsBetter) {
        double best = Double.NaN;
        for (double v : history.size() == 0 ? new double[0] : history.values(metric)) {
            if (better(v, best, higherIsBetter)) {
                best = v;
            }
        }
        return best;
    }

    /** Whether {@code score} is strictly better than {@code best} (NaN: nothing yet; a NaN score is never better). */
    static boolean better(double score, double best, boolean higherIsBetter) {
        if (Double.isNaN(score)) {
            return false;
        }
        return Double.isNaN(best) || (higherIsBetter ? score > best : score < best);
    }

    private static Optional<String> nonFiniteParameter(TransferGraph graph) {
        for (String name : graph.parameterNames()) {
            if (BooleanIndexing.or(graph.sameDiff().getArrForVarName(name), Conditions.notFinite())) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private void pictures(LossLog log, LossLog validation) {
        if (picturesFailed) {
            return;
        }
        try {
            LossCurvePlot.write(log.history(), folder.run().lossCurve());
            LossCurvePlot.write(validation.history(), folder.validationCurve());
        } catch (Exception | LinkageError | java.awt.AWTError | InternalError e) {
            picturesFailed = true;
            LOG.warn("cannot draw the loss or validation curve PNG, continuing without them: {}", e.toString());
        }
    }

    private void writeModel(TransferRunConfig config, TransferGraph graph, int step, int bestStep) throws IOException {
        Provenance provenance = Provenance.now("gvsl " + (config.mode() == TransferMode.LINEAR ? "linear" : "finetune")
                + " (run folder " + folder.dir() + ", best validated step " + bestStep + ")", step, config.seed(),
                String.valueOf(config.data()));
        TransferModelFile.write(folder.run().modelFile(), graph.config(), graph.size(), provenance,
                ConfigJson.toJson(config), graph.weights());
        ModelWeights.writeNpz(graph.weights(), folder.run().weights());
    }

    private TransferResult completed(int step, double elapsed, LossLog log, String metric, int bestStep,
                                     double bestScore, Map<String, Double> testScores, double testSummary) {
        LossSummary summary = LossSummary.of(log.history());
        String test = testScores.isEmpty() ? "no test set" : String.format(Locale.ROOT, "test %s %s over %d cases",
                metric.equals(VAL_DICE) ? "mean Dice" : "AUC", metric.equals(VAL_DICE)
                        ? String.format(Locale.ROOT, "%.4f", testSummary) : Validation.format(testSummary),
                testScores.size());
        String message = String.format(Locale.ROOT, "done: %d steps in %s; best %s %s at step %d; %s; model %s;"
                        + " loss, first → last %d-step means: %s", step, format(elapsed), metric,
                Double.isNaN(bestScore) ? "none (no validation set: the last step's model)"
                        : String.format(Locale.ROOT, "%.4f", bestScore), bestStep, test, folder.run().modelFile(),
                summary.window(), summary.describe());
        out.println(message);
        return new TransferResult(TransferResult.Status.COMPLETED, folder, step, metric, bestStep, bestScore,
                testScores, testSummary, seconds(elapsed), message);
    }

    private TransferResult stopped(int step, String what, Checkpoint last, double elapsed, LossLog log, String metric) {
        String message = "stopped at step " + step + ": " + what + ". "
                + (last == null ? "No checkpoint was written before it."
                : "The last good checkpoint is " + last.dir() + " (step " + last.step() + ").")
                + " Lower the learning rate (--lr) or check the data, then start again"
                + (last == null ? "." : ", or retry from the checkpoint with --resume " + folder.dir() + ".");
        out.println(message);
        return new TransferResult(TransferResult.Status.NON_FINITE, folder, last == null ? 0 : last.step(), metric, 0,
                Double.NaN, Map.of(), Double.NaN, seconds(elapsed), message);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static String format(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? String.format(Locale.ROOT, "%.1fs", seconds)
                : s < 3600 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60);
    }

    /** What differs between segmentation and classification: the batches, the fit, the scores, the test. */
    private interface Task<B extends AutoCloseable> {
        BatchSampler<?, B> sampler();

        Map<String, Double> fit(B batch);

        boolean canValidate();

        String metric();

        boolean higherIsBetter();

        double validate();

        Map<String, Double> test() throws IOException;

        double testSummary();
    }

    private final class Segmentation implements Task<LabelledBatch> {
        private final TransferRunConfig config;
        private final TransferData data;
        private final TransferGraph graph;
        private final LabelledCropSampler sampler;
        private final List<LabelledSource> validationCases;
        private final SlidingWindowInference inference;
        private double testSummary = Double.NaN;

        Segmentation(TransferRunConfig config, TransferData data, TransferGraph graph) {
            this.config = config;
            this.data = data;
            this.graph = graph;
            this.sampler = LabelledCropSampler.builder()
                    .setSources(LabelledSource.of(data.split().train(), data.preprocessing(), data.classes()))
                    .setCropShape(VolumeShape.cube(data.crop())).setClasses(data.classes())
                    .optForegroundProbability(config.foregroundProbability())
                    .optFlip(config.flip() ? RandomFlip.modelsGenesis() : null)
                    .optSpatial(config.spatialAugmentation() ? SpatialAugmentation.gvsl() : null).build();
            this.validationCases = LabelledSource.of(data.split().validation(), data.preprocessing(), data.classes());
            this.inference = SlidingWindowInference.builder().setWindow(graph.size()).optOverlap(config.overlap())
                    .optWeighting(config.windowWeighting()).optBatchSize(config.windowBatch()).build();
        }

        @Override
        public BatchSampler<?, LabelledBatch> sampler() {
            return sampler;
        }

        @Override
        public Map<String, Double> fit(LabelledBatch batch) {
            try (INDArray oneHot = batch.oneHot()) {
                return graph.fit(graph.inputs(batch.image(), oneHot));
            }
        }

        @Override
        public boolean canValidate() {
            return !validationCases.isEmpty();
        }

        @Override
        public String metric() {
            return VAL_DICE;
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        @Override
        public double validate() {
            double sum = 0;
            int n = 0;
            for (LabelledSource c : validationCases) {
                double dice = Validation.meanDice(Validation.segment(graph, inference, load(c.image())),
                        load(c.labels()), data.classes());
                if (!Double.isNaN(dice)) {
                    sum += dice;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        @Override
        public Map<String, Double> test() throws IOException {
            List<DatasetItem> items = data.split().test();
            Map<String, Double> scores = new LinkedHashMap<>();
            if (items.isEmpty()) {
                return scores;
            }
            Files.createDirectories(folder.predictions());
            SegmentationEvaluator evaluator = SegmentationEvaluator.builder().optClasses(data.classes() - 1).build();
            List<LabelledSource> cases = LabelledSource.of(items, data.preprocessing(), data.classes());
            for (int i = 0; i < items.size(); i++) {
                String name = NiftiFiles.stem(items.get(i).image());
                Volume image = load(cases.get(i).image());
                int[] labels = Validation.segment(graph, inference, image);
                VolumeShape s = image.shape();
                Path file = folder.predictions().resolve(name + ".nii.gz");
                try (INDArray map = Nd4j.createFromArray(labels).reshape(1, 1, s.depth(), s.height(), s.width())) {
                    TensorWriter.writeLabels(map, file, image.geometry());
                }
                CaseScores c = evaluator.add(name, LabelMap.read(file), LabelMap.read(items.get(i).labels()));
                scores.put(name, c.classes().stream().mapToDouble(ClassScores::dice).filter(d -> !Double.isNaN(d))
                        .average().orElse(Double.NaN));
                NativeMemory.releaseAfterStep();
            }
            EvaluationReport report = evaluator.report();
            report.write(folder.test());
            out.print(report.table());
            out.println("wrote " + scores.size() + " test predictions to " + folder.predictions() + ", scores to "
                    + folder.test().resolve(EvaluationReport.METRICS_CSV) + " and "
                    + folder.test().resolve(EvaluationReport.SUMMARY_JSON));
            testSummary = scores.values().stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d))
                    .average().orElse(Double.NaN);
            return scores;
        }

        @Override
        public double testSummary() {
            return testSummary;
        }
    }

    private final class Classification implements Task<ClassificationBatch> {
        private final TransferData data;
        private final TransferGraph graph;
        private final ClassificationSampler sampler;
        private final ClassificationSampler validationCases;
        private final int[] validationClasses;
        private final String metric;
        private double testSummary = Double.NaN;

        Classification(TransferRunConfig config, TransferData data, TransferGraph graph) {
            this.data = data;
            this.graph = graph;
            this.sampler = sampler(data.split().train(), config.flip(), config.spatialAugmentation());
            List<DatasetItem> validation = data.split().validation();
            this.validationCases = validation.isEmpty() ? null : sampler(validation, false, false);
            this.validationClasses = validation.stream().mapToInt(DatasetItem::classLabel).toArray();
            boolean aucDefined = !Double.isNaN(Validation.auc(fakeScores(validationClasses.length),
                    validationClasses));
            this.metric = aucDefined ? VAL_AUC : VAL_LOSS;
        }

        /** Scores that separate nothing (all 0.5): their AUC is defined exactly when the classes allow one. */
        private double[][] fakeScores(int n) {
            double[][] s = new double[n][data.classes()];
            for (double[] row : s) {
                java.util.Arrays.fill(row, 0.5);
            }
            return s;
        }

        private ClassificationSampler sampler(List<DatasetItem> items, boolean flip, boolean spatial) {
            return ClassificationSampler.builder().setSources(ClassifiedSource.of(items, data.preprocessing()))
                    .setCropShape(VolumeShape.cube(data.crop())).setOutputs(data.classes())
                    .optFlip(flip ? RandomFlip.modelsGenesis() : null)
                    .optSpatial(spatial ? SpatialAugmentation.gvsl() : null).build();
        }

        @Override
        public BatchSampler<?, ClassificationBatch> sampler() {
            return sampler;
        }

        @Override
        public Map<String, Double> fit(ClassificationBatch batch) {
            return graph.fit(graph.inputs(batch.image(), batch.targets()));
        }

        @Override
        public boolean canValidate() {
            return validationCases != null;
        }

        @Override
        public String metric() {
            return metric;
        }

        @Override
        public boolean higherIsBetter() {
            return metric.equals(VAL_AUC);
        }

        @Override
        public double validate() {
            double[][] scores = scores(validationCases, validationClasses.length);
            return metric.equals(VAL_AUC) ? Validation.auc(scores, validationClasses)
                    : meanBce(scores, validationClasses);
        }

        private double[][] scores(ClassificationSampler cases, int n) {
            double[][] scores = new double[n][];
            for (int i = 0; i < n; i++) {
                scores[i] = Validation.classify(graph, cases, i);
            }
            return scores;
        }

        /**
         * {@code −mean over cases and outputs of [y·ln p + (1−y)·ln(1−p)]}, p clamped to [1e-7, 1 − 1e-7], y the
         * sigmoid target (the class for one output, one-hot for K ≥ 2).
         */
        private double meanBce(double[][] scores, int[] classes) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < scores.length; i++) {
                for (int k = 0; k < scores[i].length; k++) {
                    double y = scores[i].length == 1 ? classes[i] : classes[i] == k ? 1 : 0;
                    double p = Math.min(1 - BCE_CLAMP, Math.max(BCE_CLAMP, scores[i][k]));
                    sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
                    count++;
                }
            }
            return sum / count;
        }

        @Override
        public Map<String, Double> test() throws IOException {
            List<DatasetItem> items = data.split().test();
            Map<String, Double> result = new LinkedHashMap<>();
            if (items.isEmpty()) {
                return result;
            }
            int[] classes = items.stream().mapToInt(DatasetItem::classLabel).toArray();
            double[][] scores = scores(sampler(items, false, false), items.size());
            List<String> rows = new ArrayList<>();
            StringBuilder header = new StringBuilder("case,class");
            for (int k = 0; k < data.classes(); k++) {
                header.append(",p").append(data.classes() == 1 ? 1 : k);
            }
            rows.add(header.toString());
            for (int i = 0; i < items.size(); i++) {
                String name = NiftiFiles.stem(items.get(i).image());
                StringBuilder row = new StringBuilder(name).append(',').append(classes[i]);
                for (double p : scores[i]) {
                    row.append(',').append(String.format(Locale.ROOT, "%.6g", p));
                }
                rows.add(row.toString());
                result.put(name, scores[i][0]);
            }
            testSummary = Validation.auc(scores, classes);
            Files.createDirectories(folder.test());
            AtomicFile.write(folder.test().resolve(SCORES_CSV), tmp -> Files.write(tmp, rows, StandardCharsets.UTF_8));
            ObjectNode summary = ConfigJson.mapper().createObjectNode();
            summary.put("cases", items.size());
            summary.put("positives", java.util.Arrays.stream(classes).filter(c -> c == 1).count());
            if (Double.isNaN(testSummary)) {
                summary.put("auc", "undefined");
            } else {
                summary.put("auc", testSummary);
            }
            AtomicFile.write(folder.test().resolve(EvaluationReport.SUMMARY_JSON), tmp -> {
                try (OutputStream o = Files.newOutputStream(tmp)) {
                    ConfigJson.mapper().writerWithDefaultPrettyPrinter().writeValue(o, summary);
                }
            });
            out.println("test: ROC-AUC " + Validation.format(testSummary) + " over " + items.size() + " cases; wrote "
                    + folder.test().resolve(SCORES_CSV) + " and " + folder.test().resolve(EvaluationReport.SUMMARY_JSON));
            return result;
        }

        @Override
        public double testSummary() {
            return testSummary;
        }
    }

    /** The classification test scores' file name in {@code test/}. */
    public static final String SCORES_CSV = "scores.csv";

    private static Volume load(org.gvsl.data.loader.VolumeSource source) {
        try {
            return source.load();
        } catch (IOException e) {
            throw new org.gvsl.data.loader.DataLoadingException(source.name(), "cannot load " + source.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Configuration of a {@link TransferTrainer}. */
    public static final class Builder {
        private TransferRunConfig config;
        private TransferRunFolder folder;
        private boolean resume;
        private TransferData data;
        private Map<String, INDArray> backbone;
        private PrintStream out = System.out;
        private PrintStream progressStream = System.err;
        private boolean interactive = System.console() != null;

        private Builder() {
        }

        /** The run's configuration (required); its mode says fine-tune or linear. */
        public Builder setConfig(TransferRunConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The run folder (required): new and empty, or, with {@link #optResume}, one holding checkpoints. */
        public Builder setRunFolder(TransferRunFolder folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Continue from the folder's newest checkpoint (default false: a new run). */
        public Builder optResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /** The data, already resolved (default: what the configuration names, {@link TransferData#from}). */
        public Builder optData(TransferData data) {
            this.data = data;
            return this;
        }

        /**
         * The initial backbone, weights under {@code unet.*} (default: the configuration's {@code init}, or random);
         * an experiment passes the same map to many runs instead of re-reading a file. Ignored on resume.
         */
        public Builder optBackbone(Map<String, INDArray> backbone) {
            this.backbone = backbone;
            return this;
        }

        /** Where the start-up lines, the test table and the closing line go (default standard output). */
        public Builder optOut(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Where the progress bar goes (default standard error) and whether it is a terminal. */
        public Builder optProgress(PrintStream stream, boolean interactive) {
            this.progressStream = Objects.requireNonNull(stream, "stream");
            this.interactive = interactive;
            return this;
        }

        /** No output at all: no progress bar, no lines (for many runs in one process; the result says it all). */
        public Builder optQuiet() {
            this.out = new PrintStream(OutputStream.nullOutputStream());
            this.progressStream = null;
            return this;
        }

        /** The configured trainer. */
        public TransferTrainer build() {
            if (config == null || folder == null) {
                throw new IllegalStateException("TransferTrainer needs setConfig(...) and setRunFolder(...)");
            }
            return new TransferTrainer(this);
        }
    }
}
