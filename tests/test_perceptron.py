"""dlviz.perceptron: the lecture's AND1/AND2 training, the XOR network, cycling on XOR, ADALINE.

The core results are checked against an independent reference written here in plain Python.
"""

import itertools

import numpy as np
import pytest

from dlviz import perceptron as pc

LECTURE = {"w": (1.0, 1.0), "gamma": 1.5, "threshold": 1.0}


def reference_perceptron(X, y, w, gamma, threshold, epochs, b=None):
    """Plain-Python online perceptron rule: (weights after each presentation, errors/epoch)."""
    w, bias, path, errors = list(w), b or 0.0, [], []
    for _ in range(epochs):
        wrong = 0
        for x, target in zip(X.tolist(), y.tolist(), strict=True):
            s = sum(wi * xi for wi, xi in zip(w, x, strict=True)) + bias
            out = 1 if round(s, 10) >= threshold else 0
            err = target - out
            w = [wi + gamma * err * xi for wi, xi in zip(w, x, strict=True)]
            if b is not None:
                bias += gamma * err
            wrong += err != 0
            path.append((*w, bias))
        errors.append(wrong)
    return path, errors


def test_truth_tables_match_the_logic():
    table = pc.truth_table()
    for _, row in table.iterrows():
        a, b = bool(row["x1"]), bool(row["x2"])
        assert row["AND"] == (a and b) and row["OR"] == (a or b) and row["XOR"] == (a != b)
        assert row["AND1"] == (a and not b) and row["AND2"] == (not a and b)


def test_step_fires_at_the_threshold():
    assert pc.step(1.0, 1.0) == 1 and pc.step(0.999, 1.0) == 0
    assert pc.step(0.1 + 0.2, 0.3) == 1  # rounding: 0.30000000000000004 counts as 0.3
    assert list(pc.step(np.array([-0.5, 0.5, 2.0]), 1.0)) == [0, 0, 1]


@pytest.mark.parametrize(("gate", "final", "changed"), [("AND1", [1.0, -0.5], "w2"),
                                                        ("AND2", [-0.5, 1.0], "w1")])  # fmt: skip
def test_lecture_training_reaches_the_slide_weights(gate, final, changed):
    run = pc.train(pc.INPUTS, pc.GATES[gate], **LECTURE, epochs=10)
    assert run.w.tolist() == final
    assert run.updates == 1 and run.converged_epoch == 2 and run.cycle is None
    trace = run.trace
    assert len(trace) == 8  # two epochs of four presentations
    wrong = trace[trace["error"] != 0]
    assert len(wrong) == 1 and wrong.iloc[0]["changed"] == changed  # only the active input
    assert (trace.loc[trace["error"] == 0, "changed"] == "—").all()
    assert list(pc.predict(pc.INPUTS, run.w, 1.0)) == list(pc.GATES[gate])


def test_and1_trace_matches_the_slide_row_by_row():
    trace = pc.train(pc.INPUTS, pc.GATES["AND1"], **LECTURE, epochs=10).trace
    first = trace[trace["epoch"] == 1]
    assert first["weighted_sum"].tolist() == [0.0, 1.0, 1.0, 0.5]  # [1,1] already sees [1,−0.5]
    assert first["y_hat"].tolist() == [0, 1, 1, 0]
    row = first.iloc[1]
    assert (row["dw1"], row["dw2"], row["w1"], row["w2"]) == (0.0, -1.5, 1.0, -0.5)
    assert not np.signbit(
        trace[["dw1", "dw2"]].to_numpy()[trace[["dw1", "dw2"]] == 0]
    ).any()  # no "-0"
    second = trace[trace["epoch"] == 2]
    assert second["weighted_sum"].tolist() == [0.0, -0.5, 1.0, 0.5]  # the slide's check, σ[−0.5]


@pytest.mark.parametrize("gate", list(pc.GATES))
@pytest.mark.parametrize(("gamma", "threshold", "w", "b"),
                         [(1.5, 1.0, (1.0, 1.0), None), (0.5, 1.0, (0.0, 2.0), None),
                          (1.0, 0.0, (0.0, 0.0), 0.0), (0.3, 0.2, (-1.0, 0.5), 0.4)])  # fmt: skip
