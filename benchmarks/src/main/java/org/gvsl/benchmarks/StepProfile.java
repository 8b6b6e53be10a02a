package org.gvsl.benchmarks;

import org.gvsl.model.backend.NativeBackend;
import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.gvsl.GvslGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A benchmark command: where the memory and the time of one GVSL training step go, by graph part and op type.
 *
 * <p>It builds the graph ({@link StepSetup}), runs warm-up steps, then records one step with {@link OpTrace} and
 * prints: the peak of the op outputs SameDiff holds, with the arrays that never leave (parameters, Adam state,
 * constants), and the resident set before and over that step; the held
 * bytes at the peak by graph part ({@link GraphParts}), forward and backward; the largest arrays held at the
 * peak with the op that wrote them; then the step's time by op type and by part, with the CPU cores each kept
 * busy, SameDiff's own time between ops and the garbage collector's. Memory figures are reliable on a busy
 * machine; times are not (see README).
 *
 * <p>Usage: {@code benchmarks/run StepProfile [--widths paper] [--size 32] [--batch 2] [--warmup 1] [--top 25]
 * [--cache on|off] [--curve FILE.csv]}. {@code --cache} turns ND4J's session array cache on or off
 * (default: as the process starts it); {@code --curve} writes one row per op: index, name, type, part,
 * direction, wall ms, held MB, RSS MB.
 */
public final class StepProfile {

    /** ND4J's switch of the session array cache ({@code ND4JSystemProperties.SAMEDIFF_MEMORY_CACHE_DISABLE}). */
    private static final String CACHE_PROPERTY = "org.nd4j.autodiff.samediff";
    private static final double MB = 1e6;

    private StepProfile() {
    }

