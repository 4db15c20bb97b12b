"""CSV import of big and hostile files: memory, FIFOs, old-Mac line ends, huge cells, and the
fast reader giving exactly the numbers written."""

import os
import subprocess
import sys
import threading
import tracemalloc

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.model.csv_import import read_csv_preview, read_csv_table
from playground.model.errors import DataError


def write(tmp_path, text: str, name: str = "data.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def refusal(path) -> str:
    with pytest.raises(DataError) as refused:
        read_csv_table(path)
    return str(refused.value)


# ----------------------------------------------------------------- not a regular file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    outcome = []

    def read():
        try:
            read_csv_table(fifo)
        except DataError as error:
            outcome.append(str(error))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():
        # Release the reader blocked in open() so that the test run can end.
        os.close(os.open(fifo, os.O_WRONLY))
        reader.join(timeout=10)
        pytest.fail("reading a FIFO blocked")
    assert len(outcome) == 1 and "not a regular file" in outcome[0] and "pipe.csv" in outcome[0]


def test_a_device_is_refused():
    if not os.path.exists(os.devnull) or os.name != "posix":
        pytest.skip("no /dev/null")
    assert "not a regular file" in refusal(os.devnull)


# ----------------------------------------------------------------- line ends and long cells


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_old_mac_windows_and_unix_line_ends_are_all_line_ends(tmp_path, end):
    path = write(tmp_path, end.join(["a,b", "1,2", "", "3.5,-4"]) + end)
    table = read_csv_table(path)
    assert table.header == ["a", "b"]
    assert table.rows.tolist() == [[1.0, 2.0], [3.5, -4.0]]


def test_a_huge_cell_is_shortened_in_the_message(tmp_path):
    cell = "9" * 5000 + "x"
    message = refusal(write(tmp_path, f"a,b\n1,{cell}\n"))
    assert "row 2, column 'b'" in message and "is not a number" in message
    assert len(message) < 300, message
    assert "5,001 characters" in message


def test_a_huge_column_name_is_shortened_in_the_message(tmp_path):
    name = "n" * 5000
    message = refusal(write(tmp_path, f"a,{name}\n1,\n"))
    assert "row 2" in message and "is empty" in message
    assert len(message) < 300, message


# ----------------------------------------------------------------- exact numbers, any layout


@st.composite
def csv_texts(draw):
    """A CSV text in one of many layouts, and the numbers it holds."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    # One column names no delimiter, so only the comma, the default, can be told from it.
    width = draw(st.integers(1 if delimiter == "," else 2, 4))
    values = draw(
        st.lists(
            st.lists(
                st.floats(allow_nan=False, allow_infinity=False), min_size=width, max_size=width
            ),
            min_size=1,
            max_size=12,
        )
    )
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    quote = draw(st.booleans())
    pad = draw(st.sampled_from(["", " ", "  "]))
    trailing = draw(st.booleans())
    blank_after = draw(st.sets(st.integers(0, len(values))))

    def cell(v: float) -> str:
        text = repr(v)
        if delimiter == ";" and draw(st.booleans()):
            text = text.replace(".", ",")  # a decimal comma
        return f'"{text}"' if quote and draw(st.booleans()) else f"{pad}{text}{pad}"

    lines = [delimiter.join(f"{pad}c{k}{pad}" for k in range(width))]
    for k, row in enumerate(values):
        lines.append(delimiter.join(cell(v) for v in row) + (delimiter if trailing else ""))
        if k in blank_after:
            lines.append("")
    return end.join(lines) + end, values


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(csv_texts())
def test_every_layout_reads_back_the_numbers_written(tmp_path, case):
    text, values = case
    path = write(tmp_path, text, "layout.csv")
    table = read_csv_table(path)
    assert table.header == [f"c{k}" for k in range(len(values[0]))]
    assert table.rows.shape == (len(values), len(values[0]))
    assert table.rows.tolist() == values  # exact: float(repr(v)) == v
    preview = read_csv_preview(path, rows=3)
    assert preview.header == table.header
    assert preview.rows.tolist() == values[:3]


def test_the_preview_reads_only_the_first_rows(tmp_path):
    good = "a,b\n1,2\n3,4\n"
    path = write(tmp_path, good + "5,oops\n" * 1000)
    preview = read_csv_preview(path, rows=2)
    assert preview.rows.tolist() == [[1.0, 2.0], [3.0, 4.0]]
    assert not preview.complete
    whole = read_csv_preview(write(tmp_path, good, "small.csv"), rows=40)
    assert whole.complete and whole.rows.tolist() == [[1.0, 2.0], [3.0, 4.0]]


# ----------------------------------------------------------------- memory


MEMORY_PROGRAM = """
import sys, tracemalloc
from playground.model.csv_import import read_csv_table
tracemalloc.start()
table = read_csv_table(sys.argv[1])
print(tracemalloc.get_traced_memory()[1], table.rows.shape[0], table.rows.shape[1])
"""


def test_reading_takes_less_than_ten_times_the_file_in_memory(tmp_path):
    # Short cells ("4.2,") are the hard case: a Python string per cell costs ten times its text.
    values = np.random.default_rng(0).integers(0, 100, size=(200_000, 12)) / 10
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8") as file:
        file.write(",".join(f"x{k}" for k in range(12)) + "\n")
        file.writelines(",".join(repr(v) for v in row) + "\n" for row in values.tolist())
    size = path.stat().st_size
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_PROGRAM, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    peak, rows, columns = (int(v) for v in result.stdout.split())
    assert (rows, columns) == (200_000, 12)
    assert peak < 10 * size, f"peak {peak / size:.1f}× the file's {size:,} bytes"


def test_tracemalloc_sees_numpy_arrays():
    # The memory test above relies on numpy reporting its buffers to tracemalloc.
    tracemalloc.start()
    try:
        block = np.ones(1_000_000)
        assert tracemalloc.get_traced_memory()[1] >= block.nbytes
    finally:
        tracemalloc.stop()
