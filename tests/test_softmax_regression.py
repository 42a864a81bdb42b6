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


def test_history_matches_an_independent_evaluation_each_epoch():
    """The per-epoch metrics (one stacked product, logits laid out K×N) equal evaluate() on each
    set, for the final weights and for the weights after epoch 1 and 2."""
    X, y = blobs(90, seed=3)
    Xt, yt = blobs(30, seed=4)
    for epochs in (1, 2, 6):
        model = SoftmaxRegression(0.5, 7, epochs, seed=2).fit(X, y, Xt, yt)
        last = model.history_.iloc[-1]
        train, test = (
            model.evaluate(X.astype(np.float32), y),
            model.evaluate(Xt.astype(np.float32), yt),
        )
        assert np.isclose(last["train_loss"], train.loss, rtol=1e-5)
        assert np.isclose(last["test_loss"], test.loss, rtol=1e-5)
        assert last["train_accuracy"] == train.accuracy and last["test_accuracy"] == test.accuracy


def test_bias_is_a_view_of_the_trained_weights_and_matches_a_plain_loop():
    """Folding b into W₁ = [W | b] gives the same updates as the textbook loop written here."""
    X, y = blobs(40, seed=5)
    model = SoftmaxRegression(0.4, 6, 3, seed=11).fit(X, y)
    W, b = np.zeros((3, 2)), np.zeros(3)
    rng = np.random.default_rng(11)
    Y = sm.one_hot(y, 3)
    for _ in range(3):
        order = rng.permutation(len(y))
        for start in range(0, len(y), 6):
            idx = order[start : start + 6]
            A = sm.softmax(X[idx] @ W.T + b)
            dW, db = sm.gradients(X[idx], A, Y[idx])
            W, b = W - 0.4 * dW, b - 0.4 * db
    assert np.allclose(model.W_, W, atol=1e-5) and np.allclose(model.b_, b, atol=1e-5)


def test_default_schedule_reaches_scikit_learn_accuracy_on_mnist():
    """Issue 15: on the page's default data (MNIST's 5,000 real digits, split 80/20 with seed 0)
    the page's default (η, N_b, epochs) ends at or above LogisticRegression(max_iter=200)'s test
    accuracy on the same split (the accuracy bar; the timing is in bench/softmax.py)."""
    import warnings

    from sklearn.linear_model import LogisticRegression

    from dlviz import softmax_regression as sr

    data = digits.load_mnist_5k(0.2, seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = LogisticRegression(max_iter=200).fit(data.X_train, data.y_train)
    target = reference.score(data.X_test, data.y_test)
    model = SoftmaxRegression(sr.DEFAULT_ETA, sr.DEFAULT_BATCH, sr.DEFAULT_EPOCHS, 0).fit(
        data.X_train, data.y_train, data.X_test, data.y_test, 10
    )
    assert model.W_.shape == (10, 784) and len(model.history_) == sr.DEFAULT_EPOCHS + 1
    assert model.history_["test_accuracy"].iloc[-1] >= target > 0.85


def test_report_on_test_set_is_the_confusion_matrix_and_the_mistakes():
    from dlviz.softmax_regression import report_on_test_set

    data = digits.load_digits(0.2, seed=1)
    model = SoftmaxRegression(1.0, 64, 5, seed=1).fit(data.X_train, data.y_train)
    report = report_on_test_set(model, data.X_test, data.y_test)
    expected = confusion_matrix(data.y_test, model.predict(data.X_test), 10)
    assert np.array_equal(report["confusion"], expected)
    images, titles, table = report["mistakes"]
    assert len(titles) == min(10, len(data.y_test) - np.trace(expected))


def test_a_longer_training_holds_every_shorter_one_exactly():
    """The page trains once to the slider's end and shows epoch e from it: the weights and the
    history after epoch e are exactly those of a training of e epochs."""
    from dlviz.softmax_regression import Training

    X, y = blobs(50, seed=6)
    Xt, yt = blobs(20, seed=7)
    run = Training(X, y, Xt, yt, eta=0.5, batch_size=7, seed=3)
    run.train(4)
    run.train(9)  # goes on where it stopped
    assert run.epochs == 9 and len(run.weights) == 10
    for epochs in (0, 1, 4, 5, 9):
        alone = SoftmaxRegression(0.5, 7, epochs, seed=3).fit(X, y, Xt, yt)
        shown = run.model(epochs)
        assert np.array_equal(shown.W_, alone.W_) and np.array_equal(shown.b_, alone.b_)
        assert shown.history_.equals(alone.history_) and shown.diverged_ is None
    assert run.model(50).history_["epoch"].iloc[-1] == 9  # not trained that far: the last one
    assert not run.model(9).W_.flags.writeable  # shared between sessions: read only


def test_divergence_shows_only_from_its_epoch_on():
    from dlviz.softmax_regression import Training

    X, y = blobs()
    run = Training(X * 1e10, y, eta=1e30, batch_size=4, seed=0)
    run.train(20)
    d = run.diverged
    assert d is not None and run.epochs == d  # training stopped there
    assert run.model(d).diverged_ == d and run.model(20).diverged_ == d
    assert run.model(d - 1).diverged_ is None and len(run.model(d - 1).history_) == d
    run.train(30)
    assert run.epochs == d  # a diverged training does not go on


def test_a_training_reads_the_images_without_copying_them():
    """Issue 12 (memory): a training on MNIST-sized data held three copies of the images (with
    a bias column, transposed for the metrics, shuffled each epoch): 660 MB for the full MNIST.
    Now it only reads them: what it allocates is small next to the images."""
    import tracemalloc

    from dlviz.softmax_regression import Training

    rng = np.random.default_rng(0)
    X = rng.random((20_000, 784), dtype=np.float32)  # 63 MB
    Xt = rng.random((5_000, 784), dtype=np.float32)
    y, yt = np.arange(20_000) % 10, np.arange(5_000) % 10
    tracemalloc.start()
    try:
        run = Training(X, y, Xt, yt, eta=0.1, batch_size=512, seed=0, n_classes=10)
        run.train(2)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert run.X is X and run.epochs == 2
    assert peak < X.nbytes / 4  # the shuffled batches, one-hot targets, logits of the metrics


def test_epoch_seconds_grow_with_the_batches_and_the_images():
    """The estimate the page's budget uses: a fixed cost per mini-batch, per image value read
    and per epoch (the constants were measured on the course's server)."""
    from dlviz import softmax_regression as sr

    digits_1 = sr.epoch_seconds(1438, 359, 64, 1)
    assert np.isclose(
        digits_1,
        1438 * sr.STEP_SECONDS + (2 * 1438 + 359) * 65 * sr.VALUE_SECONDS + sr.EPOCH_SECONDS,
    )
    assert sr.epoch_seconds(1438, 359, 64, 32) < digits_1 / 10
    assert sr.epoch_seconds(60_000, 10_000, 784, 1) > 20 * digits_1  # a full MNIST, N_b = 1
    run = sr.Training(np.zeros((10, 3)), np.arange(10) % 2, np.zeros((4, 3)), np.zeros(4, int),
                      batch_size=3)  # fmt: skip
    assert run.epoch_seconds == sr.epoch_seconds(10, 4, 3, 3)
