"""Tests of compare_authors.py's parsing and arithmetic (standard library only). Run by CompareAuthorsTest."""
import contextlib
import io
import unittest

import compare_authors as ca

TIME_V = """\tCommand being timed: "benchmarks/run TrainingStepMemory"
\tUser time (seconds): 12.50
\tSystem time (seconds): 1.25
\tPercent of CPU this job got: 180%
\tMaximum resident set size (kbytes): 4000000
\tExit status: 0
"""


def measured(step, rss, others=0.0):
    return {"step": step, "rss": rss, "others": others}


class ParsingTest(unittest.TestCase):

    def test_time_v_gives_peak_rss_in_mb_and_cpu_seconds(self):
        rss, cpu = ca.parse_time_v(TIME_V)
        self.assertAlmostEqual(4000000 * 1024 / 1e6, rss)  # 4096.0 MB
        self.assertAlmostEqual(13.75, cpu)

    def test_time_v_rejects_other_text(self):
        with self.assertRaisesRegex(ValueError, "not the output of /usr/bin/time -v"):
            ca.parse_time_v("Command terminated by signal 9")

    def test_closing_line_is_the_last_one(self):
        text = ("step 1 4.1 s\nmedian step 9.99 s over 1 steps; peak RSS 1 MB\n"
                "median step 4.47 s over 98 steps; peak RSS 4400 MB\n")
        self.assertEqual((4.47, 98), ca.parse_closing_line(text))
        self.assertIsNone(ca.parse_closing_line("step 1 4.1 s\n"))

    def test_closing_line_parses_what_both_sides_print(self):
        import authors_step
        self.assertEqual((2.35, 3), ca.parse_closing_line(authors_step.closing_line(2.345001, 3, 1234.4)))

    def test_threads_as_both_sides_report_them(self):
        self.assertEqual(2, ca.parse_threads("ND4J backend CpuBackend, native binary onednn, oneDNN yes, 2 threads\n"))
        self.assertEqual(1, ca.parse_threads("authors' code /a, torch 1.13.0, 1 threads, CPU\n"))
        self.assertIsNone(ca.parse_threads("step 1\n"))

    def test_busy_ticks_leave_out_idle_and_iowait(self):
        # cpu user nice system idle iowait irq softirq steal
        self.assertEqual(10 + 2 + 3 + 1 + 1 + 4, ca.busy_ticks("cpu  10 2 3 500 7 1 1 4 0 0\ncpu0 1 1 1 1 1\n"))

    def test_others_subtract_the_process_own_cpu(self):
        # 150 busy ticks = 1.5 core-seconds over 1 s; the process used 1.2 of them
        self.assertAlmostEqual(0.3, ca.others_cores(1000, 1150, 1.2, 1.0))
        self.assertEqual(0.0, ca.others_cores(1000, 1100, 1.2, 1.0))  # clock granularity never goes negative


class SummaryTest(unittest.TestCase):

    def test_medians_and_ratio_of_rounds(self):
        rounds = [
            {"theirs": measured(2.0, 1000, 0.01), "ours": measured(4.0, 4000, 0.02)},
            {"theirs": measured(3.0, 1200, 0.00), "ours": measured(3.0, 3600, 0.05)},
            {"theirs": measured(2.5, 1100, 0.03), "ours": measured(5.0, 4400, 0.01)},
        ]
        row = ca.summarise(32, rounds)
        self.assertEqual(2.5, row["theirs_step"])
        self.assertEqual(4.0, row["ours_step"])
        self.assertEqual(1100, row["theirs_rss"])
        self.assertEqual(4000, row["ours_rss"])
        self.assertEqual(2.0, row["step_ratio"])  # per round: 2.0, 1.0, 2.0
        self.assertEqual((1.0, 2.0), row["step_range"])
        self.assertEqual(4.0, row["rss_ratio"])  # per round: 4.0, 3.0, 4.0
        self.assertEqual(0.05, row["others_max"])
        self.assertEqual("| 32³ | 2.50 | 4.00 | 2.00 (1.00–2.00) | 1100 MB | 4000 MB | 4.00 (3.00–4.00) "
                         "| 0.05 cores | 3 |", ca.table_row(row))

    def test_a_failed_process_leaves_its_round_out_of_the_ratio_and_is_counted(self):
        rounds = [{"theirs": measured(2.0, 1000), "ours": None},
                  {"theirs": measured(4.0, 1000), "ours": measured(6.0, 3000)}]
        row = ca.summarise(64, rounds)
        self.assertEqual(3.0, row["theirs_step"])
        self.assertEqual(1.5, row["step_ratio"])
        self.assertTrue(ca.table_row(row).endswith("| 2 (ok: theirs 2, ours 1) |"))


class CommandTest(unittest.TestCase):

    def test_ours_is_training_step_memory_with_its_options(self):
        args = type("Args", (), dict(root="/r", python="/usr/bin/python3", repo="/a", widths="paper", threads=2,
                                     affine="detached", batch=2, steps=5, warmup=2))()
        cmds = ca.commands(args, 64)
        self.assertEqual(["/r/benchmarks/run", "TrainingStepMemory", "--widths", "paper", "--size", "64",
                          "--batch", "2", "--steps", "5", "--warmup", "2"], cmds["ours"])
        self.assertEqual(["/usr/bin/python3", "/r/benchmarks/python/authors_step.py", "--repo", "/a", "--widths",
                          "paper", "--threads", "2", "--affine", "detached", "--size", "64", "--batch", "2",
                          "--steps", "5", "--warmup", "2"], cmds["theirs"])
        self.assertEqual(["theirs", "ours"], list(cmds))  # theirs first in every round

    def test_missing_repo_is_a_usage_error_naming_the_option(self):
        err = io.StringIO()
        with self.assertRaises(SystemExit) as exit_, contextlib.redirect_stderr(err):
            ca.parse_args(["--repo", "/nonexistent/gvsl"])
        self.assertEqual(2, exit_.exception.code)
        self.assertIn("--repo /nonexistent/gvsl: no PyTorch/models/gvsl.py there", err.getvalue())

    def test_our_malloc_setting_is_what_the_launcher_hands_over(self):
        environ = {"GVSL_ALLOCATOR_SETTING": "glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0\n"}
        self.assertEqual("glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0", ca.our_malloc_setting(environ))

    def test_no_setting_handed_over_is_an_error_naming_the_launcher(self):
        with self.assertRaises(SystemExit) as exit_:
            ca.our_malloc_setting({})
        self.assertIn("run benchmarks/compare-authors", str(exit_.exception.code))


if __name__ == "__main__":
    unittest.main()
