"""The trace text's words go through `playground.translation`; its numbers and symbols do not."""

from playground import cli_trace_text
from playground.engine.backward_stepper import trace_sample
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings


def _network() -> Network:
    network = Network(name="tiny", training=TrainingSettings(learning_rate=0.5))
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("h1", "hidden", "sigmoid", 0.1))
    network.add_neuron(Neuron("o1", "output", "linear", 0.0))
    network.connect("i1", "h1", 0.5)
    network.connect("h1", "o1", 2.0)
    return network


def test_every_heading_and_role_is_looked_up_in_its_context(monkeypatch):
    asked: list[tuple[str, str]] = []

    def marked(context: str, text: str) -> str:
        asked.append((context, text))
        return f"«{text}»"

    monkeypatch.setattr(cli_trace_text, "translate", marked)
    network = _network()
    text = cli_trace_text.trace_text(network, trace_sample(network, [1.0], [0.3]), "heading")
    for title in ("FORWARD PASS", "LOSS", "SGD UPDATE", "LOSS AFTER THE UPDATE"):
        assert f"«{title}»" in text
    assert "h1 (««hidden», sigmoid»)" in text  # the role, then "{role}, {activation}"
    assert {context for context, _ in asked} == {"TraceText"}
    # The numbers stay as the formatter writes them: y_h1 = σ(0.6).
    y_h1 = 1 / (1 + 2.718281828459045**-0.6)
    assert f"y_h1 = σ(z_h1) = σ(0.6) = {cli_trace_text.format_number(y_h1)}" in text


def test_in_english_the_text_is_unchanged_by_the_lookup():
    network = _network()
    text = cli_trace_text.trace_text(network, trace_sample(network, [1.0], [0.3]), "heading")
    assert "\nFORWARD PASS    z_j = b_j + Σ_i w_i,j · y_i    y_j = f(z_j)\n" in text
    assert "h1 (hidden, sigmoid)" in text
