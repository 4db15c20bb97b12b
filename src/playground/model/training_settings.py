"""The `training` block of a network file: how SGD trains this network."""

from dataclasses import dataclass


@dataclass
class TrainingSettings:
    learning_rate: float = 0.1
    batch_size: int = 10
    momentum: float = 0.0
    l2: float = 0.0
    seed: int = 0
