"""dlviz.csvdata: every broken CSV becomes a CSVError with a code, never anything else; its
size is bounded before it is parsed; the file's own text in a message is escaped."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlviz.csvdata import (
    MAX_BYTES,
    MAX_CELLS,
    MAX_COLUMNS,
    CSVError,
    check_pasted,
    explain,
    load_csv,
)
from dlviz.texts import common


def test_good_file_with_extra_columns_spaces_and_case():
    frame = load_csv(b"\xef\xbb\xbfX , y, note\n50, 150, a\n80,200,b\n120 ,280,c\n", ("x", "y"))
    assert list(frame.columns) == ["x", "y"]
    assert frame["x"].tolist() == [50.0, 80.0, 120.0]
    assert frame["y"].tolist() == [150.0, 200.0, 280.0]


@pytest.mark.parametrize(
    ("data", "code", "details"),
    [
        ("", "empty", {}),
        ("   \n", "empty", {}),
        ("a,b\n1,2\n3,4\n", "columns", {"missing": "x, y"}),
        ("x,y\n1,2\n", "too_few", {"rows": 1, "minimum": 2}),
        ("x,y\n1,2\nabc,3\n", "non_numeric", {"column": "x", "row": 2, "value": "abc"}),
        ("x,y\n1,2\n3,inf\n", "non_numeric", {"column": "y", "row": 2}),
        ("x,y\n1,2\n3,\n", "missing", {"column": "y", "row": 2}),
        ("x,y\n5,2\n5,3\n", "constant", {"column": "x"}),
        ('x,y\n"1,2\n', "quotes", {"line": 2}),
    ],
)
def test_broken_files(data, code, details):
    with pytest.raises(CSVError) as caught:
        load_csv(data, ("x", "y"), not_constant=("x",))
    assert caught.value.code == code
    for key, value in details.items():
        assert caught.value.details[key] == value


def test_too_many_rows():
    data = "x,y\n" + "1,2\n" * 11
    with pytest.raises(CSVError) as caught:
        load_csv(data, ("x", "y"), max_rows=10)
    assert caught.value.code == "too_many"


def test_binary_garbage_is_a_clean_error():
    with pytest.raises(CSVError):
        load_csv(bytes(range(256)) * 10, ("x", "y"))


# -- issue #12 ------------------------------------------------------------------------------------
def test_an_extra_field_is_refused_not_taken_as_an_index():
    """Finding 7a: pandas read this as (2, 3), (5, 6), the first field of each row an index."""
    with pytest.raises(CSVError) as caught:
        load_csv("x,y\n1,2,3\n4,5,6", ("x", "y"))
    assert caught.value.code == "fields"
    assert caught.value.details == {"row": 1, "count": 3, "expected": 2}


@pytest.mark.parametrize(
    ("data", "row", "found"),
    [("x,y\n1,2\n4,5,6\n", 2, 3), ("x,y\n1\n4,5", 1, 1), ("x,y,note\n1,2,a\n3,4\n", 2, 2)],
)
def test_a_row_with_more_or_fewer_fields_than_the_header_is_named(data, row, found):
    with pytest.raises(CSVError) as caught:
        load_csv(data, ("x", "y"))
    assert caught.value.code == "fields"
    assert (caught.value.details["row"], caught.value.details["count"]) == (row, found)


def test_a_wide_header_is_refused_before_parsing():
    """Finding 2: a header x,y,c0,…,c999999 and two rows (11.9 MB) took 122 s and 3.6 GB."""
    header = "x,y," + ",".join(f"c{k}" for k in range(1_000_000))
    data = (header + "\n" + "1," * 1_000_001 + "2\n" + "3," * 1_000_001 + "4\n").encode()
    assert len(data) < MAX_BYTES
    with pytest.raises(CSVError) as caught:
        load_csv(data, ("x", "y"), not_constant=("x",))
    assert caught.value.code == "wide"
    assert caught.value.details == {"columns": "1,000,002", "maximum": MAX_COLUMNS}


@pytest.mark.parametrize(
    "data",
    [
        "x,y\n" + "1,2\n" * (MAX_CELLS // 2),  # columns × lines
        "x,y\n1,2\n" + "," * MAX_CELLS + "\n3,4\n",  # one row of a million fields
        "x,y\r" + "1,2\r" * (MAX_CELLS // 2),  # old Mac line ends count as lines too
    ],
    ids=["columns × lines", "a row of a million fields", "carriage returns"],
)
def test_too_many_cells_are_refused_before_parsing(data):
    with pytest.raises(CSVError) as caught:
        load_csv(data, ("x", "y"), max_rows=10**9)
    assert caught.value.code == "cells"


def test_the_header_may_name_up_to_the_column_limit():
    names = ["x", "y", *(f"c{k}" for k in range(MAX_COLUMNS - 2))]
    rows = [",".join(str(k + j) for j in range(MAX_COLUMNS)) for k in range(3)]
    frame = load_csv("\n".join([",".join(names), *rows]), ("y", "x"))
    assert frame["x"].tolist() == [0, 1, 2] and frame["y"].tolist() == [1, 2, 3]


def test_a_column_named_twice_is_refused():
    with pytest.raises(CSVError) as caught:
        load_csv("x, X ,y\n1,2,3\n4,5,6\n", ("x", "y"))
    assert (caught.value.code, caught.value.details) == ("duplicate", {"column": "x"})


def test_a_text_is_bounded_as_a_file_is():
    with pytest.raises(CSVError) as caught:
        load_csv("x,y\n1,2\n3,4\n", ("x", "y"), max_bytes=10)
    assert caught.value.code == "too_big"


@pytest.mark.parametrize(("length", "refused"), [(99, False), (100, True), (2_300_000, True)])
def test_a_pasted_text_that_fills_its_box_is_refused_not_cut(length, refused):
    text = "x,y\n" + "1" * (length - 4)
    if not refused:
        check_pasted(text, 100)
        return
    with pytest.raises(CSVError) as caught:
        check_pasted(text, 100)
    assert caught.value.code == "too_long"
    assert caught.value.details == {"characters": f"{length:,}", "maximum": "99"}


def test_quotes_blank_lines_and_line_ends():
    frame = load_csv('\n\n"x","y"\r\n" 1",2\r\n\r\n  \r\n3,"4"\r\n', ("x", "y"))
    assert frame["x"].tolist() == [1, 3] and frame["y"].tolist() == [2, 4]
    with pytest.raises(CSVError) as caught:
        load_csv('x,y\n1,"2"3\n4,5\n', ("x", "y"))
    assert caught.value.code == "quotes" and caught.value.details == {"line": 2}


TEXTS = {key: pair[1] for key, pair in common.TEXT.items()}


def english(key: str, **fmt: object) -> str:
    return TEXTS[key].format(**fmt)


def test_the_issue_link_names_its_columns_as_text_not_as_a_link_and_an_image():
    """Finding 4: the columns of ``?data=[Session expired…](https://evil.example/login),![](…)``
    were shown as a clickable link and an image the browser fetched."""
    data = "[Session expired: log in again](https://evil.example/login),![](http://127.0.0.1:9/probe.png)\n1,2\n3,4"
    with pytest.raises(CSVError) as caught:
        load_csv(data, ("x", "y"))
    message = explain(caught.value, english)
    assert "](" not in message and "https\u2060\\:" in message  # no link, not even a bare one
    assert message.startswith("Missing columns: x, y (columns found: \\[Session expired\\:")
    assert message.endswith("The previous data are kept.")


def test_a_cell_and_a_reason_are_shown_as_typed():
    with pytest.raises(CSVError) as caught:
        load_csv("x,y\n1,2\n[a](http://e.io),3\n", ("x", "y"))
    shown = explain(caught.value, english)
    assert shown.startswith("Column x, row 2, is not a number: `[a](http://e.io)`.")
    other = explain(ValueError("**bold** [l](u)"), english)
    assert other.startswith("It cannot be read as CSV: \\*\\*bold\\*\\* \\[l\\]\\(u\\).")


# -- any text: a frame with the asked columns or a CSVError; a float frame reads back as written --
CODES = {"empty", "too_big", "wide", "cells", "quotes", "field_limit", "columns", "duplicate", "fields",
         "non_numeric", "missing", "too_few", "too_many", "constant"}  # fmt: skip


def frame_or_csv_error(data: str | bytes) -> None:
    try:
        frame = load_csv(data, ("x", "y"), min_rows=1, not_constant=("x",))
    except CSVError as error:  # any other exception fails the test
        assert error.code in CODES
        return
    assert list(frame.columns) == ["x", "y"] and len(frame) >= 1
    assert frame.dtypes.tolist() == [float, float] and np.isfinite(frame.to_numpy()).all()


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), st.binary(max_size=400)))
def test_any_text_is_a_frame_or_a_csv_error(data):
    frame_or_csv_error(data)


ROWS = st.sampled_from(["1,2", "3,4", "x,y", "", " ", "1,,", "1,2,3", '"', "a", "1e400,5", ","])


@settings(max_examples=300, deadline=None)
@given(st.lists(ROWS, max_size=12), st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_text_made_of_csv_like_lines_is_a_frame_or_a_csv_error(lines, end):
    frame_or_csv_error(end.join(lines))


FLOATS = st.floats(allow_nan=False, allow_infinity=False)
NOTES = st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(FLOATS, FLOATS, NOTES), min_size=2, max_size=30))
def test_a_float_frame_reads_back_as_written(rows):
    written = pd.DataFrame({"note": [r[2] for r in rows], "x": [r[0] for r in rows],
                            "y": [r[1] for r in rows]})  # fmt: skip
    read = load_csv(written.to_csv(index=False), ("x", "y"))
    pd.testing.assert_frame_equal(read, written[["x", "y"]], check_exact=True)


def test_a_kept_refusal_keeps_only_the_start_of_long_names_and_cells():
    with pytest.raises(CSVError) as caught:
        load_csv("a" * 100_000 + ",b\n1,2\n3,4\n", ("x", "y"))
    assert caught.value.details["found"] == ("a" * 100, "b")
    with pytest.raises(CSVError) as caught:
        load_csv("x,y\n1,2\n" + "z" * 100_000 + ",4\n", ("x", "y"))
    assert caught.value.details["value"] == "z" * 100
