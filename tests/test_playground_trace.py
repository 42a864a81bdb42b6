"""dlviz.playground_trace: one point's forward/backward pass by autodiff against the numpy
trainer (1e-10) and finite differences, the formulas as LaTeX, the numbers on them, the table,
and the network's formula for the Autodiff page (parsed, evaluated, differentiated, opened)."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlviz import expr
from dlviz import playground as pg
from dlviz import playground_trace as pt

CASES = list(itertools.product(pg.ACTIVATIONS, pg.PROBLEMS, pg.REGULARIZATIONS))
ALL_FEATURES = pg.FEATURES


def network(activation="tanh", problem="classification", regularization="none", *,
            features=("x1", "x2"), hidden=(4, 2), reg_rate=0.03, **kwargs) -> pg.Network:  # fmt: skip
    return pg.Network(features, hidden, activation, problem, regularization, reg_rate, **kwargs)


def spread(net, seed=0, scale=1.5):
    """Weights with biases that are not all 0.1 and weights of both signs and sizes."""
    rng = np.random.default_rng(seed)
    return [(scale * rng.normal(size=W.shape), rng.normal(size=b.shape)) for W, b in
            pg.init_weights(net, seed)]  # fmt: skip


def target(net, value=1.0):
    return value if net.problem == "classification" else 0.35 * value


def close(a, b, tol=1e-10):
    """Every entry within tol, relative to max(1, |value|)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.all(np.abs(a - b) <= tol * np.maximum(1.0, np.abs(b)))


# ------------------------------------------------------------------- autodiff = numpy backprop
@pytest.mark.parametrize(("activation", "problem", "regularization"), CASES)
def test_autodiff_agrees_with_the_numpy_trainer_to_1e_10(activation, problem, regularization):
    net = network(activation, problem, regularization, features=ALL_FEATURES, hidden=(5, 3))
    for seed, x, label in ((0, [1.3, -2.2], 1.0), (1, [-4.5, 0.7], 0.0), (2, [0.0, 5.9], 1.0)):
        weights = spread(net, seed)
        y = target(net, label)
        t = pt.trace(net, weights, x, y)
        value, grads = pg.gradients(net, weights, np.array([x]), np.array([y]))
        assert abs(t.objective - value) <= 1e-10 * max(1.0, abs(value))
        assert abs(t.objective - pg.objective(net, weights, np.array([x]), np.array([y]))) < 1e-10
        assert abs(t.loss - pg.loss(net, weights, np.array([x]), np.array([y]))) < 1e-10
        assert t.objective == pytest.approx(t.loss + t.penalty, abs=1e-15)
        # The finite differences' numpy twin computes the trainer's objective too.
        for k, (gW, gb) in enumerate(grads):
            assert close(t.grad_W[k], gW) and close(t.grad_b[k], gb), (k, seed)
        layers = pg.forward(net, weights, pg.features(np.array([x]), net.features))
        for k, (Z, A) in enumerate(layers):
            assert close(t.z[k], Z[0], 1e-12) and close(t.a[k], A[0], 1e-12)