def test_train_matches_independent_reference(gate, gamma, threshold, w, b):
    y = pc.GATES[gate]
    run = pc.train(pc.INPUTS, y, w, gamma, threshold, 12, stop_when_converged=False, b=b)
    path, errors = reference_perceptron(pc.INPUTS, y, w, gamma, threshold, 12, b)
    got = np.column_stack([run.weights[1:], run.biases[1:] if b is not None else np.zeros(48)])
    np.testing.assert_allclose(got, np.array(path), atol=1e-12)
    assert run.errors.tolist() == errors


def test_xor_network_table_is_the_slide_trace():
    net = pc.network_table(pc.INPUTS, pc.XOR_HIDDEN, pc.XOR_OUTPUT, 1.0, pc.GATES["XOR"])
    assert net[["z_A", "z_B"]].to_numpy().tolist() == [[0, 0], [-0.5, 1], [1, -0.5], [0.5, 0.5]]
    assert net["A"].tolist() == [0, 0, 1, 0] and net["B"].tolist() == [0, 1, 0, 0]
    assert net["A"].tolist() == list(pc.GATES["AND1"]) and net["B"].tolist() == list(
        pc.GATES["AND2"]
    )
    assert net["z_out"].tolist() == [0, 1, 1, 0] and net["y_hat"].tolist() == [0, 1, 1, 0]
    assert net["ok"].all()
    latex = pc.network_latex(net.iloc[3], pc.XOR_HIDDEN, pc.XOR_OUTPUT)
    assert r"\begin{bmatrix} 0.5 \\ 0.5 \end{bmatrix}" in latex and latex.endswith("0")
    # the output's weights as a row of cells: "[-4.5 -4.5]" set as one line read as 4.5 − 4.5
    latex = pc.network_latex(net.iloc[3], pc.XOR_HIDDEN, [-4.5, -4.5])
    assert r"\begin{bmatrix} -4.5 & -4.5 \end{bmatrix}" in latex


def test_edited_network_reports_wrong_inputs():
    net = pc.network_table(pc.INPUTS, [[1, 1], [-0.5, 1]], pc.XOR_OUTPUT, 1.0, pc.GATES["XOR"])
    assert not net["ok"].all()
    assert net.loc[~net["ok"], ["x1", "x2"]].to_numpy().tolist() == [[1, 1]]


@pytest.mark.parametrize("setting", [LECTURE, pc.RULE_SLIDE])
def test_single_unit_never_converges_on_xor(setting):
    run = pc.train(pc.INPUTS, pc.GATES["XOR"], epochs=60, stop_when_converged=False, **setting)
    assert run.converged_epoch is None and (run.errors > 0).all()
    first, period = run.cycle
    start = (first - 1) * 4
    np.testing.assert_array_equal(run.weights[start], run.weights[start + 4 * period])
    np.testing.assert_array_equal(run.weights[-1 - 4 * period], run.weights[-1])  # still cycling
    kind, numbers = pc.outcome(run)
    assert kind == "cycle" and numbers["again"] == first + period


def test_xor_is_not_linearly_separable_by_any_unit():
    """Brute force over a grid of (w1, w2, θ): no single step unit reproduces XOR."""
    grid = np.arange(-3, 3.01, 0.25)
    for w1, w2, theta in itertools.product(grid, grid, grid):
        assert list(pc.predict(pc.INPUTS, (w1, w2), theta)) != [0, 1, 1, 0]


def test_and_and_or_converge_with_the_rule_slide():
    for gate in ("AND", "OR"):
        run = pc.train(pc.INPUTS, pc.GATES[gate], epochs=30, **pc.RULE_SLIDE)
        assert run.converged_epoch is not None and run.errors[-1] == 0
        z = pc.INPUTS @ run.w + run.b
        assert list(pc.step(z, 0.0)) == list(pc.GATES[gate])


def test_and_without_bias_at_gamma_1_5_cycles_but_converges_with_gamma_0_5():
    run = pc.train(pc.INPUTS, pc.GATES["AND"], **LECTURE, epochs=20)
    assert run.converged_epoch is None and run.cycle == (1, 1)
    small = pc.train(pc.INPUTS, pc.GATES["AND"], (1.0, 1.0), 0.5, 1.0, 20)
    assert small.converged_epoch == 2 and small.w.tolist() == [0.5, 0.5]


