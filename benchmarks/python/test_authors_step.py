"""Tests of authors_step.py: the batched affine matrix against hand-computed matrices and, where a checkout of the
authors' repository is given ($GVSL_AUTHORS_REPO), against theirs. Needs torch; run by CompareAuthorsTest."""
import math
import os
import unittest

import authors_step

try:
    import torch
except ImportError:  # the Java test runs these only where torch is installed
    torch = None


def matrix(rot=(0, 0, 0), scale=(1, 1, 1), translate=(0, 0, 0), shear=(0, 0, 0, 0, 0, 0)):
    """The batched function on one row, as a [3, 4] double tensor."""
    rows = [torch.tensor([v], dtype=torch.float64) for v in (rot, scale, translate, shear)]
    return authors_step.batched_affine_matrix(*rows)[0]


@unittest.skipIf(torch is None, "torch is not installed")
class BatchedAffineMatrixTest(unittest.TestCase):

    def assert_matrix(self, expected, actual):
        self.assertLess((torch.tensor(expected, dtype=torch.float64) - actual).abs().max().item(), 1e-12)

    def test_identity_with_translation_appended(self):
        self.assert_matrix([[1, 0, 0, 0.1], [0, 1, 0, 0.2], [0, 0, 1, 0.3]], matrix(translate=(0.1, 0.2, 0.3)))

    def test_rotations_about_each_coordinate(self):
        q = math.pi / 2
        self.assert_matrix([[1, 0, 0, 0], [0, 0, -1, 0], [0, 1, 0, 0]], matrix(rot=(q, 0, 0)))
        self.assert_matrix([[0, 0, 1, 0], [0, 1, 0, 0], [-1, 0, 0, 0]], matrix(rot=(0, q, 0)))
        self.assert_matrix([[0, -1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0]], matrix(rot=(0, 0, q)))

    def test_scale_applies_after_rotation(self):
        # S · Rz = diag(2, 3, 4) · [[0, −1, 0], [1, 0, 0], [0, 0, 1]]; Rz · S would give [[0, −3, 0], [2, 0, 0], …]
        self.assert_matrix([[0, -2, 0, 0], [3, 0, 0, 0], [0, 0, 4, 0]],
                           matrix(rot=(0, 0, math.pi / 2), scale=(2, 3, 4)))

    def test_shear_through_tan_applies_last_in_its_layout(self):
        # Sh · S with tan(xy) = 1: [[1, 1, 0], [0, 1, 0], [0, 0, 1]] · diag(2, 1, 1); S · Sh would give [2, 2, 0]
        self.assert_matrix([[2, 1, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]],
                           matrix(scale=(2, 1, 1), shear=(math.pi / 4, 0, 0, 0, 0, 0)))
        t = math.tan(0.1)
        self.assert_matrix([[1, 0, 0, 0], [0, 1, t, 0], [0, 0, 1, 0]], matrix(shear=(0, 0, 0, 0.1, 0, 0)))
        self.assert_matrix([[1, 0, 0, 0], [0, 1, 0, 0], [0, t, 1, 0]], matrix(shear=(0, 0, 0, 0, 0, 0.1)))

    def test_rows_of_a_batch_are_independent_and_differentiable(self):
        generator = torch.Generator().manual_seed(3)
        rot = torch.rand(3, 3, generator=generator, requires_grad=True)
        others = [torch.rand(3, k, generator=generator) for k in (3, 3, 6)]
        batched = authors_step.batched_affine_matrix(rot, *others)
        for i in range(3):
            alone = authors_step.batched_affine_matrix(rot[i:i + 1], *(o[i:i + 1] for o in others))
            self.assertTrue(torch.equal(alone[0], batched[i]))
        batched.sum().backward()
        self.assertGreater(rot.grad.abs().min().item(), 0)

    @unittest.skipUnless(os.environ.get("GVSL_AUTHORS_REPO"), "GVSL_AUTHORS_REPO (their checkout) is not set")
    def test_equal_to_theirs_row_by_row(self):
        authors_step.strip_cuda()
        gvsl_module, _ = authors_step.import_authors(os.environ["GVSL_AUTHORS_REPO"])
        worst = authors_step.check_against_theirs(gvsl_module.GVSL.get_affine_mat, 4,
                                                  torch.Generator().manual_seed(5))
        self.assertLessEqual(worst, 1e-6)


class ClosingLineTest(unittest.TestCase):

    def test_format_and_median_of_training_step_memory(self):
        self.assertEqual("median step 2.50 s over 4 steps; peak RSS 1235 MB",
                         authors_step.closing_line(authors_step.median_step([3.0, 1.0, 2.5, 2.0]), 4, 1234.6))
        self.assertEqual("median step NaN s over 0 steps; peak RSS 10 MB",
                         authors_step.closing_line(authors_step.median_step([]), 0, 10))

    def test_widths_as_units_widths_parse(self):
        self.assertEqual(authors_step.PAPER_WIDTHS, authors_step.parse_widths("Paper"))
        self.assertEqual((8, 16, 32, 64, 128, 64, 32, 16, 8), authors_step.parse_widths("narrow"))
        self.assertEqual((1, 2, 3, 4, 6, 4, 3, 2, 2), authors_step.parse_widths("1,2,3,4,6,4,3,2,2"))


if __name__ == "__main__":
    unittest.main()