def test_trained_weights_agree_too():
    net = network("relu", "classification", "l1", hidden=(4, 4), reg_rate=0.001)
    data = pg.dataset("xor", n=100, noise=0.1, seed=3)
    run = pg.train(net, pg.init_weights(net, 3), data, epochs=20, seed=3)
    x, y = data.X_train[7], data.y_train[7]
    t = pt.trace(net, run.weights, x, y)
    value, grads = pg.gradients(net, run.weights, x[None], np.array([y]))
    assert abs(t.objective - value) < 1e-10
    assert all(close(t.grad_W[k], gW) and close(t.grad_b[k], gb)
               for k, (gW, gb) in enumerate(grads))  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    hidden=st.lists(st.integers(1, 4), max_size=3).map(tuple),
    features=st.sets(st.sampled_from(ALL_FEATURES), min_size=1).map(
        lambda s: tuple(f for f in ALL_FEATURES if f in s)
    ),
    activation=st.sampled_from(pg.ACTIVATIONS),
    problem=st.sampled_from(pg.PROBLEMS),
    regularization=st.sampled_from(pg.REGULARIZATIONS),
    seed=st.integers(0, 10_000),
    x=st.tuples(st.floats(-6, 6), st.floats(-6, 6)),
)
def test_random_small_networks_agree_with_the_trainer(
    hidden, features, activation, problem, regularization, seed, x
):
    net = network(activation, problem, regularization, features=features, hidden=hidden)
    weights = spread(net, seed)
    y = target(net, float(seed % 2))
    t = pt.trace(net, weights, x, y)
    value, grads = pg.gradients(net, weights, np.array([x]), np.array([y]))
    assert abs(t.objective - value) <= 1e-10 * max(1.0, abs(value))
    for k, (gW, gb) in enumerate(grads):
        assert close(t.grad_W[k], gW) and close(t.grad_b[k], gb)


# -------------------------------------------------------------------------- the trace's parts
def test_the_parts_of_the_objective_and_the_gradient():
    net = network("sigmoid", "classification", "l2", hidden=(3,), reg_rate=0.1)
    weights = spread(net, 4)
    t = pt.trace(net, weights, [2.0, -1.0], 0.0)
    # δ⁽ᴸ⁾ = ŷ − y; ∂J/∂b = δ; ∂ℒ/∂W = δ a⁽ˡ⁻¹⁾ᵀ; the L2 part is λW; R(W) = ½Σw².
    assert t.delta[-1][0] == pytest.approx(t.y_hat - 0.0, abs=1e-15)
    assert all(np.array_equal(gb, d) for gb, d in zip(t.grad_b, t.delta, strict=True))
    previous = (t.a0, *t.a[:-1])
    for k, (W, _) in enumerate(t.weights):
        assert np.allclose(t.grad_W_loss[k], np.outer(t.delta[k], previous[k]), atol=1e-15)
        assert np.allclose(t.grad_W_penalty[k], 0.1 * W, atol=1e-15)
        assert np.allclose(t.grad_W[k], t.grad_W_loss[k] + t.grad_W_penalty[k], atol=1e-15)
    assert t.penalty == pytest.approx(0.1 * 0.5 * sum((W**2).sum() for W, _ in t.weights))
    # ∂ℒ/∂ŷ of the cross-entropy: (ŷ − y) / (ŷ (1 − ŷ)).
    assert t.grad_a[-1][0] == pytest.approx(t.y_hat / (t.y_hat * (1 - t.y_hat)))


def test_l1_part_is_lambda_sign_and_none_is_zero():
    net = network("tanh", "regression", "l1", hidden=(2,), reg_rate=0.3)
    weights = spread(net, 5)
    weights[0][0][0, 1] = 0.0  # sign(0) = 0: the subgradient the trainer uses
    t = pt.trace(net, weights, [1.0, 1.0], 0.5)
    for k, (W, _) in enumerate(t.weights):
        assert np.array_equal(t.grad_W_penalty[k], 0.3 * np.sign(W))
    plain = pt.trace(network("tanh", "regression", "none", hidden=(2,), reg_rate=0.3), weights,
                     [1.0, 1.0], 0.5)  # fmt: skip
    assert plain.penalty == 0.0 and plain.objective == plain.loss
    assert all(not W.any() for W in plain.grad_W_penalty)


def test_a_logit_of_exactly_zero_has_slope_one_half():
    # All weights 0: z = 0 at every layer, ŷ = σ(0) = ½, ℒ = ln 2, δ⁽ᴸ⁾ = ½ − y (|z| has no
    # slope at 0, so a softplus written max(z, 0) + log(1 + e^−|z|) would say −y here).
    net = network("relu", "classification", hidden=(2,))
    weights = [(np.zeros_like(W), np.zeros_like(b)) for W, b in pg.init_weights(net, 0)]
    t = pt.trace(net, weights, [0.0, 0.0], 1.0)
    assert t.loss == pytest.approx(np.log(2.0), abs=1e-15)
    assert t.delta[-1][0] == -0.5 and t.grad_b[-1][0] == -0.5
    _, grads = pg.gradients(net, weights, np.zeros((1, 2)), np.array([1.0]))
    assert grads[-1][1][0] == -0.5


