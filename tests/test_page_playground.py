"""AppTest of the Playground page, one section at a time: the lecture's 2-2-1 beside the
perceptron, the builder (defaults, + / −, inputs, training in ticks reproduced by the link,
edited weights, the student's CSV), one point's forward and backward pass, both languages,
tampered links."""

import numpy as np
import pytest

from dlviz import playground as pg
from dlviz.views import playground as views

PAGE = "pages/7_Playground.py"


def texts(elements) -> str:
    return " | ".join(e.value for e in elements)


def query(at, key):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def shown_epoch(at) -> int:
    return int(query(at, "epoch"))


def default_network(problem="classification", **changes) -> pg.Network:
    setting = dict(features=("x1", "x2"), hidden=(4, 2), activation="tanh", problem=problem,
                   learning_rate=0.03, batch_size=10)  # fmt: skip
    return pg.Network(**(setting | changes))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_lecture_section_sets_the_2_2_1_network_beside_the_perceptron(run_page, lang):
    at = run_page(PAGE, lang=lang)
    assert query(at, "tab") == "lecture"
    assert len(at.get("plotly_chart")) == 2
    warning, success = texts(at.warning), texts(at.success)
    assert "J = 0.6931" in warning and "ln 2 = 0.6931" in warning  # a single unit: ŷ = 0.5
    assert ("4 de 4" if lang == "es" else "4 of 4") in success
    assert not at.error


def test_the_lecture_tables_hold_the_truth_table_and_the_outputs(run_page):
    at = run_page(PAGE, lang="en")
    tables = [t.value for t in at.table] or [d.value for d in at.dataframe]
    single, network = tables[0], tables[1]
    assert list(single.iloc[:, 2]) == [0, 1, 1, 0]
    assert np.allclose(single.iloc[:, 3].astype(float), 0.5, atol=1e-3)  # ŷ = 0.5 everywhere
    y_hat = network.iloc[:, 3].astype(float).to_numpy()
    assert ((y_hat >= 0.5) == np.array([0, 1, 1, 0], bool)).all()


def test_the_preset_button_opens_the_lecture_network_in_the_builder(run_page):
    at = run_page(PAGE, lang="en")
    at.button(key="open_preset").click().run()
    assert not at.exception
    assert query(at, "tab") == "build"
    assert (query(at, "data"), query(at, "layers"), query(at, "act")) == ("lecture", "2", "sigmoid")
    assert (query(at, "lr"), query(at, "batch")) == ("3", "4")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_builder_opens_on_tensorflow_playgrounds_defaults_and_trains(run_page, lang):
    at = run_page(PAGE, lang=lang, tab="build")
    assert at.selectbox(key="data").value == "circle"
    assert (at.slider(key="ratio").value, at.slider(key="noise").value) == (50, 0)
    assert at.slider(key="batch").value == 10
    assert (query(at, "layers"), query(at, "features"), query(at, "act")) == (
        "4,2",
        "x1,x2",
        "tanh",
    )
    assert len(at.get("plotly_chart")) == 3  # the network, the output, the losses
    assert shown_epoch(at) > 0  # opened at the start: it trains at once
    status = texts(at.markdown)
    assert ("Entrenando" if lang == "es" else "Training") in status
    latex = texts(at.latex)
    assert (
        r"W^{[1]} \in \mathbb{R}^{4\times 2}"
        in latex.replace(" ", "").replace(
            r"\in\mathbb{R}^{4\times2}", r" \in \mathbb{R}^{4\times 2}"
        )
        or "4\\times 2" in latex
    )
    assert not at.error


def test_the_losses_shown_are_the_training_reproduced_from_the_link(run_page):
    at = run_page(PAGE, lang="en", tab="build", epoch="7")  # a link: paused at its epoch
    epoch = shown_epoch(at)
    assert epoch == 7
    data = pg.dataset("circle", noise=0.0, ratio=0.5, seed=0)
    net = default_network()
    run = pg.train(net, pg.init_weights(net, 0), data, epoch, 0)
    status = texts(at.markdown)
    assert f"{run.train_loss[-1]:.4f}" in status and f"{run.test_loss[-1]:.4f}" in status
    assert "Training ·" not in status  # paused


def test_one_epoch_button_trains_one_more(run_page):
    at = run_page(PAGE, lang="en", tab="build", epoch="3")
    at.button(key="step_one").click().run()
    assert shown_epoch(at) == 4


def test_reset_takes_new_weights_at_epoch_zero(run_page):
    at = run_page(PAGE, lang="en", tab="build", epoch="5")
    at.button(key="reset").click().run()
    assert (query(at, "wseed"), shown_epoch(at)) == ("1", 0)
    assert "Training ·" not in texts(at.markdown)  # paused after a reset


