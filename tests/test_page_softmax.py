"""AppTest of the Softmax page: the slide's numbers, languages, editing A and Y, bad input,
tampered URL, the explorer, training on the digits and a bad MNIST file."""

import base64
import io
import json

import numpy as np
import pytest

PAGE = "pages/5_Softmax.py"
SLIDE = ("0.969692", "0.880200", "1.05268", "0.831490")


def latex_text(at) -> str:
    return " ".join(element.value for element in at.latex)


def markdown_text(at) -> str:
    return " ".join(m.value for m in at.markdown)


def values(array) -> np.ndarray:
    """A plotly JSON array (plain list or base64 ``bdata``) as numpy."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.asarray(array)


def frame(at, column: str):
    """The first table with this (translated) column: AppTest does not expose st.dataframe keys."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def losses(at):
    return frame(at, "L⁽ⁱ⁾")["L⁽ⁱ⁾"].to_numpy()


def test_defaults_show_the_slide_example(run_page):
    at = run_page(PAGE, lang="en")
    shown = latex_text(at)
    for value in SLIDE:
        assert f"&= {value}" in shown
    assert r"[(-1) \cdot \log(0.3792)]" in shown
    assert "= 0.933516" in shown
    assert np.allclose(losses(at), [0.969692, 0.880200, 1.05268, 0.831490], atol=5e-6)
    assert not at.error and not at.exception
    assert at.slider(key="K").value == 3 and at.select_slider(key="T").value == 1.0
    # explorer bars sum to 1
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert bars["layout"]["title"]["text"].endswith("sum = 1.000000")
    assert (
        np.isclose(values(bars["data"][0]["y"]).sum(), 1) and len(values(bars["data"][0]["y"])) == 3
    )
    # overflow demo at its default c = 1000: naive nan, stable fine (a warning, not an error)
    assert any("nan" in w.value for w in at.warning)
    # one-hot of the default labels = the slide's Y
    assert r"\begin{bmatrix}1 & 0 & 0 \\ 0 & 1 & 0 \\ 0 & 0 & 1 \\ 0 & 0 & 1\end{bmatrix}" in shown
    # ∂l/∂z = a − y, checked by autodiff and finite differences
    check = frame(at, "a − y")
    assert np.allclose(check.iloc[:, 1], check.iloc[:, 2], atol=1e-12)
    assert check.iloc[:, 4].max() < 1e-8
    # the two-path picture: (a₁ − y₁)·x₂ = 0.3792 − 1 at x₂ = 1
    assert r"= -0.6208 = (a_1 - y_1)\,x_2" in shown
    # matrix form with shapes, and the note about the slide's transpose
    assert r"\underbrace{\mathbf X^\top(\mathbf A-\mathbf Y)}_{2\times 3}" in shown
    assert "transpose" in markdown_text(at)
    # the digits were trained once, with a result
    assert "After 20 epochs: test accuracy" in markdown_text(at)
    assert len(at.get("plotly_chart")) == 6  # bars, Jacobian, curves, confusion, weights, wrong


@pytest.mark.parametrize(
    ("lang", "label"), [("es", "Número de clases K"), ("en", "Number of classes K")]
)
def test_both_languages(run_page, lang, label):
    at = run_page(PAGE, lang=lang)
    assert at.title[0].value == "Softmax"
    assert at.slider(key="K").label == label
    assert ("60.000 dígitos por clase" in at.info[0].value) and (
        "6.000" in at.info[0].value or "6,000" in at.info[0].value
    )


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


def test_bad_labels_and_tampered_url(run_page):
    at = run_page(PAGE, lang="en", labels="1 x", K="99", T="-3", z1="abc", nb="0", shift="5")
    assert "“x” is not a label" in at.error[0].value
    warnings = " ".join(w.value for w in at.warning)
    for name in ("K=99", "T=-3", "z1=abc", "nb=0", "shift=5"):
        assert name in warnings
    assert at.slider(key="K").value == 3 and at.slider(key="z1").value == 2.0
    assert not at.exception


def test_explorer_temperature_and_large_logits(run_page):
    at = run_page(PAGE, lang="en", K="4", T="0.1", shift="0", z4="9.5")
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)
    a = values(bars["data"][0]["y"])
    assert len(a) == 4 and a[3] > 0.99
    assert any("both formulas agree" in s.value for s in at.success)
    at = run_page(PAGE, lang="en", shift="10000", z1="10")
    table = frame(at, "e^(z − max z)")
    assert (table.iloc[:, 5] == "nan").any() and np.isclose(table.iloc[:, 4].sum(), 1)


def test_moving_a_logit_changes_the_probabilities(run_page):
    at = run_page(PAGE, lang="en")
    before = latex_text(at)
    at.slider(key="z2").set_value(4.0).run()
    after = latex_text(at)
    assert before != after and r"\begin{bmatrix}2 & 4 & 0.1\end{bmatrix}" in after


def test_training_runs_only_on_the_button(run_page):
    at = run_page(PAGE, lang="en", epochs="3")
    assert "After 3 epochs" in markdown_text(at)
    at.slider(key="epochs").set_value(5).run()
    assert "After 3 epochs" in markdown_text(at)  # not retrained on a rerun
    assert any("Press **Train**" in i.value for i in at.info)
    at.button(key="train").click().run()
    assert "After 5 epochs" in markdown_text(at)


def test_diverging_eta_is_reported(run_page):
    at = run_page(PAGE, lang="en", eta="100", nb="1", epochs="3")
    assert not at.exception
    text = markdown_text(at) + " ".join(e.value for e in at.error)
    assert "After 3 epochs" in text or "stopped being finite" in text


def test_bad_mnist_file_keeps_the_digits(run_page):
    at = run_page(PAGE, lang="en", data="mnist")
    assert any("Upload mnist.npz" in i.value for i in at.info)
    at.file_uploader(key="mnist").set_value(
        ("mnist.npz", b"this is not an npz", "application/octet-stream")
    ).run()
    assert not at.exception
    assert "Not an MNIST file" in at.error[0].value and "8×8 digits" in at.error[0].value
    assert len(at.get("plotly_chart")) == 6


def test_small_mnist_npz_trains(run_page):
    rng = np.random.default_rng(0)
    buffer = io.BytesIO()
    x = rng.integers(0, 256, size=(60, 28, 28), dtype=np.uint8)
    np.savez(buffer, x_train=x, y_train=np.arange(60) % 10)
    at = run_page(PAGE, lang="en", data="mnist", epochs="2")
    at.file_uploader(key="mnist").set_value(
        ("mnist.npz", buffer.getvalue(), "application/octet-stream")
    ).run()
    assert not at.exception and not at.error
    assert "my MNIST file (28×28): 50 training images" in " ".join(c.value for c in at.caption)
    assert "After 2 epochs" in markdown_text(at)


def test_mistake_probabilities_on_request(run_page):
    """The misclassified images are always shown; their full probability table on request."""
    at = run_page(PAGE, lang="en", epochs="3")
    assert not any("true" in d.value.columns for d in at.dataframe)
    at.toggle(key="wrong_p").set_value(True).run()
    table = frame(at, "true")
    assert len(table) == 10 and np.allclose(table.iloc[:, :10].sum(axis=1), 1, atol=1e-5)
    assert "wrong_p" in run_page(PAGE, lang="es", wrong_p="1").query_params
    assert any("true" in d.value.columns for d in run_page(PAGE, lang="en", wrong_p="1").dataframe)
