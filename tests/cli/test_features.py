"""The command line on data with derived features: train, trace and check feed the derived columns."""

import json
import math

import pytest

from playground.cli import main
from playground.model.network_file import load_network


def circle_file(tmp_path, features: list[str] | None, name: str = "circle.json"):
    """Circle data straight into one sigmoid output: no hidden layer at all."""
    inputs = len(features) if features else 2
    data = {"generator": "circle", "samples": 400, "noise": 0.0, "seed": 1}
    if features:
        data["features"] = features
    document = {
        "format": "nn-playground",
        "version": 1,
        "neurons": [
            {"id": f"i{k + 1}", "role": "input", "x": 0, "y": 100 * k} for k in range(inputs)
        ]
        + [{"id": "o1", "role": "output", "activation": "sigmoid", "bias": 0.0, "x": 200, "y": 0}],
        "connections": [
            {"source": f"i{k + 1}", "target": "o1", "weight": 0.1 * (-1) ** k}
            for k in range(inputs)
        ],
        "loss": "binary_cross_entropy",
        "training": {"learning_rate": 0.1, "batch_size": 10, "momentum": 0.0, "seed": 0},
        "data": data,
    }
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _train(capsys, path, epochs: int) -> dict:
    assert main(["train", str(path), "--epochs", str(epochs), "--json"]) == 0
    return json.loads(capsys.readouterr().out.splitlines()[-1])


def test_squares_let_a_network_without_hidden_neurons_learn_the_circle(capsys, tmp_path):
    # A circle is a threshold on x1² + x2²: one sigmoid over the squares can draw it, one over
    # the raw coordinates (a straight line) cannot. Each run is its own evidence.
    squares = _train(capsys, circle_file(tmp_path, ["x1^2", "x2^2"]), 100)
    raw = _train(capsys, circle_file(tmp_path, None, "raw.json"), 100)
    assert squares["train_loss"][-1] < 0.05 and squares["test_loss"][-1] < 0.05
    assert raw["train_loss"][-1] > 0.6


def test_trace_feeds_the_derived_values_of_the_chosen_sample(capsys, tmp_path):
    path = circle_file(tmp_path, ["x1^2", "x2^2", "x1*x2"])
    a, b = load_network(path).data.raw_split("train")[0][2].tolist()
    assert main(["trace", str(path), "--sample", "2", "--json"]) == 0
    trace = json.loads(capsys.readouterr().out)
    assert trace["sample"]["x"] == pytest.approx([a * a, b * b, a * b], rel=1e-15)
    z = 0.1 * a * a - 0.1 * b * b + 0.1 * a * b
    assert trace["forward"]["o1"]["y"] == pytest.approx(1 / (1 + math.exp(-z)), rel=1e-12)


def test_trace_x_gives_the_input_neurons_values(capsys, tmp_path):
    path = circle_file(tmp_path, ["x1^2", "x2^2", "x1*x2"])
    assert main(["trace", str(path), "--x", "4,9,6", "--y", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sample"]["x"] == [4.0, 9.0, 6.0]


def test_check_compares_on_the_derived_columns(capsys, tmp_path):
    # Three input neurons fed from two raw columns: the raw rows could not even be fed.
    assert main(["check", str(circle_file(tmp_path, ["x1^2", "x2^2", "x1*x2"]))]) == 0
    out = capsys.readouterr().out
    assert "on 32 training sample(s)" in out and "passed" in out


def test_trained_file_keeps_its_features(capsys, tmp_path):
    path = circle_file(tmp_path, ["sin(x1)", "x2"])
    out = tmp_path / "trained.json"
    assert main(["train", str(path), "--epochs", "2", "--out", str(out)]) == 0
    capsys.readouterr()
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["data"]["features"] == ["sin(x1)", "x2"]
