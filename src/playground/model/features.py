"""Derived input features, after TensorFlow Playground: X₁², X₂², X₁X₂, sin X₁, sin X₂.

A data set keeps its raw columns (x1, x2, ...); its `features` name the columns the
network's input neurons take instead, computed from the raw ones. The names are the
file's words: `x1`, `x1^2`, `x1*x2`, `sin(x1)`, for raw columns numbered from 1. This
module is the one place that knows them: which exist for n raw columns, which a list
may hold, what each computes and how the app labels it.
"""

import re
from collections.abc import Sequence

import numpy as np

from playground.model.errors import DataError
from playground.translation import translate

# Column numbers of up to six digits: more raw columns than a file could ever hold.
_NUMBER = "([1-9][0-9]{0,5})"
_RAW = re.compile(f"x{_NUMBER}")
_SQUARE = re.compile(f"x{_NUMBER}\\^2")
_PRODUCT = re.compile(f"x{_NUMBER}\\*x{_NUMBER}")
_SINE = re.compile(f"sin\\(x{_NUMBER}\\)")
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# The feature's kind and the raw columns (counted from 0) it reads.
Parsed = tuple[str, tuple[int, ...]]


def available_features(raw_columns: int) -> tuple[str, ...]:
    """Every feature of `raw_columns` raw columns, in the order the data dock offers them."""
    numbers = range(1, raw_columns + 1)
    return (
        *(f"x{i}" for i in numbers),
        *(f"x{i}^2" for i in numbers),
        *(f"x{i}*x{j}" for i in numbers for j in numbers if i < j),
        *(f"sin(x{i})" for i in numbers),
    )


def identity_features(raw_columns: int) -> tuple[str, ...]:
    """The raw columns themselves, x1 to xn: what a network takes when no features are named."""
    return tuple(f"x{i}" for i in range(1, raw_columns + 1))


def check_features(names: object, raw_columns: int) -> tuple[str, ...]:
    """The names as a tuple, or a DataError saying why the list cannot feed a network."""
    if not isinstance(names, (list, tuple)):
        raise DataError(
            translate("Features", "features must be a list of feature names, not {value!r}").format(
                value=names
            )
        )
    if not names:
        raise DataError(
            translate("Features", "features is empty; the network needs at least one input column")
        )
    seen: set[str] = set()
    for name in names:
        _parse(name, raw_columns)
        if name in seen:
            raise DataError(
                translate(
                    "Features",
                    "the feature {name!r} is listed twice; each may feed one input neuron",
                ).format(name=name)
            )
        seen.add(name)
    return tuple(names)


def columns_read(names: Sequence[object]) -> int:
    """How many raw columns the known names among `names` read: the highest column they use."""
    most = 0
    for name in names:
        found = _match(name) if isinstance(name, str) else None
        if found is not None:
            most = max(most, max(found[1]) + 1)
    return most


def feature_columns(names: Sequence[str], raw_x: np.ndarray) -> np.ndarray:
    """The derived columns, one per name in order, computed row by row from the raw columns."""
    raw_x = np.asarray(raw_x, dtype=np.float64)
    columns = np.empty((raw_x.shape[0], len(names)))
    for k, name in enumerate(names):
        kind, reads = _parse(name, raw_x.shape[1])
        first = raw_x[:, reads[0]]
        if kind == "raw":
            columns[:, k] = first
        elif kind == "square":
            columns[:, k] = first * first
        elif kind == "product":
            columns[:, k] = first * raw_x[:, reads[1]]
        else:
            columns[:, k] = np.sin(first)
    return columns


def feature_label(name: str) -> str:
    """How the app writes a feature: X₁, X₁², X₁X₂, sin X₁ (symbols, not words to translate)."""
    kind, reads = _parse(name, None)
    symbols = [f"X{str(i + 1).translate(_SUBSCRIPTS)}" for i in reads]
    if kind == "square":
        return f"{symbols[0]}²"
    if kind == "product":
        return "".join(symbols)
    if kind == "sine":
        return f"sin {symbols[0]}"
    return symbols[0]


def _parse(name: object, raw_columns: int | None) -> Parsed:
    """What a name computes, refusing one that is unknown or reads a column past `raw_columns`."""
    if not isinstance(name, str):
        raise DataError(
            translate("Features", "a feature is a name such as 'x1^2', not {value!r}").format(
                value=name
            )
        )
    parsed = _match(name)
    if parsed is None:
        shown = name if len(name) <= 40 else name[:37] + "..."
        raise DataError(
            translate(
                "Features",
                "{name!r} is not a feature; write x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2) "
                "(x3 and on for more raw columns)",
            ).format(name=shown)
        )
    kind, reads = parsed
    if kind == "product" and reads[0] >= reads[1]:
        better = (
            f"x{reads[0] + 1}^2" if reads[0] == reads[1] else f"x{reads[1] + 1}*x{reads[0] + 1}"
        )
        raise DataError(
            translate("Features", "write the feature {name!r} as {better!r}").format(
                name=name, better=better
            )
        )
    if raw_columns is not None and max(reads) >= raw_columns:
        raise DataError(
            (
                translate(
                    "Features",
                    "the feature {name!r} reads raw column {column}, but the data has "
                    "{n} raw input column",
                )
                if raw_columns == 1
                else translate(
                    "Features",
                    "the feature {name!r} reads raw column {column}, but the data has "
                    "{n} raw input columns",
                )
            ).format(name=name, column=f"x{max(reads) + 1}", n=raw_columns)
        )
    return parsed


def _match(name: str) -> Parsed | None:
    for kind, pattern in (("raw", _RAW), ("square", _SQUARE), ("sine", _SINE)):
        found = pattern.fullmatch(name)
        if found:
            return kind, (int(found.group(1)) - 1,)
    found = _PRODUCT.fullmatch(name)
    if found:
        return "product", (int(found.group(1)) - 1, int(found.group(2)) - 1)
    return None
