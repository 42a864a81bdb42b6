"""URL query-string parameters: parse, validate and write back the value of each control.

Every control on a page is mirrored in the URL so a copied link reproduces the exact view. A
parameter spec knows its default, how to read text from the URL and how to write a value back.
A bad value (``?x0=abc``, ``?eta=-5``, out of range) raises ``ParamError`` whose code says
why; the caller then falls back to the default and warns (the page translates the code). Pure: no Streamlit here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

WHOLE = re.compile(r"[+-]?[0-9]{1,12}")


ENGLISH = {
    "not_number": "not a number",
    "not_finite": "not a finite number",
    "outside": "outside [{lo}, {hi}]",
    "not_whole": "not a whole number",
    "not_choice": "not one of {options}",
    "not_bool": "not 0 or 1",
    "too_long": "longer than {maximum} characters",
    "too_many_rows": "more than {maximum} rows",
    "row_length": "a row is not {columns} numbers",
    "empty": "empty",
    "too_many_items": "more than {maximum} values",
    "length": "not {count} numbers",
}


class ParamError(ValueError):
    """A URL value that cannot be used. ``code`` (a key of ``ENGLISH``: ``str(error)``) says
    why, ``details`` fill the message; a page shows its own language's ``param.<code>`` text."""

    def __init__(self, code: str, **details: object) -> None:
        self.code, self.details = code, details
        super().__init__(ENGLISH[code].format(**details))


@dataclass(frozen=True)
class FloatParam:
    """A real number in ``[lo, hi]`` (``log=True`` only documents a log-scale control)."""

    default: float
    lo: float
    hi: float

    def parse(self, raw: str) -> float:
        try:
            value = float(raw)
        except ValueError:
            raise ParamError("not_number") from None
        if not math.isfinite(value):
            raise ParamError("not_finite")
        if not self.lo <= value <= self.hi:
            raise ParamError("outside", lo=f"{self.lo:g}", hi=f"{self.hi:g}")
        return value

    def dump(self, value: float) -> str:
        return f"{float(value):.10g}"


@dataclass(frozen=True)
class IntParam:
    """A whole number in ``[lo, hi]``."""

    default: int
    lo: int
    hi: int

    def parse(self, raw: str) -> int:
        text = raw.strip()
        # ASCII digits only: str.isdigit() also says yes to "²" or "①", which int() refuses.
        if not WHOLE.fullmatch(text):
            raise ParamError("not_whole")
        value = int(text)
        if not self.lo <= value <= self.hi:
            raise ParamError("outside", lo=self.lo, hi=self.hi)
        return value

    def dump(self, value: int) -> str:
        return str(int(value))


@dataclass(frozen=True)
class ChoiceParam:
    """One of a fixed tuple of option names."""

    default: str
    options: tuple[str, ...]

    def parse(self, raw: str) -> str:
        if raw not in self.options:
            raise ParamError("not_choice", options=", ".join(self.options))
        return raw

    def dump(self, value: str) -> str:
        return str(value)


@dataclass(frozen=True)
class BoolParam:
    """On or off, written ``1``/``0`` (``true``/``false`` are read too)."""

    default: bool

    def parse(self, raw: str) -> bool:
        text = raw.strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise ParamError("not_bool")

    def dump(self, value: bool) -> str:
        return "1" if value else "0"


@dataclass(frozen=True)
class TextParam:
    """Free text up to ``max_length`` characters (its meaning is checked by the page)."""

    default: str
    max_length: int = 300

    def parse(self, raw: str) -> str:
        if len(raw) > self.max_length:
            raise ParamError("too_long", maximum=self.max_length)
        return raw

    def dump(self, value: str) -> str:
        return str(value)


def read(spec: Param, raw: str | None) -> tuple[Any, ParamError | None]:
    """Value for a URL entry: ``(value, None)``, or ``(spec.default, error)`` when it is bad.

    ``raw is None`` (absent from the URL) gives the default without a reason.
    """
    if raw is None:
        return spec.default, None
    try:
        return spec.parse(raw), None
    except ParamError as error:
        return spec.default, error


@dataclass(frozen=True)
class GridParam:
    """A number that must be one of a fixed grid (e.g. a log-scale learning-rate control)."""

    default: float
    options: tuple[float, ...]

    def parse(self, raw: str) -> float:
        value = FloatParam(self.default, min(self.options), max(self.options)).parse(raw)
        for option in self.options:
            if math.isclose(value, option, rel_tol=1e-6):
                return option
        raise ParamError("not_choice", options=", ".join(f"{o:g}" for o in self.options))

    def dump(self, value: float) -> str:
        return f"{float(value):.10g}"


