"""One topological level of a compiled network: the columns it owns and the columns it reads.

Every neuron has one column in the network's order (levels one after another). A level
reads earlier columns as a few contiguous runs; its weight matrix stacks the rows of those
runs, zero (and masked) where a column of a run has no connection into the level. A run
inside one earlier level is read from that level's own y (the whole array, or a view); a
run across several levels from the buffer of every y side by side, as one view.
"""

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from playground.engine.activations import Activation

# A run of columns of one level: (level index, column indices, or None for the whole level).
Piece = tuple[int, np.ndarray | None]

# Two runs of source columns are read as one when the columns between them, times the
# level's width, are at most this many weights: a zero row costs a few multiplications
# per sample, a separate run costs a few numpy calls per minibatch. Measured (one thread,
# batch 32): on random DAGs of 300 neurons, merging at this size times the same as always
# merging, and never merging is 7–9× slower; on 2-256×6-1 with a skip from an input into
# the last hidden level, always merging makes forward + backward 1.7–1.9× slower.
MERGE_VALUES = 512


@dataclass(frozen=True)
class Read:
    """One contiguous run of source columns, and the rows of the level's weights it meets."""

    level: int | None  # the earlier level holding the whole run; None: it spans levels
    columns: slice  # within that level's y, or (level None) within the buffer of every y
    rows: slice
    whole: bool  # the run is all of `level`, in order: its y is read as it is


@dataclass
class Level:
    ids: list[str]
    groups: list[tuple[slice, Activation]]  # neurons of one activation are contiguous
    columns: slice  # this level's own columns in the network's order (and the buffer's)
    reads: list[Read]  # what it reads, the runs in the row order of `weights`
    weights: np.ndarray  # (rows of every run, neurons)
    mask: np.ndarray | None  # 1.0 where a connection exists; None when all do
    biases: np.ndarray  # (neurons,)
    connection_rows: np.ndarray  # for each connection into this level (file order): its row
    connection_cols: np.ndarray  # ... and its column
    connection_keys: list[tuple[str, str]]
    # The rows of `weights` as runs of columns of earlier levels, for those that work on
    # one array per level (the gradient check, the ONNX export).
    sources: list[Piece] = field(default_factory=list)
    # The reads past the inputs: where backward adds ∂L/∂y (nothing for ∂L/∂x).
    reads_past_inputs: list[Read] = field(default_factory=list)
    # Whether a later level reads this one's y from the buffer (then forward puts it there).
    in_buffer: bool = False
    # y = f(z) and f'(z) given (z, y), column by column with each neuron's own activation:
    # the activation's own functions when the whole level shares one.
    f: Callable = field(init=False)
    df: Callable = field(init=False)

    def __post_init__(self) -> None:
        if len(self.groups) == 1:
            self.f, self.df = self.groups[0][1].f, self.groups[0][1].df
        else:
            self.f, self.df = self._f_by_group, self._df_by_group

    def _f_by_group(self, z: np.ndarray) -> np.ndarray:
        y = np.empty_like(z)
        for columns, activation in self.groups:
            y[:, columns] = activation.f(z[:, columns])
        return y

    def _df_by_group(self, z: np.ndarray, y: np.ndarray) -> np.ndarray:
        df = np.empty_like(z)
        for columns, activation in self.groups:
            df[:, columns] = activation.df(z[:, columns], y[:, columns])
        return df


def runs(columns: list[int], width: int) -> list[tuple[int, int]]:
    """Sorted source columns as [start, stop) runs, a gap kept inside a run when it is cheap."""
    found: list[tuple[int, int]] = []
    for column in columns:
        if found and (column - found[-1][1]) * width <= MERGE_VALUES:
            found[-1] = (found[-1][0], column + 1)
        else:
            found.append((column, column + 1))
    return found


def pieces_of(spans: list[tuple[int, int]], starts: list[int]) -> list[Piece]:
    """Buffer column runs as runs of columns of one level each; a whole level reads as None."""
    pieces: list[Piece] = []
    for start, stop in spans:
        level = bisect_right(starts, start) - 1
        while starts[level] < stop:
            first, end = starts[level], starts[level + 1]
            low, high = max(start, first), min(stop, end)
            whole = low == first and high == end
            pieces.append((level, None if whole else np.arange(low - first, high - first)))
            level += 1
    return pieces


def level_pieces(locations: list[tuple[int, int]], level_sizes: list[int]) -> list[Piece]:
    """Group (level, column) locations into runs per level; a whole level in order reads as None."""
    pieces: list[tuple[int, list[int]]] = []
    for level, column in locations:
        if pieces and pieces[-1][0] == level:
            pieces[-1][1].append(column)
        else:
            pieces.append((level, [column]))
    return [
        (level, None if columns == list(range(level_sizes[level])) else np.array(columns))
        for level, columns in pieces
    ]


def read_of(start: int, stop: int, rows: slice, starts: list[int]) -> Read:
    """Columns [start, stop) as a read of one earlier level's y if they lie in one."""
    level = bisect_right(starts, start) - 1
    first, end = starts[level], starts[level + 1]
    if stop <= end:
        return Read(level, slice(start - first, stop - first), rows, start == first and stop == end)
    return Read(None, slice(start, stop), rows, False)


def past_inputs(read: Read, inputs: int) -> Read | None:
    """The part of a read past the input columns, or None: backward needs no ∂L/∂x."""
    if read.level is not None:
        return read if read.level > 0 else None
    start = max(read.columns.start, inputs)
    rows = slice(read.rows.start + start - read.columns.start, read.rows.stop)
    return Read(None, slice(start, read.columns.stop), rows, False)


def buffer_columns(read: Read, starts: list[int]) -> slice:
    """A read's columns in the network's order, wherever it reads them from."""
    if read.level is None:
        return read.columns
    first = starts[read.level]
    return slice(first + read.columns.start, first + read.columns.stop)
