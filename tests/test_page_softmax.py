"""AppTest of the Softmax page, one section at a time: the slide's numbers, languages, editing A
and Y, bad input, tampered URL, the explorer, the derivatives, training on the digits (MNIST's
5,000 real 28×28 digits by default; the 8×8 digits, faster, for the training's mechanics: once
per setting, the epochs slider shows part of it) and a bad MNIST file."""

import base64
import io
import json
import re
import zipfile

import numpy as np
import pytest

from dlviz import digits
from dlviz import softmax_regression as sr

PAGE = "pages/5_Softmax.py"
SLIDE = ("0.969692", "0.880200", "1.05268", "0.831490")
SECTIONS = ("loss", "explorer", "derivatives", "paths", "matrix", "digits", "draw")
CHARTS = dict(loss=0, explorer=1, derivatives=1, paths=0, matrix=0, digits=3, draw=1)


def latex_text(at) -> str:
    return " ".join(element.value for element in at.latex)


def markdown_text(at) -> str:
    return " ".join(m.value for m in at.markdown)


def values(array) -> np.ndarray:
    """A plotly JSON array (plain list or base64 ``bdata``) as numpy."""
    if isinstance(array, dict):
        shape = [int(n) for n in array.get("shape", "-1").split(",")]
        raw = np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
        return raw.reshape(shape)
    return np.asarray(array)


