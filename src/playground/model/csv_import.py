"""Data from a CSV file: a header row naming the columns, then one row of numbers per sample.

Cells are separated by commas, semicolons or tabs (whichever the header uses
most). With semicolons a decimal comma is read too (`1,5` is 1.5), as
spreadsheets in many locales write it. Row numbers in messages are the rows a
spreadsheet shows: the header is row 1.
"""

import csv
import io
import math
import os
from dataclasses import dataclass

import numpy as np

from playground.model.dataset import Dataset
from playground.model.errors import DataError
from playground.model.network import Network

DELIMITERS = (",", ";", "\t")

# A CSV is read whole into memory; past this it is surely not a teaching data set.
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class CsvTable:
    """The columns of a CSV file: their names and the numbers under them, one row per sample."""

    header: list[str]
    rows: np.ndarray


def read_csv_table(path: str | os.PathLike) -> CsvTable:
    """Read a CSV file of numbers with a header row, or refuse with a message naming the place."""
    name = os.fspath(path)
    text = _read_text(name)
    delimiter = _delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise DataError(f"{name} is not a readable CSV file: {error}") from None
    return _table(name, records, decimal_comma=delimiter == ";")


def dataset_from_csv(
    path: str | os.PathLike,
    input_columns: list[str],
    target_columns: list[str],
    test_fraction: float = 0.0,
    seed: int = 0,
) -> Dataset:
    """The chosen columns as inputs and targets; with `test_fraction` > 0, shuffled and split."""
    name = os.fspath(path)
    if not 0 <= test_fraction < 1:
        raise DataError(f"the test share must be at least 0 and less than 1, not {test_fraction!r}")
    table = read_csv_table(name)
    inputs = _column_indices(name, table.header, input_columns, "input")
    targets = _column_indices(name, table.header, target_columns, "target")
    both = [table.header[k] for k in inputs if k in targets]
    if both:
        raise DataError(
            f"{name}: column {both[0]!r} is chosen as both an input and a target; "
            f"a column can be only one of them"
        )
    x, y = table.rows[:, inputs], table.rows[:, targets]
    n = len(table.rows)
    n_test = round(n * test_fraction)
    if n_test == 0:
        return Dataset(train_x=x, train_y=y, test_x=x[:0], test_y=y[:0])
    if n_test >= n:
        raise DataError(
            f"{name}: a test share of {test_fraction} of {n} rows leaves no rows for training"
        )
    order = np.random.default_rng(seed).permutation(n)
    train, test = order[: n - n_test], order[n - n_test :]
    return Dataset(train_x=x[train], train_y=y[train], test_x=x[test], test_y=y[test])


def check_fits_network(dataset: Dataset, network: Network) -> None:
    """Refuse data whose input or target columns do not match the network's input or output neurons."""
    source = f"the {dataset.generator.name!r} data" if dataset.generator else "the CSV"
    for part, given, neurons in (
        ("input", dataset.train_x.shape[1], len(network.input_ids())),
        ("target", dataset.train_y.shape[1], len(network.output_ids())),
    ):
        role = "input" if part == "input" else "output"
        if given != neurons:
            raise DataError(
                f"{source} gives {_count(given, part + ' column')} but the network has "
                f"{_count(neurons, role + ' neuron')}"
            )


# ----------------------------------------------------------------- reading


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def _read_text(name: str) -> str:
    if os.path.isdir(name):
        raise DataError(f"{name} is a folder, not a CSV file")
    try:
        if os.path.getsize(name) > MAX_BYTES:
            raise DataError(f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MiB")
        with open(name, "rb") as file:
            raw = file.read()
    except FileNotFoundError:
        raise DataError(f"{name}: no such file") from None
    except OSError as error:
        raise DataError(f"{name} cannot be read: {error.strerror or error}") from None
    try:
        # utf-8-sig drops the byte-order mark some spreadsheets put at the start.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(
            f"{name} is not UTF-8 text (byte {error.start + 1} cannot be read); "
            f"save it as CSV UTF-8 from the spreadsheet"
        ) from None
    if not text.strip():
        raise DataError(
            f"{name} is empty; a CSV file needs a header row naming the columns "
            f"and rows of numbers under it"
        )
    return text


def _delimiter(text: str) -> str:
    first_line = next(line for line in text.splitlines() if line.strip())
    return max(DELIMITERS, key=first_line.count)


def _is_blank(record: list[str]) -> bool:
    return all(not cell.strip() for cell in record)


def _without_trailing_blanks(record: list[str]) -> list[str]:
    # A delimiter at the end of a line ("1,2,") is a common export habit, not a column.
    end = len(record)
    while end > 0 and not record[end - 1].strip():
        end -= 1
    return record[:end]


def _number(cell: str, decimal_comma: bool) -> float:
    text = cell.strip()
    if decimal_comma:
        text = text.replace(",", ".")
    if not text or "_" in text:
        raise ValueError(cell)
    return float(text)


def _table(name: str, records: list[list[str]], decimal_comma: bool) -> CsvTable:
    numbered = [(k, r) for k, r in enumerate(records, start=1) if not _is_blank(r)]
    header_row, header_cells = numbered[0]
    header = [cell.strip() for cell in _without_trailing_blanks(header_cells)]
    _check_header(name, header_row, header, decimal_comma)
    if len(numbered) == 1:
        raise DataError(
            f"{name} has a header but no rows of data; add one row of numbers per sample"
        )
    rows = np.empty((len(numbered) - 1, len(header)), dtype=np.float64)
    for k, (row, record) in enumerate(numbered[1:]):
        cells = record if len(record) <= len(header) else _without_trailing_blanks(record)
        if len(cells) != len(header):
            raise DataError(
                f"{name}: row {row} has {_count(len(cells), 'cell')}; the header has {len(header)}"
            )
        for column, cell in enumerate(cells):
            place = f"{name}: row {row}, column {header[column]!r}"
            if not cell.strip():
                raise DataError(f"{place} is empty; every cell needs a number")
            try:
                value = _number(cell, decimal_comma)
            except ValueError:
                raise DataError(f"{place}: {cell.strip()!r} is not a number") from None
            if not math.isfinite(value):
                raise DataError(f"{place}: {cell.strip()!r} is not a finite number")
            rows[k, column] = value
    return CsvTable(header=header, rows=rows)


def _check_header(name: str, row: int, header: list[str], decimal_comma: bool) -> None:
    for column, title in enumerate(header, start=1):
        if not title:
            raise DataError(f"{name}: column {column} of the header (row {row}) has no name")
    seen: dict[str, int] = {}
    for column, title in enumerate(header, start=1):
        if title in seen:
            raise DataError(
                f"{name}: the header names two columns {title!r} "
                f"(columns {seen[title]} and {column}); each column needs its own name"
            )
        seen[title] = column
    try:
        [_number(title, decimal_comma) for title in header]
    except ValueError:
        return
    raise DataError(
        f"{name}: row {row} should name the columns but holds only numbers; "
        f"add a header row such as {', '.join(f'x{k}' for k in range(1, len(header) + 1))}"
    )


def _column_indices(name: str, header: list[str], chosen: list[str], part: str) -> list[int]:
    if not chosen:
        raise DataError(f"choose at least one {part} column from {', '.join(header)}")
    indices = []
    for title in chosen:
        if title not in header:
            raise DataError(f"{name} has no column {title!r}; its columns are {', '.join(header)}")
        if header.index(title) in indices:
            raise DataError(f"column {title!r} is chosen twice as {_article(part)} {part}")
        indices.append(header.index(title))
    return indices