@pytest.mark.parametrize("logit", [40.0, -40.0, 800.0, -800.0])
def test_huge_logits_stay_finite_and_agree(logit):
    net = network("linear", "classification", hidden=())
    weights = [(np.array([[logit, 0.0]]), np.array([0.0]))]
    for y in (0.0, 1.0):
        t = pt.trace(net, weights, [1.0, 0.0], y)
        value, grads = pg.gradients(net, weights, np.array([[1.0, 0.0]]), np.array([y]))
        assert np.isfinite(t.loss) and abs(t.loss - value) <= 1e-10 * max(1.0, abs(value))
        assert close(t.grad_W[0], grads[0][0])


def test_dyhat_dx_matches_finite_differences_of_the_trainers_forward():
    net = network("tanh", "regression", features=ALL_FEATURES, hidden=(3,))
    weights = spread(net, 6)
    x = np.array([0.8, -1.7])

    def yhat(p):
        return pg.forward(net, weights, pg.features(p[None], net.features))[-1][1][0, 0]

    t = pt.trace(net, weights, x, 0.0)
    h = 1e-6
    for i in range(2):
        e = np.eye(2)[i] * h
        assert t.dyhat_dx[i] == pytest.approx((yhat(x + e) - yhat(x - e)) / (2 * h), rel=1e-7)


@pytest.mark.parametrize(("activation", "problem", "regularization"), CASES)
def test_autodiff_against_finite_differences(activation, problem, regularization):
    net = network(activation, problem, regularization, features=("x1", "x2", "sin1"),
                  hidden=(3, 2))  # fmt: skip
    error = pt.check(net, spread(net, 7), [1.1, -0.6], target(net))
    assert 0.0 <= error < 1e-5


def test_check_catches_a_wrong_gradient():
    net = network("tanh", "classification", hidden=(2,))
    t = pt.trace(net, spread(net, 8), [1.0, 2.0], 1.0)
    assert t.error < 1e-5
    broken = pt.Trace(**{**t.__dict__, "grad_W": (t.grad_W[0] * 1.01, *t.grad_W[1:])})
    assert broken.error > 1e-3


def test_relative_difference_has_a_floor():
    assert pt.relative_difference(np.array([2.0]), np.array([2.2]))[0] == pytest.approx(0.2 / 2.2)
    assert pt.relative_difference(np.array([1e-12]), np.array([0.0]))[0] == pytest.approx(1e-7)


def test_bad_shapes_are_refused():
    net = network(hidden=(2,))
    weights = pg.init_weights(net, 0)
    with pytest.raises(ValueError, match="two coordinates"):
        pt.trace(net, weights, [1.0, 2.0, 3.0], 1.0)
    with pytest.raises(ValueError, match="expected 2 layers"):
        pt.trace(net, weights[:1], [1.0, 2.0], 1.0)


# --------------------------------------------------------------------------------- LaTeX checks
KNOWN_COMMANDS = {
    r"\begin", r"\end", r"\frac", r"\tfrac", r"\left", r"\right", r"\sum", r"\mathcal", r"\ln",
    r"\hat", r"\sigma", r"\tanh", r"\sin", r"\mathrm", r"\max", r"\quad", r"\in", r"\mathbb",
    r"\times", r"\top", r"\delta", r"\odot", r"\partial", r"\leftarrow", r"\eta", r"\lambda",
    r"\cdot", r"\le", r"\infty",
}  # fmt: skip
ENVIRONMENTS = {"aligned", "bmatrix", "cases"}


