"""Importing a big CSV file: time and peak memory, and building the dialog for very wide files.

    python benchmarks/csv_import_speed.py                 # a 64 MiB file, and 16,000 columns
    python benchmarks/csv_import_speed.py --mib 8 --columns 2000

Each measurement runs in a fresh interpreter so that its peak resident memory
(`resource.getrusage(RUSAGE_SELF).ru_maxrss`) is its own; the interpreter with
numpy and the package imported is measured too, and subtracted. "import" is
what Import CSV… does from choosing the file to the data being ready: the
read for the preview (`read_csv_table`) and the dataset built when Import is
pressed (`CsvImportDialog.accept`, which before the change read the file a
second time). "dialog" builds the import dialog for a file of 3 rows and
--columns columns on the offscreen platform. Compare with the code before the
change with `PYTHONPATH=old_src python benchmarks/csv_import_speed.py`.
Asserts nothing.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

SOURCE = Path(__file__).resolve().parents[1] / "src"

MEASURE = """
import resource, sys, time
import numpy as np
from playground.model import csv_import
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
table = csv_import.read_csv_table(sys.argv[1])
read = time.perf_counter() - start
header = table.header
start = time.perf_counter()
if hasattr(csv_import, "dataset_from_table"):
    data = csv_import.dataset_from_table(sys.argv[1], table, header[:-1], header[-1:])
else:  # the code before the change: the dialog read the file again
    data = csv_import.dataset_from_csv(sys.argv[1], header[:-1], header[-1:])
built = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(read, built, (peak - base) * 1024, len(data.train_x))
"""

DIALOG = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
from playground.gui.training.csv_import_dialog import CsvImportDialog
from playground.model.csv_import import read_csv_table
from playground.model.examples import example_path
from playground.model.network_file import load_network
app = QApplication([])
network = load_network(example_path("xor"))
table = read_csv_table(sys.argv[1])
start = time.perf_counter()
dialog = CsvImportDialog(sys.argv[1], table, network)
dialog.show()
app.processEvents()
print(time.perf_counter() - start)
"""


def write_csv(path: Path, mib: float) -> None:
    rng = np.random.default_rng(0)
    columns = 10
    with open(path, "w", encoding="utf-8") as file:
        file.write(",".join(f"x{k}" for k in range(columns - 1)) + ",t\n")
        # Blocks of about 170 KiB, stopping short of the 64 MiB the import accepts.
        while file.tell() < mib * 1024 * 1024 - 256 * 1024:
            block = rng.normal(size=(2_000, columns)).round(6)
            file.write("\n".join(",".join(map(repr, row)) for row in block.tolist()) + "\n")


def run(program: str, *args: str) -> list[float]:
    environment = dict(os.environ)
    environment.setdefault("PYTHONPATH", str(SOURCE))
    result = subprocess.run(
        [sys.executable, "-c", program, *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    if result.returncode:
        sys.exit(result.stderr)
    return [float(v) for v in result.stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=64)
    parser.add_argument("--columns", type=int, default=16_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.csv"
        write_csv(path, args.mib)
        size = path.stat().st_size
        read, built, peak, rows = run(MEASURE, str(path))
        print(
            f"import of {size / 2**20:.1f} MiB ({int(rows):,} rows): read {read:.2f} s, "
            f"dataset {built:.2f} s, peak memory {peak / 2**20:,.0f} MiB "
            f"({peak / size:.1f}× the file)"
        )
        wide = Path(folder) / "wide.csv"
        values = np.random.default_rng(1).normal(size=(3, args.columns)).round(3)
        with open(wide, "w", encoding="utf-8") as file:
            file.write(",".join(f"c{k}" for k in range(args.columns)) + "\n")
            file.write("\n".join(",".join(map(repr, row)) for row in values.tolist()) + "\n")
        (seconds,) = run(DIALOG, str(wide))
        print(f"dialog for {args.columns:,} columns: built and shown in {seconds:.2f} s")


if __name__ == "__main__":
    main()
