"""A minibatch traced the way SGD uses it: each sample's pass, the mean gradients, one step.

Each sample goes through the stepper's forward and backward pass on its own
(the same records `trace_sample` makes); every weight's and bias's gradient
for the minibatch is then the mean of the samples' gradients,

    ∂L/∂w = (∂L₁/∂w + ∂L₂/∂w + … + ∂Lₙ/∂w) / n,

the minibatch's loss is the mean of the samples' losses, and one SGD step from
rest with those means gives the update (l2, l1 and `update_biases` as for one
sample). `MinibatchTrace.to_json()` is the `trace --samples --json` document of
the command-line spec.
"""

from dataclasses import asdict, dataclass

from playground.engine.backward_stepper import (
    SamplePass,
    SgdUpdate,
    check_update,
    forward_values,
    sample_loss,
    sample_pass,
    sgd_update_from,
)
from playground.model.errors import DataError
from playground.model.network import Network
from playground.translation import translate


@dataclass
class WeightMean:
    """A weight's gradient over the minibatch: the mean of the samples' ∂L/∂w."""

    source: str
    target: str
    dL_dw: float


@dataclass
class BiasMean:
    """A bias's gradient over the minibatch: the mean of the samples' ∂L/∂b."""

    neuron: str
    dL_db: float


@dataclass
class MeanGradients:
    weights: list[WeightMean]
    biases: list[BiasMean]


@dataclass
class MinibatchTrace:
    samples: list[SamplePass]
    mean: MeanGradients
    loss: float  # the mean of the samples' losses
    update: SgdUpdate
    loss_after: float  # the mean loss of the same samples after the update

    def to_json(self) -> dict:
        """The `trace --samples --json` document of the command-line spec (plus a few extra fields)."""
        return {
            "samples": [one.to_json() for one in self.samples],
            "mean": asdict(self.mean),
            "loss": self.loss,
            "update": asdict(self.update),
            "loss_after": self.loss_after,
        }


def mean_gradients(network: Network, samples: list[SamplePass]) -> MeanGradients:
    """Each weight's and bias's gradient averaged over the samples, in the network's order."""
    count = len(samples)
    dL_dw: dict[tuple[str, str], list[float]] = {c.key: [] for c in network.connections}
    dL_db: dict[str, list[float]] = {n.id: [] for n in network.neurons if not n.is_input}
    for one in samples:
        for step in one.steps:
            dL_db[step.neuron].append(step.dL_db)
            for g in step.weight_grads:
                dL_dw[(g.source, g.target)].append(g.dL_dw)
    return MeanGradients(
        [WeightMean(source, target, sum(v) / count) for (source, target), v in dL_dw.items()],
        [BiasMean(neuron, sum(v) / count) for neuron, v in dL_db.items()],
    )


def minibatch_update(network: Network, mean: MeanGradients) -> SgdUpdate:
    """One SGD step from rest with the minibatch's mean gradients."""
    return sgd_update_from(
        network,
        {(w.source, w.target): w.dL_dw for w in mean.weights},
        {b.neuron: b.dL_db for b in mean.biases},
    )


def trace_minibatch(
    network: Network, xs: list[list[float]], targets: list[list[float]]
) -> MinibatchTrace:
    """Each sample's pass, the mean gradients and loss, the SGD step, and the mean loss after it.

    Raises NetworkEditError, as `trace_sample` does, when the step makes a weight infinite.
    """
    if not xs or len(xs) != len(targets):
        raise DataError(
            translate("Minibatch", "a minibatch needs at least one sample, each with its targets")
        )
    samples = [sample_pass(network, x, t) for x, t in zip(xs, targets)]
    mean = mean_gradients(network, samples)
    update = minibatch_update(network, mean)
    check_update(update)  # the losses after come from the update's values: no copy of the network
    losses_after = [
        sample_loss(network, forward_values(network, one.x, update), one.targets) for one in samples
    ]
    return MinibatchTrace(
        samples,
        mean,
        sum(one.loss for one in samples) / len(samples),
        update,
        sum(losses_after) / len(samples),
    )
