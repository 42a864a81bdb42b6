"""dlviz.logistic: stable sigmoid and BCE, likelihood, gradient vs finite differences, the GD fit
against an independent IRLS, separability."""

import warnings

import numpy as np
import pytest

from dlviz import logistic
from dlviz.binary_data import SAMPLE_CSV, from_csv, smoking_example, two_classes


def irls(X, y, iterations=200):
    """Independent reference: iteratively reweighted least squares, written out here."""
    A = np.hstack([np.ones((len(y), 1)), X])
    theta = np.zeros(A.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(A @ theta)))
        w = p * (1 - p)
        working = A @ theta + (y - p) / w  # the working response
        theta = np.linalg.solve(A.T @ (w[:, None] * A), A.T @ (w * working))
    return theta


def naive_loss(X, y, b0, beta):
    p = 1.0 / (1.0 + np.exp(-(X @ beta + b0)))
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def test_sigmoid_of_zero_is_one_half_and_the_threshold():
    assert logistic.sigmoid(0.0) == 0.5  # the lecture's σ(0) = 0.5, exactly
    z = np.array([-3.0, -1e-9, 0.0, 1e-9, 3.0])
    assert list(logistic.sigmoid(z) >= 0.5) == [False, False, True, True, True]


@pytest.mark.parametrize("z", [1e6, -1e6, 1000.0, -1000.0, 745.0, -745.0, 0.0])
def test_extreme_logits_stay_finite_without_warnings(z):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a = logistic.sigmoid(z)
        log_a = logistic.log_sigmoid(z)
        losses = [logistic.bce_with_logits(np.array([y]), np.array([z])) for y in (0.0, 1.0)]
        bce = logistic.bce(np.array([1.0, 0.0]), logistic.sigmoid(np.array([z, z])))
        grad = logistic.gradient(np.array([[1.0]]), np.array([1.0]), z, np.array([0.0]))
    assert 0.0 <= a <= 1.0 and np.isfinite(log_a) and np.isfinite(bce)
    assert all(np.isfinite(losses)) and np.isfinite(grad[0])
    # The exact values: ln σ(z) = −softplus(−z); for y = 1 the cost is softplus(−z).
    assert losses[1] == pytest.approx(max(-z, 0.0) + np.log1p(np.exp(-abs(z))), rel=1e-12)
    assert losses[0] == pytest.approx(max(z, 0.0) + np.log1p(np.exp(-abs(z))), rel=1e-12)


def test_confident_right_costs_nothing_and_confident_wrong_costs_z():
    assert logistic.bce_with_logits(np.array([1.0]), np.array([1e6])) == 0.0
    assert logistic.bce_with_logits(np.array([0.0]), np.array([1e6])) == 1e6
    assert logistic.bce_with_logits(np.array([1.0]), np.array([40.0])) == pytest.approx(
        np.exp(-40.0), rel=1e-12
    )  # no cancellation: 4.2e-18, not 0


def test_bce_from_probabilities_matches_the_logits_form():
    rng = np.random.default_rng(0)
    z = rng.normal(0, 3, 50)
    y = (rng.uniform(size=50) < 0.5).astype(float)
    expected = -np.mean(
        y * np.log(1 / (1 + np.exp(-z))) + (1 - y) * np.log(1 - 1 / (1 + np.exp(-z)))
    )
    assert logistic.bce(y, logistic.sigmoid(z)) == pytest.approx(expected, rel=1e-12)
    assert logistic.bce_with_logits(y, z) == pytest.approx(expected, rel=1e-12)