@dataclass(frozen=True)
class TableParam:
    """A table of numbers, ``columns`` a row and at most ``max_rows`` rows, written compactly:
    rows separated by ``;``, cells by ``,`` (``1,0,0.5;0,1,0.25``)."""

    default: tuple[tuple[float, ...], ...]
    columns: int
    max_rows: int = 20

    def parse(self, raw: str) -> tuple[tuple[float, ...], ...]:
        lines = raw.split(";")
        if len(lines) > self.max_rows:
            raise ParamError("too_many_rows", maximum=self.max_rows)
        rows = []
        for line in lines:
            cells = line.split(",")
            if len(cells) != self.columns:
                raise ParamError("row_length", columns=self.columns)
            row = tuple(FloatParam(0.0, -math.inf, math.inf).parse(cell) for cell in cells)
            rows.append(row)
        return tuple(rows)

    def dump(self, value: tuple[tuple[float, ...], ...]) -> str:
        # Python's shortest text that reads back exactly: "0.3792", not "0.37919999999999998".
        return ";".join(",".join(_short(cell) for cell in row) for row in value)

    @staticmethod
    def rows_of(table: Any) -> tuple[tuple[float, ...], ...]:
        """A data frame's (or array's) cells as the rows this parameter holds."""
        return tuple(tuple(float(cell) for cell in row) for row in getattr(table, "values", table))


@dataclass(frozen=True)
class SetParam:
    """A non-empty subset of fixed options, written comma-separated in the options' order
    (``x1,x2,sin1``), whatever order the link had."""

    default: tuple[str, ...]
    options: tuple[str, ...]

    def parse(self, raw: str) -> tuple[str, ...]:
        chosen = {item.strip() for item in raw.split(",") if item.strip()}
        if not chosen:
            raise ParamError("empty")
        if not chosen <= set(self.options):
            raise ParamError("not_choice", options=", ".join(self.options))
        return tuple(option for option in self.options if option in chosen)

    def dump(self, value: tuple[str, ...]) -> str:
        return ",".join(option for option in self.options if option in value)


@dataclass(frozen=True)
class SizesParam:
    """Up to ``max_items`` whole numbers in ``[lo, hi]`` (a network's hidden layers: ``4,2``),
    ``0`` for none."""

    default: tuple[int, ...]
    max_items: int
    lo: int
    hi: int

    def parse(self, raw: str) -> tuple[int, ...]:
        if raw.strip() == "0":
            return ()
        items = raw.split(",")
        if len(items) > self.max_items:
            raise ParamError("too_many_items", maximum=self.max_items)
        return tuple(IntParam(self.lo, self.lo, self.hi).parse(item) for item in items)

    def dump(self, value: tuple[int, ...]) -> str:
        return ",".join(str(int(size)) for size in value) or "0"


@dataclass(frozen=True)
class VectorParam:
    """Up to ``max_items`` finite numbers, comma-separated, each of size at most ``bound``
    (how many a page needs is the page's check: ``ParamError("length", count=…)``)."""

    max_items: int
    bound: float = 1e6
    default: tuple[float, ...] = ()

    def parse(self, raw: str) -> tuple[float, ...]:
        if not raw.strip():
            return ()
        items = raw.split(",")
        if len(items) > self.max_items:
            raise ParamError("too_many_items", maximum=self.max_items)
        cell = FloatParam(0.0, -self.bound, self.bound)
        return tuple(cell.parse(item) for item in items)

    def dump(self, value: tuple[float, ...]) -> str:
        return ",".join(_short(cell) for cell in value)


def _short(cell: float) -> str:
    text = repr(float(cell))
    return text[:-2] if text.endswith(".0") else text


def log_grid(lo_exp: int, hi_exp: int, mantissas: tuple[int, ...] = (1, 2, 5)) -> tuple[float, ...]:
    """1-2-5 log-scale values from ``10**lo_exp`` up to ``10**hi_exp`` (inclusive)."""
    values = [float(f"{m}e{k}") for k in range(lo_exp, hi_exp) for m in mantissas]
    return (*values, float(f"1e{hi_exp}"))


Param = (
    FloatParam
    | IntParam
    | ChoiceParam
    | BoolParam
    | TextParam
    | GridParam
    | TableParam
    | SetParam
    | SizesParam
    | VectorParam
)
