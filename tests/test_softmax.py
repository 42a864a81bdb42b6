"""dlviz.softmax: the slide's 4×3 numbers, stability, validation, and every gradient checked
against finite differences, dlviz.autodiff and an independent reference written here."""

import math

import numpy as np
import pytest

from dlviz import softmax as sm

SLIDE_LOSSES = (0.969692, 0.880200, 1.05268, 0.831490)


def reference_softmax(z):
    """Independent reference: exact rational-free formula with Python floats and math.exp."""
    m = max(z)
    e = [math.exp(v - m) for v in z]
    return [v / sum(e) for v in e]


def test_slide_per_sample_losses_and_mean():
    losses = sm.sample_losses(sm.LECTURE_Y, sm.LECTURE_A)
    for value, slide in zip(losses, SLIDE_LOSSES, strict=True):
        assert f"{value:#.6g}" == f"{slide:#.6g}"
    # Independent: −log of the true class's probability, row by row.
    expected = [-math.log(0.3792), -math.log(0.4147), -math.log(0.3490), -math.log(0.4354)]
    assert np.allclose(losses, expected, rtol=0, atol=1e-15)
    mean = sm.cross_entropy(sm.LECTURE_Y, sm.LECTURE_A)
    assert round(mean, 4) == 0.9335 and abs(mean - sum(expected) / 4) < 1e-15


@pytest.mark.parametrize("z", [[2.0, 1.0, 0.1], [0.0, 0.0], [-3.0, 5.0, 1.0, 2.5, -0.5]])
def test_softmax_matches_reference_and_sums_to_one(z):
    a = sm.softmax(z)
    assert np.allclose(a, reference_softmax(z), rtol=1e-14)
    assert abs(a.sum() - 1) < 1e-15


def test_softmax_rows_and_temperature():
    Z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    A = sm.softmax(Z)
    assert A.shape == (2, 3) and np.allclose(A.sum(axis=1), 1)
    assert np.allclose(A[1], 1 / 3)
    assert np.allclose(sm.softmax(Z[0], 2.0), reference_softmax([0.5, 1.0, 1.5]))
    assert sm.softmax(Z[0], 0.1).max() > 0.99  # cold: nearly one-hot


@pytest.mark.parametrize("scale", [1e4, -1e4, 1e6])
def test_large_logits_stay_finite(scale):
    z = np.array([1.0, 0.0, -1.0]) * scale
    a = sm.softmax(z)
    assert np.all(np.isfinite(a)) and abs(a.sum() - 1) < 1e-15
    assert np.isfinite(sm.log_softmax(z)).all()
    Y = np.array([[0.0, 0.0, 1.0]])
    assert np.isfinite(sm.cross_entropy_from_logits(Y, z[None, :]))
    assert np.isfinite(sm.logit_gradient_check(z, Y[0]).drop(columns="gap").to_numpy()).all()
    assert np.isfinite(sm.softmax_jacobian(a)).all()


def test_naive_softmax_overflows_without_warnings():
    # pytest turns RuntimeWarnings raised in dlviz into errors: this passing proves silence.
    naive = sm.naive_softmax([1000.0, 0.0, 1.0])
    assert np.isnan(naive[0])
    demo = sm.overflow_demo(np.array([2.0, 1.0, 0.1]) + 1000)
    assert list(demo["naive"]) == [sm.OVERFLOWED] * 3  # says what happened: inf/inf = nan
    assert np.allclose(demo["stable"], reference_softmax([2.0, 1.0, 0.1]))
    agree = sm.overflow_demo(np.array([2.0, 1.0]))
    assert np.allclose(agree["naive"].astype(float), agree["stable"], rtol=1e-5)


def test_one_hot_and_labels():
    assert np.array_equal(sm.one_hot([0, 1, 2, 2]), sm.LECTURE_Y)
    assert sm.one_hot([1], 4).tolist() == [[0, 1, 0, 0]]
    assert list(sm.parse_labels("0, 1 2;2")) == [0, 1, 2, 2]
    for bad, code in [("", "labels_empty"), ("1 x", "labels_int_text"), ("-1", "labels_int_text"),
                      ("12", "labels_range"), ("1.5", "labels_int_text"), ("1 " * 40, "labels_many")]:  # fmt: skip
        with pytest.raises(sm.SoftmaxInputError) as info:
            sm.parse_labels(bad)
        assert info.value.code == code
    with pytest.raises(sm.SoftmaxInputError):
        sm.one_hot([0, 3], 3)
    with pytest.raises(sm.SoftmaxInputError):
        sm.one_hot([0.5])


