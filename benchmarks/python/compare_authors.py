#!/usr/bin/env python3
"""Side by side: the authors' GVSL training step (authors_step.py) and ours (benchmarks/run TrainingStepMemory).

Run through benchmarks/compare-authors, which builds ours first. For each crop size, rounds alternate: theirs, ours,
theirs, ours, … Each process runs under ``/usr/bin/time -v`` (its peak RSS) and reports the median step time in
its closing line ``median step X s over N steps; peak RSS Y MB``; the CPU time other processes used while it ran
(MachineLoad's figure: all busy CPU time from /proc/stat minus the process's own, per second) is recorded for every
process. The result is a Markdown table, a row per size (printed last, and kept as table.md beside the logs):
medians over the rounds, and the ratios ours/theirs as the median (and range) of the per-round ratios, so a drift
of the machine's speed between rounds cancels.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

CLOSING = re.compile(r"median step ([0-9.]+|NaN) s over (\d+) steps; peak RSS (\d+) MB")
MAX_RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
USER = re.compile(r"User time \(seconds\): ([0-9.]+)")
SYSTEM = re.compile(r"System time \(seconds\): ([0-9.]+)")
THREADS = re.compile(r"(\d+) threads")  # both sides' first line names the math threads in effect
TICKS_PER_SECOND = 100.0  # USER_HZ on Linux, as MachineLoad
SIDES = ("theirs", "ours")


def parse_closing_line(text):
    """(median step seconds, timed step count) from the last closing line in text, or None."""
    found = CLOSING.findall(text)
    if not found:
        return None
    median, count, _ = found[-1]
    return float(median), int(count)


def parse_threads(text):
    """The math thread count a process reported in its first lines, or None."""
    found = THREADS.search(text)
    return int(found.group(1)) if found else None


def parse_time_v(text):
    """(peak RSS in MB, CPU seconds user + system) from GNU time -v output."""
    rss = MAX_RSS.search(text)
    user, system = USER.search(text), SYSTEM.search(text)
    if not (rss and user and system):
        raise ValueError("not the output of /usr/bin/time -v: " + text[-300:])
    return int(rss.group(1)) * 1024 / 1e6, float(user.group(1)) + float(system.group(1))


def busy_ticks(stat_text):
    """Busy CPU ticks of all cores from the first line of /proc/stat: all fields but idle and iowait."""
    fields = [int(f) for f in stat_text.splitlines()[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4]


def read_busy_ticks():
    with open("/proc/stat") as stat:
        return busy_ticks(stat.read())


def others_cores(ticks_before, ticks_after, own_cpu_seconds, wall_seconds):
    """Cores used by other processes on average: busy time of all minus the process's own, per wall second."""
    return max(0.0, ((ticks_after - ticks_before) / TICKS_PER_SECOND - own_cpu_seconds) / wall_seconds)


def per_round_ratios(rounds, key):
    """ours/theirs of one measurement, for each round where both sides succeeded."""
    return [r["ours"][key] / r["theirs"][key] for r in rounds if r.get("ours") and r.get("theirs")]


def summarise(size, rounds):
    """The table row's numbers for one size: medians over the rounds of each side, and the ratio statistics."""
    row = {"size": size, "rounds": len(rounds)}
    for side in SIDES:
        ok = [r[side] for r in rounds if r.get(side)]
        row[side + "_ok"] = len(ok)
        row[side + "_step"] = statistics.median(m["step"] for m in ok) if ok else float("nan")
        row[side + "_rss"] = statistics.median(m["rss"] for m in ok) if ok else float("nan")
    for key in ("step", "rss"):
        ratios = per_round_ratios(rounds, key)
        row[key + "_ratio"] = statistics.median(ratios) if ratios else float("nan")
        row[key + "_range"] = (min(ratios), max(ratios)) if ratios else (float("nan"), float("nan"))
    others = [r[side]["others"] for r in rounds for side in SIDES if r.get(side)]
    row["others_max"] = max(others) if others else float("nan")
    return row


