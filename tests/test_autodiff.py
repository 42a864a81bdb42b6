"""Tests for dlviz.autodiff: every gradient against central finite differences."""

import warnings

import numpy as np
import pytest

from dlviz import autodiff as ad
from dlviz.autodiff import Tensor

H = 1e-6
RTOL, ATOL = 1e-6, 1e-7


def numeric_grads(f, arrays, h=H):
    """Central differences of ``sum(f(*arrays))`` with respect to each array."""
    grads = []
    for k, base in enumerate(arrays):
        grad = np.zeros_like(base)
        for idx in np.ndindex(base.shape):
            plus = [a.copy() for a in arrays]
            minus = [a.copy() for a in arrays]
            plus[k][idx] += h
            minus[k][idx] -= h
            f_plus = f(*(Tensor(a) for a in plus)).data.sum()
            f_minus = f(*(Tensor(a) for a in minus)).data.sum()
            grad[idx] = (f_plus - f_minus) / (2 * h)
        grads.append(grad)
    return grads


def check_grads(f, *arrays, rtol=RTOL, atol=ATOL):
    """Backward of ``f`` on Tensors equals finite differences, for every input."""
    arrays = [np.asarray(a, dtype=np.float64) for a in arrays]
    inputs = [Tensor(a, requires_grad=True) for a in arrays]
    f(*inputs).backward()
    for t, expected in zip(inputs, numeric_grads(f, arrays), strict=True):
        assert t.grad.shape == t.shape
        np.testing.assert_allclose(t.grad, expected, rtol=rtol, atol=atol)


def uniform(rng, shape, low=-2.0, high=2.0):
    return rng.uniform(low, high, size=shape)


# ------------------------------------------------------------------ binary ops
BROADCAST_SHAPES = [((3, 4), (3, 4)), ((3, 4), (4,)), ((3, 1), (1, 4)), ((3, 4), ()), ((), (2, 3))]
BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "pow": lambda a, b: a**b,
}


@pytest.mark.parametrize("name", BINARY)
@pytest.mark.parametrize(("shape_a", "shape_b"), BROADCAST_SHAPES)
def test_binary_op_gradients_with_broadcasting(name, shape_a, shape_b):
    rng = np.random.default_rng(0)
    a = uniform(rng, shape_a, 0.5, 2.0)  # positive: safe for a**b with b requiring grad
    b = uniform(rng, shape_b, 0.5, 2.0)  # away from 0: safe for a / b
    check_grads(BINARY[name], a, b)
    t = BINARY[name](Tensor(a, requires_grad=True), Tensor(b))
    assert t.op == name
    assert t.shape == np.broadcast_shapes(shape_a, shape_b)


@pytest.mark.parametrize(
    "f",
    [
        lambda x: 2.0 + x,
        lambda x: 2.0 - x,
        lambda x: 3.0 * x,
        lambda x: 3.0 / x,
        lambda x: 2.0**x,
        lambda x: np.arange(4.0) - x,
        lambda x: np.float64(1.5) * x,
        lambda x: x**2,
        lambda x: x**3,
        lambda x: -x,
    ],
)
def test_reflected_and_unary_operators(f):
    check_grads(f, np.array([-1.5, -0.5, 0.7, 1.9]))


def test_ndarray_on_the_left_gives_a_tensor():
    out = np.ones(3) + Tensor([1.0, 2.0, 3.0], requires_grad=True)
    assert isinstance(out, Tensor)
    assert out.op == "add"
    assert out.requires_grad


def test_pow_with_constant_exponent_at_negative_base():
    x = Tensor([-3.0, -1.0, 0.0, 2.0], requires_grad=True)
    (x**2).backward()
    np.testing.assert_array_equal(x.grad, [-6.0, -2.0, 0.0, 4.0])


@pytest.mark.parametrize(
    ("shape_a", "shape_b"), [((3, 4), (4, 2)), ((3, 4), (4,)), ((4,), (4, 2)), ((4,), (4,))]
)
def test_matmul_gradients(shape_a, shape_b):
    rng = np.random.default_rng(1)
    a, b = uniform(rng, shape_a), uniform(rng, shape_b)
    check_grads(lambda a, b: a @ b, a, b)
    out = Tensor(a) @ b
    assert out.op == "matmul"
    assert out.shape == (a @ b).shape


def test_matmul_rejects_3d():
    with pytest.raises(ValueError, match="matmul"):
        Tensor(np.ones((2, 2, 2))) @ Tensor(np.ones((2, 2)))