def assert_renders(latex: str) -> None:
    """Balanced braces, \\left/\\right and \\begin/\\end; only commands KaTeX knows; no -0."""
    depth = 0
    for ch in latex.replace(r"\{", "").replace(r"\}", ""):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0, latex
    assert depth == 0, latex
    lefts = re.findall(r"\\left(?![a-z])", latex)  # not \leftarrow
    assert len(lefts) == len(re.findall(r"\\right(?![a-z])", latex)), latex
    assert re.findall(r"\\begin\{(\w+)\}", latex) == re.findall(r"\\end\{(\w+)\}", latex)[::-1] \
        or sorted(re.findall(r"\\begin\{(\w+)\}", latex)) == sorted(
            re.findall(r"\\end\{(\w+)\}", latex))  # fmt: skip
    assert set(re.findall(r"\\begin\{(\w+)\}", latex)) <= ENVIRONMENTS
    commands = set(re.findall(r"\\[A-Za-z]+", latex))
    assert commands <= KNOWN_COMMANDS, commands - KNOWN_COMMANDS
    assert not re.search(r"(?<![\d.])-0(?![\d.])", latex), latex  # no "-0"
    assert "nan" not in latex.lower() and "None" not in latex


def nesting_is_proper(latex: str) -> bool:
    stack = []
    for kind, name in re.findall(r"\\(begin|end)\{(\w+)\}", latex):
        if kind == "begin":
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


@pytest.mark.parametrize(("activation", "problem", "regularization"), CASES)
def test_formulas_of_the_network_as_built(activation, problem, regularization):
    net = network(activation, problem, regularization, features=("x1", "x2", "x1x2"),
                  hidden=(4, 2), reg_rate=0.003, learning_rate=0.1, batch_size=7)  # fmt: skip
    f = pt.formulas(net)
    assert list(f) == ["inputs", "layer.1", "layer.2", "layer.3", "activation", "output",
                       "loss", "backprop", "update"]  # fmt: skip
    for latex in f.values():
        assert_renders(latex) and nesting_is_proper(latex)
    assert r"x_1,\ x_2,\ x_1 x_2" in f["inputs"] and r"\mathbb{R}^{3}" in f["inputs"]
    assert r"W^{[1]} \in \mathbb{R}^{4\times 3}" in f["layer.1"]
    assert r"W^{[2]} \in \mathbb{R}^{2\times 4}" in f["layer.2"]
    assert r"W^{[3]} \in \mathbb{R}^{1\times 2},\ b^{[3]} \in \mathbb{R}^{1}" in f["layer.3"]
    assert r"z^{[2]} = W^{[2]} a^{[1]} + b^{[2]}" in f["layer.2"]
    g = {"relu": r"\mathrm{ReLU}(z^{[1]})", "tanh": r"\tanh(z^{[1]})",
         "sigmoid": r"\sigma(z^{[1]})", "linear": r"a^{[1]} = z^{[1]},"}[activation]  # fmt: skip
    assert g in f["layer.1"]
    output = r"\sigma(z^{[3]})" if problem == "classification" else r"a^{[3]} = z^{[3]},"
    assert output in f["layer.3"]
    point = r"\ln \hat y_i" if problem == "classification" else r"\tfrac{1}{2}\left(\hat y_i"
    assert point in f["loss"]
    assert (r"\lambda = 0.003" in f["loss"]) == (regularization != "none")
    assert (r"\left|w^{[l]}_{jk}\right|" in f["loss"]) == (regularization == "l1")
    assert (r"\frac{\lambda}{2}" in f["loss"]) == (regularization == "l2")
    assert r"\eta &= 0.1" in f["update"] and "N_b = 7" in f["update"]


def test_formulas_without_hidden_layers_and_tiny_rates():
    net = network("relu", "regression", "l2", hidden=(), reg_rate=0.001, learning_rate=0.00001)
    f = pt.formulas(net)
    assert "activation" not in f and list(f)[:2] == ["inputs", "layer.1"]
    assert r"\eta &= 0.00001" in f["update"] and r"\lambda = 0.001" in f["loss"]
    assert r"\hat y = a^{[1]} = z^{[1]}" in f["layer.1"]