def test_plus_and_minus_build_the_hidden_layers(run_page):
    at = run_page(PAGE, lang="en", tab="build", epoch="1")
    at.button(key="layer_more").click().run()
    assert query(at, "layers") == "4,2,2"
    at.button(key="more_2").click().run()
    at.button(key="less_0").click().run()
    assert query(at, "layers") == "3,2,3"
    for _ in range(3):
        at.button(key="layer_less").click().run()
    assert query(at, "layers") == "0"  # no hidden layer: a single unit
    assert at.button(key="layer_less").disabled
    assert not at.exception and len(at.get("plotly_chart")) == 3


def test_the_limits_of_the_network_disable_their_buttons(run_page):
    at = run_page(PAGE, lang="en", tab="build", layers="8,1,2,2,2,2", epoch="1")
    assert at.button(key="layer_more").disabled  # 6 layers
    assert at.button(key="more_0").disabled and at.button(key="less_1").disabled


def test_a_moved_control_starts_the_new_network_and_plays_it(run_page):
    at = run_page(PAGE, lang="en", tab="build", epoch="5")
    at.selectbox(key="act").set_value("relu").run()
    assert query(at, "act") == "relu"
    assert "Training ·" in texts(at.markdown)


def test_inputs_switch_on_and_off_and_one_stays(run_page):
    at = run_page(PAGE, lang="en", tab="build", features="x1,sin2,x2", epoch="1")
    assert query(at, "features") == "x1,x2,sin2"  # the options' order
    latex = texts(at.latex)
    assert r"\sin x_2" in latex or r"\sin(x_2)" in latex or "sin" in latex
    at.button_group(key="features").set_value(["sin2", "x1x2"]).run()  # in click order
    assert query(at, "features") == "x1x2,sin2"
    at.button_group(key="features").set_value([]).run()  # none: the last choice stays
    assert "Keep at least one option on" in texts(at.warning)
    assert query(at, "features") == "x1x2,sin2"
    network = next(
        part for part in at.session_state["_playground"].key if isinstance(part, pg.Network)
    )
    assert network.features == ("x1x2", "sin2") and not at.exception


@pytest.mark.parametrize(
    ("key", "raw"),
    [("layers", "9,9"), ("layers", "1,2,3,4,5,6,7"), ("features", "x3"), ("features", ","),
     ("lr", "0.5"), ("act", "softplus"), ("batch", "0"), ("epoch", "-1"), ("w", "1,x"),
     ("noise", "80"), ("data", "moons")],
)  # fmt: skip
def test_a_tampered_link_falls_back_with_a_warning(run_page, key, raw):
    at = run_page(PAGE, lang="en", tab="build", **{key: raw})
    assert f"{key}={raw}" in " ".join(w.proto.body for w in at.warning)
    assert not at.error


def test_edited_weights_of_another_network_are_refused(run_page):
    at = run_page(PAGE, lang="en", tab="build", w="1,2,3")
    assert "not this network's" in texts(at.warning)
    assert query(at, "w") == ""


def test_edited_weights_in_the_link_are_the_start(run_page):
    net = default_network()
    first = pg.init_weights(net, 0)
    first[0][0][0, 0] = 2.5  # W[1]₁,₁ edited
    values = ",".join(repr(v) for v in views.flat(first))
    at = run_page(PAGE, lang="en", tab="build", w=values, epoch="3", **{"from": "3"})
    data = pg.dataset("circle")
    assert f"{pg.loss(net, first, data.X_train, data.y_train):.4f}" in texts(at.markdown)


def test_the_weights_editor_reads_the_weights_of_the_epoch_shown(run_page):
    at = run_page(PAGE, lang="en", tab="build", epoch="2")  # paused: the editor is shown
    editor = at.expander[0].dataframe[0].value  # (editing it: the browser test)
    net, data = default_network(), pg.dataset("circle")
    W, b = pg.train(net, pg.init_weights(net, 0), data, 2, 0).weights[0]
    assert np.allclose(editor.to_numpy(dtype=float), np.column_stack([W, b]))
    assert list(editor.columns) == ["x₁", "x₂", "b"]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_point_section_writes_the_forward_and_backward_pass(run_page, lang):
    at = run_page(PAGE, lang=lang, tab="point", data="lecture", layers="2", act="sigmoid",
                  lr="3", batch="4", epoch="0")  # fmt: skip
    latex = texts(at.latex)
    assert r"\delta^{[2]}" in latex and r"z^{[1]}" in latex
    table = at.dataframe[0].value
    assert len(table) == 2 * 2 + 2 + 2 + 2 + 2 + 1 + 1 + 1  # W1, b1, z1, a1, W2, b2, z2, a2
    assert texts(at.success)  # autodiff agrees with finite differences
    links = at.main.get("page_link")
    assert links and links[0].proto.page.endswith("Autodiff")


