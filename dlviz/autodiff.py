"""Reverse-mode automatic differentiation on numpy arrays (micrograd-style, PyTorch-like names).

What it is: a teaching engine. A :class:`Tensor` wraps a float64 ``ndarray`` (0-d allowed) and
remembers the op and parents that produced it. Every op states its local backward rule right
beside its forward: a closure ``_backward(g)`` turning the upstream gradient g = dL/d(out) into
dL/d(parent) for each parent. :meth:`Tensor.backward` walks the graph in reverse topological
order and adds these into the parents' ``.grad`` (summing broadcast axes back). Values are whole
arrays, so one backward pass gives the gradient at every point of a grid at once.

What it is not: fast or a PyTorch replacement. float64 only, no GPU, no in-place ops, no
indexing, no higher-order gradients (the backward pass is not recorded), no ``no_grad``.

Numerics: domain problems (``log(0)``, ``sqrt(-1)``, ``1 / 0``, ``exp(1000)``) never raise and
emit no RuntimeWarning; everything is computed under ``np.errstate(all="ignore")`` and inf/nan
flow through, so a plot can show them. ``sigmoid`` and ``logsumexp`` are computed stably.

THE RULE for calling ``backward`` twice: by default every ``backward()`` first resets ``.grad``
of every node reachable from the output to zeros, then propagates, so a second call gives the
same gradients, never doubled (micrograd's well-known trap is avoided).
``backward(accumulate=True)`` behaves like PyTorch instead: leaf tensors (``requires_grad`` and
no parents) keep their ``.grad`` and add to it, so a second call doubles them -- this exists to
*show* the trap. ``zero_grad()`` resets a tensor and all its ancestors by hand. Tensors that do
not require grad (constants) keep ``grad is None``.

>>> x = Tensor([1.0, 2.0], requires_grad=True, label="x")
>>> (x**2 * 3).sum().backward()
>>> x.grad
array([ 6., 12.])
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np

from dlviz import activations

ArrayLike = Any  # a Tensor, an ndarray, or a (nested sequence of) python number(s)
Axis = int | tuple[int, ...] | None
VJP = Callable[[np.ndarray], tuple[np.ndarray | None, ...]]  # dL/d(out) -> dL/d(each parent)


def _silent(fn: Callable) -> Callable:
    """Run ``fn`` under ``np.errstate(all="ignore")`` so inf/nan flow without warnings."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with np.errstate(all="ignore"):
            return fn(*args, **kwargs)

    return wrapper


def _as_tensor(value: ArrayLike) -> Tensor:
    """Return ``value`` if it is a Tensor, else wrap it as a constant (no grad, op "")."""
    return value if isinstance(value, Tensor) else Tensor(value)


def _derived(data: np.ndarray, parents: tuple[Tensor, ...], op: str, backward: VJP) -> Tensor:
    """Output of an op: requires grad iff any parent does; ``backward`` is its local rule."""
    out = Tensor(data, any(p.requires_grad for p in parents), op=op)
    out._parents, out._backward = parents, backward
    return out