def test_numbers_are_six_significant_digits_and_never_minus_zero():
    assert pt.number(-0.0) == "0" and pt.number(0.0) == "0"
    assert pt.number(1.23456789) == "1.23457" and pt.number(-2.5) == "-2.5"
    assert pt.number_latex(1.5e-7) == r"1.5 \cdot 10^{-7}"
    assert pt.number_latex(-3e12) == r"-3 \cdot 10^{12}"
    assert pt.number_latex(float("inf")) == r"\infty"
    assert pt.vector_latex(np.array([-0.0])) == "0"
    assert pt.vector_latex(np.array([1.0, -0.0])) == r"\begin{bmatrix} 1 \\ 0 \end{bmatrix}"


def test_matrix_blocks():
    M = np.arange(16.0).reshape(2, 8) - 7.5
    blocks = pt.matrix_blocks(M, columns=4)
    assert [(a, b) for a, b, _ in blocks] == [(1, 4), (5, 8)]
    assert blocks[0][2] == (r"\begin{bmatrix} -7.5 & -6.5 & -5.5 & -4.5 \\ "
                            r"0.5 & 1.5 & 2.5 & 3.5 \end{bmatrix}")  # fmt: skip
    assert [(a, b) for a, b, _ in pt.matrix_blocks(np.ones((3, 5)))] == [(1, 3), (4, 5)]
    assert [(a, b) for a, b, _ in pt.matrix_blocks(np.ones((3, 3)))] == [(1, 3)]


def bmatrix_columns(latex: str) -> list[int]:
    rows = re.findall(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}", latex)
    return [max(r.count("&") for r in body.split(r"\\")) + 1 for body in rows]


@pytest.mark.parametrize(("activation", "problem", "regularization"), CASES)
def test_forward_and_backward_numbers(activation, problem, regularization):
    net = network(activation, problem, regularization, features=ALL_FEATURES, hidden=(8, 3))
    weights = spread(net, 9)
    t = pt.trace(net, weights, [-1.25, 3.5], target(net))
    forward, backward = pt.forward_latex(t), pt.backward_latex(t)
    assert len(forward) == t.L + 2 and len(backward) == t.L
    for latex in forward + backward:
        assert_renders(latex)
        assert nesting_is_proper(latex)
        assert max(bmatrix_columns(latex), default=1) <= pt.COLUMNS
    assert r"(x_1,\ x_2) &= \left(-1.25,\ 3.5\right)" in forward[0]
    assert pt.vector_latex(t.a0) in forward[0]
    for k in range(t.L):  # every z and a, exactly as number_latex writes it
        assert pt.vector_latex(t.z[k]) in forward[k + 1]
        assert pt.vector_latex(t.a[k]) in forward[k + 1]
    assert pt.number_latex(t.loss) in forward[-1]
    assert (r"J &= \mathcal{L} + \lambda R(W)" in forward[-1]) == (regularization != "none")
    # Backward from the output: δ⁽ᴸ⁾ = ŷ − y with its numbers, then each layer's matrix blocks.
    assert backward[0].startswith(r"\begin{aligned} \delta^{[3]} &= \hat y - y = ")
    assert pt.number_latex(t.delta[-1][0]) in backward[0]
    for k, latex in zip(range(t.L - 1, -1, -1), backward, strict=True):
        for _, _, block in pt.matrix_blocks(t.grad_W[k]):
            assert block in latex
        if k < t.L - 1:
            assert pt.vector_latex(t.delta[k]) in latex
            assert pt.vector_latex(t.grad_a[k]) in latex
    # W⁽²⁾ is 3 × 8: three blocks, columns 1..3, 4..6 and 7..8.
    for cols in ("1..3", "4..6", "7..8"):
        assert rf"\partial W^{{[2]}}_{{\cdot,\,{cols}}}" in backward[1]


