"""`playground check` on networks that break a naive check: kinks, NaN, infinity, size."""

import json

import pytest

from playground import cli_progress
from playground.cli import main
from playground.engine.compiled_network import CompiledNetwork
from tests.cli.helpers import run_playground


def write_network(tmp_path, neurons, connections, x, y, loss="squared_error", name="net.json"):
    document = {
        "format": "nn-playground",
        "version": 1,
        "neurons": neurons,
        "connections": connections,
        "loss": loss,
        "data": {"train": {"x": x, "y": y}, "test": {"x": [], "y": []}},
    }
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def one_neuron(tmp_path, activation, weight, bias, x, y):
    return write_network(
        tmp_path,
        [
            {"id": "i1", "role": "input", "x": 0, "y": 0},
            {
                "id": "o1",
                "role": "output",
                "activation": activation,
                "bias": bias,
                "x": 200,
                "y": 0,
            },
        ],
        [{"source": "i1", "target": "o1", "weight": weight}],
        x,
        y,
    )


def wide(tmp_path, inputs, outputs):
    neurons = [{"id": f"i{k}", "role": "input", "x": 0, "y": 10 * k} for k in range(inputs)]
    neurons += [
        {"id": f"o{k}", "role": "output", "activation": "tanh", "bias": 0.01 * k, "x": 200, "y": k}
        for k in range(outputs)
    ]
    connections = [
        {"source": f"i{s}", "target": f"o{o}", "weight": ((s * 7 + o * 3) % 11 - 5) / 10}
        for s in range(inputs)
        for o in range(outputs)
    ]
    x = [[((k + s) % 5 - 2) / 4 for s in range(inputs)] for k in range(3)]
    y = [[0.1 * ((k + o) % 3) for o in range(outputs)] for k in range(3)]
    return write_network(tmp_path, neurons, connections, x, y)


@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "elu"])
@pytest.mark.parametrize("bias", [5e-4, -5e-4, 0.0, 1e-3, -1.5e-3])
def test_a_correct_network_with_z_next_to_a_kink_passes(capsys, tmp_path, activation, bias):
    path = one_neuron(tmp_path, activation, 0.7, bias, [[0.0]], [[0.3]])
    assert main(["check", str(path)]) == 0
    captured = capsys.readouterr()
    assert "passed" in captured.out and captured.err == ""


def test_skipped_parameters_are_named_in_a_note(capsys, tmp_path):
    # z = ±0.0005: the bias cannot be moved either way without crossing relu's kink.
    path = one_neuron(tmp_path, "relu", 5e-4, 0.0, [[1.0], [-1.0]], [[0.3], [0.3]])
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    notes = [line for line in out.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "1 gradient" in notes[0] and "kink" in notes[0]
    assert "passed" in out


def test_an_overflowing_network_fails_with_one_clean_line(capsys, tmp_path):
    path = one_neuron(tmp_path, "linear", 1e300, 0.0, [[1e10]], [[0.0]])
    assert main(["check", str(path)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("playground check: ") and "not a finite number" in lines[0]
    assert "passed" not in captured.out


def test_nan_analytic_gradient_fails(capsys, monkeypatch, two_two_two):
    backward = CompiledNetwork.backward

    def nan_backward(self, run, targets):
        gradients = backward(self, run, targets)
        gradients.biases[-1][0] = float("nan")
        return gradients

    monkeypatch.setattr(CompiledNetwork, "backward", nan_backward)
    assert main(["check", str(two_two_two)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and "NaN" in lines[0] and "analytic" in lines[0]
    assert "passed" not in captured.out


def test_no_runtime_warning_reaches_stderr_in_a_fresh_interpreter(tmp_path):
    path = one_neuron(tmp_path, "linear", 1e300, 0.0, [[1e10]], [[0.0]])
    result = run_playground("check", str(path))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Warning" not in result.stderr


def test_a_big_network_is_checked_on_a_seeded_sample(capsys, tmp_path):
    path = wide(tmp_path, 60, 40)  # 2,400 weights and 40 biases
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "checked 2,000 of 2,440 gradients, chosen at random with seed 0" in out
    assert "passed" in out


def test_a_network_below_the_limit_has_every_gradient_checked(capsys, tmp_path):
    path = wide(tmp_path, 10, 5)
    assert main(["check", str(path)]) == 0
    assert "checked 55 gradient(s)" in capsys.readouterr().out


def test_progress_goes_to_stderr(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(cli_progress, "LOG_LINE_SECONDS", 0.0)
    path = wide(tmp_path, 10, 5)
    assert main(["check", str(path)]) == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert lines and all(line.startswith("gradient ") for line in lines)
    assert lines[-1].startswith("gradient 55/55")
    assert "passed" in captured.out
