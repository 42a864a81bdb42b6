"""ui's table helper: tables go to Streamlit as Arrow, converted once per table and language."""

import gc

import numpy as np
import pandas as pd
import pyarrow as pa

from dlviz import ui


def test_arrow_keeps_values_types_and_missing_entries():
    table = pd.DataFrame({"k": [1, 2], "name": ["a", "b"], "x": [0.5, float("nan")],
                          "at": pd.array([3, None], dtype="Int64")})  # fmt: skip
    arrow = ui._arrow(table, {"k": "K", "name": "N", "x": "X", "at": "AT"})
    assert isinstance(arrow, pa.Table) and arrow.column_names == ["K", "N", "X", "AT"]
    assert arrow.column("AT").to_pylist() == [3, None] and arrow.column("N").to_pylist() == [
        "a",
        "b",
    ]
    assert arrow.column("X").to_pylist()[0] == 0.5


def test_arrow_is_kept_with_the_table_and_forgotten_with_it():
    table = pd.DataFrame({"a": [1, 2]})
    first = ui._arrow(table, {"a": "A"})
    assert ui._arrow(table, {"a": "A"}) is first  # the next rerun: nothing converted
    assert ui._arrow(table, {"a": "B"}).column_names == ["B"]  # another language
    key = id(table)
    del table
    gc.collect()
    assert key not in ui._ARROW


def test_two_columns_of_one_name_stay_a_data_frame():
    table = pd.DataFrame({"a": [1], "b": [2]})
    shown = ui._arrow(table, {"a": "same", "b": "same"})
    assert isinstance(shown, pd.DataFrame) and list(shown.columns) == ["same", "same"]


def test_missing_values_are_written_as_a_dash_in_their_column_format():
    table = pd.DataFrame({"eta": [0.1, 1.0], "diverged": [np.nan, 3.0], "name": ["a", None]})
    written = ui._with_gaps(table, ["diverged", "name"], {"diverged": "%d", "eta": "%.2f"})
    assert written["diverged"].tolist() == [ui.MISSING, "3"]
    assert written["name"].tolist() == ["a", ui.MISSING]
    assert written["eta"].tolist() == [0.1, 1.0]  # a column without gaps stays numbers
    assert table["diverged"].isna().sum() == 1  # the shown table is not changed
