"""dlviz.mlp: backprop gradients against finite differences, the hand-written trainer (many
networks at once) against the autodiff trainer, a long run read at any epoch count against a
run of exactly that length, stability, and the honest count of seeds that solve XOR."""

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
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_backprop_by_hand_matches_autodiff(seed, loss):
    p = mlp.init_params(seed, scale=2.0)
    value, grads = mlp.backprop(p, INPUTS, Y, loss)
    expected_value, expected = mlp.loss_and_gradient(p, INPUTS, Y, loss)
    assert value == pytest.approx(expected_value, rel=1e-12)
    np.testing.assert_allclose(grads.flat(), expected.flat(), rtol=1e-10, atol=1e-15)
    assert len(mlp.PARAMETER_NAMES) == len(grads.flat()) == 9


@pytest.mark.parametrize("loss", mlp.LOSSES)
def test_train_many_matches_the_autodiff_trainer_for_every_eta_and_seed(loss):
    runs = mlp.train_many(INPUTS, Y, [0, 1, 5], (0.5, 2.0), 120, loss)
    assert runs.loss.shape == runs.solved.shape == (121, 2, 3)
    for i, eta in enumerate((0.5, 2.0)):
        for j, seed in enumerate((0, 1, 5)):
            history = mlp.train(INPUTS, Y, seed, eta, 120, loss)
            np.testing.assert_allclose(runs.loss[:, i, j], history.loss, rtol=1e-10)
            expected = history.params[-1].flat()
            np.testing.assert_allclose(runs.params_at(i, j, 120), expected, rtol=1e-9, atol=1e-12)
            assert runs.solved[-1, i, j] == history.solved


@pytest.mark.parametrize("loss", mlp.LOSSES)
def test_a_long_run_read_at_any_epoch_count_is_a_run_of_exactly_that_length(loss):
    """The page trains once to its largest epoch count and shows part of that history: what it
    shows for e epochs is, to the last bit, training for exactly e epochs."""
    seeds, etas = [0, 1, 2], (1.0, 5.0)
    long = mlp.train_many(INPUTS, Y, seeds, etas, 700, loss, keep=range(0, 701, 100))
    assert {0, 50, 100, 700}.issubset(long.kept) and 150 not in long.kept
    for epochs in (1, 100, 150, 237, 600, 700):  # kept, or resumed from the last kept epoch
        for i, eta in enumerate(etas):
            for j, seed in enumerate(seeds):
                alone = mlp.train_many(INPUTS, Y, [seed], (eta,), epochs, loss)
                np.testing.assert_array_equal(long.params_at(i, j, epochs), alone.params[-1, 0, 0])
                np.testing.assert_array_equal(long.loss[: epochs + 1, i, j], alone.loss[:, 0, 0])
                assert long.solved[epochs, i, j] == alone.solved[-1, 0, 0]
        picks, flat, curve = long.history(0, 1, epochs)
        np.testing.assert_array_equal(picks, mlp.frame_epochs(epochs))
        alone = mlp.train_many(INPUTS, Y, [1], (1.0,), epochs, loss)
        np.testing.assert_array_equal(flat, alone.params[np.searchsorted(alone.kept, picks), 0, 0])
        np.testing.assert_array_equal(curve, alone.loss[:, 0, 0])


def test_frame_epochs_are_round_numbers_shared_by_every_length():
    assert mlp.frame_epochs(5).tolist() == [0, 1, 2, 3, 5]
    nice = [0, 1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500]
    assert mlp.frame_epochs(1000).tolist() == [*nice, 1000]
    assert len(mlp.frame_epochs(3000)) <= 50 and mlp.frame_epochs(1234)[-2:].tolist() == [
        1000,
        1234,
    ]
    for epochs in (100, 1200, 2900):  # one frame list is the start of a longer one
        shorter = mlp.frame_epochs(epochs)[:-1]
        np.testing.assert_array_equal(shorter, mlp.frame_epochs(3000)[: len(shorter)])


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
    snap = mlp.snapshots(history, INPUTS, n=11)
    frames = len(snap["epochs"])
    assert snap["epochs"][0] == 0 and snap["epochs"][-1] == 200 and frames >= 8
    assert snap["probs"].shape == (frames, 11, 11) and snap["hidden"].shape == (frames, 4, 2)
    assert snap["W1"].shape == (frames, 2, 2) and snap["loss"].shape == (frames,)
    assert ((snap["probs"] >= 0) & (snap["probs"] <= 1)).all()
    np.testing.assert_array_equal(snap["loss_curve"], history.loss)
    # grid rows follow x₂, columns x₁: the corner (x₁, x₂) = (1.5, −0.5) is probs[:, 0, -1]
    _, corner = mlp.forward(history.params[-1], np.array([[1.5, -0.5]]))
    assert snap["probs"][-1, 0, -1] == pytest.approx(corner[0], abs=5e-4)
