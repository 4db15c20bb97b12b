"""Data from a CSV file: a header row naming the columns, then one row of numbers per sample.

Cells are separated by commas, semicolons or tabs (whichever the header uses
most). With semicolons a decimal comma is read too (`1,5` is 1.5), as
spreadsheets in many locales write it. Lines may end in \n, \r\n or a lone \r
(old Mac files). Row numbers in messages are the rows a spreadsheet shows: the
header is row 1.

The file is read once. A file without quotes (nearly every file of numbers)
is converted a block of lines at a time with numpy, into one preallocated
array; anything that block cannot vouch for (a quote, an empty or bad cell, a
ragged row) goes through the csv module row by row, which also words the
message. Memory stays within a few times the file's size: the text, the
array, and one block.
"""

import csv
import io
import math
import os
import stat
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np

from playground.model.csv_words import (
    cannot_read,
    column_indices,
    counted,
    empty_message,
    quoted,
    share_refusal,
)
from playground.model.dataset import Dataset
from playground.model.errors import DataError
from playground.model.network import Network
from playground.translation import translate

DELIMITERS = (",", ";", "\t")

# A CSV is read whole into memory; past this it is surely not a teaching data set.
MAX_BYTES = 64 * 1024 * 1024
# Cells converted by numpy at a time: large enough to be fast, small enough to cost little memory.
BLOCK_CELLS = 1 << 18
# The preview reads this much of the file at a time until it has its rows.
PREVIEW_BYTES = 64 * 1024


@dataclass
class CsvTable:
    """The columns of a CSV file: their names and the numbers under them, one row per sample.

    `complete` is False for a preview: the first rows only, the rest not read yet."""

    header: list[str]
    rows: np.ndarray
    complete: bool = True


def read_csv_table(path: str | os.PathLike) -> CsvTable:
    """Read a CSV file of numbers with a header row, or refuse with a message naming the place."""
    name = os.fspath(path)
    text = _read_text(name)
    delimiter = _delimiter(text)
    decimal_comma = delimiter == ";"
    if '"' not in text:
        table = _fast_table(name, text, delimiter, decimal_comma)
        if table is not None:
            return table
    return _table(name, _records(name, text, delimiter), decimal_comma)


def read_csv_preview(path: str | os.PathLike, rows: int = 40) -> CsvTable:
    """The header and the first `rows` rows, reading only the start of the file.

    A problem in those rows is refused as `read_csv_table` would; the rest of the
    file is not looked at (`complete` says whether there was any)."""
    name = os.fspath(path)
    with _open_regular(name) as file:
        raw = b""
        while True:
            more = file.read(PREVIEW_BYTES)
            raw += more
            text = _decoded(name, raw, partial=bool(more))
            if not more or _line_ends(text) > rows + 1 + text.count("\n\n"):
                break
            # Enough lines may still hold too few rows (blank lines); read on until they do.
            if len(raw) > MAX_BYTES:
                break
    text = _normal_line_ends(text)
    if not text.strip():
        raise DataError(empty_message(name))
    complete = not more
    if not complete:
        # Only whole lines: the last one may have been cut by the read.
        text = text[: text.rfind("\n") + 1]
    delimiter = _delimiter(text)
    records = _records(name, text, delimiter, strict=complete)
    table = _table(name, records, delimiter == ";", limit=rows)
    table.complete = complete and table.complete
    return table


def dataset_from_table(
    name: str,
    table: CsvTable,
    input_columns: list[str],
    target_columns: list[str],
    test_fraction: float = 0.0,
    seed: int = 0,
) -> Dataset:
    """The chosen columns of a table already read, as inputs and targets; see `dataset_from_csv`."""
    if not table.complete:
        raise ValueError("a preview holds only the first rows; read the whole table")
    if not 0 <= test_fraction < 1:
        raise DataError(share_refusal(test_fraction))
    inputs = column_indices(name, table.header, input_columns, "input")
    targets = column_indices(name, table.header, target_columns, "target")
    both = [table.header[k] for k in inputs if k in targets]
    if both:
        raise DataError(
            f"{name}: "
            + translate(
                "CsvImport",
                "column {column} is chosen as both an input and a target; "
                "a column can be only one of them",
            ).format(column=quoted(both[0]))
        )
    x, y = table.rows[:, inputs], table.rows[:, targets]
    n = len(table.rows)
    n_test = round(n * test_fraction)
    if n_test == 0:
        return Dataset(train_x=x, train_y=y, test_x=x[:0], test_y=y[:0])
    if n_test >= n:
        raise DataError(
            f"{name}: "
            + translate(
                "CsvImport", "a test share of {share} of {n} rows leaves no rows for training"
            ).format(share=test_fraction, n=n)
        )
    order = np.random.default_rng(seed).permutation(n)
    train, test = order[: n - n_test], order[n - n_test :]
    return Dataset(train_x=x[train], train_y=y[train], test_x=x[test], test_y=y[test])


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
        raise DataError(share_refusal(test_fraction))
    table = read_csv_table(name)
    return dataset_from_table(name, table, input_columns, target_columns, test_fraction, seed)