# ------------------------------------------------------------ elementwise ops
UNARY_DOMAINS = {
    "exp": (-2.0, 2.0),
    "log": (0.3, 3.0),
    "sin": (-3.0, 3.0),
    "cos": (-3.0, 3.0),
    "tan": (-1.2, 1.2),
    "sqrt": (0.3, 3.0),
    "abs": (0.2, 2.0),  # both signs below, away from the kink at 0
    "tanh": (-3.0, 3.0),
    "sigmoid": (-6.0, 6.0),
    "relu": (0.2, 2.0),
}


@pytest.mark.parametrize("name", UNARY_DOMAINS)
def test_elementwise_gradients_method_and_function(name):
    rng = np.random.default_rng(2)
    x = uniform(rng, (3, 4), *UNARY_DOMAINS[name])
    if name in ("abs", "relu"):
        x *= rng.choice([-1.0, 1.0], size=x.shape)
    check_grads(lambda t: getattr(t, name)(), x)
    check_grads(getattr(ad, name), x)
    out = getattr(ad, name)(x)
    assert out.op == name
    np.testing.assert_array_equal(out.data, getattr(Tensor(x), name)().data)


@pytest.mark.parametrize("name", ["abs", "relu"])
def test_kink_derivatives_are_zero_at_zero(name):
    x = Tensor([-1.0, 0.0, 1.0], requires_grad=True)
    getattr(x, name)().backward()
    assert x.grad[1] == 0.0


# ---------------------------------------------------- reductions and reshaping
@pytest.mark.parametrize("name", ["sum", "mean"])
@pytest.mark.parametrize("axis", [None, 0, 1, -1, (0, 1)])
@pytest.mark.parametrize("keepdims", [False, True])
def test_sum_and_mean_gradients(name, axis, keepdims):
    rng = np.random.default_rng(3)
    x = uniform(rng, (3, 4))
    weights = uniform(rng, np.sum(x, axis=axis, keepdims=keepdims).shape)

    def f(t):  # weighted, so each output entry gets a different upstream gradient
        return getattr(t, name)(axis=axis, keepdims=keepdims) * weights

    check_grads(f, x)
    out = getattr(ad, name)(x, axis=axis, keepdims=keepdims)
    assert out.op == name
    np.testing.assert_allclose(out.data, getattr(np, name)(x, axis=axis, keepdims=keepdims))


def test_sum_over_two_of_three_axes():
    rng = np.random.default_rng(4)
    check_grads(lambda t: t.sum(axis=(0, 2)) * np.arange(1.0, 4.0), uniform(rng, (2, 3, 4)))


@pytest.mark.parametrize("axis", [-1, 0, None, (0, 1)])
@pytest.mark.parametrize("keepdims", [False, True])
def test_logsumexp_value_and_gradient(axis, keepdims):
    rng = np.random.default_rng(5)
    x = uniform(rng, (3, 4), -3.0, 3.0)
    out = ad.logsumexp(x, axis=axis, keepdims=keepdims)
    expected = np.log(np.exp(x).sum(axis=axis, keepdims=keepdims))
    np.testing.assert_allclose(out.data, expected, rtol=1e-12)
    assert out.op == "logsumexp"
    weights = uniform(rng, expected.shape)
    check_grads(lambda t: t.logsumexp(axis=axis, keepdims=keepdims) * weights, x)


def test_logsumexp_gradient_is_softmax():
    z = Tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]], requires_grad=True)
    z.logsumexp().backward()
    softmax = np.exp(z.data) / np.exp(z.data).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(z.grad, softmax, rtol=1e-12)


def test_transpose_and_reshape_gradients():
    rng = np.random.default_rng(6)
    x, w = uniform(rng, (3, 4)), uniform(rng, (4, 3))
    check_grads(lambda t: t.T * w, x)
    check_grads(lambda t: t.reshape(2, 6) * w.reshape(2, 6), x)
    check_grads(lambda t: t.reshape((12,)) * w.ravel(), x)
    assert Tensor(x).T.op == "transpose"
    assert Tensor(x).T.shape == (4, 3)
    assert Tensor(x).reshape(6, 2).op == "reshape"


# ------------------------------------------------------- random compositions
SAFE_UNARY = [
    lambda u: u.sin(),
    lambda u: u.cos(),
    lambda u: u.tanh(),
    lambda u: u.sigmoid(),
    lambda u: (u * u + 1.0).log(),
    lambda u: (u * u + 0.5).sqrt(),
    lambda u: u.tanh().exp(),
    lambda u: -u,
    lambda u: u**2,
    lambda u: 0.5 * u,
]
SAFE_BINARY = [
    lambda u, v: u + v,
    lambda u, v: u - v,
    lambda u, v: u * v,
    lambda u, v: u / (v * v + 1.0),
    lambda u, v: (u * u + 0.5) ** v.tanh(),
]
REDUCTIONS = [
    lambda u: u.sum(),
    lambda u: u.mean(axis=0),
    lambda u: u.logsumexp(axis=-1),
    lambda u: u @ np.linspace(-1.0, 1.0, 4),
]


