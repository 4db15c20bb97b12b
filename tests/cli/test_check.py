"""`playground check`: analytic gradients against central finite differences."""

import json

import pytest

from playground.cli import main
from playground.engine.compiled_network import CompiledNetwork
from tests.cli.helpers import example_path, run_playground

EXAMPLES = ("circle", "sine", "skip_connection", "spiral", "two_two_two", "xor")


@pytest.mark.parametrize("name", EXAMPLES)
def test_check_passes_on_every_example(capsys, name):
    assert main(["check", str(example_path(name))]) == 0
    captured = capsys.readouterr()
    assert "largest relative error" in captured.out
    assert "passed" in captured.out
    assert captured.err == ""


def test_check_fails_with_status_1_when_the_engine_gradient_is_wrong(
    capsys, monkeypatch, two_two_two
):
    backward = CompiledNetwork.backward

    def wrong_backward(self, run, targets):
        gradients = backward(self, run, targets)
        gradients.weights[-1] *= 1.01  # the last level's weights 1 % off
        return gradients

    monkeypatch.setattr(CompiledNetwork, "backward", wrong_backward)
    assert main(["check", str(two_two_two)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and "gradient check failed" in lines[0]
    # The worst parameter is one of the output level's weights, and the error is about 1 %.
    assert "→ o" in lines[0]
    assert "largest relative error 0.0099" in captured.out


def test_check_uses_random_samples_for_a_network_without_data(capsys, tmp_path):
    document = json.loads(example_path("two_two_two").read_text(encoding="utf-8"))
    del document["data"]
    path = tmp_path / "no_data.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert "random sample" in capsys.readouterr().out


def test_check_refuses_a_network_without_outputs(capsys, tmp_path):
    document = {
        "format": "nn-playground",
        "version": 1,
        "neurons": [
            {"id": "i1", "role": "input", "x": 0, "y": 0},
            {"id": "h1", "role": "hidden", "activation": "tanh", "bias": 0, "x": 200, "y": 0},
        ],
        "connections": [{"source": "i1", "target": "h1", "weight": 0.5}],
        "loss": "squared_error",
    }
    path = tmp_path / "no_output.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "no output neuron" in lines[0]


def test_python_m_playground_check_in_a_fresh_interpreter():
    result = run_playground("check", str(example_path("skip_connection")))
    assert result.returncode == 0, result.stderr
    assert "largest relative error" in result.stdout
