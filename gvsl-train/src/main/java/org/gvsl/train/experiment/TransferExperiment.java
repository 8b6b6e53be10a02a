package org.gvsl.train.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.data.atlas.MricronTemplates;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.backend.NativeBackend;
import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.file.PretrainedModel;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.train.checkpoint.CheckpointStore;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.ExperimentBudget;
import org.gvsl.train.config.ExperimentConfig;
import org.gvsl.train.config.ExperimentOptions;
import org.gvsl.train.config.PretrainConfig;
import org.gvsl.train.config.PretrainOptions;
import org.gvsl.train.config.TransferOptions;
import org.gvsl.train.config.TransferRunConfig;
import org.gvsl.train.pretrain.PretrainResult;
import org.gvsl.train.pretrain.Pretrainer;
import org.gvsl.train.pretrain.RunFolder;
import org.gvsl.train.pretrain.TrainingData;
import org.gvsl.train.registration.PairRegistration;
import org.gvsl.train.registration.RegistrationPair;
import org.gvsl.train.registration.RegistrationQuality;
import org.gvsl.train.transfer.TransferResult;
import org.gvsl.train.transfer.TransferRunFolder;
import org.gvsl.train.transfer.TransferTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The paper's claim in miniature (issue 7): for each seed, pre-train each method with one budget on unlabelled
 * synthetic volumes, transfer each method's backbone (and a random one, scratch) by linear evaluation and by
 * fine-tuning to each downstream task with few labelled volumes, measure how well each pre-trained model registers
 * held-out pairs, and report mean, 95% interval and the paired test against scratch ({@link ExperimentSummary},
 * {@link ExperimentReport}).
 *
 * <p><b>The plan</b>, in order, per seed S: the pre-trainings of {@link Method#RESTORATION}, {@link
 * Method#GVSL_NO_AFFINE} and {@link Method#GVSL} ({@code gvsl pretrain} with the demo's settings, the variant, seed
 * S and the budget's volumes, crop, batch and steps); then for each method (scratch first), protocol and task one
 * transfer run ({@code gvsl linear}/{@code gvsl finetune} on the task's cohort and split, seed S, the budget's crop,
 * batch, steps and validation interval, Adam {@value #LEARNING_RATE}, soft Dice plus {@value #LAMBDA_CE} ×
 * cross-entropy for segmentation; the best validated model is tested). Scratch's backbone has the pre-trainings'
 * widths and seed S's initialisation. The untrained model's registration (full GVSL, seed S's initialisation) is the
 * registration baseline.
 *
 * <p><b>Resumable:</b> every sub-run is a normal run folder ({@link SubRun}) and records its outcome there when it
 * ends ({@link OutcomeFile}); a later run of the same experiment folder skips every recorded sub-run, continues an
 * interrupted one from its newest checkpoint, and starts one that has no checkpoint again. The report is rewritten
 * after every sub-run. The experiment's {@code config.json} must match the one requested (only {@code seeds} and
 * {@code threads} may change: more seeds extend a finished experiment).
 *
 * <p>Quiet: the sub-runs print nothing; the experiment prints its start-up lines, one line per sub-run ({@link
 * ExperimentProgress}) and the summary table.
 */
public final class TransferExperiment {

    /** Adam's learning rate of every transfer run (the reference's 1e-4 needs far more steps than the budget's). */
    public static final double LEARNING_RATE = 1e-3;
    /** Weight of cross-entropy beside soft Dice in segmentation (soft Dice alone learns slowly in few steps). */
    public static final double LAMBDA_CE = 1.0;

    private static final String BASELINE_FOLDER = "untrained-registration";
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private final ExperimentConfig config;
    private final Path dir;
    private final ExperimentData.AtlasSource atlasSource;
    private final PrintStream out;
    private final Map<SubRun, Outcome> outcomes = new LinkedHashMap<>();
    private final Map<Long, List<Outcome.Registration>> baseline = new LinkedHashMap<>();

    private TransferExperiment(Builder b) {
        this.config = b.config.resolved();
        this.dir = config.out();
        this.atlasSource = b.atlasSource;
        this.out = b.out;
    }

    /** A builder: {@code setX} required, {@code optX} optional. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs (or continues) the experiment.
     *
     * @return the summary of every sub-run
     * @throws ConfigException when the folder holds another experiment, or the atlas cohort's files are missing
     * @throws IOException     when a folder cannot be written or a record read
     */
    public ExperimentSummary run() throws IOException, ConfigException {
        List<DownstreamTask> tasks = tasks();
        if (tasks.contains(DownstreamTask.ATLAS) && atlasSource.equals(ExperimentData.AtlasSource.MRICRON)
                && !MricronTemplates.installed()) {
            throw new ConfigException("the atlas task needs " + MricronTemplates.image() + " and "
                    + MricronTemplates.atlas() + " (" + MricronTemplates.INSTALL_HINT + "), or run with --no-atlas");
        }
        boolean continuing = checkFolder();
        GraphRuntime.start();
        out.println((continuing ? "continuing the experiment in " : "experiment folder ") + dir + " ("
                + config.budget().name().toLowerCase(Locale.ROOT) + " budget, seeds 1.." + config.seeds() + ")");
        out.println("backend: " + NativeBackend.describe());
        Map<DownstreamTask, ExperimentData.Cohort> cohorts = ExperimentData.prepare(dir, config.budget(),
                config.dataSeed(), tasks, atlasSource);
        cohorts.values().forEach(c -> out.println("data: " + c.description()));
        ExperimentBudget.Pretraining p = config.budget().pretraining();
        ExperimentBudget.Transfer t = config.budget().transfer();
        out.printf(Locale.ROOT, "pre-training: %d synthetic volumes %d³, crops %d³, batch %d, %d steps per method%n",
                p.volumes(), p.size(), p.crop(), p.batch(), config.pretrainSteps());
        out.printf(Locale.ROOT, "transfer: crops %d³, batch %d, %d steps, validation every %d, Adam %s%n", t.crop(),
                t.batch(), config.transferSteps(), t.validateEvery(), LEARNING_RATE);

        List<SubRun> plan = plan(tasks);
        ExperimentProgress progress = new ExperimentProgress(plan, out);
        Map<SubRun.Pretraining, Map<String, INDArray>> backbones = new LinkedHashMap<>();
        for (SubRun run : plan) {
            if (!baseline.containsKey(run.seed())) {
                baseline.put(run.seed(), untrainedRegistration(run.seed()));
            }
            Optional<Outcome> recorded = OutcomeFile.read(run.folder(dir), run instanceof SubRun.Transfer);
            Outcome outcome;
            if (recorded.isPresent()) {
                outcome = recorded.get();
            } else {
                long t0 = System.nanoTime();
                outcome = run instanceof SubRun.Pretraining pre ? pretrain(pre, t0)
                        : transfer((SubRun.Transfer) run, cohorts.get(((SubRun.Transfer) run).task()), backbones, t0);
                OutcomeFile.write(run.folder(dir), outcome);
                NativeMemory.releaseAfterStep();
            }
            outcomes.put(run, outcome);
            if (run instanceof SubRun.Pretraining pre) {
                backbones.keySet().removeIf(k -> k.seed() != pre.seed());   // keep one seed's backbones in memory
            }
            progress.ended(run, describe(run, outcome), outcome.seconds(), recorded.isPresent());
            report(tasks, progress, false);
        }
        report(tasks, progress, true);
        out.println();
        out.print(SummaryMarkdown.transferTable(summary(tasks)));
        out.println();
        out.print(SummaryMarkdown.registrationTable(summary(tasks)));
        out.println();
        out.println("done: " + plan.size() + " sub-runs, " + ExperimentProgress.format(totalSeconds())
                + " of sub-run time in all (this session " + ExperimentProgress.format(progress.elapsedSeconds())
                + "); report in " + dir.resolve(ExperimentReport.SUMMARY_MD) + " (+ " + ExperimentReport.SUMMARY_JSON
                + ", " + ExperimentReport.RESULTS_CSV + ", " + ExperimentReport.CASES_CSV + ", "
                + ExperimentReport.REGISTRATION_CSV + ", " + TransferChart.FILE + ")");
        return summary(tasks);
    }

    /** The tasks: the two synthetic ones, and the atlas cohort's when configured. */
    private List<DownstreamTask> tasks() {
        List<DownstreamTask> tasks = new ArrayList<>(List.of(DownstreamTask.SEGMENTATION, DownstreamTask.LESIONS));
        if (config.atlas()) {
            tasks.add(DownstreamTask.ATLAS);
        }
        return tasks;
    }

    /** The sub-runs in order (class comment). */
    private List<SubRun> plan(List<DownstreamTask> tasks) {
        List<SubRun> plan = new ArrayList<>();
        for (long seed = 1; seed <= config.seeds(); seed++) {
            for (Method m : Method.values()) {
                if (m.pretrains()) {
                    plan.add(new SubRun.Pretraining(seed, m));
                }
            }
            for (Method m : Method.values()) {
                for (Protocol protocol : Protocol.values()) {
                    for (DownstreamTask task : tasks) {
                        plan.add(new SubRun.Transfer(seed, m, protocol, task));
                    }
                }
            }
        }
        return plan;
    }

    /**
     * Writes the experiment's {@code config.json}, or checks it against the saved one.
     *
     * @return whether the folder already held this experiment
     * @throws ConfigException when it holds another experiment, or files that are not an experiment's
     */
    private boolean checkFolder() throws IOException, ConfigException {
        Path saved = dir.resolve(RunFolder.CONFIG_FILE);
        if (!Files.isRegularFile(saved)) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new ConfigException(dir + " holds files but no experiment (no " + RunFolder.CONFIG_FILE
                                + "); choose another --out");
                    }
                }
            }
            Files.createDirectories(dir);
            ConfigJson.write(config, saved);
            return false;
        }
        ObjectNode before = ConfigJson.readFile(saved);
        // Read back from its text, as the saved one is: a long written as 0 reads back as an int node, and int and
        // long nodes of equal value are not equal.
        ObjectNode now = (ObjectNode) ConfigJson.mapper().readTree(ConfigJson.toJson(config));
        List<String> changed = new ArrayList<>();
        for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            boolean resumable = ExperimentOptions.TABLE.option(key).map(o -> o.resumable()).orElse(false);
            if (!resumable && !key.equals(ExperimentOptions.OUT.key()) && !now.get(key).equals(before.get(key))) {
                changed.add(key + " (" + before.get(key) + " → " + now.get(key) + ")");
            }
        }
        if (!changed.isEmpty()) {
            throw new ConfigException(dir + " holds an experiment with other settings: " + String.join(", ", changed)
                    + "; only " + ExperimentOptions.TABLE.resumableKeys() + " may change. Choose another --out");
        }
        ConfigJson.write(config, saved);   // more seeds, other threads
        return true;
    }

    /**
     * The configuration of a method's pre-training for a seed: the demo's, with the budget, and with the synthetic
     * tasks' normalisation ({@link DownstreamTask#intensity()}), so that the pre-trained model sees the images it is
     * fine-tuned on.
     */
    PretrainConfig pretrainConfig(long seed, Variant variant, Path folder) {
        ExperimentBudget.Pretraining b = config.budget().pretraining();
        int steps = config.pretrainSteps();
        return PretrainConfig.builder().with(PretrainOptions.VARIANT, variant).with(PretrainOptions.SEED, seed)
                .with(PretrainOptions.STEPS, steps).with(PretrainOptions.SYNTHETIC_COUNT, b.volumes())
                .with(PretrainOptions.SYNTHETIC_SIZE, b.size()).with(PretrainOptions.CROP, b.crop())
                .with(PretrainOptions.BATCH, b.batch()).with(PretrainOptions.CHECKPOINT_EVERY, Math.max(1, steps / 4))
                .with(PretrainOptions.KEEP_CHECKPOINTS, 1).with(PretrainOptions.PLOT_EVERY, steps)
                .with(PretrainOptions.PREVIEW_EVERY, 0).with(PretrainOptions.THREADS, config.threads())
                .with(PretrainOptions.INTENSITY, DownstreamTask.SEGMENTATION.intensity())
                .with(PretrainOptions.RUN_DIR, folder).build();
    }

    private Outcome.Pretrained pretrain(SubRun.Pretraining run, long t0) throws IOException, ConfigException {
        Path folder = run.folder(dir);
        PretrainConfig pc = pretrainConfig(run.seed(), run.method().variant(), folder);
        TrainingData data = TrainingData.from(pc);
        int steps = pc.steps();
        Outcome.Status status = Outcome.Status.COMPLETED;
        if (!Files.isRegularFile(folder.resolve(RunFolder.MODEL_GVSL_FILE))) {
            boolean resume = hasCheckpoint(folder.resolve(RunFolder.CHECKPOINTS));
            if (!resume) {
                deleteTree(folder);
            }
            RunFolder runFolder = resume ? RunFolder.open(folder) : RunFolder.create(folder, dir, java.time.LocalDateTime.now());
            PretrainResult result = Pretrainer.builder().setConfig(pc).setRunFolder(runFolder).optResume(resume)
                    .optData(data).optOut(SILENT).optProgress(SILENT, false).build().run();
            steps = result.step();
            if (result.status() != PretrainResult.Status.COMPLETED) {
                status = Outcome.Status.NON_FINITE;
            }
        }
        List<Outcome.Registration> registration = List.of();
        if (status == Outcome.Status.COMPLETED && run.method().variant() != Variant.RESTORATION_ONLY) {
            PretrainedModel model = PretrainedModel.open(folder);
            registration = register(model.whole(pc.batch(), SpatialSize.cube(pc.crop())), data);
        }
        return new Outcome.Pretrained(status, steps, (System.nanoTime() - t0) / 1e9, registration);
    }

    /** The registration of seed S's held-out pairs by the untrained full model (recorded once per seed). */
    private List<Outcome.Registration> untrainedRegistration(long seed) throws IOException, ConfigException {
        Path folder = SubRun.seedFolder(dir, seed).resolve(BASELINE_FOLDER);
        Optional<Outcome> recorded = OutcomeFile.read(folder, false);
        if (recorded.isPresent()) {
            return ((Outcome.Pretrained) recorded.get()).registration();
        }
        long t0 = System.nanoTime();
        PretrainConfig pc = pretrainConfig(seed, Variant.FULL, folder);
        List<Outcome.Registration> registration = register(GvslGraphFactory.build(pc.model(), pc.batch(),
                SpatialSize.cube(pc.crop())), TrainingData.from(pc));
        Files.createDirectories(folder);
        OutcomeFile.write(folder, new Outcome.Pretrained(Outcome.Status.COMPLETED, 0, (System.nanoTime() - t0) / 1e9,
                registration));
        return registration;
    }

    private static List<Outcome.Registration> register(GvslGraph graph, TrainingData data) {
        List<RegistrationPair> pairs = data.heldOutPairs();
        List<RegistrationQuality> qualities = PairRegistration.measure(graph, pairs, data.labelClasses());
        List<Outcome.Registration> registration = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            RegistrationQuality q = qualities.get(i);
            registration.add(new Outcome.Registration(pairs.get(i).name(), q.localNcc().before(), q.localNcc().after(),
                    q.labelDice().before(), q.labelDice().after()));
        }
        NativeMemory.releaseAfterStep();
        return registration;
    }

    /** The configuration of one transfer run. */
    TransferRunConfig transferConfig(SubRun.Transfer run, ExperimentData.Cohort cohort, Path folder) {
        ExperimentBudget.Transfer b = config.budget().transfer();
        SubRun.Pretraining pre = run.pretraining();
        return TransferRunConfig.builder().with(TransferOptions.DATA, cohort.folder())
                .with(TransferOptions.TASK, run.task().task()).with(TransferOptions.MODE, run.protocol().mode())
                .with(TransferOptions.INIT, pre == null ? null : pre.folder(dir))
                .with(TransferOptions.WIDTHS, pre == null ? pretrainConfig(run.seed(), Variant.FULL, folder).model()
                        .widths() : null)
                .with(TransferOptions.INTENSITY, run.task().intensity()).with(TransferOptions.CROP, b.crop())
                .with(TransferOptions.BATCH, b.batch()).with(TransferOptions.STEPS, config.transferSteps())
                .with(TransferOptions.LAMBDA_CE, run.task().scoredPerCase() ? LAMBDA_CE : 0.0)
                .with(TransferOptions.SPLIT, cohort.split()).with(TransferOptions.VALIDATE_EVERY, b.validateEvery())
                .with(TransferOptions.LEARNING_RATE, LEARNING_RATE).with(TransferOptions.SEED, run.seed())
                .with(TransferOptions.CHECKPOINT_EVERY, Math.max(1, config.transferSteps() / 2))
                .with(TransferOptions.KEEP_CHECKPOINTS, 1).with(TransferOptions.PLOT_EVERY, config.transferSteps())
                .with(TransferOptions.THREADS, config.threads()).with(TransferOptions.RUN_DIR, folder).build();
    }

    private Outcome.Transferred transfer(SubRun.Transfer run, ExperimentData.Cohort cohort,
                                         Map<SubRun.Pretraining, Map<String, INDArray>> backbones, long t0)
            throws IOException, ConfigException {
        SubRun.Pretraining pre = run.pretraining();
        if (pre != null && outcomes.get(pre) instanceof Outcome.Pretrained p && p.status() != Outcome.Status.COMPLETED) {
            Files.createDirectories(run.folder(dir));
            return new Outcome.Transferred(Outcome.Status.NO_BACKBONE, Double.NaN, Map.of(), 0,
                    (System.nanoTime() - t0) / 1e9);
        }
        Path folder = run.folder(dir);
        boolean resume = hasCheckpoint(folder.resolve(RunFolder.CHECKPOINTS))
                && !Files.isRegularFile(folder.resolve(RunFolder.MODEL_GVSL_FILE));
        if (!resume) {
            deleteTree(folder);
            Files.createDirectories(folder);
        }
        TransferTrainer.Builder trainer = TransferTrainer.builder().setConfig(transferConfig(run, cohort, folder))
                .setRunFolder(new TransferRunFolder(new RunFolder(folder))).optResume(resume).optQuiet();
        if (pre != null && !resume) {
            Map<String, INDArray> backbone = backbones.get(pre);
            if (backbone == null) {
                backbone = PretrainedModel.open(pre.folder(dir)).backboneWeights();
                backbones.put(pre, backbone);
            }
            trainer.optBackbone(backbone);
        }
        TransferResult r = trainer.build().run();
        Outcome.Status status = r.status() == TransferResult.Status.COMPLETED ? Outcome.Status.COMPLETED
                : Outcome.Status.NON_FINITE;
        return new Outcome.Transferred(status, r.testSummary(), r.testScores(), r.bestStep(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static boolean hasCheckpoint(Path checkpoints) throws IOException {
        return Files.isDirectory(checkpoints) && CheckpointStore.open(checkpoints, 1).latest().isPresent();
    }

    /** Removes a sub-run folder that holds only an unusable start (no checkpoint, no record). */
    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String describe(SubRun run, Outcome outcome) {
        if (outcome.status() == Outcome.Status.NO_BACKBONE) {
            return "not run: its pre-training stopped";
        }
        if (outcome.status() == Outcome.Status.NON_FINITE) {
            return "stopped by a non-finite value (see " + run.kind() + " in its folder)";
        }
        if (outcome instanceof Outcome.Pretrained p) {
            if (p.registration().isEmpty()) {
                return p.steps() + " steps (restoration only: no registration)";
            }
            return String.format(Locale.ROOT, "%d steps; held-out registration NCC %s → %s, label Dice %s → %s",
                    p.steps(), SummaryMarkdown.score(mean(p.registration(), Outcome.Registration::nccBefore)),
                    SummaryMarkdown.score(mean(p.registration(), Outcome.Registration::nccAfter)),
                    SummaryMarkdown.score(mean(p.registration(), Outcome.Registration::diceBefore)),
                    SummaryMarkdown.score(mean(p.registration(), Outcome.Registration::diceAfter)));
        }
        Outcome.Transferred t = (Outcome.Transferred) outcome;
        SubRun.Transfer tr = (SubRun.Transfer) run;
        return "test " + SummaryMarkdown.metricName(tr.task()) + " " + SummaryMarkdown.score(t.score());
    }

    private static double mean(List<Outcome.Registration> pairs,
                               java.util.function.ToDoubleFunction<Outcome.Registration> value) {
        return pairs.stream().mapToDouble(value).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private ExperimentSummary summary(List<DownstreamTask> tasks) {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= config.seeds(); s++) {
            seeds.add(s);
        }
        return ExperimentSummary.of(outcomes, tasks, seeds, baseline);
    }

    private double totalSeconds() {
        return outcomes.values().stream().mapToDouble(Outcome::seconds).sum();
    }

    /** Rewrites the report; returns its Markdown. */
    private String report(List<DownstreamTask> tasks, ExperimentProgress progress, boolean last) throws IOException {
        ExperimentBudget b = config.budget();
        List<String> notes = new ArrayList<>();
        notes.add("Budget " + b.name().toLowerCase(Locale.ROOT) + ": seeds 1.." + config.seeds() + "; pre-training "
                + b.pretraining().volumes() + " synthetic volumes " + b.pretraining().size() + "³, crops "
                + b.pretraining().crop() + "³, batch " + b.pretraining().batch() + ", " + config.pretrainSteps()
                + " steps per method; transfer crops " + b.transfer().crop() + "³, batch " + b.transfer().batch() + ", "
                + config.transferSteps() + " steps, Adam " + LEARNING_RATE + ".");
        if (b == ExperimentBudget.QUICK) {
            notes.add("Quick run: tiny volumes and a few steps, " + config.seeds() + " seeds; it shows that every part"
                    + " runs, not whether pre-training helps.");
        }
        notes.add(String.format(Locale.ROOT, "%s: %d of %d sub-runs, %s of sub-run time in all.",
                last ? "Complete" : "In progress", outcomes.size(), plan(tasks).size(),
                ExperimentProgress.format(totalSeconds())));
        return ExperimentReport.write(dir, "GVSL transfer experiment", notes, outcomes, baseline, summary(tasks));
    }

    /** Configuration of a {@link TransferExperiment}. */
    public static final class Builder {
        private ExperimentConfig config;
        private ExperimentData.AtlasSource atlasSource = ExperimentData.AtlasSource.MRICRON;
        private PrintStream out = System.out;

        private Builder() {
        }

        /** The experiment's configuration (required; resolved against its budget here). */
        public Builder setConfig(ExperimentConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Where the atlas cohort comes from (default Debian's mricron-data). */
        public Builder optAtlasSource(ExperimentData.AtlasSource source) {
            this.atlasSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Where the lines go (default standard output). */
        public Builder optOut(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** The configured experiment. */
        public TransferExperiment build() {
            if (config == null) {
                throw new IllegalStateException("TransferExperiment needs setConfig(...)");
            }
            return new TransferExperiment(this);
        }
    }
}
