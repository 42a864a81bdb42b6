"""Reading a small data set that a student pastes or uploads as CSV.

Every way a file can be wrong becomes a ``CSVError`` with a ``code`` (a text key suffix, so the
page can say it in Spanish or English) and the ``details`` to fill in; nothing here raises
anything else. Pure: pandas only.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

MAX_ROWS = 100_000
MAX_BYTES = 20_000_000


class CSVError(ValueError):
    """A CSV that cannot be used. ``code`` names the problem; ``details`` fills its message.

    Codes: ``empty``, ``too_big``, ``unreadable``, ``columns`` (missing: …; found: …),
    ``non_numeric`` (column, row, value), ``missing`` (column, row), ``too_few`` (rows, minimum),
    ``too_many`` (rows, maximum), ``constant`` (column).
    """

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(f"{code}: {details}")
        self.code = code
        self.details = details


def load_csv(
    data: bytes | str,
    columns: tuple[str, ...],
    min_rows: int = 2,
    max_rows: int = MAX_ROWS,
    not_constant: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Parse CSV text into a float DataFrame with exactly ``columns`` (in that order).

    Header names are matched case-insensitively after trimming spaces; other columns are
    ignored. Rows are 1-based data rows (the header is row 0) in the messages.
    """
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise CSVError(
                "too_big", size=f"{len(data) / 1e6:.0f} MB", maximum=f"{MAX_BYTES / 1e6:.0f} MB"
            )
        data = data.decode("utf-8-sig", errors="replace")
    if not data.strip():
        raise CSVError("empty")
    try:
        frame = pd.read_csv(io.StringIO(data), dtype=str, skipinitialspace=True, nrows=max_rows + 1)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeError, ValueError) as error:
        raise CSVError("unreadable", reason=str(error).splitlines()[0][:120]) from None
    names = {str(name).strip().lower(): name for name in frame.columns}
    missing = [c for c in columns if c.lower() not in names]
    if missing:
        found = ", ".join(str(c) for c in frame.columns) or "—"
        raise CSVError("columns", missing=", ".join(missing), found=found[:200])
    frame = frame[[names[c.lower()] for c in columns]]
    frame.columns = list(columns)
    if len(frame) > max_rows:
        raise CSVError("too_many", rows=f"> {max_rows:,}", maximum=f"{max_rows:,}")
    if len(frame) < min_rows:
        raise CSVError("too_few", rows=len(frame), minimum=min_rows)
    out = {}
    for column in columns:
        text = frame[column].str.strip()
        blank = text.isna() | (text == "")
        if blank.any():
            raise CSVError("missing", column=column, row=int(np.argmax(blank.to_numpy())) + 1)
        values = pd.to_numeric(text, errors="coerce")
        bad = values.isna() | ~np.isfinite(values.to_numpy(dtype=float, na_value=np.nan))
        if bad.any():
            row = int(np.argmax(bad.to_numpy()))
            raise CSVError(
                "non_numeric", column=column, row=row + 1, value=str(text.iloc[row])[:30]
            )
        out[column] = values.to_numpy(dtype=float)
    for column in not_constant:
        if np.ptp(out[column]) == 0:
            raise CSVError("constant", column=column)
    return pd.DataFrame(out)