def random_expression(rng, inputs, depth, root=True):
    """A random expression tree over ``inputs`` built from ops that are smooth everywhere."""
    if depth == 0 or (not root and rng.random() < 0.2):
        return inputs[rng.integers(len(inputs))]
    if rng.random() < 0.4:
        child = random_expression(rng, inputs, depth - 1, root=False)
        return SAFE_UNARY[rng.integers(len(SAFE_UNARY))](child)
    left = random_expression(rng, inputs, depth - 1, root=False)
    right = random_expression(rng, inputs, depth - 1, root=False)
    return SAFE_BINARY[rng.integers(len(SAFE_BINARY))](left, right)


@pytest.mark.parametrize("seed", range(40))
def test_random_expression_trees(seed):
    shapes = [(3, 4), (4,), (3, 1), ()]  # mutually broadcastable to (3, 4)
    rng = np.random.default_rng(seed)
    arrays = [uniform(rng, s, -1.5, 1.5) for s in shapes]
    tree_seed, reduce = int(rng.integers(2**32)), REDUCTIONS[seed % len(REDUCTIONS)]

    def f(*inputs):  # the same tree every call: rebuild it from the same seed
        u = random_expression(np.random.default_rng(tree_seed), inputs, depth=4)
        a, b, c, d = inputs  # the 0 * (...) term: every input in the graph, result (3, 4)
        return reduce(u + 0.0 * (a + b + c + d))

    check_grads(f, *arrays, rtol=1e-5, atol=1e-6)


