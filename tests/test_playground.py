"""dlviz.playground: TF Playground's data, the inputs, backprop against finite differences,
dlviz.autodiff and PyTorch, the SGD trainer (chunks, divergence, XOR, the spiral), grids and
the student's CSV points."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlviz import autodiff as ad
from dlviz import playground as pg
from dlviz.csvdata import CSVError


def net_of(hidden=(4,), activation="tanh", problem="classification", feats=("x1", "x2"), **kw):
    return pg.Network(feats, hidden, activation, problem, **kw)


# ------------------------------------------------------------------------------------- data
@pytest.mark.parametrize("name", pg.DATASETS)
@pytest.mark.parametrize("n", [2, 7, 500])
def test_generate_shapes_and_labels(name, n):
    X, y = pg.generate(name, n, 0.3, 1)
    assert X.shape == (n, 2) and y.shape == (n,)
    assert X.dtype == float and y.dtype == float and np.isfinite(X).all()
    if name in pg.CLASSIFICATION:
        assert set(np.unique(y)) <= {0.0, 1.0}
    else:
        assert -1.0 <= y.min() and y.max() <= 1.0


@pytest.mark.parametrize("name", pg.DATASETS)
def test_generate_is_seeded(name):
    a, b = pg.generate(name, 100, 0.2, 5), pg.generate(name, 100, 0.2, 5)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    c = pg.generate(name, 100, 0.2, 6)
    assert not np.array_equal(a[0], c[0])


@pytest.mark.parametrize("name", ["gauss", "circle", "spiral"])
def test_balanced_classes(name):
    for n in (500, 501):
        _, y = pg.generate(name, n, 0.0, 0)
        assert y.sum() == n - n // 2  # label 1 gets the odd point, as TF Playground (n/2 each)


def test_xor_without_noise_is_the_quadrants_with_padding():
    X, y = pg.generate("xor", 2000, 0.0, 0)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] >= 0).astype(float))
    assert np.abs(X).min() >= 0.3 and np.abs(X).max() <= 5.3
    assert 0.45 < y.mean() < 0.55
    _, noisy = pg.generate("xor", 2000, 0.5, 0)
    X0, _ = pg.generate("xor", 2000, 0.5, 0)
    wrong = noisy != (X0[:, 0] * X0[:, 1] >= 0)
    assert 0.1 < wrong.mean() < 0.4  # noise moves the point where the label is read


def test_circle_without_noise_is_a_disc_inside_a_ring():
    X, y = pg.generate("circle", 1000, 0.0, 0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert r[y == 1].max() <= 2.5 and r[y == 0].min() >= 3.5 and r.max() <= 5.0
    Xn, yn = pg.generate("circle", 1000, 0.5, 0)
    rn = np.hypot(Xn[:, 0], Xn[:, 1])
    assert ((rn < 2.5) != (yn == 1)).mean() > 0.05  # labels read at shifted points


def test_gauss_noise_sets_the_variance_as_tf_playground():
    for noise, variance in ((0.0, 0.5), (0.5, 4.0), (0.25, 2.25)):
        X, y = pg.generate("gauss", 20000, noise, 0)
        positive = X[y == 1]
        np.testing.assert_allclose(positive.mean(axis=0), [2, 2], atol=0.1)
        np.testing.assert_allclose(positive.var(axis=0), [variance] * 2, rtol=0.05)
        np.testing.assert_allclose(X[y == 0].mean(axis=0), [-2, -2], atol=0.1)


def test_spiral_without_noise_lies_on_its_curves():
    X, y = pg.generate("spiral", 200, 0.0, 0)
    i = np.arange(100)
    r, t = i / 100 * 5, 1.75 * i / 100 * 2 * np.pi
    np.testing.assert_allclose(X[y == 1], np.column_stack([r * np.sin(t), r * np.cos(t)]))
    np.testing.assert_allclose(X[y == 0], -X[y == 1], atol=1e-12)  # the other arm: t + π
    Xn, _ = pg.generate("spiral", 200, 0.5, 0)
    shift = np.abs(Xn - X)
    assert shift.max() <= 0.5 and shift.max() > 0.4


def test_regression_sets_without_noise():
    X, y = pg.generate("plane", 1000, 0.0, 0)
    np.testing.assert_allclose(y, np.clip((X[:, 0] + X[:, 1]) / 10, -1, 1))
    assert np.abs(X).max() <= pg.BOX and y.min() == -1.0 and y.max() == 1.0
    X, y = pg.generate("bumps", 3000, 0.0, 0)
    assert np.abs(X).max() <= pg.BOX and -1 <= y.min() < -0.8 and 0.8 < y.max() <= 1
    at_centres = np.array([[-4, 2.5], [0, 2.5], [0, -2.5]])
    for (cx, cy), sign in zip(at_centres, (1, -1, 1), strict=True):
        near = np.hypot(X[:, 0] - cx, X[:, 1] - cy) < 0.5
        assert near.any() and np.all(np.sign(y[near]) == sign)
    far = (np.abs(X[:, 1]) > 4.5 + 1e-9) | (np.abs(X[:, 1]) < 0.5)
    assert np.all(y[far] == 0.0)  # more than 2 from every centre


def test_regression_noise_moves_the_labels_only():
    X0, y0 = pg.generate("plane", 500, 0.0, 3)
    X1, y1 = pg.generate("plane", 500, 0.5, 3)
    np.testing.assert_array_equal(X0, X1)  # same points, label read at a shifted point
    assert np.abs(y1 - y0).max() > 0.3 and -1 <= y1.min() and y1.max() <= 1


@pytest.mark.parametrize(
    "args", [("moons", 10, 0.0), ("xor", 10, -0.1), ("xor", 10, 0.51), ("xor", 1, 0.0)]
)
def test_generate_refuses_bad_arguments(args):
    with pytest.raises(ValueError):
        pg.generate(*args)


@pytest.mark.parametrize("ratio", [0.1, 0.3, 0.5, 0.77, 0.9])
def test_split_ratio_and_partition(ratio):
    X, y = pg.generate("spiral", 500, 0.1, 2)
    data = pg.split(X, y, ratio, seed=4)
    assert len(data.y_train) == round(ratio * 500) and len(data.y_test) == 500 - len(data.y_train)
    both = np.vstack([data.X_train, data.X_test])
    np.testing.assert_array_equal(np.sort(both, axis=0), np.sort(X, axis=0))
    assert data.problem == "classification"
    again = pg.split(X, y, ratio, seed=4)
    np.testing.assert_array_equal(again.X_train, data.X_train)
    assert not np.array_equal(pg.split(X, y, ratio, seed=5).X_train, data.X_train)
    # each label stays with its point
    lookup = {tuple(x): v for x, v in zip(X, y, strict=True)}
    assert all(lookup[tuple(x)] == v for x, v in zip(data.X_test, data.y_test, strict=True))


def test_split_keeps_one_point_on_each_side_and_infers_the_problem():
    X, y = np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([0.0, 1.0])
    for ratio in (0.1, 0.9):
        data = pg.split(X, y, ratio)
        assert len(data.y_train) == 1 and len(data.y_test) == 1
    assert pg.split(X, np.array([0.5, 1.0])).problem == "regression"
    with pytest.raises(ValueError):
        pg.split(X, y, 0.95)


def test_dataset_is_generate_then_split():
    data = pg.dataset("bumps", 300, 0.1, 0.7, 9)
    X, y = pg.generate("bumps", 300, 0.1, 9)
    expected = pg.split(X, y, 0.7, 9, "regression")
    np.testing.assert_array_equal(data.X_train, expected.X_train)
    np.testing.assert_array_equal(data.y_test, expected.y_test)
    assert data.problem == "regression" and pg.dataset("xor").problem == "classification"


def test_points_outside_the_box():
    assert pg.points_outside(np.array([[0.0, 6.0], [6.01, 0.0], [-7.0, -7.0]])) == 2


# --------------------------------------------------------------------------------- features
def test_features_values_and_order():
    X = np.array([[1.0, 2.0], [-0.5, 3.0]])
    F = pg.features(X, pg.FEATURES)
    x1, x2 = X[:, 0], X[:, 1]
    expected = np.column_stack([x1, x2, x1**2, x2**2, x1 * x2, np.sin(x1), np.sin(x2)])
    np.testing.assert_array_equal(F, expected)
    np.testing.assert_array_equal(pg.features(X, ("sin2", "x1")), expected[:, [6, 0]])
    assert pg.features(X, ()).shape == (2, 0)
    with pytest.raises(ValueError):
        pg.features(X, ("x3",))


# ---------------------------------------------------------------------------------- network
def test_network_sizes_and_validation():
    assert net_of((4, 4)).sizes == (2, 4, 4, 1) and net_of(()).sizes == (2, 1)
    assert net_of((8,) * 6, feats=pg.FEATURES).sizes == (7, 8, 8, 8, 8, 8, 8, 1)
    bad = [
        {"feats": ()},
        {"feats": ("x2", "x1")},
        {"feats": ("x1", "x1")},
        {"feats": ("x9",)},
        {"hidden": (9,)},
        {"hidden": (0,)},
        {"hidden": (1,) * 7},
        {"activation": "softplus"},
        {"problem": "ranking"},
        {"regularization": "l3"},
        {"reg_rate": -1.0},
        {"reg_rate": float("nan")},
        {"learning_rate": 0.0},
        {"learning_rate": float("inf")},
        {"batch_size": 0},
        {"batch_size": 31},
    ]
    for kwargs in bad:
        with pytest.raises(ValueError):
            net_of(**kwargs)


def test_count_is_every_weight_and_bias():
    assert pg.count(net_of((4, 4))) == 4 * 3 + 4 * 5 + 5 == 37
    assert pg.count(net_of(())) == 3
    net = net_of((8,) * 6, feats=pg.FEATURES)
    assert pg.count(net) == len(flat(pg.init_weights(net, 0)))


def test_init_weights_as_tf_playground():
    net = net_of((8, 3), feats=pg.FEATURES)
    weights = pg.init_weights(net, 3)
    assert [(W.shape, b.shape) for W, b in weights] == [((8, 7), (8,)), ((3, 8), (3,)),
                                                        ((1, 3), (1,))]  # fmt: skip
    for W, b in weights:
        assert np.all(np.abs(W) <= 0.5) and np.all(b == 0.1)
    again, other = pg.init_weights(net, 3), pg.init_weights(net, 4)
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(weights, again, strict=True))
    assert not np.array_equal(weights[0][0], other[0][0])
    many = np.concatenate([W.ravel() for W, _ in pg.init_weights(net_of((8,) * 6), 0)])
    assert many.min() < -0.45 and many.max() > 0.45


def test_forward_is_the_lectures_z_equals_w_a_plus_b():
    net = net_of((3,), "relu", "regression")
    weights = pg.init_weights(net, 0)
    A0 = pg.features(np.array([[1.0, -2.0], [0.5, 0.5]]), net.features)
    (Z1, A1), (Z2, A2) = pg.forward(net, weights, A0)
    (W1, b1), (W2, b2) = weights
    for i in range(2):
        np.testing.assert_allclose(Z1[i], W1 @ A0[i] + b1)
        np.testing.assert_allclose(A1[i], np.maximum(Z1[i], 0))
        np.testing.assert_allclose(Z2[i], W2 @ A1[i] + b2)
    np.testing.assert_array_equal(A2, Z2)  # linear output for regression
    (_, _), (Z, A) = pg.forward(net_of((3,)), pg.init_weights(net_of((3,)), 0), A0)
    np.testing.assert_allclose(A, 1 / (1 + np.exp(-Z)))
    with pytest.raises(ValueError):
        pg.forward(net, weights[:1], A0)


def test_loss_values():
    net = net_of((), "linear", feats=("x1",))
    weights = [(np.array([[2.0]]), np.array([-1.0]))]
    X, y = np.array([[1.0, 0.0], [0.0, 0.0]]), np.array([1.0, 0.0])
    z = np.array([1.0, -1.0])
    expected = -np.mean(
        y * np.log(1 / (1 + np.exp(-z))) + (1 - y) * np.log(1 - 1 / (1 + np.exp(-z)))
    )
    assert pg.loss(net, weights, X, y) == pytest.approx(expected, rel=1e-14)
    reg = net_of((), "linear", "regression", feats=("x1",))
    assert pg.loss(reg, weights, X, np.array([0.0, 1.0])) == pytest.approx(0.5 * (1 + 4) / 2)
    l1 = net_of((), "linear", feats=("x1",), regularization="l1", reg_rate=0.3)
    l2 = net_of((), "linear", feats=("x1",), regularization="l2", reg_rate=0.3)
    off = net_of((), "linear", feats=("x1",), regularization="none", reg_rate=0.3)
    base = pg.loss(net, weights, X, y)
    assert pg.objective(l1, weights, X, y) == pytest.approx(base + 0.3 * 2)  # Σ|w|, not b
    assert pg.objective(l2, weights, X, y) == pytest.approx(base + 0.3 * 0.5 * 4)
    assert pg.objective(off, weights, X, y) == base


@pytest.mark.parametrize("z", [1e6, -1e6])
def test_loss_is_stable_for_huge_logits(z):
    net = net_of((), "linear", feats=("x1",))
    weights = [(np.array([[z]]), np.array([0.0]))]
    X = np.array([[1.0, 0.0], [-1.0, 0.0]])  # logits z and −z
    right = np.array([1.0, 0.0]) if z > 0 else np.array([0.0, 1.0])
    assert pg.loss(net, weights, X, right) == 0.0
    assert pg.loss(net, weights, X, 1 - right) == pytest.approx(1e6, rel=1e-15)
    value, grads = pg.gradients(net, weights, X, 1 - right)
    assert value == pytest.approx(1e6) and all(np.isfinite(g).all() for pair in grads for g in pair)
    assert (
        pg.accuracy(net, weights, X, right) == 1.0 and pg.accuracy(net, weights, X, 1 - right) == 0
    )


# -------------------------------------------------------------------------------- gradients
def flat(weights):
    return np.concatenate([np.concatenate([W.ravel(), b]) for W, b in weights])


def finite_differences(net, weights, X, y, h=1e-6):
    out = []
    for W, b in weights:
        for array in (W, b):
            for index in np.ndindex(array.shape):
                old = array[index]
                array[index] = old + h
                up = pg.objective(net, weights, X, y)
                array[index] = old - h
                down = pg.objective(net, weights, X, y)
                array[index] = old
                out.append((up - down) / (2 * h))
    return np.array(out)


def away_from_kinks(net, weights, X, margin=1e-3):
    """No ReLU input within ``margin`` of 0 and no weight within it (L1): central differences
    are then exact up to rounding."""
    A0 = pg.features(X, net.features)
    layers = pg.forward(net, weights, A0)
    kinks = net.activation == "relu" and any(np.abs(Z).min() < margin for Z, _ in layers[:-1])
    return not kinks and all(np.abs(W).min() > margin for W, _ in weights)


@pytest.mark.parametrize(
    ("activation", "problem", "regularization"),
    list(itertools.product(pg.ACTIVATIONS, pg.PROBLEMS, pg.REGULARIZATIONS)),
)
def test_gradients_match_central_differences(activation, problem, regularization):
    name = "circle" if problem == "classification" else "bumps"
    data = pg.dataset(name, 60, 0.2, 0.5, 1)
    net = pg.Network(pg.FEATURES, (4, 3), activation, problem, regularization, 0.03)
    weights = pg.init_weights(net, 2)
    weights = [(W * 3, b + 0.05 * np.arange(len(b))) for W, b in weights]  # not all σ ≈ 0.5
    assert away_from_kinks(net, weights, data.X_train)
    value, grads = pg.gradients(net, weights, data.X_train, data.y_train)
    assert value == pg.objective(net, weights, data.X_train, data.y_train)
    numeric = finite_differences(net, weights, data.X_train, data.y_train)
    exact = flat(grads)
    assert np.linalg.norm(exact - numeric) / np.linalg.norm(numeric) < 1e-6


def test_l1_uses_the_subgradient_zero_at_a_zero_weight():
    data = pg.dataset("xor", 40, 0.0, 0.5, 0)
    plain = net_of((3,))
    l1 = net_of((3,), regularization="l1", reg_rate=0.1)
    weights = pg.init_weights(plain, 0)
    weights[0][0][1, 0] = 0.0
    _, g_plain = pg.gradients(plain, weights, data.X_train, data.y_train)
    _, g_l1 = pg.gradients(l1, weights, data.X_train, data.y_train)
    diff = g_l1[0][0] - g_plain[0][0]
    assert diff[1, 0] == 0.0
    np.testing.assert_allclose(
        np.delete(diff.ravel(), 2), 0.1 * np.sign(np.delete(weights[0][0].ravel(), 2))
    )
    # and the one-sided differences at w = 0 straddle it: |∂| of the penalty jumps by ±λ
    h = 1e-7
    base = pg.objective(l1, weights, data.X_train, data.y_train)
    weights[0][0][1, 0] = h
    right = (pg.objective(l1, weights, data.X_train, data.y_train) - base) / h
    weights[0][0][1, 0] = -h
    left = (base - pg.objective(l1, weights, data.X_train, data.y_train)) / h
    assert left < g_l1[0][0][1, 0] < right
    assert right - left == pytest.approx(0.2, rel=1e-4)


def autodiff_objective(net, weights, X, y):
    """The same objective as a dlviz.autodiff graph: an independent reference for backprop."""
    leaves = [(ad.Tensor(W, requires_grad=True), ad.Tensor(b, requires_grad=True))
              for W, b in weights]  # fmt: skip
    A = ad.Tensor(pg.features(X, net.features))
    for k, (W, b) in enumerate(leaves):
        Z = A @ W.T + b
        if k < len(leaves) - 1:
            A = Z if net.activation == "linear" else getattr(ad, net.activation)(Z)
    z = Z.reshape(-1, 1)  # (n, 1)
    if net.classification:  # log(1 + e^z) − y z = logsumexp([0, z]) − y z
        pick = ad.Tensor(np.array([[0.0, 1.0]]))
        data_loss = ad.mean(ad.logsumexp(z @ pick, axis=-1) - ad.Tensor(y) * z.reshape(-1))
    else:
        r = z.reshape(-1) - ad.Tensor(y)
        data_loss = ad.mean(r * r) * 0.5
    total = data_loss
    if net.reg:
        for W, _ in leaves:
            term = W.abs().sum() if net.regularization == "l1" else (W * W).sum() * 0.5
            total = total + term * net.reg
    total.backward()
    return total.item(), [(W.grad, b.grad) for W, b in leaves]


@pytest.mark.parametrize(
    ("activation", "problem", "regularization"),
    list(itertools.product(pg.ACTIVATIONS, pg.PROBLEMS, pg.REGULARIZATIONS)),
)
def test_gradients_match_autodiff(activation, problem, regularization):
    name = "spiral" if problem == "classification" else "plane"
    data = pg.dataset(name, 80, 0.3, 0.5, 3)
    net = pg.Network(pg.FEATURES, (5, 4, 3), activation, problem, regularization, 0.01)
    weights = pg.init_weights(net, 7)
    weights[1][0][0, 0] = 0.0  # L1 at w = 0: both say 0
    value, grads = pg.gradients(net, weights, data.X_train, data.y_train)
    ref_value, ref_grads = autodiff_objective(net, weights, data.X_train, data.y_train)
    assert value == pytest.approx(ref_value, rel=1e-12, abs=1e-12)
    for (gW, gb), (rW, rb) in zip(grads, ref_grads, strict=True):
        np.testing.assert_allclose(gW, rW, rtol=0, atol=1e-10)
        np.testing.assert_allclose(gb, rb, rtol=0, atol=1e-10)


# --------------------------------------------------------------------------------- training
def test_one_sgd_step_is_w_minus_eta_times_the_gradient_on_the_batch():
    data = pg.dataset("circle", 60, 0.1, 0.5, 0)  # 30 training points: one batch of 30
    for regularization in pg.REGULARIZATIONS:
        net = net_of((4, 2), "sigmoid", feats=pg.FEATURES, regularization=regularization,
                     reg_rate=0.01, learning_rate=0.3, batch_size=30)  # fmt: skip
        weights = pg.init_weights(net, 1)
        run = pg.train(net, weights, data, 1, seed=5)
        order = np.random.default_rng([5, 0]).permutation(30)
        _, grads = pg.gradients(net, weights, data.X_train[order], data.y_train[order])
        expected = [(W - 0.3 * gW, b - 0.3 * gb) for (W, b), (gW, gb) in zip(weights, grads, strict=True)]  # fmt: skip
        np.testing.assert_allclose(flat(run.weights), flat(expected), rtol=0, atol=1e-15)


def test_an_epoch_is_the_batches_in_order_the_last_one_shorter():
    data = pg.dataset("xor", 60, 0.1, 0.5, 1)  # 30 training points: batches of 20 and 10
    net = net_of((3,), "relu", regularization="l1", reg_rate=0.01, learning_rate=0.1,
                 batch_size=20)  # fmt: skip
    weights = pg.init_weights(net, 2)
    run = pg.train(net, weights, data, 1, seed=6, start_epoch=3)
    order = np.random.default_rng([6, 3]).permutation(30)
    expected = weights
    for batch in (order[:20], order[20:]):  # each the mean over its own points
        _, grads = pg.gradients(net, expected, data.X_train[batch], data.y_train[batch])
        expected = [(W - 0.1 * gW, b - 0.1 * gb) for (W, b), (gW, gb) in zip(expected, grads, strict=True)]  # fmt: skip
    np.testing.assert_allclose(flat(run.weights), flat(expected), rtol=0, atol=1e-14)
    np.testing.assert_array_equal(run.epochs, [4])


def test_train_records_losses_and_leaves_the_weights_alone():
    data = pg.dataset("gauss", 100, 0.1, 0.5, 0)
    net = net_of((3,), batch_size=7)  # 50 points: 7 batches of 7 and one of 1
    weights = pg.init_weights(net, 0)
    before = flat(weights)
    run = pg.train(net, weights, data, 5, seed=1)
    np.testing.assert_array_equal(flat(weights), before)
    np.testing.assert_array_equal(run.epochs, np.arange(6))
    assert run.train_loss[0] == pg.loss(net, weights, data.X_train, data.y_train)
    assert run.test_loss[-1] == pytest.approx(pg.loss(net, run.weights, data.X_test, data.y_test))
    assert run.train_loss[-1] < run.train_loss[0] and not run.diverged
    later = pg.train(net, run.weights, data, 3, seed=1, start_epoch=5)
    np.testing.assert_array_equal(later.epochs, [6, 7, 8])
    empty = pg.train(net, weights, data, 0, seed=1)
    np.testing.assert_array_equal(empty.epochs, [0])
    np.testing.assert_array_equal(flat(empty.weights), before)


@pytest.mark.parametrize(
    ("activation", "problem", "regularization", "batch"),
    [("tanh", "classification", "none", 10), ("relu", "regression", "l1", 7),
     ("sigmoid", "classification", "l2", 1), ("linear", "regression", "l2", 30)],
)  # fmt: skip
def test_chunked_training_equals_one_shot_bit_for_bit(activation, problem, regularization, batch):
    name = "xor" if problem == "classification" else "bumps"
    data = pg.dataset(name, 120, 0.2, 0.6, 2)
    net = pg.Network(("x1", "x2", "x1x2", "sin1"), (5, 3), activation, problem,
                     regularization, 0.003, 0.03, batch)  # fmt: skip
    weights = pg.init_weights(net, 4)
    whole = pg.train(net, weights, data, 10, seed=8)
    first = pg.train(net, weights, data, 4, seed=8)
    second = pg.train(net, first.weights, data, 6, seed=8, start_epoch=4)
    for (W, b), (W2, b2) in zip(whole.weights, second.weights, strict=True):
        assert np.array_equal(W, W2) and np.array_equal(b, b2)
    for field in ("epochs", "train_loss", "test_loss"):
        joined = np.concatenate([getattr(first, field), getattr(second, field)])
        assert np.array_equal(getattr(whole, field), joined)
    other = pg.train(net, weights, data, 10, seed=9)
    assert not np.array_equal(other.weights[0][0], whole.weights[0][0])


def test_divergence_stops_and_keeps_the_last_finite_weights():
    data = pg.dataset("plane", 200, 0.0, 0.5, 0)
    net = pg.Network(pg.FEATURES, (8, 8), "relu", "regression", learning_rate=10.0,
                     batch_size=1)  # fmt: skip
    weights = pg.init_weights(net, 0)
    run = pg.train(net, weights, data, 50, seed=0)
    assert run.diverged and run.epochs[-1] < 50
    assert np.isfinite(run.train_loss).all() and np.isfinite(flat(run.weights)).all()
    assert pg.loss(net, run.weights, data.X_train, data.y_train) == run.train_loss[-1]
    assert np.array_equal(run.epochs, np.arange(len(run.epochs)))
    again = pg.train(net, run.weights, data, 5, seed=0, start_epoch=int(run.epochs[-1]))
    assert again.diverged and len(again.epochs) == 0
    np.testing.assert_array_equal(flat(again.weights), flat(run.weights))


def test_points_too_large_to_train_on_stop_at_once():
    X, y, problem = pg.read_csv_points("x1,x2,label\n1e200,0,0\n0,1,1\n-1,2,0\n3,3,1\n")
    data = pg.split(X, y, 0.5, 0, problem)
    net = net_of((2,), feats=("x2", "x1sq"))
    weights = pg.init_weights(net, 0)
    run = pg.train(net, weights, data, 10, seed=0)
    assert 1e200 in data.X_train  # tanh saturates, so the loss is finite; the gradient is not
    assert run.diverged and list(run.epochs) == [0] and np.isfinite(run.train_loss).all()
    np.testing.assert_array_equal(flat(run.weights), flat(weights))
    linear = net_of((2,), "linear", feats=("x2", "x1sq"))  # here the loss itself is not finite
    run = pg.train(linear, pg.init_weights(linear, 0), data, 10, seed=0)
    assert run.diverged and len(run.epochs) == len(run.train_loss) == 0


def test_train_refuses_data_of_the_other_problem():
    net = net_of((2,))
    with pytest.raises(ValueError):
        pg.train(net, pg.init_weights(net, 0), pg.dataset("plane", 20), 1, seed=0)


def test_xor_is_learned_by_a_2_4_1_tanh_network():
    data = pg.dataset("xor", 500, 0.0, 0.5, 0)
    net = net_of((4,), "tanh", learning_rate=0.03, batch_size=10)
    run = pg.train(net, pg.init_weights(net, 0), data, 200, seed=0)
    assert pg.accuracy(net, run.weights, data.X_test, data.y_test) >= 0.9
    assert run.test_loss[-1] < 0.3 * run.test_loss[0]


def test_the_spiral_is_learned_by_a_deeper_network_with_sin_inputs():
    data = pg.dataset("spiral", 500, 0.0, 0.5, 0)
    net = net_of((8, 8), "tanh", feats=("x1", "x2", "sin1", "sin2"), learning_rate=0.03,
                 batch_size=10)  # fmt: skip
    run = pg.train(net, pg.init_weights(net, 0), data, 200, seed=0)
    assert pg.accuracy(net, run.weights, data.X_train, data.y_train) >= 0.9
    # the same network without the sines does not get there in that time
    plain = net_of((8, 8), "tanh", learning_rate=0.03, batch_size=10)
    slow = pg.train(plain, pg.init_weights(plain, 0), data, 200, seed=0)
    assert pg.accuracy(plain, slow.weights, data.X_train, data.y_train) < 0.9


def test_accuracy_is_for_classification():
    net = net_of((2,), problem="regression")
    with pytest.raises(ValueError):
        pg.accuracy(net, pg.init_weights(net, 0), np.zeros((2, 2)), np.zeros(2))


def test_agrees_with_pytorch():
    torch = pytest.importorskip("torch")
    data = pg.dataset("circle", 200, 0.1, 0.5, 0)
    for activation, problem, regularization in (("tanh", "classification", "l2"),
                                                ("relu", "regression", "none")):  # fmt: skip
        name = "circle" if problem == "classification" else "bumps"
        data = pg.dataset(name, 200, 0.1, 0.5, 0)
        net = pg.Network(pg.FEATURES, (4, 4), activation, problem, regularization, 0.001,
                         0.03, 10)  # fmt: skip
        weights = pg.init_weights(net, 0)
        run = pg.train(net, weights, data, 5, seed=3)
        layers = [torch.nn.Linear(a, b, dtype=torch.float64) for a, b in
                  zip(net.sizes[:-1], net.sizes[1:], strict=True)]  # fmt: skip
        with torch.no_grad():
            for layer, (W, b) in zip(layers, weights, strict=True):
                layer.weight.copy_(torch.from_numpy(W))
                layer.bias.copy_(torch.from_numpy(b))
        act = torch.nn.Tanh if activation == "tanh" else torch.nn.ReLU
        parts = [m for layer in layers[:-1] for m in (layer, act())] + [layers[-1]]
        model = torch.nn.Sequential(*parts)
        loss_fn = (torch.nn.BCEWithLogitsLoss() if problem == "classification"
                   else lambda out, y: 0.5 * torch.nn.functional.mse_loss(out, y))  # fmt: skip
        optimizer = torch.optim.SGD(model.parameters(), lr=0.03)
        F = torch.from_numpy(pg.features(data.X_train, net.features))
        y = torch.from_numpy(data.y_train)
        for epoch in range(5):
            order = torch.from_numpy(np.random.default_rng([3, epoch]).permutation(len(y)))
            for start in range(0, len(y), 10):
                batch = order[start : start + 10]
                optimizer.zero_grad()
                objective = loss_fn(model(F[batch])[:, 0], y[batch])
                if regularization == "l2":
                    objective = objective + 0.001 * 0.5 * sum((m.weight**2).sum() for m in layers)
                objective.backward()
                optimizer.step()
        theirs = [(m.weight.detach().numpy(), m.bias.detach().numpy()) for m in layers]
        np.testing.assert_allclose(flat(run.weights), flat(theirs), rtol=0, atol=1e-10)


# ------------------------------------------------------------------------------------- grids
def test_grid_orientation_and_every_neuron():
    net = net_of((3, 2), "relu", feats=("x1", "x2", "x1x2"))
    weights = pg.init_weights(net, 1)
    g = pg.grid(net, weights, n=7, box=3.0)
    np.testing.assert_allclose(g.axis, np.linspace(-3, 3, 7))
    assert g.output.shape == (7, 7) and g.inputs.shape == (3, 7, 7)
    assert [a.shape for a in g.neurons] == [(3, 7, 7), (2, 7, 7), (1, 7, 7)]
    np.testing.assert_array_equal(g.inputs[0], np.tile(g.axis, (7, 1)))  # x₁ = axis[j]
    np.testing.assert_array_equal(g.inputs[1], np.tile(g.axis[:, None], (1, 7)))  # x₂ = axis[i]
    i, j = 1, 5
    point = np.array([[g.axis[j], g.axis[i]]])
    layers = pg.forward(net, weights, pg.features(point, net.features))
    for k, (_, A) in enumerate(layers):
        np.testing.assert_allclose(g.neurons[k][:, i, j], A[0])
    assert g.output[i, j] == pytest.approx(layers[-1][1][0, 0])
    np.testing.assert_array_equal(g.output, g.neurons[-1][0])
    assert pg.grid(net, weights).output.shape == (40, 40)


def test_grid_with_huge_weights_warns_nothing():
    net = net_of((2,), "sigmoid")
    weights = [(W * 1e300, b) for W, b in pg.init_weights(net, 0)]
    g = pg.grid(net, weights, n=5)
    assert np.all((g.output >= 0) | np.isnan(g.output))


# ---------------------------------------------------------------------------------- CSV data
def test_read_csv_points_classification_and_regression():
    X, y, problem = pg.read_csv_points("x1,x2,label\n1,2,0\n-3,4.5,1\n0,0,1\n")
    np.testing.assert_array_equal(X, [[1, 2], [-3, 4.5], [0, 0]])
    np.testing.assert_array_equal(y, [0, 1, 1])
    assert problem == "classification"
    X, y, problem = pg.read_csv_points(b"\xef\xbb\xbfX1, x2, Y\n7,8,0.25\n1,2,-3\n")
    assert problem == "regression" and pg.points_outside(X) == 1
    np.testing.assert_array_equal(y, [0.25, -3])
    assert pg.read_csv_points("x1,x2,label,y\n1,2,0,5\n3,4,1,6\n")[2] == "classification"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("x1,x2\n1,2\n3,4\n", "columns"),
        ("x1,x2,label\n1,2,1\n3,4,1\n", "one_class"),
        ("x1,x2,label\n1,2,1\n", "too_few"),
        ("x1,x2,label\n1,a,1\n3,4,0\n", "non_numeric"),
        ("x1,x2,label\n1,2\n3,4,0\n", "fields"),
        ("x1,x2,label\n" + "1,2,0\n" * 2001, "too_many"),
    ],
)
def test_read_csv_points_refusals(text, code):
    with pytest.raises(CSVError) as error:
        pg.read_csv_points(text)
    assert error.value.code == code


def test_read_csv_points_takes_2000_rows():
    X, _, _ = pg.read_csv_points("x1,x2,label\n" + "1,2,0\n3,4,1\n" * 1000)
    assert X.shape == (2000, 2)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300),
        st.binary(max_size=300),
        st.lists(
            st.sampled_from(["x1,x2,label", "x1,x2,y", "1,0,1", "2,1,0", "3,1", "1e999,2,0",
                             "nan,1,1", '"1",2,0.5', ",,", "", "x1;x2;label"]),
            max_size=8,
        ).map("\n".join),
    )
)  # fmt: skip
def test_read_csv_points_refuses_garbage_only_with_coded_errors(data):
    try:
        X, y, problem = pg.read_csv_points(data)
    except CSVError as error:
        assert error.code
        return
    assert X.shape == (len(y), 2) and len(y) >= 2 and np.isfinite(X).all()
    assert problem in pg.PROBLEMS
