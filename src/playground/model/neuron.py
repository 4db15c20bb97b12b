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
    def display_name(self) -> str:
        """The label when there is one, else the id."""
        return self.label or self.id