def check_fits_network(dataset: Dataset, network: Network) -> None:
    """Refuse data whose input or target columns do not match the network's input or output neurons."""
    source = (
        translate("CsvImport", "the {name!r} data").format(name=dataset.generator.name)
        if dataset.generator
        else translate("CsvImport", "the CSV")
    )
    for part, given, neurons in (
        ("input", dataset.input_width, len(network.input_ids())),
        ("target", dataset.train_y.shape[1], len(network.output_ids())),
    ):
        role = "input" if part == "input" else "output"
        if given != neurons and part == "input" and dataset.features is not None:
            raise DataError(
                translate(
                    "CsvImport", "{source} feeds {features} ({names}) but the network has {neurons}"
                ).format(
                    source=source,
                    features=counted(given, "input feature"),
                    names=", ".join(dataset.features),
                    neurons=counted(neurons, "input neuron"),
                )
            )
        if given != neurons:
            raise DataError(
                translate(
                    "CsvImport", "{source} gives {columns} but the network has {neurons}"
                ).format(
                    source=source,
                    columns=counted(given, part + " column"),
                    neurons=counted(neurons, role + " neuron"),
                )
            )


# ----------------------------------------------------------------- reading


def _open_regular(name: str) -> BinaryIO:
    """The file opened for reading, refused unless it is a regular file.

    Opening a FIFO would wait for a writer forever, and a device may never end."""
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise DataError(f"{name}: " + translate("CsvImport", "no such file")) from None
    except OSError as error:
        raise DataError(cannot_read(name, error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError(
            translate("CsvImport", "{file} is a folder, not a CSV file").format(file=name)
        )
    if not stat.S_ISREG(info.st_mode):
        raise DataError(
            translate(
                "CsvImport",
                "{file} is not a regular file (it is a pipe, a device or a socket); "
                "save the data to a file first",
            ).format(file=name)
        )
    if info.st_size > MAX_BYTES:
        raise DataError(
            translate("CsvImport", "{file} is larger than {most} MiB").format(
                file=name, most=MAX_BYTES // (1024 * 1024)
            )
        )
    try:
        # O_NONBLOCK: should the path have become a FIFO since the stat, open does not wait.
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            raise DataError(
                translate("CsvImport", "{file} is not a regular file").format(file=name)
            )
        return os.fdopen(descriptor, "rb")
    except FileNotFoundError:
        raise DataError(f"{name}: " + translate("CsvImport", "no such file")) from None
    except OSError as error:
        raise DataError(cannot_read(name, error)) from None


def _decoded(name: str, raw: bytes, partial: bool = False) -> str:
    try:
        # utf-8-sig drops the byte-order mark some spreadsheets put at the start.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if partial and error.start >= len(raw) - 3:
            # A character cut in two by a read of the preview: its end comes with the next read.
            return raw[: error.start].decode("utf-8-sig")
        raise DataError(
            translate(
                "CsvImport",
                "{file} is not UTF-8 text (byte {byte} cannot be read); "
                "save it as CSV UTF-8 from the spreadsheet",
            ).format(file=name, byte=error.start + 1)
        ) from None


def _line_ends(text: str) -> int:
    return text.count("\n") or text.count("\r")


def _normal_line_ends(text: str) -> str:
    """\r\n and a lone \r (old Mac files) as \n, which the csv module reads without complaint."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_text(name: str) -> str:
    with _open_regular(name) as file:
        try:
            raw = file.read()
        except OSError as error:
            raise DataError(cannot_read(name, error)) from None
    text = _normal_line_ends(_decoded(name, raw))
    del raw
    if not text.strip():
        raise DataError(empty_message(name))
    return text


def _records(name: str, text: str, delimiter: str, strict: bool = True) -> Iterator[list[str]]:
    """The csv module's records, one at a time, its errors in our words."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if not strict:
                return
            reason = (
                translate("CsvImport", "a cell is longer than the csv module's limit")
                if "field larger" in str(error)
                else translate(
                    "CsvImport",
                    "a quote is not closed, or a quote inside a quoted cell is not doubled",
                )
            )
            raise DataError(
                translate(
                    "CsvImport", "{file} is not a readable CSV file: near row {row}, {reason}"
                ).format(file=name, row=reader.line_num, reason=reason)
            ) from None


def _fast_table(name: str, text: str, delimiter: str, decimal_comma: bool) -> CsvTable | None:
    """The table of a file without quotes, by numpy a block at a time; None to leave it to `_table`."""
    start, header_row, line = 0, 0, ""
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line, start, header_row = text[start:end], end + 1, header_row + 1
        if line.replace(delimiter, "").strip():
            break
    header = [cell.strip() for cell in _without_trailing_blanks(line.split(delimiter))]
    _check_header(name, header_row, header, decimal_comma)
    width = len(header)
    rows = np.empty((text.count("\n", start) + 1, width))
    filled = 0
    block_lines = max(1, BLOCK_CELLS // width)
    while start < len(text):
        # A block of whole lines, found without splitting the whole text at once.
        end = start
        for _ in range(block_lines):
            end = text.find("\n", end) + 1
            if end == 0:
                end = len(text)
                break
        lines = [
            line for line in text[start:end].split("\n") if line.replace(delimiter, "").strip()
        ]
        start = end
        if not lines:
            continue
        for k, line in enumerate(lines):
            if line.count(delimiter) != width - 1:
                # A delimiter at the end of a line ("1,2,") is a common export habit.
                cells = line.split(delimiter)
                if len(cells) <= width or "".join(cells[width:]).strip():
                    return None  # a ragged row: the exact path words the message
                lines[k] = delimiter.join(cells[:width])
        block = delimiter.join(lines)
        if decimal_comma:
            block = block.replace(",", ".")
        if "_" in block:
            return None  # float() reads 1_000; a CSV cell should not
        try:
            values = np.array(block.split(delimiter), dtype=np.float64)
        except ValueError:
            return None
        if not np.isfinite(values).all():
            return None
        rows[filled : filled + len(lines)] = values.reshape(len(lines), width)
        filled += len(lines)
    if filled == 0:
        return None
    # A copy only when blank lines left much of the array unused.
    rows = rows[:filled] if filled * 10 >= len(rows) * 9 else rows[:filled].copy()
    return CsvTable(header=header, rows=rows)


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


def _table(
    name: str, records: Iterable[list[str]], decimal_comma: bool, limit: int | None = None
) -> CsvTable:
    numbered = ((k, r) for k, r in enumerate(records, start=1) if not _is_blank(r))
    first = next(numbered, None)
    if first is None:
        raise DataError(empty_message(name))
    header_row, header_cells = first
    header = [cell.strip() for cell in _without_trailing_blanks(header_cells)]
    _check_header(name, header_row, header, decimal_comma)
    values = array("d")
    count, more = 0, False
    for row, record in numbered:
        if limit is not None and count == limit:
            more = True  # a row beyond the preview's: not read, only noted
            break
        count += 1
        cells = record if len(record) <= len(header) else _without_trailing_blanks(record)
        if len(cells) != len(header):
            raise DataError(
                f"{name}: "
                + translate("CsvImport", "row {row} has {cells}; the header has {n}").format(
                    row=row, cells=counted(len(cells), "cell"), n=len(header)
                )
            )
        for column, cell in enumerate(cells):
            place = f"{name}: " + translate("CsvImport", "row {row}, column {column}").format(
                row=row, column=quoted(header[column])
            )
            if not cell.strip():
                raise DataError(
                    translate("CsvImport", "{place} is empty; every cell needs a number").format(
                        place=place
                    )
                )
            try:
                value = _number(cell, decimal_comma)
            except ValueError:
                raise DataError(
                    f"{place}: "
                    + translate("CsvImport", "{cell} is not a number").format(
                        cell=quoted(cell.strip())
                    )
                ) from None
            if not math.isfinite(value):
                raise DataError(
                    f"{place}: "
                    + translate("CsvImport", "{cell} is not a finite number").format(
                        cell=quoted(cell.strip())
                    )
                )
            values.append(value)
    if count == 0:
        raise DataError(
            translate(
                "CsvImport",
                "{file} has a header but no rows of data; add one row of numbers per sample",
            ).format(file=name)
        )
    rows = np.frombuffer(values, dtype=np.float64).reshape(count, len(header)).copy()
    return CsvTable(header=header, rows=rows, complete=not more)


def _check_header(name: str, row: int, header: list[str], decimal_comma: bool) -> None:
    for column, title in enumerate(header, start=1):
        if not title:
            raise DataError(
                f"{name}: "
                + translate(
                    "CsvImport", "column {column} of the header (row {row}) has no name"
                ).format(column=column, row=row)
            )
    seen: dict[str, int] = {}
    for column, title in enumerate(header, start=1):
        if title in seen:
            raise DataError(
                f"{name}: "
                + translate(
                    "CsvImport",
                    "the header names two columns {title} (columns {first} and {second}); "
                    "each column needs its own name",
                ).format(title=quoted(title), first=seen[title], second=column)
            )
        seen[title] = column
    try:
        [_number(title, decimal_comma) for title in header]
    except ValueError:
        return
    raise DataError(
        f"{name}: "
        + translate(
            "CsvImport",
            "row {row} should name the columns but holds only numbers; "
            "add a header row such as {example}",
        ).format(row=row, example=", ".join(f"x{k}" for k in range(1, len(header) + 1)))
    )