def test_bernoulli_probability_likelihood_and_log_likelihood():
    X, y = np.array([[1.0], [2.0], [3.0]]), np.array([0.0, 1.0, 1.0])
    b0, beta = -1.0, np.array([0.7])
    p = 1 / (1 + np.exp(-(X[:, 0] * 0.7 - 1.0)))
    per_point = p**y * (1 - p) ** (1 - y)  # the slide's p^y (1 − p)^(1 − y)
    np.testing.assert_allclose(
        logistic.bernoulli_probability(y, logistic.net_input(X, b0, beta)), per_point, rtol=1e-14
    )
    assert logistic.likelihood(X, y, b0, beta) == pytest.approx(np.prod(per_point), rel=1e-14)
    assert logistic.log_likelihood(X, y, b0, beta) == pytest.approx(
        np.sum(np.log(per_point)), rel=1e-14
    )
    assert logistic.loss(X, y, b0, beta) == pytest.approx(-np.sum(np.log(per_point)) / 3, rel=1e-14)


def test_product_underflows_while_the_log_sum_stays_finite():
    data = smoking_example(30, 1)
    run = logistic.running_likelihood(data.X, data.y, -4.3, np.array([0.88]), 5000)
    assert run.zero_at is not None and run.product[run.zero_at - 1] == 0.0
    assert run.product[run.zero_at - 2] > 0.0
    assert np.all(np.isfinite(run.log_sum)) and run.log_sum[-1] < -745  # beyond float64's floor
    # The first N values are those of the data set itself.
    assert run.product[29] == pytest.approx(
        logistic.likelihood(data.X, data.y, -4.3, [0.88]), rel=1e-12
    )
    assert run.log_sum[29] == pytest.approx(logistic.log_likelihood(data.X, data.y, -4.3, [0.88]))
    assert logistic.running_likelihood(data.X, data.y, -4.3, [0.88]).zero_at is None


@pytest.mark.parametrize("m", [1, 2, 3])
def test_gradient_matches_finite_differences(m):
    rng = np.random.default_rng(m)
    X = rng.normal(size=(40, m))
    y = (rng.uniform(size=40) < 0.5).astype(float)
    b0, beta = 0.3, rng.normal(size=m)
    d_b0, d_beta = logistic.gradient(X, y, b0, beta)
    h = 1e-6
    fd_b0 = (naive_loss(X, y, b0 + h, beta) - naive_loss(X, y, b0 - h, beta)) / (2 * h)
    fd = [
        (naive_loss(X, y, b0, beta + e) - naive_loss(X, y, b0, beta - e)) / (2 * h)
        for e in h * np.eye(m)
    ]
    assert d_b0 == pytest.approx(fd_b0, abs=1e-8)
    np.testing.assert_allclose(d_beta, fd, atol=1e-8)
    # The slide's formula written out: (1/N) Σ (ŷ − y) x.
    y_hat = 1 / (1 + np.exp(-(X @ beta + b0)))
    np.testing.assert_allclose(d_beta, np.mean((y_hat - y)[:, None] * X, axis=0), rtol=1e-12)
    ours = logistic.finite_difference_gradient(X, y, b0, beta)
    assert ours[0] == pytest.approx(fd_b0, abs=1e-8)


@pytest.mark.parametrize(
    ("data", "eta", "epochs"),
    [
        (smoking_example(30, 1), 0.5, 5000),
        (from_csv(SAMPLE_CSV), 0.5, 5000),
        (two_classes(100, 1.0, 0), 1.0, 3000),
    ],
)
def test_gradient_descent_reaches_the_irls_optimum(data, eta, epochs):
    reference = irls(data.X, data.y)
    fit = logistic.fit(data.X, data.y, eta, epochs)
    np.testing.assert_allclose(np.r_[fit.b0_, fit.beta_], reference, atol=2e-3)
    newton = logistic.fit_newton(data.X, data.y)
    np.testing.assert_allclose(np.r_[newton[0], newton[1]], reference, rtol=1e-9, atol=1e-9)
    assert fit.loss[-1] == pytest.approx(
        logistic.loss(data.X, data.y, reference[0], reference[1:]), abs=1e-6
    )
    assert np.all(np.diff(fit.loss) <= 1e-12) or fit.loss_rose_at is not None


def test_the_wikipedia_exam_data_give_the_published_fit():
    data = from_csv(SAMPLE_CSV)
    b0, beta = logistic.fit_newton(data.X, data.y)
    assert (round(b0, 4), round(beta[0], 4)) == (-4.0777, 1.5046)


