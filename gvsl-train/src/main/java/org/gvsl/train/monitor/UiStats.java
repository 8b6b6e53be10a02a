package org.gvsl.train.monitor;

import org.gvsl.model.gvsl.GvslGraph;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.ListenerResponse;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.listeners.impl.UIListener;
import org.nd4j.autodiff.listeners.records.LossCurve;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * DL4J training-UI statistics of a run ({@code ui-stats.bin}): SameDiff's {@link UIListener} writing the graph
 * structure, the total loss of every step, and every {@value #EVERY} steps the learning rate, the
 * update-to-parameter ratios and performance statistics. A resumed run appends to the file. {@link TrainingUi}
 * ({@code gvsl ui}) shows it in DL4J's UI (module {@code deeplearning4j-ui}), whose SameDiff page loads such a file.
 *
 * <p>Why the loss goes through {@link #stepDone}: SameDiff hands listeners the value of the loss variable, but
 * computes that variable only if some op needs it, and for the GVSL graph none does ({@link GvslGraph#fit} forms
 * the total from its terms), so the UI would show a loss of 0; requesting the variable through a listener does not
 * help in ND4J 1.0.0-M2.1 (the requested training variables are collected but not passed on). So the listener
 * here holds back the end of each iteration until the trainer reports the step's true total.
 */
public final class UiStats {

    /** The file name in the run folder. */
    public static final String FILE = "ui-stats.bin";
    /** Steps between the less frequent statistics. */
    static final int EVERY = 10;

    private final DeferredLoss listener;

    private UiStats(DeferredLoss listener) {
        this.listener = listener;
    }

    /** Adds the statistics listener to {@code sd}, writing to {@code file}. */
    public static UiStats attach(SameDiff sd, Path file) {
        UIListener ui = UIListener.builder(file.toFile())
                .plotLosses(1)
                .learningRate(EVERY)
                .updateRatios(EVERY)
                .performanceStats(EVERY)
                .build();
        DeferredLoss listener = new DeferredLoss(ui);
        sd.addListeners(listener);
        return new UiStats(listener);
    }

    /** Records the total loss of the step that just finished ({@link GvslGraph#LOSS_TOTAL} of its terms). */
    public void stepDone(double totalLoss) {
        listener.finish(totalLoss);
    }

    /** Passes every event to the UI listener except the end of an iteration, which waits for {@link #finish}. */
    private static final class DeferredLoss implements Listener {
        private final UIListener ui;
        private SameDiff pendingSd;
        private At pendingAt;

        DeferredLoss(UIListener ui) {
            this.ui = ui;
        }

        void finish(double totalLoss) {
            if (pendingAt != null) {
                ui.iterationDone(pendingSd, pendingAt, null, new Loss(List.of(GvslGraph.LOSS_TOTAL),
                        new double[] {totalLoss}));
                pendingSd = null;
                pendingAt = null;
            }
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
            pendingSd = sd;
            pendingAt = Objects.requireNonNull(at, "at");
        }

        @Override
        public ListenerVariables requiredVariables(SameDiff sd) {
            return ui.requiredVariables(sd);
        }

        @Override
        public boolean isActive(Operation operation) {
            return ui.isActive(operation);
        }

        @Override
        public void epochStart(SameDiff sd, At at) {
            ui.epochStart(sd, at);
        }

        @Override
        public ListenerResponse epochEnd(SameDiff sd, At at, LossCurve lossCurve, long epochTimeMillis) {
            return ui.epochEnd(sd, at, lossCurve, epochTimeMillis);
        }

        @Override
        public ListenerResponse validationDone(SameDiff sd, At at, long validationTimeMillis) {
            return ui.validationDone(sd, at, validationTimeMillis);
        }

        @Override
        public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlTimeMs) {
            ui.iterationStart(sd, at, data, etlTimeMs);
        }

        @Override
        public void operationStart(SameDiff sd, Operation op) {
            ui.operationStart(sd, op);
        }

        @Override
        public void operationEnd(SameDiff sd, Operation op) {
            ui.operationEnd(sd, op);
        }

        @Override
        public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
            ui.preOpExecution(sd, at, op, opContext);
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                                INDArray[] outputs) {
            ui.opExecution(sd, at, batch, op, opContext, outputs);
        }

        @Override
        public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                        INDArray activation) {
            ui.activationAvailable(sd, at, batch, op, varName, activation);
        }

        @Override
        public void preUpdate(SameDiff sd, At at, Variable v, INDArray update) {
            ui.preUpdate(sd, at, v, update);
        }
    }
}
