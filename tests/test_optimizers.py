"""Step rules: plain SGD, AdaGrad and Adam against independent references."""

import numpy as np
import pytest

from dlviz import optimizers


def test_sgd_is_minus_eta_g():
    np.testing.assert_array_equal(optimizers.SGD(0.1).step(np.array([2.0, -4.0])), [-0.2, 0.4])


def test_adagrad_matches_reference_and_gives_each_parameter_a_step_near_eta():
    rule, G = optimizers.AdaGrad(0.5), np.zeros(2)
    grads = [np.array([150.0 * 50, 150.0]), np.array([-30.0 * 80, -30.0]), np.array([5.0, 0.5])]
    for k, g in enumerate(grads):
        G += g * g
        expected = -0.5 * g / (np.sqrt(G) + 1e-8)
        np.testing.assert_allclose(rule.step(g), expected, rtol=1e-12)
        if k == 0:  # the first step is η in every coordinate, whatever the gradient's scale
            np.testing.assert_allclose(np.abs(expected), [0.5, 0.5], rtol=1e-9)


def test_adam_matches_reference():
    rule = optimizers.Adam(0.01)
    m = v = np.zeros(2)
    rng = np.random.default_rng(0)
    for t in range(1, 6):
        g = rng.normal(0, [100.0, 1.0])
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        expected = -0.01 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        np.testing.assert_allclose(rule.step(g), expected, rtol=1e-12)


def test_make_by_name():
    assert isinstance(optimizers.make("adam", 0.1), optimizers.Adam)
    assert optimizers.make("sgd", 0.1).eta == 0.1
    with pytest.raises(ValueError, match="unknown optimizer"):
        optimizers.make("rmsprop", 0.1)
