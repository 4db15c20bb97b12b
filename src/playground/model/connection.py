"""One weighted connection from a source neuron to a target neuron."""

from dataclasses import dataclass


@dataclass
class Connection:
    source: str
    target: str
    weight: float

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.target)