TABLE_HEADER = ("| crop | theirs s/step | ours s/step | time ours/theirs | theirs peak RSS | ours peak RSS "
                "| RSS ours/theirs | others (max) | rounds |\n|---|---|---|---|---|---|---|---|---|")


def table_row(row):
    """One Markdown row: medians, then ratio median (range over rounds)."""
    def ratio(key):
        low, high = row[key + "_range"]
        return "%.2f (%.2f–%.2f)" % (row[key + "_ratio"], low, high)

    rounds = "%d" % row["rounds"]
    if row["theirs_ok"] != row["rounds"] or row["ours_ok"] != row["rounds"]:
        rounds += " (ok: theirs %d, ours %d)" % (row["theirs_ok"], row["ours_ok"])
    return "| %d³ | %.2f | %.2f | %s | %.0f MB | %.0f MB | %s | %.2f cores | %s |" % (
        row["size"], row["theirs_step"], row["ours_step"], ratio("step"), row["theirs_rss"], row["ours_rss"],
        ratio("rss"), row["others_max"], rounds)


def commands(args, size):
    """The two commands of a round at one size, keyed by side."""
    steps = ["--size", str(size), "--batch", str(args.batch), "--steps", str(args.steps), "--warmup", str(args.warmup)]
    theirs = [args.python, os.path.join(args.root, "benchmarks", "python", "authors_step.py"), "--repo", args.repo,
              "--widths", args.widths, "--threads", str(args.threads), "--affine", args.affine] + steps
    ours = [os.path.join(args.root, "benchmarks", "run"), "TrainingStepMemory", "--widths", args.widths] + steps
    return {"theirs": theirs, "ours": ours}


def run_measured(command, log_path, env):
    """Runs command under /usr/bin/time -v with its output in log_path; its measurements, or None on failure."""
    time_path = log_path + ".time"
    before, t0 = read_busy_ticks(), time.monotonic()
    with open(log_path, "w") as log:
        code = subprocess.call(["/usr/bin/time", "-v", "-o", time_path] + command, stdout=log,
                               stderr=subprocess.STDOUT, env=env)
    wall, after = time.monotonic() - t0, read_busy_ticks()
    with open(log_path) as log:
        output = log.read()
    closing = parse_closing_line(output)
    if code != 0 or closing is None:
        tail = "\n    ".join(output.strip().splitlines()[-5:])
        print("  FAILED (exit %d), see %s:\n    %s" % (code, log_path, tail), flush=True)
        return None
    with open(time_path) as timing:
        rss, cpu = parse_time_v(timing.read())
    return {"step": closing[0], "steps": closing[1], "rss": rss, "cpu": cpu, "wall": wall,
            "others": others_cores(before, after, cpu, wall), "threads": parse_threads(output)}


