"""`train --out/--plot` onto paths that cannot or must not be written: refused before training.

Every refusal is one line on stderr, status 1 for a file problem and 2 for bad usage, with
nothing written and nothing replaced: not the input, not a named pipe, not a device, not a
read-only file. What is written is written whole, by a rename, or not at all.
"""

import json
import os
import stat
import subprocess
import sys

import pytest

from playground import cli_train
from playground.cli import main
from playground.cli_plot import write_loss_plot
from playground.model.network_file import load_network
from tests.cli.helpers import REPOSITORY


@pytest.fixture
def no_training(monkeypatch):
    """Any attempt to train fails the test: every refusal here must come first."""

    def trainer(*args, **kwargs):
        raise AssertionError("training started before the output paths were checked")

    monkeypatch.setattr(cli_train, "Trainer", trainer)


def _train(capsys, *args) -> tuple[int, str, str]:
    status = main(["train", *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in err
    return lines[0]


def test_a_trailing_slash_on_out_is_refused_and_the_input_kept(capsys, example_copy, no_training):
    path = example_copy("xor")
    before = path.read_bytes()
    status, out, err = _train(capsys, path, "--epochs", 2, "--out", f"{path}/")
    assert status == 1 and out == ""
    line = _one_line(err)
    assert line.startswith(f"playground train: --out {path}/: ") and "slash" in line
    assert path.read_bytes() == before


def test_out_onto_a_named_pipe_is_refused_and_the_pipe_kept(capsys, example_copy, tmp_path):
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    status, out, err = _train(capsys, example_copy("xor"), "--epochs", 2, "--out", pipe)
    assert status == 1 and out == ""
    assert "named pipe" in _one_line(err)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_out_and_plot_onto_a_device_are_refused(capsys, example_copy, no_training):
    for option in ("--out", "--plot"):
        status, out, err = _train(capsys, example_copy("xor"), option, os.devnull)
        assert status == 1 and out == ""
        assert f"{option} {os.devnull}: this is a device" in _one_line(err)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.parametrize("option", ["--out", "--plot"])
def test_an_empty_output_name_is_bad_usage_before_training(
    capsys, example_copy, no_training, option
):
    status, out, err = _train(capsys, example_copy("xor"), option, "")
    assert status == 2 and out == ""
    assert f"{option} needs a file name" in _one_line(err)


def test_a_read_only_out_is_refused_not_replaced(capsys, example_copy, tmp_path, no_training):
    target = tmp_path / "kept.json"
    target.write_text("the user's own file")
    target.chmod(0o444)
    status, out, err = _train(capsys, example_copy("xor"), "--out", target)
    assert status == 1 and out == ""
    assert f"--out {target}: the file is read-only" in _one_line(err)
    assert target.read_text() == "the user's own file"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_plot_into_a_missing_folder_writes_no_out_either(capsys, example_copy, tmp_path):
    out_path, plot = tmp_path / "trained.json", tmp_path / "missing" / "loss.png"
    status, out, err = _train(capsys, example_copy("xor"), "--out", out_path, "--plot", plot)
    assert status == 1 and out == ""
    assert f"--plot {plot}: the folder" in _one_line(err)
    assert not out_path.exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_plot_that_cannot_be_written_leaves_no_out_behind(capsys, example_copy, tmp_path):
    out_path = tmp_path / "trained.json"
    status, out, err = _train(capsys, example_copy("xor"), "--out", out_path, "--plot", "/dev/full")
    assert status == 1 and out == ""
    assert "--plot /dev/full: this is a device" in _one_line(err)
    assert not out_path.exists()


def test_out_that_is_the_input_under_another_name_is_refused(capsys, example_copy, tmp_path):
    path = example_copy("xor")
    before = path.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(path)
    status, out, err = _train(capsys, path, "--epochs", 2, "--out", link)
    assert status == 2 and out == ""
    assert "under another name" in _one_line(err)
    assert path.read_bytes() == before and link.is_symlink()


def test_out_spelled_differently_but_the_same_path_trains_in_place(capsys, example_copy):
    path = example_copy("xor")
    before = load_network(path)
    inode = path.stat().st_ino
    relative = os.path.join(os.path.dirname(path), ".", os.path.basename(path))
    status, _, _ = _train(capsys, path, "--epochs", 20, "--out", relative)
    assert status == 0
    after = load_network(path)
    assert [c.weight for c in after.connections] != [c.weight for c in before.connections]
    assert path.stat().st_ino != inode  # replaced by a rename, never rewritten in place


# Runs `train` with a limit on the size of any file the process writes: a disk that fills up
# after a few kilobytes, enough for the trained network but not for the PNG.
FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
from playground.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_keeps_the_old_png_whole_and_writes_no_out(example_copy, tmp_path):
    plot, out_path = tmp_path / "loss.png", tmp_path / "trained.json"
    plot.write_bytes(b"the old picture")
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, "train", str(example_copy("xor")), "--epochs", "5"]
        + ["--out", str(out_path), "--plot", str(plot)],
        check=False,
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    # The last line: progress may come first, as on any run.
    line = result.stderr.replace("\r", "\n").splitlines()[-1]
    assert "Traceback" not in result.stderr
    assert line.startswith(f"playground train: {plot}: cannot write the loss plot: ")
    assert plot.read_bytes() == b"the old picture"
    assert not out_path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loss.png", "xor.json"]


# ----------------------------------------------------------------- the plot itself


@pytest.mark.parametrize(
    "train_loss, test_loss",
    [
        ([1e308, 1e308], []),
        ([1.0, 1.7e308, 0.5], [2.0, 1e300, 1e308]),
        ([0.5, 0.25], [float("inf"), float("inf")]),
        ([float("nan")], []),
        ([0.0, 1e7], [0.0, 0.0]),
    ],
)
def test_the_loss_plot_draws_huge_and_missing_losses(tmp_path, train_loss, test_loss):
    plot = tmp_path / "loss.png"
    write_loss_plot(str(plot), train_loss, test_loss, "huge")
    assert plot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_train_plots_a_test_loss_that_overflows(capsys, example_copy, tmp_path):
    path = example_copy("two_two_two")
    document = json.loads(path.read_text(encoding="utf-8"))
    for neuron in document["neurons"]:
        if neuron["role"] != "input":
            neuron["activation"] = "linear"
    document["data"] = {
        "train": {"x": [[0.1, 0.2], [1, 1]], "y": [[1, 1], [0, 0]]},
        "test": {"x": [[1e300, -1e300]], "y": [[1, 1]]},
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    plot = tmp_path / "loss.png"
    status, out, err = _train(capsys, path, "--epochs", 3, "--plot", plot, "--json")
    assert status == 0, err
    summary = json.loads(out.splitlines()[-1])  # strict JSON: no Infinity
    assert summary["test_loss"] == [None, None, None]
    assert plot.read_bytes().startswith(b"\x89PNG")
