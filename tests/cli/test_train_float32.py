"""`playground train --float32`: the float64 losses to float32's precision; the file stays float64."""

import json

import numpy as np
import pytest

from playground.cli import main
from playground.engine.trainer import Trainer
from playground.model.network_file import load_network

EPOCHS = 5


def _summary(capsys, *args) -> dict:
    assert main(["train", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out.splitlines()[-1])


@pytest.mark.parametrize("name", ["xor", "spiral"])
def test_float32_reaches_the_float64_losses_to_float32_precision(capsys, example_copy, name):
    path = example_copy(name)
    exact = _summary(capsys, path, "--epochs", EPOCHS)["train_loss"]
    fast = _summary(capsys, path, "--epochs", EPOCHS, "--float32")["train_loss"]
    assert fast == pytest.approx(exact, rel=1e-4)
    assert fast != exact
    trainer = Trainer(load_network(path), dtype=np.float32)
    trainer.run(until_epoch=EPOCHS)
    assert fast == trainer.history.train_loss  # the engine's float32 run, nothing else


def test_the_trained_file_holds_the_float32_results_as_ordinary_numbers(
    capsys, example_copy, tmp_path
):
    out = tmp_path / "trained.json"
    _summary(capsys, example_copy("xor"), "--epochs", EPOCHS, "--float32", "--out", out)
    trained = load_network(out)
    weights = [c.weight for c in trained.connections]
    assert all(type(w) is float and w == float(np.float32(w)) for w in weights)
    assert weights != [c.weight for c in load_network(example_copy("xor")).connections]


def test_help_explains_the_option(capsys):
    assert main(["train", "--help"]) == 0
    assert "--float32" in capsys.readouterr().out