def test_fit_history_has_one_row_per_epoch():
    data = smoking_example(30, 1)
    fit = logistic.fit(data.X, data.y, 0.2, 10)
    assert fit.epochs == 10 and fit.beta.shape == (11, 1) and fit.loss.shape == (11,)
    assert fit.loss[0] == pytest.approx(np.log(2))  # β = 0: ŷ = 0.5 for every point
    assert fit.b0[0] == 0.0 and fit.diverged_at is None
    d_b0, d_beta = logistic.gradient(data.X, data.y, 0.0, np.zeros(1))
    assert fit.b0[1] == pytest.approx(-0.2 * d_b0) and fit.beta[1, 0] == pytest.approx(
        -0.2 * d_beta[0]
    )


@pytest.mark.parametrize(
    ("data", "eta"),
    [
        (smoking_example(30, 1), 0.2),
        (smoking_example(30, 1), 10.0),
        (two_classes(60, 0.3, 0), 1.0),
        (from_csv(SAMPLE_CSV), 0.001),
        (two_classes(400, 1.0, 2), 5.0),
    ],
)
def test_a_shorter_training_is_the_start_of_a_longer_one(data, eta):
    """The page trains once to the slider's end and shows the first epochs of it: they must be
    exactly the numbers of training that many epochs."""
    longest = logistic.fit(data.X, data.y, eta, 3000)
    for epochs in (0, 1, 2, 99, 100, 101, 777, 2999, 3000):
        short, part = logistic.fit(data.X, data.y, eta, epochs), longest.until(epochs)
        assert part.epochs == short.epochs == epochs
        for field in ("b0", "beta", "loss", "accuracy"):
            np.testing.assert_array_equal(getattr(part, field), getattr(short, field))
        assert part.diverged_at is short.diverged_at is None and part.eta == eta
    with pytest.raises(ValueError):
        longest.until(3001)


def test_a_shorter_training_of_a_diverging_run():
    X = np.array([[-3e5], [-1e5], [2e5], [4e5]])
    y = np.array([0.0, 1.0, 0.0, 1.0])
    longest = logistic.fit(X, y, 10.0, 5000)
    assert longest.diverged_at == 3
    for epochs in (0, 1, 2, 3, 4, 50, 5000):
        short, part = logistic.fit(X, y, 10.0, epochs), longest.until(epochs)
        assert (part.epochs, part.diverged_at) == (short.epochs, short.diverged_at)
        np.testing.assert_array_equal(part.beta, short.beta)
        np.testing.assert_array_equal(part.loss, short.loss)


def test_a_fixed_point_is_kept_to_the_end():
    data = from_csv(SAMPLE_CSV)
    fit = logistic.fit(data.X, data.y, 1.0, 5000)  # converges to the last bit long before
    steps = np.flatnonzero(np.any(np.diff(fit.beta, axis=0) != 0, axis=1)) + 1
    assert steps[-1] < 5000 and fit.epochs == 5000
    assert np.all(fit.b0[steps[-1] :] == fit.b0_) and np.all(fit.loss[steps[-1] :] == fit.loss[-1])
    by_hand = logistic.fit(data.X, data.y, 1.0, int(steps[-1]))
    assert by_hand.b0_ == fit.b0_ and np.array_equal(by_hand.beta_, fit.beta_)


def test_huge_steps_stop_with_divergence():
    X = np.array([[-3e5], [-1e5], [2e5], [4e5]])
    y = np.array([0.0, 1.0, 0.0, 1.0])
    fit = logistic.fit(X, y, 10.0, 50)
    # Steps of η·(ŷ − y)x ≈ 10⁶: |β| passes 10⁶ at the third update, which is not taken.
    assert fit.diverged_at == 3 and fit.epochs == 2
    assert fit.loss[-1] > 1e10 and np.all(np.isfinite(fit.loss))