def test_cross_entropy_numbers_on_the_point():
    net = network("tanh", "classification", hidden=(2,))
    weights = spread(net, 10)
    t = pt.trace(net, weights, [0.5, 0.5], 0.0)
    loss = pt.forward_latex(t)[-1]
    rest = pt.number_latex(1.0 - t.y_hat)
    assert rf"-\left[0 \cdot \ln {pt.number_latex(t.y_hat)} + 1 \cdot \ln {rest}\right]" in loss
    assert t.loss == pytest.approx(-np.log(1.0 - t.y_hat))


# ------------------------------------------------------------------------------------ the table
def test_trace_table():
    net = network("tanh", "classification", "l1", hidden=(3,), reg_rate=0.01)
    weights = spread(net, 11)
    t = pt.trace(net, weights, [1.0, -1.0], 1.0)
    table = pt.trace_table(t)
    assert list(table.columns) == ["layer", "name", "value", "autodiff", "finite_diff"]
    n_params = sum(W.size + b.size for W, b in weights)
    assert len(table) == n_params + 2 * (3 + 1)
    row = table.set_index("name").loc["W[1]₃,₂"]
    assert row["layer"] == 1 and row["value"] == weights[0][0][2, 1]
    assert row["autodiff"] == t.grad_W[0][2, 1] and row["finite_diff"] == t.fd_W[0][2, 1]
    z = table.set_index("name").loc["z[2]₁"]
    assert z["value"] == t.z[1][0] and z["autodiff"] == t.delta[1][0]
    assert list(table["name"][:6]) == ["W[1]₁,₁", "W[1]₁,₂", "W[1]₂,₁", "W[1]₂,₂", "W[1]₃,₁",
                                       "W[1]₃,₂"]  # fmt: skip
    numbers = table[["value", "autodiff", "finite_diff"]].to_numpy()
    assert np.all(np.isfinite(numbers))
    assert not np.any(np.signbit(numbers) & (numbers == 0))  # no −0.0 to print as "-0"
    assert np.max(pt.relative_difference(table["autodiff"], table["finite_diff"])) < 1e-5


# ------------------------------------------------------------------------- the Autodiff link
def small(activation, problem, features=("x1", "x2"), hidden=(2,)):
    return network(activation, problem, features=features, hidden=hidden)


@pytest.mark.parametrize(
    ("activation", "problem", "features"),
    [(a, p, f) for a in pg.ACTIVATIONS for p in pg.PROBLEMS
     for f in (("x1", "x2"), ("x1sq", "x1x2", "sin2"))],
)  # fmt: skip
def test_autodiff_formula_computes_the_network(activation, problem, features):
    net = small(activation, problem, features)
    # Weights of 3 decimals: a formula short enough also for (s + abs(s))/2, which writes s twice.
    weights = [(np.round(W, 3), np.round(b, 3)) for W, b in spread(net, 12, scale=0.8)]
    x = np.array([1.7, -0.9])
    text = pt.autodiff_formula(net, weights, x)
    assert text is not None and len(text) <= expr.MAX_LENGTH
    f = expr.parse(text)
    yhat = pg.forward(net, weights, pg.features(x[None], net.features))[-1][1][0, 0]
    assert abs(float(f(x[0], x[1])) - yhat) <= 1e-12
    t = pt.trace(net, weights, x, target(net))
    gx, gy = f.grad(x[0], x[1])
    assert close([float(gx), float(gy)], t.dyhat_dx, 1e-12)
    assert ("abs(" in text) == (activation == "relu")


def test_a_deep_network_stops_at_the_limit():
    # 6 layers of 8: written out, ŷ would repeat the first layer's texts 8⁵ times.
    net = network("tanh", "classification", features=ALL_FEATURES, hidden=(8,) * 6)
    weights = pg.init_weights(net, 0)
    assert pt.formula_text(net, weights, limit=expr.MAX_LENGTH) is None
    assert pt.autodiff_formula(net, weights, [1.0, 1.0]) is None