    public static void main(String[] args) throws IOException {
        StepSetup setup = new StepSetup();
        int warmup = 1;
        int top = 25;
        String cache = null;
        Path curve = null;
        for (int i = 0; i < args.length; i++) {
            int last = setup.read(args, i);
            if (last >= 0) {
                i = last;
                continue;
            }
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--top" -> top = Integer.parseInt(args[++i]);
                case "--cache" -> cache = args[++i];
                case "--curve" -> curve = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: "
                        + StepSetup.USAGE + " --warmup W --top N --cache on|off --curve FILE.csv");
            }
        }
        if (cache != null) {
            System.setProperty(CACHE_PROPERTY, Boolean.toString(cache.equals("on")));
        }
        System.out.println(NativeBackend.describe());
        GvslGraph graph = setup.graph();
        Map<String, INDArray> inputs = setup.inputs(graph);
        SameDiff sd = graph.sameDiff();
        OpTrace trace = new OpTrace();
        sd.addListeners(trace);
        for (int step = 1; step <= warmup; step++) {
            graph.fit(inputs);
            NativeMemory.releaseAfterStep();
        }
        System.out.printf(Locale.ROOT, "widths %s, %d³, batch %d; %d warm-up step(s); session array cache %s%n",
                setup.widths(), setup.size(), setup.batch(), warmup,
                Boolean.parseBoolean(System.getProperty(CACHE_PROPERTY, "true")) ? "on" : "off");

        resetPeakResident();
        long rssBefore = NativeMemory.residentBytes();
        long gcBefore = gcMillis();
        trace.start();
        long t0 = System.nanoTime();
        graph.fit(inputs);
        long stepNanos = System.nanoTime() - t0;
        long gcMillis = gcMillis() - gcBefore;
        long peakRss = NativeMemory.peakResidentBytes();
        Set<String> forward = new HashSet<>(sd.getOps().keySet());
        List<OpTrace.TracedOp> ops = trace.ops();
        GraphParts parts = new GraphParts(trace.graph(), forward, ops.stream().map(OpTrace.TracedOp::name).toList());

        printMemory(sd, trace, parts, rssBefore, peakRss, top);
        printTime(ops, parts, stepNanos, trace.ownNanos(), gcMillis);
        if (curve != null) {
            writeCurve(curve, ops, parts);
        }
        trace.stop();
    }

    private static void printMemory(SameDiff sd, OpTrace trace, GraphParts parts, long rssBefore, long peakRss,
                                    int top) {
        Runtime runtime = Runtime.getRuntime();
        long heapCommitted = runtime.totalMemory();
        long heapUsed = heapCommitted - runtime.freeMemory();
        List<OpTrace.TracedOp> ops = trace.ops();
        OpTrace.TracedOp peak = ops.get(trace.peakOp());
        long maxRss = ops.stream().mapToLong(OpTrace.TracedOp::rssBytes).max().orElse(0);
        long params = bytesOf(sd, VariableType.VARIABLE);
        long constants = bytesOf(sd, VariableType.CONSTANT);
        long adam = 0;
        for (GradientUpdater<?> u : sd.getUpdaterMap().values()) {
            for (INDArray state : u.getState().values()) {
                adam += state.length() * state.data().getElementSize();
            }
        }
        System.out.printf(Locale.ROOT, "%n== memory of the step (%d ops) ==%n", ops.size());
        System.out.printf(Locale.ROOT, "op outputs written          %8.1f MB in %d arrays%n", trace.writtenBytes() / MB,
                trace.writtenArrays());
        System.out.printf(Locale.ROOT, "op outputs held, peak      %8.1f MB after op %d of %d: %s (%s, %s)%n",
                peak.heldBytes() / MB, peak.index() + 1, ops.size(), peak.name(), peak.type(),
                parts.backward(peak.name()) ? "backward" : "forward");
        System.out.printf(Locale.ROOT, "parameters                 %8.1f MB%n", params / MB);
        System.out.printf(Locale.ROOT, "Adam state (m, v)          %8.1f MB%n", adam / MB);
        System.out.printf(Locale.ROOT, "constants                  %8.1f MB%n", constants / MB);
        System.out.printf(Locale.ROOT, "sum at the peak            %8.1f MB%n",
                (peak.heldBytes() + params + adam + constants) / MB);
        System.out.printf(Locale.ROOT, "resident set: %.1f MB before the step, %.1f MB at the peak, %.1f MB at most "
                + "after an op, peak %.1f MB (VmHWM); Java heap %.1f MB used of %.1f MB committed%n", rssBefore / MB,
                peak.rssBytes() / MB, maxRss / MB, peakRss / MB, heapUsed / MB, heapCommitted / MB);

        List<OpTrace.TracedArray> held = trace.heldAtPeak();
        Function<OpTrace.TracedArray, String> opName = a -> ops.get(a.op()).name();
        Map<String, long[]> byPart = new TreeMap<>();
        for (OpTrace.TracedArray a : held) {
            long[] row = byPart.computeIfAbsent(parts.ofOp(opName.apply(a)), k -> new long[4]);
            int column = parts.backward(opName.apply(a)) ? 2 : 0;
            row[column] += a.bytes();
            row[column + 1]++;
        }
        System.out.printf(Locale.ROOT, "%nheld at the peak, by graph part%n%-34s %11s %7s %11s %7s%n",
                "part", "forward MB", "arrays", "backward MB", "arrays");
        long[] sum = new long[4];
        byPart.forEach((part, row) -> {
            System.out.printf(Locale.ROOT, "%-34s %11.1f %7d %11.1f %7d%n", part, row[0] / MB, row[1], row[2] / MB,
                    row[3]);
            for (int i = 0; i < 4; i++) {
                sum[i] += row[i];
            }
        });
        System.out.printf(Locale.ROOT, "%-34s %11.1f %7d %11.1f %7d%n", "all", sum[0] / MB, sum[1], sum[2] / MB, sum[3]);

        Map<String, long[]> byType = new TreeMap<>();
        for (OpTrace.TracedArray a : held) {
            long[] row = byType.computeIfAbsent(ops.get(a.op()).type(), k -> new long[2]);
            row[0] += a.bytes();
            row[1]++;
        }
        System.out.printf(Locale.ROOT, "%nheld at the peak, by the type of the op that wrote them%n%-28s %10s %7s%n",
                "op type", "MB", "arrays");
        byType.entrySet().stream().sorted(Comparator.comparingLong(e -> -e.getValue()[0])).forEach(e ->
                System.out.printf(Locale.ROOT, "%-28s %10.1f %7d%n", e.getKey(), e.getValue()[0] / MB, e.getValue()[1]));

        System.out.printf(Locale.ROOT, "%nlargest arrays held at the peak%n%9s  %-9s %-24s %-34s %-22s %s%n",
                "MB", "direction", "op type", "part", "shape", "variable");
        held.stream().sorted(Comparator.comparingLong(a -> -a.bytes())).limit(top).forEach(a -> {
            String op = opName.apply(a);
            System.out.printf(Locale.ROOT, "%9.1f  %-9s %-24s %-34s %-22s %s%n", a.bytes() / MB,
                    parts.backward(op) ? "backward" : "forward", ops.get(a.op()).type(), parts.ofOp(op),
                    Arrays.toString(a.shape()), a.variable());
        });
    }

    private static void printTime(List<OpTrace.TracedOp> ops, GraphParts parts, long stepNanos, long ownNanos,
                                  long gcMillis) {
        long opWall = ops.stream().mapToLong(OpTrace.TracedOp::wallNanos).sum();
        long opCpu = ops.stream().mapToLong(OpTrace.TracedOp::cpuNanos).sum();
        double step = (stepNanos - ownNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%n== time of the step ==%n");
        System.out.printf(Locale.ROOT, "step %.2f s (profiler's own %.2f s taken out): ops %.2f s at %.2f cores, "
                        + "SameDiff between ops %.2f s, garbage collector %.2f s%n", step, ownNanos / 1e9,
                opWall / 1e9, opWall == 0 ? 0 : (double) opCpu / opWall, step - opWall / 1e9, gcMillis / 1e3);
        table("by op type", ops, op -> op.type(), step);
        table("by graph part and direction", ops,
                op -> parts.ofOp(op.name()) + (parts.backward(op.name()) ? " (bwd)" : " (fwd)"), step);
    }

    private static void table(String title, List<OpTrace.TracedOp> ops, Function<OpTrace.TracedOp, String> key,
                              double step) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (OpTrace.TracedOp op : ops) {
            long[] row = rows.computeIfAbsent(key.apply(op), k -> new long[3]);
            row[0]++;
            row[1] += op.wallNanos();
            row[2] += op.cpuNanos();
        }
        System.out.printf(Locale.ROOT, "%n%s%n%-40s %6s %9s %7s %6s%n", title, "", "calls", "s", "share", "cores");
        rows.entrySet().stream().sorted(Comparator.comparingLong(e -> -e.getValue()[1])).forEach(e -> {
            long[] r = e.getValue();
            System.out.printf(Locale.ROOT, "%-40s %6d %9.3f %6.1f%% %6.2f%n", e.getKey(), r[0], r[1] / 1e9,
                    100 * r[1] / 1e9 / step, r[1] == 0 ? 0 : (double) r[2] / r[1]);
        });
    }

    private static void writeCurve(Path file, List<OpTrace.TracedOp> ops, GraphParts parts) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("index,op,type,part,direction,wall_ms,held_mb,rss_mb");
            for (OpTrace.TracedOp op : ops) {
                w.printf(Locale.ROOT, "%d,%s,%s,%s,%s,%.3f,%.1f,%.1f%n", op.index(), op.name(), op.type(),
                        parts.ofOp(op.name()), parts.backward(op.name()) ? "backward" : "forward",
                        op.wallNanos() / 1e6, op.heldBytes() / MB, op.rssBytes() / MB);
            }
        }
        System.out.println("curve: " + file);
    }

    private static long bytesOf(SameDiff sd, VariableType type) {
        long bytes = 0;
        for (SDVariable v : new ArrayList<>(sd.variables())) {
            if (v.getVariableType() == type && v.getArr() != null) {
                bytes += v.getArr().length() * v.getArr().data().getElementSize();
            }
        }
        return bytes;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Resets the kernel's peak resident set (VmHWM) of this process, so that it covers the recorded step. */
    private static void resetPeakResident() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            System.out.println("(cannot reset the peak resident set: " + e.getMessage() + ")");
        }
    }
}
