"""Linear regression by closed form and (stochastic) gradient descent: the lecture's numbers,
an independent reference, finite-difference gradients, batch modes, divergence, the η sweep."""

import warnings

import numpy as np
import pandas as pd
import pytest

from dlviz import linreg

X, Y = linreg.LECTURE_X, linreg.LECTURE_Y


def reference_online_sgd(x, y, eta, epochs, w=0.0, b=0.0):
    """The slide's pseudo-code written out plainly: one sample per update, in order."""
    out = []
    for _ in range(epochs):
        for xi, yi in zip(x.tolist(), y.tolist(), strict=True):
            err = yi - (w * xi + b)
            w, b = w + eta * err * xi, b + eta * err
            out.append((w, b))
    return np.array(out)


def test_lecture_iterations_and_epoch_10():
    trace = linreg.sgd_trace(X, Y, 1e-4, 10)
    assert list(trace.columns[:8]) == [
        "iteration",
        "epoch",
        "sample",
        "x",
        "y",
        "y_hat",
        "error",
        "dw",
    ]
    assert {"w", "b", "loss"} <= set(trace.columns)
    assert len(trace) == 30 and list(trace["iteration"]) == list(range(1, 31))
    got = [(round(w, 4), round(b, 4)) for w, b in trace[["w", "b"]].to_numpy()[:3]]
    assert got == [(0.75, 0.015), (1.8699, 0.029), (2.5369, 0.0346)]
    assert trace["b"].iloc[1] == pytest.approx(0.0289985, abs=1e-12)  # the slide shows 0.028
    last = trace.iloc[-1]
    assert (round(last.w, 4), round(last.b, 4), last.epoch) == (2.2674, 0.0515, 10)
    assert trace.attrs["diverged_at"] is None and not trace.attrs["stopped"]