def test_relu_without_a_relu_in_the_formula_language():
    net = small("relu", "regression", hidden=(1,))
    weights = [(np.array([[0.5, -0.25]]), np.array([0.125])), (np.array([[2.0]]), np.array([0.0]))]
    text = pt.formula_text(net, weights)
    assert text == "2.0*((0.5*x - 0.25*y + 0.125 + abs(0.5*x - 0.25*y + 0.125))/2)"
    f = expr.parse(text)
    for x, y in ((1.0, 1.0), (-1.0, 1.0), (0.0, 0.5)):  # on, off, and exactly at the kink
        assert float(f(x, y)) == 2.0 * max(0.0, 0.5 * x - 0.25 * y + 0.125)


def test_autodiff_formula_writes_weights_exactly_and_leaves_zeros_out():
    net = small("tanh", "classification", hidden=(1,))
    weights = [(np.array([[0.1, -1 / 3]]), np.array([0.0])), (np.array([[-2.5]]), np.array([0.1]))]
    text = pt.autodiff_formula(net, weights, [0.0, 0.0])
    assert text == "sigmoid(-2.5*tanh(0.1*x - 0.3333333333333333*y) + 0.1)"
    assert pt.formula_text(network("linear", "regression", hidden=()),
                           [(np.zeros((1, 2)), np.zeros(1))]) == "0"  # fmt: skip


def test_autodiff_formula_refuses_large_networks_and_far_points():
    wide = small("tanh", "classification", hidden=(4,))
    weights = pg.init_weights(wide, 0)
    assert len(pt.formula_text(wide, weights)) > expr.MAX_LENGTH
    assert pt.formula_text(wide, weights, limit=expr.MAX_LENGTH) is None
    assert pt.autodiff_formula(wide, weights, [1.0, 1.0]) is None
    assert pt.autodiff_query(wide, weights, [1.0, 1.0]) == {}
    fits = small("tanh", "classification")
    weights = pg.init_weights(fits, 0)
    text = pt.formula_text(fits, weights)
    assert len(text) <= expr.MAX_LENGTH and 0 < pt.graph_nodes(text) <= pt.MAX_NODES
    assert pt.autodiff_formula(fits, weights, [6.0, -6.0]) is not None  # the page's sliders: ±6
    assert pt.autodiff_formula(fits, weights, [6.5, 0.0]) is None
    # Short enough in characters, but too many nodes for a readable graph.
    many = network("tanh", "classification", features=("x1",), hidden=(3,))
    w = [(np.full((3, 1), 0.5), np.zeros(3)), (np.full((1, 3), 0.25), np.zeros(1))]
    nodes = pt.graph_nodes(pt.formula_text(many, w))
    assert nodes > 0
    assert (pt.autodiff_formula(many, w, [1.0, 1.0]) is None) == (nodes > pt.MAX_NODES)


def test_autodiff_query():
    net = small("tanh", "regression")
    weights = spread(net, 13, scale=0.5)
    query = pt.autodiff_query(net, weights, [1 / 3, -2.0])
    assert query == {"f": pt.autodiff_formula(net, weights, [1 / 3, -2.0]),
                     "x0": "0.3333333333333333", "y0": "-2.0", "tab": "graph"}  # fmt: skip
    assert float(query["x0"]) == 1 / 3


def test_the_autodiff_page_opens_on_the_networks_graph(run_page):
    net = small("tanh", "classification")
    weights = spread(net, 14, scale=0.7)
    x = [1 / 3, -2.0]
    query = pt.autodiff_query(net, weights, x)
    at = run_page("pages/6_Autodiff.py", lang="en", **query)
    assert not at.warning and not at.error  # nothing refused or reset
    assert at.text_input(key="f").value == query["f"]
    assert (at.slider(key="x0").value, at.slider(key="y0").value) == (1 / 3, -2.0)
    assert any("<svg" in m.value for m in at.markdown)
