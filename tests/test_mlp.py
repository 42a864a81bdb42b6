"""dlviz.mlp: backprop gradients against finite differences, the hand-written seed sweep against
the autodiff trainer, stability, and the honest count of seeds that solve XOR."""

import numpy as np
import pytest

from dlviz import mlp
from dlviz.perceptron import GATES, INPUTS

Y = GATES["XOR"].astype(float)


def reference_loss(flat, loss):
    """The loss written independently in numpy from the formulas (no autodiff)."""
    W1, b1, w2, b2 = flat[:4].reshape(2, 2), flat[4:6], flat[6:8], flat[8]
    H = 1 / (1 + np.exp(-(INPUTS @ W1.T + b1)))
    z = H @ w2 + b2
    if loss == "bce":
        a = 1 / (1 + np.exp(-z))
        return float(-np.mean(Y * np.log(a) + (1 - Y) * np.log(1 - a)))
    return float(np.mean((1 / (1 + np.exp(-z)) - Y) ** 2))


@pytest.mark.parametrize("loss", mlp.LOSSES)
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_backprop_gradients_match_finite_differences(seed, loss):
    p = mlp.init_params(seed, scale=2.0)
    value, grads = mlp.loss_and_gradient(p, INPUTS, Y, loss)
    flat = p.flat()
    assert value == pytest.approx(reference_loss(flat, loss), rel=1e-12)
    h = 1e-6
    numeric = np.array([(reference_loss(flat + h * e, loss) - reference_loss(flat - h * e, loss))
                        / (2 * h) for e in np.eye(9)])  # fmt: skip
    np.testing.assert_allclose(grads.flat(), numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("loss", mlp.LOSSES)
def test_seed_sweep_matches_the_autodiff_trainer(loss):
    seeds = [0, 1, 2, 3]
    losses, solved = mlp.seed_sweep(INPUTS, Y, seeds, eta=1.0, epochs=150, loss=loss)
    for seed, value, ok in zip(seeds, losses, solved, strict=True):
        history = mlp.train(INPUTS, Y, seed, eta=1.0, epochs=150, loss=loss)
        assert value == pytest.approx(history.loss[-1], rel=1e-10)
        assert ok == mlp.train(INPUTS, Y, seed, 1.0, 150, loss).solved


def test_training_is_seeded_and_recorded_per_epoch():
    a = mlp.train(INPUTS, Y, seed=3, epochs=50)
    b = mlp.train(INPUTS, Y, seed=3, epochs=50)
    np.testing.assert_array_equal(a.loss, b.loss)
    assert a.epochs == 50 and len(a.params) == 51 and len(a.loss) == 51
    assert not np.array_equal(mlp.train(INPUTS, Y, seed=4, epochs=50).loss, a.loss)


def test_some_seeds_solve_xor_and_some_get_stuck():
    losses, solved = mlp.seed_sweep(INPUTS, Y, range(20), eta=1.0, epochs=1000)
    assert int(solved.sum()) == 13  # the page's default count, reported honestly
    assert losses[~solved].min() > 0.3 > 0.1 > losses[solved].max()
    assert not solved[0] and solved[1]  # the seed control's help text says so


def test_default_seed_solves_xor_with_autodiff():
    history = mlp.train(INPUTS, Y, seed=1, eta=1.0, epochs=1000)
    assert history.solved and history.loss[-1] < history.loss[0] / 10
    _, a = mlp.forward(history.params[-1], INPUTS)
    assert ((a >= 0.5) == (Y == 1)).all()


def test_loss_is_finite_for_huge_weights():
    p = mlp.Params(np.full((2, 2), 1e6), np.array([-1e6, 1e6]), np.array([1e6, -1e6]), 1e6)
    with np.errstate(all="raise"):
        for loss in mlp.LOSSES:
            value, grads = mlp.loss_and_gradient(p, INPUTS, Y, loss)
            assert np.isfinite(value) and np.all(np.isfinite(grads.flat()))
        losses, _ = mlp.seed_sweep(INPUTS, Y, [0], eta=1e3, epochs=5)
    assert np.isfinite(losses).all()


def test_snapshots_for_the_animation():
    history = mlp.train(INPUTS, Y, seed=1, epochs=200)
    snap = mlp.snapshots(history, INPUTS, count=10, n=11)
    frames = len(snap["epochs"])
    assert snap["epochs"][0] == 0 and snap["epochs"][-1] == 200 and frames >= 8
    assert snap["probs"].shape == (frames, 11, 11) and snap["hidden"].shape == (frames, 4, 2)
    assert snap["W1"].shape == (frames, 2, 2) and snap["loss"].shape == (frames,)
    assert ((snap["probs"] >= 0) & (snap["probs"] <= 1)).all()
    np.testing.assert_array_equal(snap["loss_curve"], history.loss)
    # grid rows follow x₂, columns x₁: the corner (x₁, x₂) = (1.5, −0.5) is probs[:, 0, -1]
    _, corner = mlp.forward(history.params[-1], np.array([[1.5, -0.5]]))
    assert snap["probs"][-1, 0, -1] == pytest.approx(corner[0], abs=5e-4)
