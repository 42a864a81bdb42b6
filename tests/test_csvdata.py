"""dlviz.csvdata: every broken CSV becomes a CSVError with a code, never anything else."""

import pytest

from dlviz.csvdata import CSVError, load_csv


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
        ('x,y\n"1,2\n', "unreadable", {}),
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
