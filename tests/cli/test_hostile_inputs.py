"""Inputs that used to hang, warn or blame the wrong thing: a named pipe as FILE, numpy's
RuntimeWarnings, messages that named no file, a usage error reported as a data error,
and an SGD step that overflows reported as a bad weight."""

import json
import os
import subprocess
import sys

import pytest

from playground.cli import main
from tests.cli.helpers import REPOSITORY, run_playground


def _one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in err and "Warning" not in err
    return lines[0]


def _with(path, change) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize("command", [["trace"], ["train"], ["check"], []])
def test_a_named_pipe_as_file_is_refused_at_once(tmp_path, command):
    pipe = tmp_path / "net.json"
    os.mkfifo(pipe)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "playground", *command, str(pipe)],
            check=False,
            capture_output=True,
            text=True,
            cwd=REPOSITORY,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=30,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("opening a named pipe waited for a writer instead of refusing it")
    assert result.returncode == 1
    assert _one_line(result.stderr).endswith(
        f"{pipe}: this is a named pipe (FIFO), not a network file"
    )


def test_trace_keeps_numpy_warnings_off_stderr(two_two_two):
    def sine_everywhere(document):
        for neuron in document["neurons"]:
            if neuron["role"] != "input":
                neuron["activation"] = "sin"

    _with(two_two_two, sine_everywhere)
    # sin(±inf) is NaN, which numpy announces as a RuntimeWarning.
    result = run_playground("trace", str(two_two_two), "--x=1e300,1e300", "--y=1,1")
    assert "RuntimeWarning" not in result.stderr
    assert result.stderr == "" or len(result.stderr.splitlines()) == 1, result.stderr


def test_no_training_data_names_the_file(capsys, two_two_two):
    _with(two_two_two, lambda document: document.pop("data"))
    assert main(["train", str(two_two_two)]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line == f"playground train: {two_two_two}: the network has no training data"


@pytest.mark.parametrize(
    "args, words",
    [
        (
            ["--x", "1"],
            "--x gives 1 input value(s), but the network in {file} has 2 input neuron(s)",
        ),
        (["--x", "1,2,3"], "--x gives 3 input value(s)"),
        (
            ["--x", "1,2", "--y", "1"],
            "--y gives 1 target value(s), but the network in {file} has 2 output",
        ),
    ],
)
def test_values_by_hand_that_do_not_fit_are_bad_usage(capsys, two_two_two, args, words):
    assert main(["trace", str(two_two_two), *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    line = _one_line(captured.err)
    assert line.startswith("playground trace: error: ")
    assert words.format(file=two_two_two) in line


def test_an_sgd_step_that_overflows_says_so(capsys, two_two_two):
    _with(two_two_two, lambda document: document["training"].update(learning_rate=1e308))
    status = main(["trace", str(two_two_two), "--x", "1,1", "--y=100000,100000"])
    assert status == 1
    line = _one_line(capsys.readouterr().err)
    assert line.startswith(f"playground trace: {two_two_two}: the SGD update of w_")
    assert "overflows" in line and "the step is too large" in line
    assert "must be a finite number" not in line
