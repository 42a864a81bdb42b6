"""dlviz.binary_data: the seeded example sets and the student's CSV with its label checks."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dlviz.binary_data import (
    MAX_CSV_ROWS,
    SAMPLE_CSV,
    csv_columns,
    from_csv,
    smoking_example,
    two_classes,
)
from dlviz.csvdata import CSVError


def test_smoking_example_is_seeded_one_feature_and_binary():
    a, b = smoking_example(30, 1), smoking_example(30, 1)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.y, smoking_example(30, 2).y)
    assert a.X.shape == (30, 1) and a.features == ("x",) and set(a.y) == {0.0, 1.0}
    assert 0 <= a.X.min() and a.X.max() <= 10 and np.all(np.diff(a.X[:, 0]) >= 0)


def test_smoking_example_follows_its_logistic_model():
    data = smoking_example(4000, 7)
    x, y = data.X[:, 0], data.y
    assert y[x < 2].mean() < 0.1 and y[x > 8].mean() > 0.9  # σ(−4 + 0.8x)
    assert abs(y[(x > 4.5) & (x < 5.5)].mean() - 0.5) < 0.1


def test_two_classes_noise_controls_overlap():
    tight, wide = two_classes(100, 0.2, 0), two_classes(100, 2.0, 0)
    assert tight.X.shape == (100, 2) and tight.y.sum() == 50
    np.testing.assert_array_equal(two_classes(100, 0.2, 0).X, tight.X)
    assert np.all(tight.X[tight.y == 1].sum(axis=1) > 0) and np.all(
        tight.X[tight.y == 0].sum(axis=1) < 0
    )
    assert np.any(wide.X[wide.y == 1].sum(axis=1) < 0)  # overlapping clouds
    assert two_classes(7, 1.0, 0).y.tolist() == [0, 0, 0, 1, 1, 1, 1]


def test_sample_csv_and_two_feature_csv():
    data = from_csv(SAMPLE_CSV)
    assert data.n == 20 and data.m == 1 and data.y.sum() == 10
    two = from_csv(b"X1 , x2,y\n1,2,0\n2,1,1\n3,3,1\n")
    assert two.features == ("x1", "x2") and two.X.tolist() == [[1, 2], [2, 1], [3, 3]]
    assert csv_columns("\ufeffx1,x2,y") == ("x1", "x2", "y")
    assert csv_columns("x,y,comment") == ("x", "y")


@pytest.mark.parametrize(
    ("text", "code", "details"),
    [
        ("x,y\n1,0\n2,2\n", "label", {"row": 2, "value": "2"}),
        ("x,y\n1,0\n2,0.5\n", "label", {"row": 2, "value": "0.5"}),
        ("x,y\n1,1\n2,1\n3,1\n", "one_class", {"label": "1"}),
        ("x,y\n1,0\nabc,1\n", "non_numeric", {"column": "x", "row": 2}),
        ("x,y\n1,0\n,1\n", "missing", {"column": "x", "row": 2}),
        ("a,b\n1,0\n", "columns", {"missing": "x, y"}),
        ("x,y\n1,0\n", "too_few", {"rows": 1}),
        ("x,y\n2,0\n2,1\n", "constant", {"column": "x"}),
        ("", "empty", {}),
    ],
)
def test_bad_csv_raises_coded_errors(text, code, details):
    with pytest.raises(CSVError) as caught:
        from_csv(text)
    assert caught.value.code == code
    for key, value in details.items():
        assert caught.value.details[key] == value


def test_too_many_rows():
    rows = "".join(f"{k},{k % 2}\n" for k in range(MAX_CSV_ROWS + 1))
    with pytest.raises(CSVError) as caught:
        from_csv("x,y\n" + rows)
    assert caught.value.code == "too_many"
    assert from_csv("x,y\n" + rows, max_rows=MAX_CSV_ROWS + 1).n == MAX_CSV_ROWS + 1


# -- issue #12 ------------------------------------------------------------------------------------
def test_an_extra_field_is_refused_not_taken_as_an_index():
    """Finding 7a: ``x,y\\n1,2,3\\n4,5,6`` was read as (2, 3), (5, 6)."""
    with pytest.raises(CSVError) as caught:
        from_csv("x,y\n1,2,3\n4,5,6")
    assert (caught.value.code, caught.value.details["row"]) == ("fields", 1)
    with pytest.raises(CSVError) as caught:
        from_csv("x1,x2,y\n1,2,0\n3,4\n")
    assert caught.value.details == {"row": 2, "count": 2, "expected": 3}


def test_a_wide_or_large_file_is_refused_before_parsing():
    """Finding 2: 200,000 columns in 2.3 MB."""
    wide = "x,y," + ",".join(f"c{k}" for k in range(199_998)) + "\n" + "1," * 199_999 + "1\n"
    with pytest.raises(CSVError) as caught:
        from_csv(wide.encode())
    assert caught.value.code == "wide"
    with pytest.raises(CSVError) as caught:
        from_csv("x,y\n" + "1,0\n" * 10, max_bytes=20)
    assert caught.value.code == "too_big"


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300),
        st.binary(max_size=300),
        st.lists(
            st.sampled_from(["x,y", "x1,x2,y", "1,0", "2,1", "3,1,0", "1,2", ""]), max_size=8
        ).map("\n".join),
    )
)
def test_any_text_is_a_data_set_or_a_csv_error(data):
    try:
        found = from_csv(data)
    except CSVError:
        return
    assert found.X.shape == (found.n, found.m) and found.m in (1, 2) and found.n >= 2
    assert set(found.y) == {0.0, 1.0} and np.isfinite(found.X).all()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(-1e300, 1e300), st.floats(-1e300, 1e300)), min_size=2, max_size=20
    ),
    st.booleans(),
)
def test_a_float_data_set_reads_back_as_written(points, two):
    frame = pd.DataFrame(points, columns=["x1", "x2"])
    frame["y"] = np.arange(len(frame)) % 2
    if not two:
        frame = frame.drop(columns="x2").rename(columns={"x1": "x"})
    features = list(frame.columns[:-1])
    assume(all(frame[f].nunique() > 1 for f in features))
    data = from_csv(frame.to_csv(index=False))
    np.testing.assert_array_equal(data.X, frame[features].to_numpy())
    np.testing.assert_array_equal(data.y, frame["y"].to_numpy(dtype=float))