def test_the_point_section_names_the_limit_of_the_autodiff_graph(run_page):
    at = run_page(PAGE, lang="en", tab="point", layers="8,8", epoch="0")
    assert "too large" in texts(at.caption)
    far = "x1,x2,label\n8,0,1\n9,1,0\n8,2,1\n9,3,0\n"  # beyond the Autodiff page's ±6
    at = run_page(PAGE, lang="en", tab="point", data="csv", csv=far, layers="1", epoch="0")
    assert "between −6 and 6; this point is outside" in texts(at.caption)
    assert not at.main.get("page_link")


def test_own_csv_points_train_and_a_bad_file_keeps_the_last_good_one(run_page):
    good = "x1,x2,label\n-3,-3,0\n-2,-4,0\n3,3,1\n2,4,1\n"
    at = run_page(PAGE, lang="en", tab="build", data="csv", csv=good, epoch="1")
    assert not at.error and len(at.get("plotly_chart")) == 3
    at.text_area(key="csv").set_value("x1,x2,label\n1,2,0\n3,4,0\n").run()
    assert "single class" in texts(at.error)
    assert query(at, "csv") == good  # the refused text stays out of the link
    assert len(at.get("plotly_chart")) == 3


def test_two_students_with_the_same_setting_train_it_once(run_page):
    first = run_page(PAGE, lang="en", tab="build")  # plays at once: one tick of training
    epoch = shown_epoch(first)
    mine = first.session_state["_playground"]
    assert epoch > 0 and epoch in mine.record.weights  # the stretch it trained is recorded
    second = run_page(PAGE, lang="es", tab="build", epoch=str(epoch))  # the same setting
    theirs = second.session_state["_playground"]
    assert theirs.record is mine.record and theirs.weights is mine.record.weights[epoch]
    assert shown_epoch(second) == epoch  # read, not trained again


def test_the_frames_come_further_apart_when_many_play(monkeypatch):
    monkeypatch.setattr(views, "_PLAYING", {})
    assert views.tick_interval() == views.TICK
    now = views.time.monotonic()
    views._PLAYING.update({f"s{k}": now for k in range(4 * views.FULL_PACE)})
    views._PLAYING["gone"] = now - 2 * views.WINDOW  # stopped playing a while ago
    assert views.players() == 4 * views.FULL_PACE and "gone" not in views._PLAYING
    assert views.tick_interval() == 4 * views.TICK


@pytest.mark.parametrize("name", ["plane", "bumps"])
def test_regression_data_train_a_linear_output_on_half_the_squared_error(run_page, name):
    at = run_page(PAGE, lang="en", tab="build", data=name, epoch="4")
    latex = texts(at.latex)
    assert r"\tfrac{1}{2}\left(\hat y_i - y_i\right)^2" in latex and r"\hat y = z^{[L]}" in latex
    data = pg.dataset(name, noise=0.0, ratio=0.5, seed=0)
    net = default_network("regression")
    run = pg.train(net, pg.init_weights(net, 0), data, 4, 0)
    assert f"{run.train_loss[-1]:.4f}" in texts(at.markdown)
    assert "regression" in texts(at.caption)


def test_the_point_section_reads_the_links_own_points(run_page):
    good = "x1,x2,label\n-3,-3,0\n-2,-4,0\n3,3,1\n2,4,1\n"
    at = run_page(PAGE, lang="en", tab="point", data="csv", csv=good, ratio="50")
    pairs = ("x = (−3, −3)", "x = (−2, −4)", "x = (3, 3)", "x = (2, 4)")
    assert any(pair in texts(at.markdown) for pair in pairs)
    assert not at.error
    bad = run_page(PAGE, lang="en", tab="point", data="csv", csv="x1,x2,label\n1,<b>2</b>,0\n")
    assert bad.error and "<b>" not in bad.error[0].proto.body.replace("\\<b\\>", "")
    assert len(bad.get("plotly_chart")) == 2  # the sample points instead, no traceback


def test_students_training_at_once_share_a_part_of_a_core(monkeypatch):
    monkeypatch.setattr(views, "_TRAINING", {})
    monkeypatch.setattr(views, "_PLAYING", {})  # frames every TICK
    assert views.training_budget() == views.BUDGET  # alone: the whole budget
    now = views.time.monotonic()
    views._TRAINING.update({f"s{k}": now for k in range(20)})
    budget = views.training_budget()
    assert budget < views.BUDGET and 20 * budget / views.TICK <= views.TRAINING_SHARE + 1e-9
    views._TRAINING.update({f"t{k}": now for k in range(1000)})
    assert views.training_budget() == views.MIN_BUDGET  # at least a few ms: one epoch or more
