package org.gvsl.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the rest of the machine was while something was measured: the CPU time of all processes minus this
 * process's, over the interval since {@link #start()}, in cores. On the 2-core development machines a benchmark
 * step runs up to 9× slower when another process holds a core (OpenMP threads spin), so every timing is reported
 * with this figure and only runs with others below about 0.1 core are comparable.
 */
public final class MachineLoad {

    private final long totalBusy;
    private final long ownBusy;
    private final long nanos;

    private MachineLoad(long totalBusy, long ownBusy, long nanos) {
        this.totalBusy = totalBusy;
        this.ownBusy = ownBusy;
        this.nanos = nanos;
    }

    /** A reading now; {@link #othersSince()} on it gives the load of other processes since. */
    public static MachineLoad start() {
        return new MachineLoad(totalBusyTicks(), ownTicks(), System.nanoTime());
    }

    /** CPU cores used by other processes on average since this reading (−1 where {@code /proc} is unavailable). */
    public double othersSince() {
        long total = totalBusyTicks();
        long own = ownTicks();
        if (total < 0 || own < 0 || totalBusy < 0) {
            return -1;
        }
        double seconds = (System.nanoTime() - nanos) / 1e9;
        double ticksPerSecond = 100.0; // USER_HZ on Linux
        return Math.max(0, ((total - totalBusy) - (own - ownBusy)) / ticksPerSecond / seconds);
    }

    /** CPU cores used by this process on average since this reading. */
    public double ownSince() {
        double seconds = (System.nanoTime() - nanos) / 1e9;
        return (ownTicks() - ownBusy) / 100.0 / seconds;
    }

    private static long totalBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal …: busy = all − idle − iowait
            long sum = 0;
            for (int i = 1; i < f.length; i++) {
                sum += Long.parseLong(f[i]);
            }
            return sum - Long.parseLong(f[4]) - Long.parseLong(f[5]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ownTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // after the command: state(0) … utime(11) stime(12)
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
