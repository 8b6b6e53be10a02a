"""Tests of authors_kernels.py's timing helper (standard library only). Run by CompareAuthorsTest."""
import unittest
from unittest import mock

import authors_kernels as ak


class MedianTest(unittest.TestCase):

    def test_one_warm_up_call_then_the_median_of_the_repeats_in_ms(self):
        calls = []
        # perf_counter pairs (start, end) of the three timed calls: 2 ms, 7 ms, 3 ms
        clock = iter([0.0, 0.002, 1.0, 1.007, 2.0, 2.003])
        with mock.patch.object(ak.time, "perf_counter", lambda: next(clock)):
            median = ak.median_ms(lambda: calls.append(1), 3)
        self.assertEqual(4, len(calls))
        self.assertAlmostEqual(3.0, median, places=6)


if __name__ == "__main__":
    unittest.main()