def chart(at, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def frame(at, column: str):
    """The first table with this (translated) column: AppTest does not expose st.dataframe keys."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def losses(at):
    return frame(at, "L⁽ⁱ⁾")["L⁽ⁱ⁾"].to_numpy()


def test_defaults_show_the_slide_example(run_page):
    at = run_page(PAGE, lang="en")
    assert at.query_params["tab"] in (["loss"], "loss")  # the slide's example opens first
    shown = latex_text(at)
    for value in SLIDE:
        assert f"&&= {value}" in shown
    # the lecture's l = −Σ y_j log a_j, written out without the slide's "(−0)"
    assert (
        r"\mathcal{L}^{[4]} &= -\left[0\cdot\log 0.2668 + 0\cdot\log 0.2978 + 1\cdot\log 0.4354"
        in (shown)
    )
    assert "= 0.933516" in shown
    assert np.allclose(losses(at), [0.969692, 0.880200, 1.05268, 0.831490], atol=5e-6)
    assert not at.error and not at.exception
    # one-hot of the default labels = the slide's Y
    assert r"\begin{bmatrix}1 & 0 & 0 \\ 0 & 1 & 0 \\ 0 & 0 & 1 \\ 0 & 0 & 1\end{bmatrix}" in shown
    assert not at.get("plotly_chart")  # only this section runs: nothing trained, nothing drawn


@pytest.mark.parametrize("tab", SECTIONS)
@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_section_opens_by_its_link(run_page, tab, lang):
    at = run_page(PAGE, lang=lang, tab=tab)
    assert not at.error and not at.exception
    assert not [w for w in at.warning if "nan" not in w.value]  # the overflow demo's own warning
    assert len(at.tabs) == len(SECTIONS)
    assert len(at.get("plotly_chart")) == CHARTS[tab]
    assert at.query_params["tab"] in ([tab], tab)


def test_a_bogus_section_falls_back_to_the_slide_with_a_warning(run_page):
    at = run_page(PAGE, lang="en", tab="bogus")
    assert "tab=bogus" in at.warning[0].value
    assert np.allclose(losses(at), [0.969692, 0.880200, 1.05268, 0.831490], atol=5e-6)
    assert at.query_params["tab"] in (["loss"], "loss")


def test_explorer_defaults(run_page):
    at = run_page(PAGE, lang="en", tab="explorer")
    assert at.slider(key="K").value == 3 and at.select_slider(key="T").value == 1.0
    bars = chart(at)  # the probability bars sum to 1
    assert bars["layout"]["title"]["text"].endswith("sum = 1.000000")
    a = values(bars["data"][0]["y"])
    assert np.isclose(a.sum(), 1) and len(a) == 3
    # overflow demo at its default c = 1000: naive nan, stable fine (a warning, not an error)
    assert any("nan" in w.value for w in at.warning) and not at.error


def test_derivatives_at_the_explorers_logits(run_page):
    at = run_page(PAGE, lang="en", tab="derivatives")
    # ∂l/∂z = a − y, checked by autodiff and finite differences
    check = frame(at, "a − y")
    assert np.allclose(check.iloc[:, 1], check.iloc[:, 2], atol=1e-12)
    assert check.iloc[:, 4].max() < 1e-8
    assert r"\mathbf z = \begin{bmatrix}2 \\ 1 \\ 0.1\end{bmatrix}" in latex_text(at)
    # the explorer's logits, as set in the link, are the ones differentiated here
    at = run_page(PAGE, lang="en", tab="derivatives", K="4", z2="4", cls="2")
    assert r"\begin{bmatrix}2 \\ 4 \\ 0.1 \\ -1\end{bmatrix}" in latex_text(at)
    check = frame(at, "a − y")
    assert len(check) == 4 and check.iloc[1, 1] < 0  # a₂ − 1 for the true class 2
    jacobian = chart(at)
    assert values(jacobian["data"][0]["z"]).shape == (4, 4)


def test_paths_of_the_slide(run_page):
    at = run_page(PAGE, lang="en", tab="paths")
    # the two-path picture: (a₁ − y₁)·x₂ = 0.3792 − 1 at x₂ = 1
    assert r"= -0.6208 = (a_1 - y_1)\,x_2" in latex_text(at)
    assert 'label="w₁,₂"' in at.get("graphviz_chart")[0].proto.spec
    table = frame(at, "product")
    assert np.isclose(table["product"].sum(), -0.6208)


def test_the_picture_of_the_paths_stays_while_x2_moves(run_page):
    at = run_page(PAGE, lang="en", tab="paths")
    before = at.get("graphviz_chart")[0].proto.spec
    at.number_input(key="x2").set_value(2.0).run()
    assert r"= -1.2416 = (a_1 - y_1)\,x_2" in latex_text(at)
    assert at.get("graphviz_chart")[0].proto.spec == before  # the numbers are in the table


def test_matrix_form_with_shapes(run_page):
    at = run_page(PAGE, lang="en", tab="matrix")
    assert r"\underbrace{\mathbf X^\top(\mathbf A-\mathbf Y)}_{2\times 3}" in latex_text(at)
    assert "transpose" in markdown_text(at)


@pytest.mark.parametrize(
    ("lang", "label"), [("es", "Número de clases K"), ("en", "Number of classes K")]
)
def test_both_languages(run_page, lang, label):
    at = run_page(PAGE, lang=lang, tab="explorer")
    assert at.title[0].value == "Softmax"
    assert at.slider(key="K").label == label
    at = run_page(PAGE, lang=lang, tab="digits")
    (slip,) = [i.value for i in at.info if "60.000 dígitos por clase" in i.value]
    assert "6.000" in slip or "6,000" in slip


def test_editing_a_recomputes_and_bad_edits_keep_the_last_good(run_page):
    at = run_page(PAGE, lang="en")
    at.session_state["ya"] = {"edited_rows": {0: {"a1": 0.5, "a2": 0.25, "a3": 0.25}},
                              "added_rows": [], "deleted_rows": []}  # fmt: skip
    at.run()
    assert not at.error
    assert np.isclose(losses(at)[0], -np.log(0.5))
    at.session_state["ya"] = {"edited_rows": {0: {"a1": 0.9}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "Row 1 of A sums to 1.5208" in at.error[0].value and "last valid" in at.error[0].value
    assert np.isclose(losses(at)[0], -np.log(0.5))  # the last good A is kept
    at.session_state["ya"] = {"edited_rows": {1: {"y1": 1}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "Row 2 of Y is not one-hot" in at.error[0].value


def test_added_row_is_included_in_the_mean(run_page):
    at = run_page(PAGE, lang="en")
    row = {"y1": 0, "y2": 1, "y3": 0, "a1": 0.25, "a2": 0.5, "a3": 0.25}
    at.session_state["ya"] = {"edited_rows": {}, "added_rows": [row], "deleted_rows": []}
    at.run()
    assert len(losses(at)) == 5
    expected = (0.969692 + 0.880200 + 1.052683 + 0.831490 + np.log(2)) / 5
    assert f"{expected:.5f}" in latex_text(at)


def test_the_paths_use_the_edited_example(run_page):
    at = run_page(PAGE, lang="en")
    at.session_state["ya"] = {"edited_rows": {0: {"a1": 0.5, "a2": 0.25, "a3": 0.25}},
                              "added_rows": [], "deleted_rows": []}  # fmt: skip
    at.run()
    at.session_state["_tab_en"] = "Paths to ∂L/∂w₁,₂"  # the student opens the paths
    at.run()
    assert at.query_params["tab"] in (["paths"], "paths")
    assert r"= -0.5 = (a_1 - y_1)\,x_2" in latex_text(at)
    at.session_state["_tab_en"] = "Cross-entropy"  # and back: the edit is still there
    at.run()
    assert np.isclose(losses(at)[0], -np.log(0.5)) and not at.error


def test_bad_labels_keep_the_last_good_one_hot(run_page):
    at = run_page(PAGE, lang="en", labels="1 x")
    assert "`x` is not a label" in at.error[0].value and "last valid" in at.error[0].value
    assert not at.exception
    at = run_page(PAGE, lang="en", labels="2 0")
    at.text_input(key="labels").input("2 0 12").run()
    assert "Label 12 does not fit" in at.error[0].value
    assert r"\mathbf y = \begin{bmatrix}2 \\ 0\end{bmatrix}" in latex_text(at)  # the last good


@pytest.mark.parametrize(
    ("tab", "query", "controls"),
    [
        ("explorer", {"K": "99", "T": "-3", "z1": "abc", "shift": "5"}, {"K": 3, "z1": 2.0}),
        ("derivatives", {"K": "1", "z2": "nan", "cls": "11"}, {"cls": 1}),
        ("paths", {"k": "0", "i": "x", "x2": "1e9"}, {"k": 1, "i": 1}),
        ("matrix", {"m": "60", "bseed": "-1"}, {"m": 2}),
        (
            "digits",
            {"nb": "0", "eta": "7", "epochs": "1000", "data": "cifar"},
            {"nb": sr.DEFAULT_BATCH},
        ),
    ],
)
def test_tampered_url_falls_back_with_warnings(run_page, tab, query, controls):
    at = run_page(PAGE, lang="en", tab=tab, **query)
    warnings = " ".join(w.value for w in at.warning)
    for name, value in query.items():
        assert f"{name}={value}" in warnings
    for key, value in controls.items():
        assert at.slider(key=key).value == value
    assert not at.exception


def test_explorer_temperature_and_large_logits(run_page):
    at = run_page(PAGE, lang="en", tab="explorer", K="4", T="0.1", shift="0", z4="9.5")
    a = values(chart(at)["data"][0]["y"])
    assert len(a) == 4 and a[3] > 0.99
    assert any("both formulas agree" in s.value for s in at.success)
    at = run_page(PAGE, lang="en", tab="explorer", shift="10000", z1="10")
    table = frame(at, "e^(z − max z)")
    assert (table.iloc[:, 5] == "inf/inf = nan").any() and np.isclose(table.iloc[:, 4].sum(), 1)


def test_moving_a_logit_changes_the_probabilities(run_page):
    at = run_page(PAGE, lang="en", tab="explorer")
    before = latex_text(at)
    at.slider(key="z2").set_value(4.0).run()
    after = latex_text(at)
    assert before != after and r"\begin{bmatrix}2 \\ 4 \\ 0.1\end{bmatrix}" in after


def trained_alone(epochs: int, nb: int = sr.DEFAULT_BATCH, seed: int = 0) -> sr.SoftmaxRegression:
    """The page's training on the 8×8 digits, done here on its own."""
    data = digits.load_digits(0.2, seed)
    model = sr.SoftmaxRegression(sr.DEFAULT_ETA, nb, epochs, seed)
    return model.fit(data.X_train, data.y_train, data.X_test, data.y_test, 10)


def test_the_epochs_slider_shows_part_of_one_training(run_page):
    """Trained once per setting, to the slider's end; moving the epochs shows exactly what a
    training of that many epochs gives, without training again."""
    from dlviz.views import softmax as views

    at = run_page(PAGE, lang="en", tab="digits", data="digits", epochs="3")
    expected = sr.summary(trained_alone(3).history_.iloc[-1])
    assert "After 3 epochs: test accuracy **{test}** (training {train})".format(**expected) in (
        markdown_text(at)
    )
    alone = {epochs: trained_alone(epochs) for epochs in (5, 1, 100, 20)}
    fits = []
    real_train = sr.Training.train
    sr.Training.train = lambda self, *a, **k: fits.append(a) or real_train(self, *a, **k)
    try:
        for epochs, model in alone.items():
            at.slider(key="epochs").set_value(epochs).run()
            result = "After {epoch} epochs: test accuracy **{test}** (training {train}); test loss "
            result += "{loss} (training {train_loss})"
            assert result.format(**sr.summary(model.history_.iloc[-1])) in markdown_text(at)
            curves = chart(at)
            assert values(curves["data"][0]["x"]).tolist() == list(range(epochs + 1))
            data = digits.load_digits(0.2, 0)
            confusion = values(chart(at, 1)["data"][0]["z"])
            C = sr.confusion_matrix(data.y_test, model.predict(data.X_test), 10)
            assert np.array_equal(confusion, C)
    finally:
        sr.Training.train = real_train
    assert fits == []  # trained once, at the first run, to the slider's end
    run = views._training(("digits", None, 0), sr.DEFAULT_BATCH, sr.DEFAULT_ETA, 0, None)
    assert run.epochs == views.EPOCHS_MAX


def result(model: sr.SoftmaxRegression) -> str:
    return "After {epoch} epochs: test accuracy **{test}** (training {train})".format(
        **sr.summary(model.history_.iloc[-1])
    )


def test_a_new_setting_trains_only_on_the_button(run_page):
    at = run_page(PAGE, lang="en", tab="digits", data="digits", epochs="3")
    assert result(trained_alone(3)) in markdown_text(at)
    at.slider(key="nb").set_value(32).run()
    assert result(trained_alone(3)) in markdown_text(at)  # not retrained on a rerun
    shown = f"N_b = {sr.DEFAULT_BATCH}"
    assert any("Press **Train**" in i.value and shown in i.value for i in at.info)
    at.slider(key="epochs").set_value(5).run()  # the shown training, at another epoch
    assert result(trained_alone(5)) in markdown_text(at)
    at.button(key="train").click().run()
    assert result(trained_alone(5, nb=32)) in markdown_text(at)
    assert not any("Press" in i.value for i in at.info)
    at.slider(key="nb").set_value(sr.DEFAULT_BATCH).run()  # trained before: without the button
    assert result(trained_alone(5)) in markdown_text(at)
    assert not any("Press" in i.value for i in at.info)


def test_small_batches_train_what_is_asked_and_go_on_from_there(run_page):
    """N_b = 4 on the digits: 100 epochs would be seconds of work, so the epochs asked for
    are trained, and more only when more are asked for (the same numbers either way)."""
    from dlviz.views import softmax as views

    at = run_page(PAGE, lang="en", tab="digits", data="digits", nb="4", epochs="2")
    run = views._training(("digits", None, 0), 4, sr.DEFAULT_ETA, 0, None)
    assert run.epochs == 2 and result(trained_alone(2, nb=4)) in markdown_text(at)
    at.slider(key="epochs").set_value(4).run()
    assert run.epochs == 4 and result(trained_alone(4, nb=4)) in markdown_text(at)
    at.slider(key="epochs").set_value(1).run()
    assert run.epochs == 4 and result(trained_alone(1, nb=4)) in markdown_text(at)


def test_diverging_eta_is_reported(run_page):
    at = run_page(PAGE, lang="en", tab="digits", eta="100", nb="1", epochs="3")
    assert not at.exception
    text = markdown_text(at) + " ".join(e.value for e in at.error)
    assert "After 3 epochs" in text or "stopped being finite" in text


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_default_data_are_mnists_real_28_by_28_digits(run_page, lang):
    """Issue 15: the page trains on 5,000 real MNIST digits by default, as the slide: 784
    inputs, W ∈ ℝ^(10×784), its ten rows shown as 28×28 images, the confusion matrix and the
    misclassified test images of the same model."""
    at = run_page(PAGE, lang=lang, tab="digits")
    assert not at.exception and not at.error
    assert at.radio(key="data").value == digits.MNIST_5K
    captions = " ".join(c.value for c in at.caption)
    label = {"es": "MNIST (5.000 dígitos reales, 28×28)", "en": "MNIST (5,000 real digits, 28×28)"}
    assert f"{label[lang]}: 4000" in captions and "N_b × 784" in captions
    assert "W ∈ ℝ^(10×784)" in captions and "28×28" in captions
    data = digits.load_mnist_5k(0.2, 0)
    model = sr.SoftmaxRegression(sr.DEFAULT_ETA, sr.DEFAULT_BATCH, sr.DEFAULT_EPOCHS, 0)
    model.fit(data.X_train, data.y_train, data.X_test, data.y_test, 10)
    assert model.W_.shape == (10, 784)
    if lang == "en":
        assert result(model) in markdown_text(at)
    confusion = values(chart(at, 1)["data"][0]["z"])
    assert np.array_equal(
        confusion, sr.confusion_matrix(data.y_test, model.predict(data.X_test), 10)
    )
    weights = chart(at, 2)
    mosaic = values(weights["data"][0]["z"])
    tiles = [a["text"] for a in weights["layout"]["annotations"]]
    assert tiles == [f"w{k}" for k in range(10)]
    # the first tile is w0 as a 28×28 image, under the room for its title (figures.image_grid)
    top = max(4, 28 // 2)
    assert np.allclose(mosaic[top : top + 28, 0:28], model.W_[0].reshape(28, 28), atol=1e-6)
    assert np.isnan(mosaic[top : top + 28, 28]).all()  # the gap after a 28-pixel-wide tile
    at.session_state[f"_tab_{lang}"] = "Mistakes & drawing" if lang == "en" else "Errores y dibujo"
    at.run()
    wrong = values(chart(at)["data"][0]["z"])
    assert not at.exception and wrong.shape[1] > 28 and np.nanmax(wrong) <= 1.0


def test_the_8_by_8_digits_stay_as_a_fast_alternative(run_page):
    at = run_page(PAGE, lang="en", tab="digits", data="digits", epochs="3")
    assert not at.exception and not at.error
    assert "8×8 digits (scikit-learn): 1438 training images" in " ".join(
        c.value for c in at.caption
    )
    assert "W ∈ ℝ^(10×64)" in " ".join(c.value for c in at.caption)
    assert result(trained_alone(3)) in markdown_text(at)


def test_bad_mnist_file_keeps_the_default_digits(run_page):
    at = run_page(PAGE, lang="en", tab="digits", data="mnist")
    assert any("Upload mnist.npz" in i.value for i in at.info)
    at.file_uploader(key="mnist").set_value(
        ("mnist.npz", b"this is not an npz", "application/octet-stream")
    ).run()
    assert not at.exception
    assert "Not an MNIST file" in at.error[0].value
    assert "5,000 bundled real MNIST digits" in at.error[0].value
    assert len(at.get("plotly_chart")) == 3


def test_small_mnist_npz_trains(run_page):
    rng = np.random.default_rng(0)
    buffer = io.BytesIO()
    x = rng.integers(0, 256, size=(60, 28, 28), dtype=np.uint8)
    np.savez(buffer, x_train=x, y_train=np.arange(60) % 10)
    at = run_page(PAGE, lang="en", tab="digits", data="mnist", epochs="2")
    at.file_uploader(key="mnist").set_value(
        ("mnist.npz", buffer.getvalue(), "application/octet-stream")
    ).run()
    assert not at.exception and not at.error
    assert "my MNIST file (28×28): 50 training images" in " ".join(c.value for c in at.caption)
    assert "After 2 epochs" in markdown_text(at)
    # the files stay with the session while another section is open
    at.session_state["_tab_en"] = "Mistakes & drawing"
    at.run()
    assert "my MNIST file (28×28): 50 training images" in " ".join(c.value for c in at.caption)
    assert not at.error and len(values(chart(at)["data"][0]["z"])[0]) > 28  # 28×28 tiles


def test_mistake_probabilities_on_request(run_page):
    """The misclassified images are always shown; their full probability table on request."""
    at = run_page(PAGE, lang="en", tab="draw", epochs="3")
    assert not any("true" in d.value.columns for d in at.dataframe)
    assert any("The model sees" in i.value or "Draw a digit" in i.value for i in at.info)
    at.toggle(key="wrong_p").set_value(True).run()
    table = frame(at, "true")
    assert len(table) == 10 and np.allclose(table.iloc[:, :10].sum(axis=1), 1, atol=1e-5)
    assert "wrong_p" in run_page(PAGE, lang="es", tab="draw", wrong_p="1").query_params
    shown = run_page(PAGE, lang="en", tab="draw", wrong_p="1").dataframe
    assert any("true" in d.value.columns for d in shown)


# -- issue 12 --------------------------------------------------------------------------------
def outside_code(text: str) -> str:
    """The text of a message without its code spans (where user text is shown as typed)."""
    return re.sub(r"(`+).*?\1", "", text)


def every_text(at) -> list[str]:
    kinds = ("error", "warning", "info", "success", "markdown", "caption")
    return [element.value for kind in kinds for element in getattr(at, kind)]


@pytest.mark.parametrize("labels", ["0 1 2²", "0 1 ①", "1 [Login](//evil.io) 2"])
def test_tampered_labels_in_the_link_are_refused_as_text(run_page, labels):
    """Issue 12, findings 3 and 4: "2²" passed str.isdigit() and crashed int(); a markdown link
    in the labels became a clickable link in the red box. Now both are refused, shown as typed
    inside a code span, and the slide's one-hot stays."""
    at = run_page(PAGE, lang="en", labels=labels)
    assert not at.exception
    bad = labels.split()[-1] if "Login" not in labels else "[Login](//evil.io)"
    assert f"`{bad}` is not a label" in at.error[0].value
    for text in every_text(at):
        assert "](" not in outside_code(text), text
    assert r"\begin{bmatrix}1 & 0 & 0 \\ 0 & 1 & 0 \\ 0 & 0 & 1 \\ 0 & 0 & 1\end{bmatrix}" in (
        latex_text(at)
    )


def test_typed_labels_with_a_sign_are_whole_numbers(run_page):
    at = run_page(PAGE, lang="en", labels="+2 0")
    assert not at.error and r"\mathbf y = \begin{bmatrix}2 \\ 0\end{bmatrix}" in latex_text(at)


def test_one_sample_batches_for_100_epochs_stay_within_the_budget(run_page):
    """Issue 12, finding 6: ``?nb=1&epochs=100`` trained 6.5 s as the page opened. One run now
    trains at most the budget's epochs (estimated, ``sr.epoch_seconds``), says so, and the
    button goes on from there; the numbers are those of one uninterrupted training."""
    from dlviz.views import softmax as views

    at = run_page(PAGE, lang="en", tab="digits", data="digits", nb="1", epochs="100")
    data = digits.load_digits(0.2, 0)
    seconds = sr.epoch_seconds(len(data.y_train), len(data.y_test), 64, 1)
    per_run = int(views.BUDGET_SECONDS // seconds)
    assert 1 <= per_run < 100 and per_run * seconds <= views.BUDGET_SECONDS
    run = views._training(("digits", None, 0), 1, sr.DEFAULT_ETA, 0, None)
    assert run.epochs == per_run
    note = f"Trained {per_run} of the 100 epochs asked"
    assert any(note in i.value and f"at most {per_run} epochs" in i.value for i in at.info)
    assert f"After {per_run} epochs" in markdown_text(at)
    at.button(key="train").click().run()
    assert run.epochs == min(100, 2 * per_run)
    while run.epochs < 100:
        at.button(key="train").click().run()
    assert not any("Trained" in i.value for i in at.info)
    assert result(trained_alone(100, nb=1)) in markdown_text(at)


def upload(at, name: str, data: bytes):
    at.file_uploader(key="mnist").set_value((name, data, "application/octet-stream")).run()
    return at


def npz(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_npz_of_250000_zero_images_is_refused_and_the_digits_stay(run_page):
    """Issue 12, finding 1, on the page: the 191 KB file took 3.1 GB; now a message."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("x_train.npy", "w", force_zip64=True) as member:
            header = {"descr": "|u1", "fortran_order": False, "shape": (250_000, 28, 28)}
            np.lib.format.write_array_header_1_0(member, header)
            for _ in range(250):
                member.write(bytes(784_000))
        with archive.open("y_train.npy", "w") as member:
            np.lib.format.write_array(member, np.zeros(250_000, np.uint8))
    at = upload(run_page(PAGE, lang="en", tab="digits", data="mnist", epochs="2"), "mnist.npz",
                buffer.getvalue())  # fmt: skip
    assert not at.exception
    assert "Training set: 250000 images: at most 70000" in at.error[0].value
    assert "5,000 bundled real MNIST" in at.error[0].value and len(at.get("plotly_chart")) == 3
    from dlviz.views import softmax as views

    assert views._uploaded().nbytes() == 0  # nothing kept but the refusal


@pytest.mark.parametrize(
    ("arrays", "shown"),
    [
        ({"x_train": np.full((10, 28, 28), "a"), "y_train": np.arange(10)},
         "Training set: The pixels are of type `<U1`"),
        ({"x_train": np.zeros((4, 28, 28)), "y_train": np.arange(4)},
         "That leaves 4 training and 0 test images"),
        ({"[Login](//evil.io)": np.zeros(1)}, "keys found: `[Login](//evil.io)`"),
    ],
)  # fmt: skip
def test_malformed_npz_gets_a_message_not_a_traceback(run_page, arrays, shown):
    """Issue 12, findings 5 and 4: strings in x_train crashed the page; 1–5 images showed "test
    accuracy nan%"; an .npz key became a link. Now: a message, the key as typed, the digits."""
    at = upload(run_page(PAGE, lang="en", tab="digits", data="mnist", epochs="2"), "mnist.npz",
                npz(**arrays))  # fmt: skip
    assert not at.exception and shown in at.error[0].value
    assert "nan%" not in markdown_text(at)
    for text in every_text(at):
        assert "](" not in outside_code(text), text


def test_a_refused_file_is_not_read_again_on_each_rerun(run_page, monkeypatch):
    at = upload(run_page(PAGE, lang="en", tab="digits", data="mnist", epochs="2"), "mnist.npz",
                npz(x_train=np.zeros((4, 28, 28)), y_train=np.arange(4)))  # fmt: skip
    reads = []
    monkeypatch.setattr(digits, "load_mnist", lambda *a, **k: reads.append(a))
    at.slider(key="epochs").set_value(3).run()
    assert reads == [] and "That leaves 4 training" in at.error[0].value


def test_uploaded_data_are_kept_within_entries_and_bytes():
    """The server keeps at most ``entries`` uploaded data sets and ``size`` bytes of them (with
    their trainings), dropping the least recently used; never the one just asked for."""
    from dlviz.views import softmax as views

    rng = np.random.default_rng(0)
    files = [{"mnist.npz": npz(x_train=rng.integers(0, 256, (n, 28, 28), dtype=np.uint8),
                               y_train=np.arange(n) % 10)} for n in (50, 60, 70, 80)]  # fmt: skip
    one = 50 * 784 * 4 + 50 * 8
    store = views.Uploads(entries=3, size=10 * one, trainings=2)
    sets = [store.dataset((("id", i), 0), f) for i, f in enumerate(files)]
    assert len(store._items) == 3 and (("id", 0), 0) not in store._items  # entries
    assert store.dataset((("id", 3), 0), files[3]) is sets[3]  # read once
    runs = [store.training((("id", 3), 0), (nb, 1.0, 0), sets[3]) for nb in (1, 2, 3)]
    assert len(store._items[(("id", 3), 0)][1]) == 2  # trainings per data set
    assert store.training((("id", 3), 0), (3, 1.0, 0), sets[3]) is runs[2]
    small = views.Uploads(entries=8, size=store._entry_bytes(sets[3], {}) + 1, trainings=2)
    for i, f in enumerate(files):
        small.dataset((("id", i), 0), f)
    assert list(small._items) == [(("id", 3), 0)]  # bytes: only the newest fits
    assert small.nbytes() <= small.size


def test_the_true_class_slider_runs_over_the_explorers_k_classes(run_page):
    at = run_page(PAGE, lang="en", tab="derivatives")  # K = 3
    assert at.slider(key="cls").max == 3
    # A link's class beyond K (a class set before K was lowered) becomes the last class, with
    # no warning: the link was valid when it was made.
    at = run_page(PAGE, lang="en", tab="derivatives", K="2", cls="5")
    slider = at.slider(key="cls")
    assert (slider.max, slider.value) == (2, 2) and not at.warning
    assert at.query_params["cls"] == "2"  # the link says what the page shows
    check = frame(at, "a − y")
    assert len(check) == 2 and check.iloc[1, 1] < 0  # a₂ − 1: the true class is 2


# -- issue 14: what the class sees ----------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "words"),
    [("es", ("Σⱼ e^(z_t⁽ⁱ⁾)", "Σⱼ e^(z_j⁽ⁱ⁾)", "1/h")),
     ("en", ("Σⱼ e^(z_t⁽ⁱ⁾)", "Σⱼ e^(z_j⁽ⁱ⁾)", "1/h"))],
)  # fmt: skip
@pytest.mark.parametrize("tab", ["loss", "digits"])
def test_the_slides_denominator_slip_is_flagged_under_the_formula(run_page, lang, words, tab):
    """The slide writes the softmax denominator Σⱼ e^{z_t^{[i]}} (lecture line 747): the index
    of the sum is j, the exponent says t. Flagged where the page shows the formula (above the
    sections), with what it should be, on every section."""
    at = run_page(PAGE, lang=lang, tab=tab)
    assert r"\sum_{j=1}^{K} e^{z_j}" in at.latex[0].value  # the page's own formula is right
    (flag,) = [i.value for i in at.info if words[0] in i.value]
    assert all(word in flag for word in words)


def test_the_loss_expansion_has_no_negative_zero(run_page):
    """Issue 14: the loss section showed "(−0)·log(0.2668) + …" (the slide's way); now the
    lecture's l = −Σ y_j log a_j: −[0·log(0.2668) + 0·log(0.2978) + 1·log(0.4354)]."""
    at = run_page(PAGE, lang="es")
    sums = frame(at, "−Σ y_j log a_j")["−Σ y_j log a_j"]
    assert sums[3] == "−[0·log(0.2668) + 0·log(0.2978) + 1·log(0.4354)]"
    shown = " ".join(sums) + latex_text(at)
    assert not re.search(r"[−-]\(?0(?![.\d])", shown.replace(r"-\left[", "")), shown
    assert len(at.latex) == 5  # formula, one-hot, L, the four sums in one block, the mean


def test_the_naive_softmax_column_says_what_overflowed(run_page):
    """Issue 14: the overflow table showed a bare "nan" cell, read as a missing value."""
    at = run_page(PAGE, lang="es", tab="explorer")  # c = 1000: every e^z overflows
    naive = frame(at, "ingenua e^z/Σe^z")["ingenua e^z/Σe^z"]
    assert list(naive) == ["inf/inf = nan"] * 3
    (warning,) = at.warning  # and so the message: a bold "nan" alone read as a missing value
    assert "**inf/inf = nan** (no es un número)" in warning.value
    at = run_page(PAGE, lang="es", tab="explorer", shift="0")
    assert not (frame(at, "ingenua e^z/Σe^z")["ingenua e^z/Σe^z"] == "inf/inf = nan").any()


def test_the_jacobians_slide_entries_are_written_beside_the_chart(run_page):
    """Issue 14: "∂a₁/∂z₁ = a₁(1−a₁) = 0.2247∂a₂/∂z₁ = …", the chart's two-line title, ran
    into its axis title; the two entries are a formula above the chart now."""
    at = run_page(PAGE, lang="en", tab="derivatives")
    assert "title" not in chart(at)["layout"] or not chart(at)["layout"]["title"].get("text")
    shown = latex_text(at)
    assert r"&= a_1(1 - a_1) = 0.2247" in shown and r"&= -a_2 a_1 = -0.1598" in shown


def test_the_matrix_form_shows_each_matrix_as_a_formula_of_its_own(run_page):
    """Issue 14: X, W, b and A − Y in one line were cut at 1400 px (m = 6 at 1280 px): one
    formula per matrix, laid side by side where they fit and wrapped where not."""
    at = run_page(PAGE, lang="en", tab="matrix", m="6")
    formulas = [e.value.strip("$\n") for e in at.latex[1:]]
    assert len(formulas) == 7
    assert formulas[0].startswith(r"\underbrace{\mathbf X}_{4\times 6} = \begin{bmatrix}")
    assert formulas[1].startswith(r"\underbrace{\mathbf W}_{3\times 6} = \begin{bmatrix}")
    assert r"\\ &= \begin{bmatrix}" in formulas[4]  # ∂L/∂W: its matrix on a line of its own