def test_online_trace_matches_an_independent_reference():
    for eta, epochs, w0, b0 in [(1e-4, 10, 0.0, 0.0), (5e-5, 7, 1.0, -3.0)]:
        trace = linreg.sgd_trace(X, Y, eta, epochs, w0, b0)
        ref = reference_online_sgd(X, Y, eta, epochs, w0, b0)
        np.testing.assert_allclose(trace[["w", "b"]].to_numpy(), ref, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(trace["y_hat"] + trace["error"], trace["y"])


def test_closed_form_matches_the_slide_formula_and_polyfit():
    n = len(X)
    beta = (n * np.sum(X * Y) - X.sum() * Y.sum()) / (n * np.sum(X**2) - X.sum() ** 2)
    beta0 = Y.mean() - beta * X.mean()
    got = linreg.closed_form(X, Y)
    assert got == pytest.approx((beta, beta0), rel=1e-13)
    assert (round(got[0], 4), round(got[1], 2)) == (1.8649, 54.59)
    rng = np.random.default_rng(1)
    x = rng.normal(1e5, 3.0, 50)  # large, nearly constant x: the centred form keeps the digits
    y = 0.5 * x + rng.normal(0, 1, 50)
    slope, intercept = np.polyfit(x - 1e5, y, 1)  # fitted on centred x, exact in float64
    np.testing.assert_allclose(
        linreg.closed_form(x, y), (slope, intercept - 1e5 * slope), rtol=1e-9
    )


def test_loss_is_the_lectures_sum_of_squares_everywhere():
    s = linreg.stats(X, Y)
    rng = np.random.default_rng(0)
    w, b = rng.normal(0, 5, 20), rng.normal(0, 100, 20)
    direct = ((w[:, None] * X + b[:, None] - Y) ** 2).sum(axis=1)
    np.testing.assert_allclose(linreg.loss(s, w, b), direct, rtol=1e-10)
    assert linreg.loss(s, 0.0, 0.0) == pytest.approx(150**2 + 200**2 + 280**2)
    assert linreg.loss(s, *linreg.closed_form(X, Y)) == pytest.approx(s.loss_min)
    ws, bs, L = linreg.loss_surface(s, (0, 3), (0, 60), 7)
    assert L.shape == (7, 7) and L[2, 5] == pytest.approx(linreg.loss(s, ws[5], bs[2]))


def _fd_grad(f, w, b, h=1e-6):
    return np.array([(f(w + h, b) - f(w - h, b)) / (2 * h), (f(w, b + h) - f(w, b - h)) / (2 * h)])


def test_online_update_is_minus_eta_times_the_gradient_of_half_squared_error():
    eta, w0, b0 = 1e-4, 0.3, -2.0
    trace = linreg.sgd_trace(X, Y, eta, 1, w0, b0)
    w, b = w0, b0
    for i, row in enumerate(trace.itertuples()):
        grad = _fd_grad(lambda w, b, i=i: 0.5 * (w * X[i] + b - Y[i]) ** 2, w, b)
        np.testing.assert_allclose([row.dw, row.db], -eta * grad, rtol=1e-6)
        w, b = row.w, row.b


def test_batch_update_is_minus_eta_times_the_gradient_of_the_mean_half_squared_error():
    eta, w0, b0 = 1e-4, 0.5, 1.0
    row = linreg.sgd_trace(X, Y, eta, 1, w0, b0, mode="batch").iloc[0]
    grad = _fd_grad(lambda w, b: np.mean(0.5 * (w * X + b - Y) ** 2), w0, b0)
    np.testing.assert_allclose([row.dw, row.db], -eta * grad, rtol=1e-6)
    assert row["sample"] == "1–3"


def test_full_batch_gradient_descent_reaches_the_closed_form():
    rng = np.random.default_rng(3)
    x = rng.uniform(-1, 1, 40)
    y = 2.0 * x - 0.7 + rng.normal(0, 0.1, 40)
    trace = linreg.sgd_trace(x, y, 0.5, 2000, mode="batch")
    np.testing.assert_allclose(trace[["w", "b"]].iloc[-1], linreg.closed_form(x, y), atol=1e-9)
    # On the lecture's data, standardising x makes full-batch GD converge in a few hundred steps.
    std = linreg.standardized_trace(X, Y, 0.5, 300, mode="batch")
    np.testing.assert_allclose(std[["w", "b"]].iloc[-1], linreg.closed_form(X, Y), rtol=1e-8)


def test_minibatch_extremes_are_online_and_full_batch():
    online = linreg.sgd_trace(X, Y, 1e-4, 3)
    one = linreg.sgd_trace(X, Y, 1e-4, 3, mode="minibatch", batch_size=1)
    np.testing.assert_array_equal(online[["w", "b"]], one[["w", "b"]])
    full = linreg.sgd_trace(X, Y, 1e-4, 3, mode="batch")
    big = linreg.sgd_trace(X, Y, 1e-4, 3, mode="minibatch", batch_size=10)
    np.testing.assert_allclose(full[["w", "b"]], big[["w", "b"]], rtol=1e-14)
    two = linreg.sgd_trace(X, Y, 1e-4, 2, mode="minibatch", batch_size=2)
    assert list(two["sample"]) == ["1, 2", "3", "1, 2", "3"] and list(two["epoch"]) == [1, 1, 2, 2]


@pytest.mark.parametrize("mode", ["batch", "minibatch"])
def test_small_batches_on_floats_match_the_numpy_update(monkeypatch, mode):
    """Batches up to SMALL_BATCH samples run on Python floats (correctly rounded sums); larger
    ones on numpy. Both are the same update."""
    rng = np.random.default_rng(5)
    x, y = rng.uniform(0, 100, 20), rng.uniform(0, 300, 20)
    options = {"mode": mode, "batch_size": 7, "shuffle": True, "seed": 3}
    floats = linreg.sgd_trace(x, y, 1e-4, 30, **options)
    monkeypatch.setattr(linreg, "SMALL_BATCH", 0)
    arrays = linreg.sgd_trace(x, y, 1e-4, 30, **options)
    np.testing.assert_allclose(floats[["w", "b", "loss"]], arrays[["w", "b", "loss"]], rtol=1e-12)
    assert list(floats["sample"]) == list(arrays["sample"])
    in_order = linreg.sgd_trace(x, y, 1e-4, 1, mode="batch")
    assert list(in_order["sample"]) == ["1–20"]
    assert "20×" in set(linreg.sgd_trace(x, y, 1e-4, 1, mode="batch", shuffle=True)["sample"])


def test_shuffling_is_seeded_and_visits_every_sample_once_per_epoch():
    a = linreg.sgd_trace(X, Y, 1e-4, 5, shuffle=True, seed=7)
    b = linreg.sgd_trace(X, Y, 1e-4, 5, shuffle=True, seed=7)
    c = linreg.sgd_trace(X, Y, 1e-4, 5, shuffle=True, seed=8)
    np.testing.assert_array_equal(a[["w", "b"]], b[["w", "b"]])
    assert list(a["sample"]) != list(c["sample"])
    for epoch in range(1, 6):
        assert sorted(a.loc[a.epoch == epoch, "sample"]) == ["1", "2", "3"]
    found = linreg.batch_at(a, [1, 4, 15])
    assert [str(found[k][0] + 1) for k in (1, 4, 15)] == list(a["sample"].iloc[[0, 3, 14]])


def test_divergence_is_detected_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trace = linreg.sgd_trace(X, Y, 1e-3, 10)
        assert trace.attrs["diverged_at"] == 5 and len(trace) == 4
        assert np.isfinite(trace[["w", "b", "loss"]].to_numpy()).all()
        huge = linreg.sgd_trace(X * 1e6, Y * 1e6, 1.0, 50, mode="batch")
        assert huge.attrs["diverged_at"] == 1 and len(huge) == 0
        assert linreg.verdict(huge, linreg.stats(X * 1e6, Y * 1e6))[0] == "diverged"
        sweep = linreg.eta_sweep(X * 1e6, Y * 1e6, np.logspace(-7, 0, 8), 3)
        assert (sweep["verdict"] == "diverged").all()


def test_verdicts_slow_good_growing():
    s = linreg.stats(X, Y)
    assert linreg.verdict(linreg.sgd_trace(X, Y, 1e-4, 10), s)[0] == "good"
    assert linreg.verdict(linreg.sgd_trace(X, Y, 1e-7, 10), s)[0] == "slow"
    kind, numbers = linreg.verdict(linreg.sgd_trace(X, Y, 1e-3, 10), s)
    assert kind == "diverged" and numbers["k"] == "5"
    assert linreg.verdict(linreg.sgd_trace(X, Y, 4e-4, 10), s)[0] == "growing"


def test_eta_sweep_agrees_with_single_runs():
    etas = np.array([1e-7, 1e-5, 1e-4, 4e-4, 1e-3])
    for mode in ("online", "minibatch", "batch"):
        sweep = linreg.eta_sweep(X, Y, etas, 10, mode=mode, batch_size=2)
        for eta, final, diverged in sweep[["eta", "loss", "diverged_at"]].to_numpy():
            trace = linreg.sgd_trace(X, Y, eta, 10, mode=mode, batch_size=2)
            if trace.attrs["diverged_at"]:
                assert diverged == trace.attrs["diverged_at"]
            else:
                assert final == pytest.approx(trace["loss"].iloc[-1], rel=1e-9)
    online = linreg.eta_sweep(X, Y, etas, 10)
    assert list(online["verdict"]) == ["slow", "good", "good", "diverged", "diverged"]


def test_max_updates_stops_the_run():
    trace = linreg.sgd_trace(X, Y, 1e-4, 100, max_updates=40)
    assert len(trace) == 40 and trace.attrs["stopped"]


def test_standardized_trace_predicts_like_its_standardised_parameters():
    trace = linreg.standardized_trace(X, Y, 0.1, 10, w0=0.5, b0=2.0)
    mean, sd = X.mean(), X.std()
    xs = (X - mean) / sd
    for row in trace.itertuples():
        np.testing.assert_allclose(row.w * X + row.b, row.w_std * xs + row.b_std, rtol=1e-12)
    w, b = linreg.path(trace)
    assert (w[0], b[0]) == (0.5, 2.0)
    s = linreg.stats(X, Y)
    assert trace["loss"].iloc[-1] < 0.2 * linreg.sgd_trace(X, Y, 1e-4, 10)["loss"].iloc[-1]
    assert linreg.loss(s, w[-1], b[-1]) == pytest.approx(trace["loss"].iloc[-1])


def test_adaptive_optimizers_move_b_much_more_than_plain_sgd():
    plain = linreg.sgd_trace(X, Y, 1e-4, 50)
    adam = linreg.sgd_trace(X, Y, 5.0, 50, optimizer="adam")
    adagrad = linreg.sgd_trace(X, Y, 5.0, 50, optimizer="adagrad")
    assert plain["b"].iloc[-1] < 0.3
    assert adam["b"].iloc[-1] > 20 and adagrad["b"].iloc[-1] > 5
    s = linreg.stats(X, Y)
    table = linreg.summary({"sgd": (1e-4, plain), "adam": (5.0, adam)}, s)
    assert list(table["method"]) == ["sgd", "adam"]
    assert table["gap_b"].iloc[0] == pytest.approx(abs(plain["b"].iloc[-1] - s.beta0))
    assert table["diverged_at"].isna().all()  # neither diverged: empty cells, not 0


def test_view_box_holds_optimum_start_and_ignores_runaway_points():
    s = linreg.stats(X, Y)
    w, b = linreg.path(linreg.sgd_trace(X, Y, 1e-4, 10))
    (w_lo, w_hi), (b_lo, b_hi) = linreg.view_box(s, [(w, b)])
    assert w_lo < 0 < s.beta < w_hi and b_lo < 0 < s.beta0 < b_hi
    runaway = (np.append(w, 1e30), np.append(b, -1e30))
    assert linreg.view_box(s, [runaway]) == linreg.view_box(s, [(w, b)])


@pytest.mark.parametrize(("x", "y"), [([1.0], [2.0]), ([1.0, 1.0], [2.0, 3.0]), ([1, 2], [1])])
def test_bad_data_raises_value_error(x, y):
    with pytest.raises(ValueError):
        linreg.stats(np.array(x), np.array(y))


def test_unknown_mode_raises():
    with pytest.raises(ValueError, match="mode"):
        linreg.sgd_trace(X, Y, 1e-4, 1, mode="sideways")


@pytest.mark.parametrize(
    ("make", "options"),
    [
        (linreg.sgd_trace, {}),
        (linreg.sgd_trace, {"mode": "minibatch", "batch_size": 2, "shuffle": True, "seed": 3}),
        (linreg.sgd_trace, {"mode": "batch"}),
        (linreg.sgd_trace, {"optimizer": "adam"}),
        (linreg.standardized_trace, {"shuffle": True, "seed": 1}),
    ],
)
def test_first_epochs_of_a_longer_run_are_the_shorter_run(make, options):
    eta = 0.1 if make is linreg.standardized_trace else 5.0 if options.get("optimizer") else 1e-4
    long = make(X, Y, eta, 40, 0.5, -1.0, **options)
    for epochs in (1, 2, 10, 39, 40):
        short = make(X, Y, eta, epochs, 0.5, -1.0, **options)
        cut = linreg.first_epochs(long, epochs)
        pd.testing.assert_frame_equal(cut.reset_index(drop=True), short)
        assert cut.attrs == short.attrs
    with pytest.raises(ValueError):
        linreg.first_epochs(long, 41)


@pytest.mark.parametrize(("eta", "max_updates"), [(1e-3, 50_000), (1e-4, 40), (4e-4, 50_000)])
def test_first_epochs_keep_divergence_and_the_update_limit(eta, max_updates):
    long = linreg.sgd_trace(X, Y, eta, 30, max_updates=max_updates)
    for epochs in range(1, 31):
        short = linreg.sgd_trace(X, Y, eta, epochs, max_updates=max_updates)
        cut = linreg.first_epochs(long, epochs)
        pd.testing.assert_frame_equal(cut.reset_index(drop=True), short)
        assert cut.attrs == short.attrs


def test_lecture_run_is_the_first_ten_epochs_of_a_longer_one():
    cut = linreg.first_epochs(linreg.sgd_trace(X, Y, 1e-4, 200), 10)
    assert len(cut) == 30 and (round(cut.w.iloc[-1], 4), round(cut.b.iloc[-1], 4)) == (
        2.2674,
        0.0515,
    )
    assert cut.attrs["diverged_at"] is None and not cut.attrs["stopped"]


@pytest.mark.parametrize(
    "options", [{}, {"mode": "minibatch", "shuffle": True, "seed": 2}, {"mode": "batch"}]
)
def test_sweep_runs_give_the_sweep_after_any_epochs(options):
    etas = np.logspace(-7, 0, 15)
    runs = linreg.sweep_runs(X, Y, etas, 200, 1.0, 2.0, **options)
    for epochs in (1, 7, 10, 200):
        expected = linreg.eta_sweep(X, Y, etas, epochs, 1.0, 2.0, **options)
        pd.testing.assert_frame_equal(runs.table(epochs), expected)


# -- issue #12, finding 6: one run's work is bounded whatever N, the epochs and the mode ----------
@pytest.mark.parametrize(
    ("n", "mode", "batch_size", "updates"),
    [
        (3, "online", 2, 50_000),
        (100_000, "online", 2, 50_000),
        (100_000, "minibatch", 32, 20_000),
        (100_000, "minibatch", 1000, 5_000),
        (100_000, "batch", 2, 50),  # ?mode=batch&epochs=200 on 100,000 samples: 50 epochs
        (10_000_000, "batch", 2, 1),
        (3, "batch", 2, 20_000),
    ],
)
def test_update_budget(n, mode, batch_size, updates):
    assert linreg.update_budget(n, mode, batch_size) == updates
    size = {"online": 1, "minibatch": batch_size, "batch": n}[mode]
    assert updates == 1 or updates * size <= linreg.MAX_VISITS


def test_a_run_cut_by_the_budget_says_so_and_is_the_start_of_the_full_run():
    rng = np.random.default_rng(0)
    x = rng.uniform(50, 120, 20_000)
    y = 2 * x + 50 + rng.normal(0, 10, x.size)
    budget = linreg.update_budget(len(x), "batch")
    assert budget == 250
    cut = linreg.sgd_trace(x, y, 1e-5, 400, mode="batch", max_updates=budget)
    assert len(cut) == 250 and cut.attrs["stopped"]
    full = linreg.sgd_trace(x, y, 1e-5, 400, mode="batch")
    pd.testing.assert_frame_equal(cut, full.iloc[:250], check_like=False)


def test_sample_is_seeded_sorted_and_without_repeats():
    chosen = linreg.sample(100_000, 2000)
    assert len(chosen) == len(set(chosen.tolist())) == 2000
    assert np.all(np.diff(chosen) > 0) and chosen[-1] < 100_000
    np.testing.assert_array_equal(chosen, linreg.sample(100_000, 2000))
    assert linreg.sample(2000, 2000) is None and linreg.sample(3, 2000) is None


def test_a_sweep_on_a_sample_measures_the_loss_on_all_the_data():
    rng = np.random.default_rng(1)
    x = rng.uniform(50, 120, 5000)
    y = 2 * x + 50 + rng.normal(0, 10, x.size)
    s, etas = linreg.stats(x, y), np.logspace(-7, -3, 9)
    chosen = linreg.sample(len(x), 500)
    runs = linreg.sweep_runs(x[chosen], y[chosen], etas, 20, mode="batch", s=s)
    assert runs.s is s and runs.loss0 == linreg.loss(s, 0.0, 0.0)
    table = runs.table(20)
    kept = table["diverged_at"] == 0
    np.testing.assert_allclose(
        table["loss"][kept], linreg.loss(s, runs.w[20][kept], runs.b[20][kept]), rtol=1e-12
    )
    alone = linreg.sweep_runs(x[chosen], y[chosen], etas, 20, mode="batch")
    np.testing.assert_array_equal(alone.w, runs.w)  # the same runs: only the loss is measured
    assert not np.allclose(alone.table(20)["loss"][kept], table["loss"][kept])  # on other data