# -------------------------------------------------- grid, backward rules, graph
def test_gradient_over_a_grid_in_one_pass():
    x_grid, y_grid = np.meshgrid(np.linspace(-2, 2, 21), np.linspace(-1, 3, 17))
    x, y = Tensor(x_grid, requires_grad=True), Tensor(y_grid, requires_grad=True)
    f = x**2 * y + y
    f.backward()
    np.testing.assert_allclose(x.grad, 2 * x_grid * y_grid, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(y.grad, x_grid**2 + 1, rtol=1e-12, atol=1e-12)


def make_formula():
    x = Tensor([1.0, -2.0], requires_grad=True, label="x")
    y = Tensor([3.0, 0.5], requires_grad=True, label="y")
    return x, y, x * y + x.sin()


def test_backward_twice_gives_identical_gradients():
    x, y, f = make_formula()
    f.backward()
    first = x.grad.copy(), y.grad.copy()
    f.backward()
    np.testing.assert_array_equal(x.grad, first[0])
    np.testing.assert_array_equal(y.grad, first[1])
    np.testing.assert_allclose(x.grad, y.data + np.cos(x.data))


def test_accumulate_true_doubles_leaf_gradients():
    x, y, f = make_formula()
    f.backward()
    first = x.grad.copy()
    f.backward(accumulate=True)
    np.testing.assert_allclose(x.grad, 2 * first)
    np.testing.assert_allclose(f.grad, np.ones(2))  # non-leaf nodes are not accumulated
    f.backward()  # the default rule resets again
    np.testing.assert_allclose(x.grad, first)


def test_zero_grad_and_constants_keep_none():
    x = Tensor([1.0, 2.0], requires_grad=True)
    c = Tensor([5.0, 6.0])
    f = (x * c + 1.0).sum()
    f.backward()
    np.testing.assert_array_equal(x.grad, c.data)
    assert c.grad is None
    f.zero_grad()
    np.testing.assert_array_equal(x.grad, np.zeros(2))
    assert f.grad == 0.0
    assert c.grad is None


def test_explicit_seed_and_requires_grad_propagation():
    x = Tensor([1.0, 2.0, 3.0], requires_grad=True)
    c = Tensor(2.0)
    assert not (c * c).requires_grad
    assert (c * x).requires_grad
    (x**2).backward(np.array([1.0, 0.0, 10.0]))  # a vector-Jacobian product
    np.testing.assert_array_equal(x.grad, [2.0, 0.0, 60.0])
    with pytest.raises(RuntimeError):
        (c * c).backward()


def test_long_chain_does_not_hit_recursion_limit():
    x = Tensor(0.5, requires_grad=True)
    y = x
    for _ in range(5000):
        y = y * 1.0 + 0.0
    y.backward()
    assert x.grad == pytest.approx(1.0)


def test_extreme_inputs_are_finite_and_silent():
    z_values = np.array([-1e6, -1000.0, 0.0, 1000.0, 1e6])
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        z = Tensor(z_values, requires_grad=True)
        s = z.sigmoid()
        s.backward()
        assert np.all(np.isfinite(s.data)) and np.all(np.isfinite(z.grad))
        np.testing.assert_array_equal(s.data, [0.0, 0.0, 0.5, 1.0, 1.0])
        rows = Tensor(np.array([[-1e6, 1e6], [1000.0, 1000.0], [-1000.0, -1000.0]]), True)
        lse = rows.logsumexp()
        lse.backward()
        np.testing.assert_allclose(lse.data, [1e6, 1000 + np.log(2), -1000 + np.log(2)])
        np.testing.assert_allclose(rows.grad, [[0.0, 1.0], [0.5, 0.5], [0.5, 0.5]])


def test_domain_errors_give_inf_nan_silently():
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        x = Tensor([0.0, -1.0], requires_grad=True)
        log_x = x.log()
        log_x.backward()
        assert log_x.data[0] == -np.inf and np.isnan(log_x.data[1])
        assert x.grad[0] == np.inf
        assert (1 / Tensor(0.0)).item() == np.inf
        assert np.isnan((Tensor(0.0) / 0.0).item())
        assert np.isnan(Tensor(-1.0).sqrt().item())
        assert ad.exp(1000.0).item() == np.inf
        b = Tensor(2.0, requires_grad=True)
        p = Tensor(-2.0) ** b  # d/db needs ln(-2): nan, silently
        p.backward()
        assert p.item() == 4.0 and np.isnan(b.grad)


def test_graph_export_shares_a_reused_leaf():
    x, y, f = make_formula()  # f = x * y + sin(x): x feeds two ops
    f.backward()
    g = f.graph()
    nodes, edges = g["nodes"], g["edges"]
    assert [n["op"] for n in nodes].count("") == 2  # x and y, once each
    assert len(nodes) == 5  # x, y, mul, sin, add
    assert [n["id"] for n in nodes] == list(range(5))
    assert nodes[-1]["op"] == "add"
    ids = {n["label"] or n["op"]: n["id"] for n in nodes}
    expected = {
        (ids["x"], ids["mul"]),
        (ids["y"], ids["mul"]),
        (ids["x"], ids["sin"]),
        (ids["mul"], ids["add"]),
        (ids["sin"], ids["add"]),
    }
    assert set(edges) == expected and len(edges) == len(expected)
    assert all(parent < child for parent, child in edges)  # parents come first
    np.testing.assert_array_equal(nodes[ids["x"]]["grad"], x.grad)
    np.testing.assert_array_equal(nodes[-1]["value"], f.data)
    assert nodes[ids["x"]]["shape"] == (2,)
    assert f.topological_order()[-1] is f
    assert len(f.topological_order()) == 5


def test_graph_keeps_constants_and_squares_once():
    x = Tensor(3.0, requires_grad=True, label="x")
    g = (x * x + 1.0).graph()
    assert [n["op"] for n in g["nodes"]] == ["", "mul", "", "add"]
    assert g["nodes"][2]["grad"] is None  # the constant 1.0, before any backward
    assert g["edges"] == [(0, 1), (1, 3), (2, 3)]


def test_basics():
    t = Tensor([[1, 2, 3]], label="w")
    assert t.data.dtype == np.float64
    assert t.shape == (1, 3) and t.ndim == 2
    assert t.grad is None and t.op == "" and t._parents == ()
    assert Tensor(2.5).item() == 2.5 and Tensor(2.5).ndim == 0
    assert "w" in repr(t)
    u = t * 2
    assert u._parents[0] is t and u.label == ""


def test_pow_at_a_zero_base_is_differentiated_as_pytorch_does():
    """x^y at x = 0: ∂/∂y is 0 for y >= 0 (not 0·log 0 = nan), ∂/∂x of x^0 is 0; PyTorch masks
    the same points. Finite differences agree where the function is smooth (y = 2)."""
    x, y = Tensor([0.0, 0.0, 0.0], requires_grad=True), Tensor([2.0, 0.5, 0.0], requires_grad=True)
    (x**y).sum().backward()
    np.testing.assert_array_equal(y.grad, [0.0, 0.0, 0.0])
    assert x.grad[0] == 0.0 and x.grad[2] == 0.0 and x.grad[1] == np.inf  # 0.5 · 0^(-0.5)
    h = 1e-6
    assert abs((0.0 ** (2 + h) - 0.0 ** (2 - h)) / (2 * h)) == 0.0
    z = Tensor([-1.0], requires_grad=True)
    (Tensor([-2.0]) ** z).backward()
    assert np.isnan(z.grad[0])  # a negative base: not defined, as before
