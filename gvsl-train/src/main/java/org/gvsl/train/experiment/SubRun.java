package org.gvsl.train.experiment;

import java.nio.file.Path;

/**
 * One unit of the experiment's plan, run in its own folder under the experiment folder: the pre-training of a
 * method for a seed ({@code seed-S/pretrain-METHOD/}, a {@code gvsl pretrain} run folder), or one transfer run of a
 * method's backbone ({@code seed-S/METHOD/PROTOCOL-TASK/}, a {@code gvsl finetune}/{@code gvsl linear} run folder).
 * Each folder holds the experiment's record of how its run ended ({@link OutcomeFile}) once it has.
 */
public sealed interface SubRun permits SubRun.Pretraining, SubRun.Transfer {

    /** The experiment seed. */
    long seed();

    /** The method. */
    Method method();

    /** The run's folder in the experiment folder. */
    Path folder(Path experiment);

    /** For progress lines, e.g. {@code seed 2 · GVSL w/o affine · linear · synthetic structures}. */
    String label();

    /** Runs of one kind take about as long (for the ETA): the method's pre-training, or protocol and task. */
    String kind();

    /** The folder of a seed's runs. */
    static Path seedFolder(Path experiment, long seed) {
        return experiment.resolve("seed-" + seed);
    }

    /**
     * The pre-training of a method.
     *
     * @param seed   the experiment seed, also the pre-training's
     * @param method a method that pre-trains
     */
    record Pretraining(long seed, Method method) implements SubRun {
        /** @throws IllegalArgumentException for {@link Method#SCRATCH} */
        public Pretraining {
            if (!method.pretrains()) {
                throw new IllegalArgumentException(method.label() + " has no pre-training");
            }
        }

        @Override
        public Path folder(Path experiment) {
            return seedFolder(experiment, seed).resolve("pretrain-" + method.id());
        }

        @Override
        public String label() {
            return "seed " + seed + " · " + method.label() + " · pre-training";
        }

        @Override
        public String kind() {
            return "pretrain " + method.id();
        }
    }

    /**
     * A transfer run.
     *
     * @param seed     the experiment seed, also the run's
     * @param method   where the backbone comes from
     * @param protocol linear or fine-tuning
     * @param task     the downstream task
     */
    record Transfer(long seed, Method method, Protocol protocol, DownstreamTask task) implements SubRun {
        @Override
        public Path folder(Path experiment) {
            return seedFolder(experiment, seed).resolve(method.id()).resolve(protocol.id() + "-" + task.id());
        }

        @Override
        public String label() {
            return "seed " + seed + " · " + method.label() + " · " + protocol.label() + " · " + task.label();
        }

        @Override
        public String kind() {
            return protocol.id() + " " + task.id();
        }

        /** The pre-training this run's backbone comes from ({@code null} for scratch). */
        public Pretraining pretraining() {
            return method.pretrains() ? new Pretraining(seed, method) : null;
        }
    }
}
