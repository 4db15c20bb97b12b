"""Qt stays out of the headless commands; --plot draws a real PNG; no command opens the app."""

import json
import struct
import sys
import types

import pytest

from playground.cli import main
from tests.cli.helpers import example_path, run_playground, run_python

# Runs the command line in a fresh interpreter, then says which GUI modules it imported.
QT_PROBE = """
import json, sys
from playground.cli import main
status = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6"))
print(json.dumps({"status": status, "qt": loaded}))
"""


def _probe(*argv: str) -> dict:
    result = run_python(QT_PROBE, *argv)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize(
    "argv",
    [
        ["trace", str(example_path("xor"))],
        ["trace", str(example_path("xor")), "--json"],
        ["check", str(example_path("circle"))],
        ["train", str(example_path("xor")), "--epochs", "5", "--json"],
    ],
    ids=["trace", "trace --json", "check", "train"],
)
def test_headless_commands_do_not_import_qt(argv):
    report = _probe(*argv)
    assert report["status"] == 0
    assert report["qt"] == []


def test_the_probe_does_see_qt_when_plotting(tmp_path):
    # The check above could pass for the wrong reason if the probe saw nothing at all.
    report = _probe(
        "train", str(example_path("xor")), "--epochs", "3", "--plot", str(tmp_path / "p.png")
    )
    assert report["status"] == 0
    assert "PySide6" in report["qt"]


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


# Counts the pixels near each curve's colour, read back with Qt in a fresh interpreter.
PIXEL_COUNT = """
import json, sys
from PySide6.QtGui import QColor, QImage
image = QImage(sys.argv[1])
counts = {"train": 0, "test": 0, "white": 0}
targets = {"train": QColor("#1f77b4"), "test": QColor("#ff7f0e"), "white": QColor("white")}
for y in range(0, image.height(), 2):
    for x in range(0, image.width(), 2):
        pixel = image.pixelColor(x, y)
        for name, colour in targets.items():
            if abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green()) \\
                    + abs(pixel.blue() - colour.blue()) < 40:
                counts[name] += 1
print(json.dumps(counts))
"""


def test_plot_writes_a_png_of_the_loss_curves(tmp_path):
    path = example_path("circle")
    original = path.read_bytes()
    plot = tmp_path / "loss.png"
    result = run_playground("train", str(path), "--epochs", "20", "--plot", str(plot), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.splitlines()[-1])
    assert summary["epochs"] == 20 and summary["out"] is None
    assert _png_size(plot) == (800, 500)
    counts = run_python(PIXEL_COUNT, str(plot))
    assert counts.returncode == 0, counts.stderr
    pixels = json.loads(counts.stdout)
    assert pixels["white"] > 0.5 * (400 * 250)  # a white background...
    assert pixels["train"] > 50 and pixels["test"] > 50  # ...with both curves drawn on it
    assert path.read_bytes() == original


def test_plot_and_out_together(tmp_path, example_copy):
    path = example_copy("sine")
    out, plot = tmp_path / "trained.json", tmp_path / "loss.png"
    result = run_playground(
        "train", str(path), "--epochs", "5", "--out", str(out), "--plot", str(plot)
    )
    assert result.returncode == 0, result.stderr
    assert out.exists() and _png_size(plot) == (800, 500)
    assert "saved the trained network" in result.stdout and "loss curve" in result.stdout


# ------------------------------------------------------------ the app


@pytest.fixture
def fake_app(monkeypatch):
    """Stands in for the desktop app: records the path it was asked to open."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    opened = []
    module = types.ModuleType("playground.gui.app")

    def run_app(path, smoke=False):
        opened.append(path)
        return 0

    module.run_app = run_app
    monkeypatch.setitem(sys.modules, "playground.gui.app", module)
    return opened


def test_no_command_opens_the_app_on_a_built_in_example(fake_app):
    assert main([]) == 0
    assert fake_app == [None]


def test_a_file_alone_opens_the_app_on_it(fake_app):
    path = str(example_path("xor"))
    assert main([path]) == 0
    assert fake_app == [path]


def test_without_a_display_the_app_says_so_in_one_line(capsys, fake_app, monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "trace" in lines[0]
    assert fake_app == []


def test_a_broken_file_for_the_app_is_one_line_and_no_window(capsys, fake_app, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    assert main([str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "broken.json" in lines[0]
    assert fake_app == []