def machine():
    """The CPU model and core count, for the table's caption."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %d cores" % (model, os.cpu_count() or 0)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="benchmarks/compare-authors", description=__doc__.split("\n")[0])
    parser.add_argument("--repo", default=os.environ.get("GVSL_AUTHORS_REPO"),
                        help="checkout of github.com/YutingHe-list/GVSL (default $GVSL_AUTHORS_REPO)")
    parser.add_argument("--sizes", default="32,64", help="comma-separated crop sides (default 32,64)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per size, each theirs then ours (3)")
    parser.add_argument("--steps", type=int, default=5, help="steps per process, warm-up included (5)")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up steps left out of the median (2)")
    parser.add_argument("--threads", type=int, default=2, help="math threads of both sides (2)")
    parser.add_argument("--batch", type=int, default=2, help="batch size (2)")
    parser.add_argument("--widths", default="paper", help="paper|narrow|c0,…,c8 (paper)")
    parser.add_argument("--affine", choices=("detached", "trained"), default="detached",
                        help="their affine head: detached as their code (default), or trained as ours")
    parser.add_argument("--python", default="/usr/bin/python3", help="Python with torch for their code")
    parser.add_argument("--their-malloc", choices=("default", "ours"), default="default",
                        help="glibc malloc setting of their process: glibc's defaults, as they ship, or the "
                             "GLIBC_TUNABLES ours runs with (default: default)")
    parser.add_argument("--logs", help="folder for each process's output (default: a new temporary folder)")
    parser.add_argument("--smoke", action="store_true",
                        help="a quick end-to-end check: narrow widths, 16³, 1 round, 1 step, 1 thread")
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.rounds, args.steps, args.warmup, args.threads, args.widths = "16", 1, 1, 0, 1, "narrow"
    if not args.repo:
        parser.error("--repo DIR is required (or set GVSL_AUTHORS_REPO): a checkout of "
                     "github.com/YutingHe-list/GVSL, e.g. git clone https://github.com/YutingHe-list/GVSL")
    if not os.path.isfile(os.path.join(args.repo, "PyTorch", "models", "gvsl.py")):
        parser.error("--repo %s: no PyTorch/models/gvsl.py there" % args.repo)
    try:
        args.sizes = [int(s) for s in args.sizes.split(",")]
    except ValueError:
        parser.error("--sizes must be comma-separated integers, got %r" % args.sizes)
    for name in ("rounds", "steps", "threads", "batch"):
        if getattr(args, name) < 1:
            parser.error("--%s must be ≥ 1, got %d" % (name, getattr(args, name)))
    if not 0 <= args.warmup < args.steps:
        parser.error("--warmup must lie in [0, --steps), got %d with --steps %d" % (args.warmup, args.steps))
    if not os.access("/usr/bin/time", os.X_OK):
        parser.error("/usr/bin/time is missing (Debian: apt-get install time)")
    return args


def our_malloc_setting(environ):
    """The GLIBC_TUNABLES our launchers set, as benchmarks/compare-authors hands it over (GVSL_ALLOCATOR_SETTING)."""
    setting = environ.get("GVSL_ALLOCATOR_SETTING", "").strip()
    if not setting:
        raise SystemExit("--their-malloc ours: GVSL_ALLOCATOR_SETTING is empty; run benchmarks/compare-authors, which "
                         "sets it from the build")
    return setting


def main(argv=None):
    args = parse_args(argv)
    logs = args.logs or tempfile.mkdtemp(prefix="compare-authors-")
    os.makedirs(logs, exist_ok=True)
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), MKL_NUM_THREADS=str(args.threads))
    their_env = dict(env)
    if args.their_malloc == "ours":
        their_env["GLIBC_TUNABLES"] = our_malloc_setting(os.environ)
    print("GVSL training step, theirs (%s, affine head %s, %s malloc) vs ours; widths %s, batch %d, %d threads, "
          "%d steps (%d warm-up) per process, %d rounds; %s; logs in %s"
          % (args.repo, args.affine, args.their_malloc, args.widths, args.batch, args.threads, args.steps,
             args.warmup, args.rounds, machine(), logs), flush=True)
    rows, failed = [], False
    for size in args.sizes:
        rounds = []
        for r in range(1, args.rounds + 1):
            measured = {}
            for side, command in commands(args, size).items():
                log_path = os.path.join(logs, "%s-%d-round%d.log" % (side, size, r))
                side_env = their_env if side == "theirs" else env
                measured[side] = m = run_measured(command, log_path, side_env)
                failed |= m is None
                if m:
                    print("%d³ round %d %-6s  median step %7.2f s over %d  peak RSS %6.0f MB  others %.2f cores  "
                          "%s threads" % (size, r, side, m["step"], m["steps"], m["rss"], m["others"], m["threads"]),
                          flush=True)
                    if m["threads"] != args.threads:
                        print("  WARNING: %s ran with %s math threads, not %d" % (side, m["threads"], args.threads))
            rounds.append(measured)
        rows.append(summarise(size, rounds))
    table = "\n".join([TABLE_HEADER] + [table_row(row) for row in rows]) + "\n"
    with open(os.path.join(logs, "table.md"), "w") as out:
        out.write(table)
    print()
    print(table, end="")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