def test_presentation_latex_shows_the_update():
    run = pc.train(pc.INPUTS, pc.GATES["AND2"], **LECTURE, epochs=10)
    text = pc.presentation_latex(run.trace.iloc[2], run.weights[2], 1.5, 1.0)
    lines = [line.strip() for line in text.split(r"\\")]
    assert lines[0] == r"\begin{aligned} [1,0] &\rightarrow 1(1) + 1(0) = 1"
    assert lines[1] == r"&\rightarrow \sigma[1] = 1 \ne y = 0"  # a wrong answer
    assert lines[2:] == [
        "w'_{1} &= 1 + 1.5(0 - 1)1 = -0.5",
        r"w'_{2} &= 1 + 1.5(0 - 1)0 = 1 \end{aligned}",
    ]
    ok = pc.presentation_latex(run.trace.iloc[5], run.weights[5], 1.5, 1.0)
    assert (
        r"[0,1] &\rightarrow -0.5(0) + 1(1) = 1 \\ &\rightarrow \sigma[1] = 1 = y\ \checkmark" in ok
    )


def test_weights_stay_on_their_lattice():
    """w₀ + γ·(integers), not float drift: with γ = 0.3 from [−4.5, 4.5] a weight that comes back
    to 0 is 0 (it read 1.22125e-15 in the step equation)."""
    run = pc.train(pc.INPUTS, pc.GATES["XOR"], (-4.5, 4.5), 0.3, -1.7, 30)
    steps = (run.weights - np.array([-4.5, 4.5])) / 0.3
    np.testing.assert_allclose(steps, np.round(steps), atol=1e-9)
    np.testing.assert_array_equal(run.weights, np.round(run.weights, 10))  # no drift left
    assert 0.0 in run.weights[:, 1] and not np.any(
        (0 < np.abs(run.weights)) & (np.abs(run.weights) < 1e-6)
    )
    shown = pc.presentation_latex(run.trace.iloc[96], run.weights[96], 0.3, -1.7)
    assert "e-" not in shown and r"-1.8(0) + 0(0) = 0" in shown


def test_adaline_reaches_least_squares():
    y = pc.GATES["AND"]
    run = pc.adaline_train(pc.INPUTS, y, (0.0, 0.0), eta=0.01, epochs=4000)
    A = np.column_stack([pc.INPUTS, np.ones(4)])
    exact, *_ = np.linalg.lstsq(A, y.astype(float), rcond=None)  # [0.5, 0.5, −0.25]
    np.testing.assert_allclose(
        [*run.w, run.b], exact, atol=0.01
    )  # online SGD with a fixed η: near, not on
    assert run.errors[-1] == 0 and run.diverged_at is None
    moved = pc.update_sizes(run.weights, run.biases) > 0
    assert moved.mean() > 0.99  # it moves whenever ŷ ≠ y exactly: almost every presentation


def test_adaline_diverges_with_a_large_eta_and_says_where():
    with np.errstate(all="raise"):
        run = pc.adaline_train(pc.INPUTS, pc.GATES["AND"], (0.0, 0.0), eta=2.0, epochs=500)
    assert run.diverged_at is not None and len(run.outputs) == run.diverged_at
    slow = pc.adaline_train(pc.INPUTS, pc.GATES["AND"], (0.0, 0.0), eta=1.0, epochs=30)
    assert slow.diverged_at == 20 and slow.mse[-1] > 10  # a growing oscillation, caught early
    assert pc.adaline_train(pc.INPUTS, pc.GATES["AND"], (0.0, 0.0), 0.5, 30).diverged_at is None


def test_perceptron_updates_only_on_mistakes():
    run = pc.train(pc.INPUTS, pc.GATES["OR"], epochs=10, stop_when_converged=False, **pc.RULE_SLIDE)
    sizes = pc.update_sizes(run.weights, run.biases)
    assert ((sizes > 0) == (run.trace["error"] != 0).to_numpy()).all()
    assert run.updates == int((sizes > 0).sum())


def test_compare_table_puts_both_rules_side_by_side():
    y = pc.GATES["AND"]
    per = pc.train(pc.INPUTS, y, epochs=30, **pc.RULE_SLIDE)
    ada = pc.adaline_train(pc.INPUTS, y, (0.0, 0.0), 0.1, 30)
    table = pc.compare_table(pc.INPUTS, y, per, ada)
    assert table["perceptron_y_hat"].tolist() == list(y)
    assert table["adaline_class"].tolist() == list(y)
    assert not np.isin(table["adaline_y_hat"], [0.0, 1.0]).all()  # real-valued outputs
