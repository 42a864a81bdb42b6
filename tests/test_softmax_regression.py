"""dlviz.softmax_regression: the update rule, history, divergence, confusion matrix, mistakes."""

import numpy as np

from dlviz import digits
from dlviz import softmax as sm
from dlviz.softmax_regression import SoftmaxRegression, confusion_matrix, mistakes, summary


def blobs(n=60, seed=0):
    rng = np.random.default_rng(seed)
    centers = np.array([[3.0, 0.0], [0.0, 3.0], [-3.0, -3.0]])
    y = np.arange(n) % 3
    return centers[y] + rng.normal(size=(n, 2)), y


def test_one_full_batch_epoch_is_one_gradient_step():
    X, y = blobs(12)
    model = SoftmaxRegression(eta=0.3, batch_size=12, epochs=1, seed=0).fit(X, y)
    A0 = np.full((12, 3), 1 / 3)  # weights start at zero
    dW, db = sm.gradients(X, A0, sm.one_hot(y, 3))
    assert np.allclose(model.W_, -0.3 * dW, atol=1e-6)
    assert np.allclose(model.b_, -0.3 * db, atol=1e-6)


def test_history_has_one_row_per_epoch_and_learns():
    X, y = blobs()
    model = SoftmaxRegression(eta=0.5, batch_size=8, epochs=10, seed=1).fit(X, y, X[:9], y[:9])
    h = model.history_
    assert list(h["epoch"]) == list(range(11))
    assert np.isclose(h["train_loss"][0], np.log(3))  # uniform start
    assert h["train_loss"].iloc[-1] < 0.2 and h["test_accuracy"].iloc[-1] == 1.0
    assert model.predict_proba(X).shape == (60, 3)
    assert summary(h.iloc[-1])["test"] == "100.00%"


def test_same_seed_same_model_and_callback_can_stop():
    X, y = blobs()
    a = SoftmaxRegression(0.5, 4, 3, seed=7).fit(X, y)
    b = SoftmaxRegression(0.5, 4, 3, seed=7).fit(X, y)
    assert np.array_equal(a.W_, b.W_)
    seen = []
    model = SoftmaxRegression(0.5, 4, 10, seed=7).fit(
        X, y, callback=lambda e, r: seen.append(e) or e == 2
    )
    assert seen == [0, 1, 2] and len(model.history_) == 3


def test_divergence_is_detected_and_stops_silently():
    X, y = blobs()
    model = SoftmaxRegression(eta=1e30, batch_size=4, epochs=20, seed=0).fit(X * 1e10, y)
    assert model.diverged_ is not None and len(model.history_) <= 21


def test_digits_reach_high_accuracy():
    data = digits.load_digits(0.2, seed=0)
    model = SoftmaxRegression(0.5, 32, 20, seed=0).fit(
        data.X_train, data.y_train, data.X_test, data.y_test
    )
    assert model.history_["test_accuracy"].iloc[-1] > 0.92
    C = confusion_matrix(data.y_test, model.predict(data.X_test), 10)
    assert C.sum() == len(data.y_test) and np.trace(C) / C.sum() > 0.92
    images, titles, table = mistakes(model, data.X_test, data.y_test, 5)
    assert len(images) == len(titles) == len(table) == 5
    assert "→" in titles[0] and np.allclose(table.iloc[:, :10].sum(axis=1), 1, atol=1e-5)


def test_confusion_matrix_counts():
    C = confusion_matrix([0, 1, 1, 2], [0, 2, 1, 2], 3)
    assert C.tolist() == [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
