"""`playground trace` writes the l1 term into the update, as it writes l2's."""

import json

from playground.cli import main
from playground.model.network import Network
from playground.model.network_file import save_network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings


def _file(tmp_path, **settings) -> str:
    """i1 → h1 (relu) → o1 (linear); h2 (tanh) feeds nothing, so w_i1,h2 has no gradient."""
    network = Network(name="small", training=TrainingSettings(learning_rate=0.5, **settings))
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("h1", "hidden", "relu", 0.1))
    network.add_neuron(Neuron("h2", "hidden", "tanh", 0.0))
    network.add_neuron(Neuron("o1", "output", "linear", 0.0))
    network.connect("i1", "h1", 0.5)
    network.connect("i1", "h2", -0.3)
    network.connect("h1", "o1", 2.0)
    network.connect("h2", "o1", 0.0)
    path = tmp_path / "small.json"
    save_network(network, path)
    return str(path)


def _trace(capsys, *args: str) -> str:
    assert main(["trace", *args]) == 0
    return capsys.readouterr().out


def _row(text: str, name: str) -> str:
    """The update's row of `name`, its padding squeezed to single spaces."""
    line = next(line for line in text.splitlines() if line.startswith(f"  {name} "))
    return " ".join(line.split())


def test_the_update_writes_l1_sign_w_with_its_numbers(tmp_path, capsys):
    text = _trace(capsys, _file(tmp_path, l1=0.01), "--x", "1", "--y", "1")
    assert "w ← w − η · (∂L/∂w + λ₁ · sign(w))" in text and "η = 0.5, λ₁ = 0.01" in text
    # No gradient reaches w_i1,h2: l1 alone moves it, −0.3 − 0.5 × (0 + 0.01 × sign(−0.3)).
    assert _row(text, "w_i1,h2") == "w_i1,h2 = −0.3 − 0.5 × (0 + 0.01 × sign(−0.3)) = −0.295"
    # A weight at 0 gets no pull: ∂L/∂w_h2,o1 = y_h2 · (y − t) = tanh(−0.3) × 0.2 = −0.05826.
    assert _row(text, "w_h2,o1") == "w_h2,o1 = 0 − 0.5 × ((−0.05826) + 0.01 × sign(0)) = 0.02913"


def test_l1_and_l2_together_are_both_written(tmp_path, capsys):
    text = _trace(capsys, _file(tmp_path, l1=0.01, l2=0.1), "--x", "1", "--y", "1")
    assert "w ← w − η · (∂L/∂w + λ · w + λ₁ · sign(w))" in text
    assert "η = 0.5, λ = 0.1, λ₁ = 0.01" in text
    # −0.3 − 0.5 × (0 + 0.1 × (−0.3) + 0.01 × (−1)) = −0.3 + 0.02 = −0.28
    assert _row(text, "w_i1,h2") == (
        "w_i1,h2 = −0.3 − 0.5 × (0 + 0.1 × (−0.3) + 0.01 × sign(−0.3)) = −0.2800"
    )


def test_without_l1_the_update_is_as_before(tmp_path, capsys):
    text = _trace(capsys, _file(tmp_path), "--x", "1", "--y", "1")
    assert "w ← w − η · ∂L/∂w " in text and "sign" not in text and "λ₁" not in text


def test_the_json_update_carries_l1_and_its_step(tmp_path, capsys):
    document = json.loads(
        _trace(capsys, _file(tmp_path, l1=0.01), "--x", "1", "--y", "1", "--json")
    )
    update = document["update"]
    assert update["l1"] == 0.01
    after = {(w["source"], w["target"]): w["after"] for w in update["weights"]}
    assert after[("i1", "h2")] == -0.3 - 0.5 * (0.0 + 0.01 * -1.0)
    assert after[("h1", "o1")] == 2.0 - 0.5 * (0.2 * 0.6 + 0.01 * 1.0)


def test_a_minibatch_trace_writes_the_l1_term_too(tmp_path, capsys):
    path = _file(tmp_path, l1=0.01)
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    document["data"] = {"train": {"x": [[1.0], [2.0]], "y": [[1.0], [0.0]]}}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle)
    text = _trace(capsys, path, "--samples", "0:2")
    assert "w ← w − η · (∂L/∂w + λ₁ · sign(w))" in text
    assert "0.01 × sign(−0.3)" in text