def _unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``grad`` back to ``shape``: undo numpy broadcasting in the backward pass."""
    grad = grad.sum(axis=tuple(range(grad.ndim - len(shape))))  # drop leading new axes
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True) if stretched else grad


def _spread(g: np.ndarray, axis: Axis, keepdims: bool, shape: tuple[int, ...]) -> np.ndarray:
    """Send the gradient of a reduction back over the reduced axes (undo ``sum(axis)``)."""
    if not keepdims and axis is not None:
        g = np.expand_dims(g, axis)
    return np.broadcast_to(g, shape)


class Tensor:
    """A node of the computation graph: an array value plus how it was computed.

    Parameters
    ----------
    data : array_like
        The value, stored as ``.data``: a float64 ``ndarray`` (a copy), 0-d allowed.
    requires_grad : bool, default False
        Whether gradients flow into it. An op's result requires grad iff any parent does.
    op, label : str, keyword-only, default ""
        ``op`` names the op that produced it ("" for a leaf or constant); ``label`` is free
        text for drawings, e.g. ``"x"``.

    Attributes
    ----------
    grad : ndarray of the same shape as ``data``, or None
        None before any backward pass, and always None if ``requires_grad`` is False.
    _parents : tuple of Tensor
        The op's inputs (empty for a leaf).
    """

    __array_ufunc__ = None  # make ``ndarray + Tensor`` call Tensor.__radd__, not loop elementwise

    def __init__(
        self, data: ArrayLike, requires_grad: bool = False, *, op: str = "", label: str = ""
    ) -> None:
        self.data: np.ndarray = np.array(data, dtype=np.float64)
        self.grad: np.ndarray | None = None
        self.requires_grad = bool(requires_grad)
        self.op = op
        self.label = label
        self._parents: tuple[Tensor, ...] = ()
        self._backward: VJP = lambda g: ()  # a leaf has no parents

    # ------------------------------------------------------------------ basics
    @property
    def shape(self) -> tuple[int, ...]:
        """Shape of ``data``."""
        return self.data.shape

    @property
    def ndim(self) -> int:
        """Number of dimensions of ``data``."""
        return self.data.ndim

    def item(self) -> float:
        """Return the value of a size-1 tensor as a python float."""
        return float(self.data.item())

    def __repr__(self) -> str:
        text = np.array2string(self.data, precision=4, threshold=10)
        extras = "".join(f", {k}={v!r}" for k, v in (("op", self.op), ("label", self.label)) if v)
        return f"Tensor({text}{extras}, requires_grad={self.requires_grad})"

    # ------------------------------------------------------- binary operators
    # Each op returns _derived(value, parents, name, vjp): ``vjp(g)`` maps the upstream gradient
    # g = dL/d(out) to one dL/d(parent) per parent (None = not needed), by the chain rule.
    @_silent
    def __add__(self, other: ArrayLike) -> Tensor:
        a, b = self, _as_tensor(other)
        return _derived(a.data + b.data, (a, b), "add", lambda g: (g, g))  # d/da = d/db = 1

    @_silent
    def __sub__(self, other: ArrayLike) -> Tensor:
        a, b = self, _as_tensor(other)
        return _derived(a.data - b.data, (a, b), "sub", lambda g: (g, -g))  # d/db = -1

    @_silent
    def __mul__(self, other: ArrayLike) -> Tensor:
        a, b = self, _as_tensor(other)
        # d(ab)/da = b, d(ab)/db = a
        return _derived(a.data * b.data, (a, b), "mul", lambda g: (g * b.data, g * a.data))

    @_silent
    def __truediv__(self, other: ArrayLike) -> Tensor:
        a, b = self, _as_tensor(other)
        # d(a/b)/da = 1/b, d(a/b)/db = -a/b^2
        return _derived(
            a.data / b.data, (a, b), "div", lambda g: (g / b.data, -g * a.data / b.data**2)
        )

    @_silent
    def __pow__(self, other: ArrayLike) -> Tensor:
        a, b = self, _as_tensor(other)
        y = a.data**b.data

        def _backward(g: np.ndarray) -> tuple[np.ndarray | None, ...]:
            # As PyTorch does: d(a^b)/da = b a^(b-1) is 0 where b = 0 (a^0 = 1 for every a, even
            # at a = 0, where b a^(b-1) would be 0·inf); fine for x**2 at x < 0.
            d_a = None
            if a.requires_grad:
                d_a = g * np.where(b.data == 0, 0.0, b.data * a.data ** (b.data - 1))
            # d(a^b)/db = a^b ln(a): 0 where a = 0 and b >= 0 (0^b is flat in b there: not the
            # 0·(-inf) = nan of the formula); nan where a < 0. Only computed if b needs it.
            d_b = None
            if b.requires_grad:
                d_b = g * np.where((a.data == 0) & (b.data >= 0), 0.0, y * np.log(a.data))
            return d_a, d_b

        return _derived(y, (a, b), "pow", _backward)

    @_silent
    def __matmul__(self, other: ArrayLike) -> Tensor:
        a, b = self, _as_tensor(other)
        if a.ndim not in (1, 2) or b.ndim not in (1, 2):
            raise ValueError(f"matmul supports 1-D and 2-D operands, got {a.shape} @ {b.shape}")
        y = a.data @ b.data  # (m, k) @ (k, n) -> (m, n); a 1-D side drops its axis

        def _backward(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            a2 = a.data if a.ndim == 2 else a.data[None, :]  # (m, k), 1-D a as a row
            b2 = b.data if b.ndim == 2 else b.data[:, None]  # (k, n), 1-D b as a column
            g2 = g.reshape(a2.shape[0], b2.shape[1])  # (m, n)
            d_a = g2 @ b2.T  # (m, n) @ (n, k) -> (m, k)
            d_b = a2.T @ g2  # (k, m) @ (m, n) -> (k, n)
            return d_a.reshape(a.shape), d_b.reshape(b.shape)

        return _derived(y, (a, b), "matmul", _backward)

    def __neg__(self) -> Tensor:
        return _derived(-self.data, (self,), "neg", lambda g: (-g,))

    def __radd__(self, other: ArrayLike) -> Tensor:
        return _as_tensor(other) + self

    def __rsub__(self, other: ArrayLike) -> Tensor:
        return _as_tensor(other) - self

    def __rmul__(self, other: ArrayLike) -> Tensor:
        return _as_tensor(other) * self

    def __rtruediv__(self, other: ArrayLike) -> Tensor:
        return _as_tensor(other) / self

    def __rpow__(self, other: ArrayLike) -> Tensor:
        return _as_tensor(other) ** self

    def __rmatmul__(self, other: ArrayLike) -> Tensor:
        return _as_tensor(other) @ self

    # ------------------------------------------ elementwise: y = f(x), dL/dx = g f'(x)
    @_silent
    def exp(self) -> Tensor:
        """Elementwise e^x; derivative e^x."""
        y = np.exp(self.data)
        return _derived(y, (self,), "exp", lambda g: (g * y,))

    @_silent
    def log(self) -> Tensor:
        """Elementwise natural log; derivative 1/x (log(0) = -inf, log(x<0) = nan)."""
        return _derived(np.log(self.data), (self,), "log", lambda g: (g / self.data,))

    @_silent
    def sin(self) -> Tensor:
        """Elementwise sine; derivative cos x."""
        return _derived(np.sin(self.data), (self,), "sin", lambda g: (g * np.cos(self.data),))

    @_silent
    def cos(self) -> Tensor:
        """Elementwise cosine; derivative -sin x."""
        return _derived(np.cos(self.data), (self,), "cos", lambda g: (-g * np.sin(self.data),))

    @_silent
    def tan(self) -> Tensor:
        """Elementwise tangent; derivative 1 + tan^2 x."""
        y = np.tan(self.data)
        return _derived(y, (self,), "tan", lambda g: (g * (1.0 + y**2),))

    @_silent
    def sqrt(self) -> Tensor:
        """Elementwise square root; derivative 1 / (2 sqrt x) (sqrt(x<0) = nan)."""
        y = np.sqrt(self.data)
        return _derived(y, (self,), "sqrt", lambda g: (0.5 * g / y,))

    @_silent
    def abs(self) -> Tensor:
        """Elementwise |x|; derivative sign(x), with abs'(0) = 0."""
        return _derived(np.abs(self.data), (self,), "abs", lambda g: (g * np.sign(self.data),))

    @_silent
    def tanh(self) -> Tensor:
        """Elementwise tanh; derivative 1 - tanh^2 x."""
        y = np.tanh(self.data)
        return _derived(y, (self,), "tanh", lambda g: (g * (1.0 - y**2),))

    @_silent
    def sigmoid(self) -> Tensor:
        r"""Elementwise logistic sigmoid, stable for any z; derivative s (1 - s).

        Notes
        -----
        :math:`\sigma(z) = 1 / (1 + e^{-z}) = \exp(-\log(1 + e^{-z}))`, evaluated with
        ``np.logaddexp(0, -z)`` so that no :math:`e^{|z|}` is ever formed (finite at |z| = 1e6).
        """
        s = activations.sigmoid(self.data)
        return _derived(s, (self,), "sigmoid", lambda g: (g * s * (1.0 - s),))

    @_silent
    def relu(self) -> Tensor:
        """Elementwise max(0, x); derivative 1 for x > 0, else 0 (relu'(0) = 0)."""
        y = np.maximum(self.data, 0.0)
        return _derived(y, (self,), "relu", lambda g: (g * (self.data > 0),))

    # ------------------------------------------------------ reductions & shape
    @_silent
    def sum(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        """Sum over ``axis`` (all axes if None); every summand gets the upstream gradient."""
        y = self.data.sum(axis=axis, keepdims=keepdims)
        return _derived(y, (self,), "sum", lambda g: (_spread(g, axis, keepdims, self.shape),))

    @_silent
    def mean(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        """Mean over ``axis`` (all axes if None); every entry gets upstream / count."""
        y = self.data.mean(axis=axis, keepdims=keepdims)
        count = self.data.size / np.size(y)
        return _derived(
            y, (self,), "mean", lambda g: (_spread(g / count, axis, keepdims, self.shape),)
        )

    @_silent
    def logsumexp(self, axis: Axis = -1, keepdims: bool = False) -> Tensor:
        r"""Stable ``log(sum(exp(x), axis))``; its gradient is the softmax along ``axis``.

        Notes
        -----
        :math:`\mathrm{LSE}(z) = m + \log \sum_k e^{z_k - m}` with :math:`m = \max_k z_k`:
        no exponent is positive, so nothing overflows (finite at z = ±1e6).
        """
        m = self.data.max(axis=axis, keepdims=True)
        m = np.where(np.isfinite(m), m, 0.0)  # all -inf slice: avoid (-inf) - (-inf) = nan
        lse = m + np.log(np.exp(self.data - m).sum(axis=axis, keepdims=True))
        y = lse if keepdims else np.squeeze(lse, axis=axis)

        def _backward(g: np.ndarray) -> tuple[np.ndarray]:  # dLSE/dz_k = exp(z_k - LSE)
            softmax = np.exp(self.data - lse)
            return (_spread(g, axis, keepdims, self.shape) * softmax,)

        return _derived(y, (self,), "logsumexp", _backward)

    @property
    def T(self) -> Tensor:
        """Transpose (reverses the axes; 2-D: (m, n) -> (n, m)); op "transpose"."""
        return _derived(self.data.T, (self,), "transpose", lambda g: (g.T,))

    def reshape(self, *shape: int | tuple[int, ...]) -> Tensor:
        """Reshape, as ``t.reshape(2, 3)`` or ``t.reshape((2, 3))``; op "reshape"."""
        new_shape = shape[0] if len(shape) == 1 and isinstance(shape[0], tuple) else shape
        y = self.data.reshape(new_shape)
        return _derived(y, (self,), "reshape", lambda g: (g.reshape(self.shape),))

    # ---------------------------------------------------------- backward pass
    def topological_order(self) -> list[Tensor]:
        """All tensors this one depends on, inputs first and ``self`` last (each once).

        Iterative depth-first search, so long chains do not hit Python's recursion limit.
        """
        order: list[Tensor] = []
        visited: set[int] = set()
        stack: list[tuple[Tensor, bool]] = [(self, False)]
        while stack:
            node, parents_done = stack.pop()
            if parents_done:
                order.append(node)
            elif id(node) not in visited:
                visited.add(id(node))
                stack.append((node, True))
                stack.extend((p, False) for p in reversed(node._parents) if id(p) not in visited)
        return order

    def backward(self, grad: ArrayLike | None = None, *, accumulate: bool = False) -> None:
        """Fill ``.grad`` of every tensor in the graph that requires grad (chain rule).

        Parameters
        ----------
        grad : array_like, optional
            Upstream gradient dL/d(self), broadcastable to ``self.shape``. Default
            ``ones_like(self.data)``: the gradient of the SUM of the outputs, which for an
            elementwise function evaluated on a grid is the per-point gradient.
        accumulate : bool, keyword-only, default False
            False (the rule of this module): first reset ``.grad`` of every reachable node to
            zeros, so calling ``backward()`` twice gives the same gradients. True (PyTorch
            behaviour): leaf tensors keep their existing ``.grad`` and add to it, so a second
            call doubles them; intermediate nodes are still reset.
        """
        if not self.requires_grad:
            raise RuntimeError("backward() on a tensor that does not require grad")
        order = self.topological_order()
        for node in order:
            is_leaf = not node._parents
            if node.requires_grad and not (accumulate and is_leaf and node.grad is not None):
                node.grad = np.zeros_like(node.data)
        seed = np.ones_like(self.data) if grad is None else np.asarray(grad, dtype=np.float64)
        with np.errstate(all="ignore"):
            self.grad += np.broadcast_to(seed, self.shape)
            for node in reversed(order):  # every child is done before its parents
                if not (node.requires_grad and node._parents):
                    continue
                for parent, d_parent in zip(node._parents, node._backward(node.grad), strict=True):
                    if parent.requires_grad and d_parent is not None:
                        parent.grad += _unbroadcast(np.asarray(d_parent), parent.shape)

    def zero_grad(self) -> None:
        """Set ``.grad`` of this tensor and all its ancestors that require grad to zeros."""
        for node in self.topological_order():
            if node.requires_grad:
                node.grad = np.zeros_like(node.data)

    @property
    def parents(self) -> tuple[Tensor, ...]:
        """The op's inputs in argument order (``x * x`` lists x twice); empty for a leaf."""
        return self._parents

    def local_gradients(self, grad: ArrayLike | None = None) -> tuple[np.ndarray | None, ...]:
        """This op's own backward rule, alone: dL/d(parent) per parent given dL/d(self) = grad.

        With the default ``grad`` (ones) and 0-d tensors these are the local derivatives
        ∂self/∂parent that the chain rule multiplies; None where the rule skips a parent that
        needs no gradient. Reads only ``.data``; changes no ``.grad``. Empty for a leaf.
        """
        g = np.ones_like(self.data) if grad is None else np.asarray(grad, dtype=np.float64)
        with np.errstate(all="ignore"):
            return tuple(
                None if d is None else np.array(d, dtype=np.float64)
                for d in self._backward(np.broadcast_to(g, self.shape))
            )

    def graph(self) -> dict[str, list]:
        """Export the graph for drawing, in topological order (output last).

        Returns
        -------
        dict
            ``{"nodes": [...], "edges": [...]}``. Node ``i`` is
            ``{"id": i, "op", "label", "value", "grad", "shape"}`` (value/grad are copies;
            grad may be None). ``edges`` are ``(parent_id, child_id)`` pairs, each pair once
            (``x * x`` gives one edge), so ``parent_id < child_id`` always.
        """
        order = self.topological_order()
        ids = {id(node): i for i, node in enumerate(order)}
        nodes = [
            {
                "id": i,
                "op": node.op,
                "label": node.label,
                "value": node.data.copy(),
                "grad": None if node.grad is None else node.grad.copy(),
                "shape": node.shape,
            }
            for i, node in enumerate(order)
        ]
        edges = list(
            dict.fromkeys((ids[id(p)], ids[id(node)]) for node in order for p in node._parents)
        )
        return {"nodes": nodes, "edges": edges}


# ------------------------------------------------- module-level function forms
def _function_form(name: str) -> Callable[..., Tensor]:
    """Build ``autodiff.<name>(t, ...)``, the module-level twin of ``Tensor.<name>``."""
    method = getattr(Tensor, name)

    @functools.wraps(method)  # same docstring and signature as the method
    def function(t: ArrayLike, *args: Any, **kwargs: Any) -> Tensor:
        return method(_as_tensor(t), *args, **kwargs)

    function.__qualname__ = name
    return function


# autodiff.exp(t) == t.exp(), autodiff.sum(t, axis=0) == t.sum(axis=0); t may also be an array.
# (abs and sum shadow the builtins inside this module on purpose, like numpy's.)
exp, log, sin, cos, tan, sqrt = map(_function_form, ["exp", "log", "sin", "cos", "tan", "sqrt"])
abs, tanh, sigmoid, relu = map(_function_form, ["abs", "tanh", "sigmoid", "relu"])
sum, mean, logsumexp = map(_function_form, ["sum", "mean", "logsumexp"])