def test_validation_accepts_slide_rounding_and_refuses_non_distributions():
    A = sm.check_distribution(sm.LECTURE_A)  # rows sum to 0.9999 and 1.0001
    assert np.array_equal(A, sm.LECTURE_A)
    cases = {
        "row_sum": [[0.5, 0.4, 0.05]],
        "probability": [[1.2, -0.2, 0.0]],
        "missing": [[0.5, np.nan, 0.5]],
        "shape": [[1.0]],
        "not_numbers": [["a", "b"]],
    }
    for code, bad in cases.items():
        with pytest.raises(sm.SoftmaxInputError) as info:
            sm.check_distribution(bad)
        assert info.value.code == code
    assert sm.check_one_hot(sm.LECTURE_Y, (4, 3)) is not None
    for bad in ([[1, 1, 0]], [[0.5, 0.5, 0]], [[0, 0, 0]]):
        with pytest.raises(sm.SoftmaxInputError, match="one_hot"):
            sm.check_one_hot(bad)
    with pytest.raises(sm.SoftmaxInputError, match="shape_match"):
        sm.check_one_hot(sm.LECTURE_Y, (3, 3))


def test_zero_probability_on_the_true_class_gives_infinite_loss_silently():
    losses = sm.sample_losses([[1.0, 0.0]], [[0.0, 1.0]])
    assert losses[0] == np.inf
    assert sm.sample_losses([[0.0, 1.0]], [[0.0, 1.0]])[0] == 0.0  # 0·log 0 counts as 0


def test_jacobian_entries_and_finite_differences():
    z = np.array([2.0, 1.0, 0.1])
    a = sm.softmax(z)
    J = sm.softmax_jacobian(a)
    assert math.isclose(J[0, 0], a[0] * (1 - a[0]))  # the slide's a₁(1−a₁)
    assert math.isclose(J[1, 0], -a[1] * a[0])  # the slide's −a₂a₁
    assert np.allclose(J, J.T) and np.allclose(J.sum(axis=0), 0)
    assert np.abs(sm.numeric_jacobian(z) - J).max() < 1e-9


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_dl_dz_is_a_minus_y_three_ways(seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=5) * 3
    y = sm.one_hot([seed % 5], 5)[0]
    check = sm.logit_gradient_check(z, y)
    expected = np.array(reference_softmax(list(z))) - y
    assert np.allclose(check["a_minus_y"], expected, atol=1e-15)
    assert np.allclose(check["autodiff"], expected, atol=1e-14)
    assert check["gap"].max() < 1e-8
    # chain rule through the Jacobian: Jᵀ (−y/a) = a − y
    a = sm.softmax(z)
    assert np.allclose(sm.softmax_jacobian(a).T @ (-y / a), expected)


def test_chain_paths_sum_to_a_minus_y_times_x():
    paths = sm.chain_paths(sm.LECTURE_A[0], sm.LECTURE_Y[0], 0, 2.0)
    assert list(paths["path"]) == ["a1", "a2", "a3"]
    a1 = 0.3792
    assert math.isclose(paths["dL_da"][0], -1 / a1)
    assert math.isclose(paths["da_dz"][0], a1 * (1 - a1))  # a₁(1−a₁)
    assert math.isclose(paths["da_dz"][1], -0.3104 * a1)  # −a₂a₁
    assert math.isclose(paths["product"].sum(), (a1 - 1) * 2.0)
    assert (paths["dL_da"][1:] == 0).all() and not np.signbit(paths["dL_da"][1:]).any()
    assert not np.signbit(paths["product"][1:]).any()  # shown as 0, not −0


def reference_gradients(X, W, b, Y):
    """Independent reference: per-sample loops, ∂l/∂w_kj = (a_k − y_k) x_j, averaged."""
    N, K = Y.shape
    dW, db = np.zeros_like(W), np.zeros_like(b)
    for x, y in zip(X, Y, strict=True):
        a = reference_softmax(list(W @ x + b))
        for k in range(K):
            db[k] += (a[k] - y[k]) / N
            for j in range(len(x)):
                dW[k, j] += (a[k] - y[k]) * x[j] / N
    return dW, db


@pytest.mark.parametrize(("N", "m", "K", "seed"), [(4, 2, 3, 0), (7, 5, 4, 3), (1, 1, 2, 9)])
def test_batch_gradients_vs_reference_autodiff_and_finite_differences(N, m, K, seed):
    B = sm.batch_example(N, m, K, seed)
    assert B["A"].shape == (N, K) and B["W"].shape == (K, m)
    dW, db = sm.gradients(B["X"], B["A"], B["Y"])
    assert dW.shape == (K, m) and db.shape == (K,)
    ref_W, ref_b = reference_gradients(B["X"], B["W"], B["b"], B["Y"])
    assert np.allclose(dW, ref_W, atol=1e-14) and np.allclose(db, ref_b, atol=1e-14)
    ad_W, ad_b = sm.autodiff_gradients(B["X"], B["W"], B["b"], B["Y"])
    assert np.allclose(ad_W, dW, atol=1e-14) and np.allclose(ad_b, db, atol=1e-14)
    fd_W = sm.finite_difference(lambda W: sm.batch_loss(B["X"], W, B["b"], B["Y"]), B["W"])
    fd_b = sm.finite_difference(lambda b: sm.batch_loss(B["X"], B["W"], b, B["Y"]), B["b"])
    assert np.abs(fd_W - dW).max() < 1e-8 and np.abs(fd_b - db).max() < 1e-8
    # The slide's Xᵀ(A − Y) (sum loss, m×K) is N times the transpose of dW.
    assert np.allclose(B["X"].T @ (B["A"] - B["Y"]), N * dW.T)