def test_separability():
    assert logistic.is_separable(np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 0, 1, 1.0]))
    assert not logistic.is_separable(
        np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 1, 0, 1.0])
    )
    assert logistic.is_separable(*_xy(two_classes(100, 0.3, 0)))
    assert not logistic.is_separable(*_xy(two_classes(100, 1.0, 0)))
    # In 1-D: separable exactly when the classes' ranges do not overlap.
    for seed in range(20):
        data = smoking_example(12, seed)
        x, y = data.X[:, 0], data.y
        if 0 < y.sum() < len(y):
            expected = x[y == 0].max() < x[y == 1].min() or x[y == 1].max() < x[y == 0].min()
            assert logistic.is_separable(data.X, y) == expected


def test_quasi_complete_separation_is_told_apart():
    X, y = (
        np.array([[0.0], [1.0], [1.0], [2.0]]),
        np.array([0, 0, 1, 1.0]),
    )  # the classes touch at 1
    assert logistic.separation(X, y) == "quasi" and not logistic.is_separable(X, y)
    assert logistic.fit_newton(X, y) is None  # no maximum
    assert logistic.separation(np.array([[0.0], [1.0], [2.0]]), np.array([0, 1, 1.0])) == "complete"
    assert (
        logistic.separation(np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 1, 0, 1.0]))
        is None
    )
    data = from_csv(SAMPLE_CSV)
    assert logistic.separation(data.X, data.y) is None


def _xy(data):
    return data.X, data.y


def test_separable_data_make_beta_grow_and_newton_give_up():
    data = two_classes(100, 0.3, 0)
    fit = logistic.fit(data.X, data.y, 1.0, 2000)
    norms = np.linalg.norm(fit.beta, axis=1)
    assert norms[2000] > norms[1000] > norms[500] and fit.loss[-1] < 0.01
    assert logistic.fit_newton(data.X, data.y) is None


def test_accuracy_and_confusion_matrix():
    y = np.array([0, 0, 1, 1, 1.0])
    z = np.array([-1.0, 2.0, 0.0, 3.0, -0.5])  # z = 0 means σ = 0.5, which is class 1
    assert logistic.accuracy(y, z) == pytest.approx(3 / 5)
    assert logistic.confusion_matrix(y, z).tolist() == [[1, 1], [1, 2]]


def test_surfaces_match_pointwise_values():
    data = smoking_example(30, 1)
    b0s, betas = np.linspace(-6, 0, 7), np.linspace(0, 1.5, 5)
    grid = logistic.log_likelihood_grid(data.X[:, 0], data.y, b0s, betas)
    assert grid.shape == (5, 7)
    assert grid[3, 2] == pytest.approx(logistic.log_likelihood(data.X, data.y, b0s[2], [betas[3]]))
    blobs = two_classes(60, 1.0, 2)
    slice_ = logistic.loss_slice(blobs.X, blobs.y, 0.4, b0s, betas)
    assert slice_[1, 4] == pytest.approx(logistic.loss(blobs.X, blobs.y, 0.4, [b0s[4], betas[1]]))


def test_least_squares_line_and_odds():
    intercept, slope = logistic.least_squares_line(np.array([0.0, 1.0, 2.0]), np.array([0, 0, 1.0]))
    assert (intercept, slope) == (pytest.approx(-1 / 6), pytest.approx(0.5))
    np.testing.assert_allclose(logistic.odds(np.array([0.5, 0.8])), [1.0, 4.0])
    assert np.isinf(logistic.odds(1.0))


def test_parameter_box_and_plane_points():
    ax1, ax2 = logistic.parameter_box([(0.0, 0.0), (-4.0, 1.0)], (2.0, 2.0), n=5)
    assert (ax1[0], ax1[-1], ax2[0], ax2[-1]) == (-5.0, 1.0, -1.0, 2.0)
    fit = logistic.fit(np.array([[0.0], [1.0], [2.0]]), np.array([0, 1, 1.0]), 0.1, 3)
    assert logistic.path_points(fit).shape == (4, 2)
    assert logistic.plane_point(1.0, np.array([2.0, 3.0])) == (2.0, 3.0)
