"""One neuron of a network, as the file stores it."""

from dataclasses import dataclass


@dataclass
class Neuron:
    """A neuron: inputs carry only a position; hidden and output neurons also an activation and a bias."""

    id: str
    role: str
    activation: str | None = None
    bias: float | None = None
    x: float = 0.0
    y: float = 0.0
    label: str | None = None

    @property
    def is_input(self) -> bool:
        return self.role == "input"

    @property
    def activation_name(self) -> str:
        """The activation of a hidden or output neuron; an input has none (ValueError)."""
        if self.activation is None:
            raise ValueError(f"{self.id} is an input neuron and has no activation")
        return self.activation

    @property
    def bias_value(self) -> float:
        """The bias of a hidden or output neuron; an input has none (ValueError)."""
        if self.bias is None:
            raise ValueError(f"{self.id} is an input neuron and has no bias")
        return self.bias

    @property
    def display_name(self) -> str:
        """The label when there is one, else the id."""
        return self.label or self.id
