"""Reading a small data set that a student pastes or uploads as CSV.

Every way a file can be wrong becomes a ``CSVError`` with a ``code`` (a text key suffix, so the
page can say it in Spanish or English) and the ``details`` to fill in; nothing here raises
anything else. :func:`explain` turns one into the page's message, with the file's own text
(column names, a cell, the reader's reason) escaped so that it shows as text.

One server serves a whole class, so the work a file can cause is bounded before it is parsed:
its size, the header's number of columns and its number of cells (counted from the raw text,
which costs milliseconds) are checked first. Rows are read with Python's ``csv`` module, which
says how many fields each row has: a row with more or fewer fields than the header is refused
(pandas would take an extra first field of every row as an index and shift the columns).
Pure: numpy, pandas and the standard library.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import numpy as np
import pandas as pd

from dlviz.i18n import escaped, quoted

MAX_ROWS = 100_000
MAX_BYTES = 20_000_000
MAX_COLUMNS = 50  # columns the header may name
MAX_CELLS = 1_000_000  # fields the whole text may hold (columns × lines, and commas + lines)
CUT = 100  # characters of a name or a cell an error keeps


class CSVError(ValueError):
    """A CSV that cannot be used. ``code`` names the problem; ``details`` fills its message.

    Codes: ``empty``, ``too_big`` (size, maximum), ``too_long`` (characters, maximum: a pasted
    text that fills its box, so its end may have been cut), ``wide`` (columns, maximum),
    ``cells`` (cells, maximum), ``quotes`` (line: a stray or unclosed quote), ``field_limit``
    (line: a field longer than the csv module reads), ``unreadable`` (reason), ``columns`` (missing, found: the
    header's names), ``duplicate`` (column), ``fields`` (row, count, expected),
    ``non_numeric`` (column, row, value), ``missing`` (column, row), ``too_few`` (rows,
    minimum), ``too_many`` (rows, maximum), ``constant`` (column). ``found``, ``value`` and
    ``reason`` are the file's own text (each name or cell cut to ``CUT`` characters, so that a
    kept refusal stays small): show them through :func:`explain`.
    """

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(f"{code}: {details}")
        self.code = code
        self.details = details

    def again(self) -> CSVError:
        """A new error with the same code and details (a kept outcome raised once more)."""
        return CSVError(self.code, **self.details)


def explain(error: ValueError, t: Callable[..., str]) -> str:
    """The page's message for a data set that cannot be used, and that the last one is kept:
    ``t`` is the page's translator (the ``csv.*`` texts). The file's own text goes in escaped
    (a name list or a reason as plain text, a cell as a code span), so it cannot become a link,
    an image or markup in the message box."""
    if not isinstance(error, CSVError):
        error = CSVError("unreadable", reason=str(error))
    shown = dict(error.details)
    if "found" in shown:
        shown["found"] = escaped(", ".join(shown["found"]) or "—")
    if "value" in shown:
        shown["value"] = quoted(shown["value"], limit=30)
    if "reason" in shown:
        shown["reason"] = escaped(shown["reason"], limit=120)
    return t(f"csv.{error.code}", **shown) + " " + t("csv.kept")


def check_pasted(text: str, limit: int) -> None:
    """Refuse a pasted text of ``limit`` characters or more: the text box holds at most
    ``limit`` (Streamlit cuts what a browser sends beyond it), so its end may be missing, and
    a number cut in half would be read without a word."""
    if len(text) >= limit:
        raise CSVError("too_long", characters=f"{len(text):,}", maximum=f"{limit - 1:,}")


def check_size(data: bytes | str, max_bytes: int = MAX_BYTES) -> None:
    """Refuse a file (or a text) longer than ``max_bytes`` (bytes, or characters)."""
    if len(data) > max_bytes:
        raise too_big(len(data), max_bytes)


def too_big(size: int, max_bytes: int) -> CSVError:
    """The refusal of a file of ``size`` bytes, over ``max_bytes``."""
    unit, scale = ("MB", 1e6) if max_bytes >= 1e6 else ("kB", 1e3)
    return CSVError(
        "too_big", size=f"{size / scale:,.1f} {unit}", maximum=f"{max_bytes / scale:,.0f} {unit}"
    )


def _text(data: bytes | str, max_bytes: int) -> str:
    check_size(data, max_bytes)
    if isinstance(data, bytes):
        return data.decode("utf-8-sig", errors="replace")
    return data.removeprefix("\ufeff")


def _check_size(text: str) -> None:
    """Refuse a text with too many columns or cells, from counts of its characters: no parsing.

    The header's columns are its commas + 1 (a quoted comma counts too: an upper bound); the
    cells are the larger of columns × lines and commas + lines (every field of every row)."""
    ends = [i for i in (text.find("\n"), text.find("\r")) if i >= 0]
    header = text[: min(ends)] if ends else text
    columns = header.count(",") + 1
    if columns > MAX_COLUMNS:
        raise CSVError("wide", columns=f"{columns:,}", maximum=MAX_COLUMNS)
    lines = max(text.count("\n"), text.count("\r")) + 1
    cells = max(columns * lines, text.count(",") + lines)
    if cells > MAX_CELLS:
        raise CSVError("cells", cells=f"{cells:,}", maximum=f"{MAX_CELLS:,}")


def _blank(row: list[str]) -> bool:
    return not row or (len(row) == 1 and not row[0].strip())


def _columns(
    text: str, columns: tuple[str, ...], max_rows: int
) -> tuple[dict[str, list[str]], int]:
    """The text cells of ``columns`` (by header name, case-insensitive, spaces trimmed) and the
    number of data rows; blank lines are skipped."""
    rows = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True, strict=True)
    try:
        header = next((row for row in rows if not _blank(row)), None)
        if header is None:
            raise CSVError("empty")
        names = [name.strip().lower() for name in header]
        missing = [c for c in columns if c.lower() not in names]
        if missing:
            raise CSVError(
                "columns", missing=", ".join(missing), found=tuple(n[:CUT] for n in header)
            )
        for column in columns:
            if names.count(column.lower()) > 1:
                raise CSVError("duplicate", column=column)
        where = [names.index(c.lower()) for c in columns]
        cells: list[list[str]] = [[] for _ in columns]
        width, n = len(header), 0
        for row in rows:
            if _blank(row):
                continue
            n += 1
            if n > max_rows:
                raise CSVError("too_many", rows=f"> {max_rows:,}", maximum=f"{max_rows:,}")
            if len(row) != width:
                raise CSVError("fields", row=n, count=len(row), expected=width)
            for kept, i in zip(cells, where, strict=True):
                kept.append(row[i])
    except csv.Error as error:  # a stray or unclosed quote, a field over the csv module's limit
        code = "field_limit" if "field limit" in str(error) else "quotes"
        raise CSVError(code, line=rows.line_num) from None
    return dict(zip(columns, cells, strict=True)), n


def load_csv(
    data: bytes | str,
    columns: tuple[str, ...],
    min_rows: int = 2,
    max_rows: int = MAX_ROWS,
    not_constant: tuple[str, ...] = (),
    max_bytes: int = MAX_BYTES,
) -> pd.DataFrame:
    """Parse CSV text into a float DataFrame with exactly ``columns`` (in that order).

    Header names are matched case-insensitively after trimming spaces; other columns are
    ignored, but every row must have as many fields as the header. Rows are 1-based data rows
    (the header is row 0) in the messages. ``max_bytes`` bounds the text's length (bytes or
    characters), ``MAX_COLUMNS`` and ``MAX_CELLS`` its shape, both before it is parsed.
    """
    text = _text(data, max_bytes)
    if not text.strip():
        raise CSVError("empty")
    _check_size(text)
    cells, n = _columns(text, columns, max_rows)
    if n < min_rows:
        raise CSVError("too_few", rows=n, minimum=min_rows)
    out = {}
    for column in columns:
        strings = pd.Series(cells[column], dtype=str).str.strip()
        blank = (strings == "").to_numpy()
        if blank.any():
            raise CSVError("missing", column=column, row=int(np.argmax(blank)) + 1)
        values = pd.to_numeric(strings, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        bad = ~np.isfinite(values)
        if bad.any():
            row = int(np.argmax(bad))
            value = strings.iloc[row][:CUT]
            raise CSVError("non_numeric", column=column, row=row + 1, value=value)
        out[column] = values
    for column in not_constant:
        if np.ptp(out[column]) == 0:
            raise CSVError("constant", column=column)
    return pd.DataFrame(out)
