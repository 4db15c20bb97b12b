"""One sample's backward pass, one neuron at a time, as the chain rule says it.

This is the teaching core. It walks the network neuron by neuron with plain
Python numbers, on purpose not through the batched `CompiledNetwork`, so that
a test comparing the two proves something. For each neuron j, visited in
reverse topological order (after every neuron it feeds):

    ∂L/∂y_j  = Σ_k w_jk · ∂L/∂z_k   over j's outgoing connections j → k
               (+ the loss derivative when j is an output)
    ∂y_j/∂z_j = f'(z_j)
    ∂L/∂z_j  = ∂y_j/∂z_j · ∂L/∂y_j
    ∂L/∂b_j  = ∂L/∂z_j
    ∂L/∂w_ij = y_i · ∂L/∂z_j        for each incoming connection i → j

then one SGD step, w ← w − η · (∂L/∂w + l2 · w + l1 · sign(w)) and b ← b − η · ∂L/∂b
(or b unchanged, when the training settings keep the biases fixed); sign(0) = 0.
`Trace.to_json()` is the `trace --json` document of the command-line spec;
the app's formula panel and `playground trace` both read these records.
"""

from dataclasses import asdict, dataclass, field

import numpy as np

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.losses import LOSS_FUNCTIONS
from playground.model.errors import DataError
from playground.model.network import Network, finite_number
from playground.translation import translate


@dataclass
class NeuronValues:
    """A neuron's forward values for the sample (an input has y only)."""

    z: float | None
    y: float

    @property
    def z_value(self) -> float:
        """z of a hidden or output neuron; an input has none (ValueError)."""
        if self.z is None:
            raise ValueError("an input neuron has no z")
        return self.z


@dataclass
class GradientTerm:
    """One outgoing connection's share of ∂L/∂y: w · ∂L/∂z of the neuron it feeds."""

    target: str
    weight: float
    dL_dz: float
    product: float


@dataclass
class WeightGradient:
    """∂L/∂w of one incoming connection: y of its source times ∂L/∂z of this neuron."""

    source: str
    target: str
    y_source: float
    dL_dw: float


@dataclass
class NeuronStep:
    """Every number of the chain rule at one neuron."""

    neuron: str
    dL_dy: float
    terms: list[GradientTerm]
    dy_dz: float
    dL_dz: float
    dL_db: float
    weight_grads: list[WeightGradient]
    z: float
    y: float
    target: float | None = None  # the sample's target, for an output neuron
    loss_derivative: float | None = None  # ∂L/∂y from the loss, for an output neuron


@dataclass
class WeightUpdate:
    source: str
    target: str
    before: float
    after: float


@dataclass
class BiasUpdate:
    neuron: str
    before: float
    after: float


@dataclass
class SgdUpdate:
    learning_rate: float
    momentum: float
    l2: float
    l1: float = 0.0
    weights: list[WeightUpdate] = field(default_factory=list)
    biases: list[BiasUpdate] = field(default_factory=list)
    # False when the training settings keep every bias fixed: each BiasUpdate's after is its before.
    update_biases: bool = True


@dataclass
class SamplePass:
    """One sample's forward pass, loss and backward pass: a trace before its update."""

    x: list[float]
    targets: list[float]
    forward: dict[str, NeuronValues]
    loss: float
    steps: list[NeuronStep]

    def to_json(self) -> dict:
        """`sample`, `forward`, `loss` and `steps` of the `trace --json` document."""
        return {
            "sample": {"x": self.x, "y": self.targets},
            "forward": {
                neuron_id: ({"y": v.y} if v.z is None else {"z": v.z, "y": v.y})
                for neuron_id, v in self.forward.items()
            },
            "loss": self.loss,
            "steps": [asdict(step) for step in self.steps],
        }


@dataclass
class Trace(SamplePass):
    """One sample's pass, then the SGD step it alone asks for and the loss after it."""

    update: SgdUpdate
    loss_after: float

    def to_json(self) -> dict:
        """The `trace --json` document of the command-line spec (plus a few extra fields)."""
        return {
            **super().to_json(),
            "update": asdict(self.update),
            "loss_after": self.loss_after,
        }


def forward_values(
    network: Network, x: list[float], update: SgdUpdate | None = None
) -> dict[str, NeuronValues]:
    """z = b + Σ w·y over incoming connections, y = f(z), neuron by neuron in topological order.

    With `update`, the network's weights and biases as they would be after it (the network
    itself is left alone: a copy of ten thousand connections cost more than the pass).
    """
    inputs = dict(zip(network.input_ids(), x))
    weights = {(w.source, w.target): w.after for w in update.weights} if update else None
    biases = {b.neuron: b.after for b in update.biases} if update else None
    values: dict[str, NeuronValues] = {}
    for neuron_id in network.topological_order():
        neuron = network.neuron(neuron_id)
        if neuron.is_input:
            values[neuron_id] = NeuronValues(None, float(inputs[neuron_id]))
            continue
        z = neuron.bias_value if biases is None else biases.get(neuron_id, neuron.bias_value)
        for c in network.incoming(neuron_id):
            w = c.weight if weights is None else weights.get(c.key, c.weight)
            z += w * values[c.source].y
        y = float(ACTIVATION_FUNCTIONS[neuron.activation_name].f(z))
        values[neuron_id] = NeuronValues(float(z), y)
    return values


@dataclass
class ForwardTerm:
    """One incoming connection's share of z: w · y of the neuron it comes from."""

    source: str
    weight: float
    y_source: float
    product: float


@dataclass
class ForwardStep:
    """Every number of z = b + Σ w·y and y = f(z) at one neuron, for stepping the forward pass."""

    neuron: str
    bias: float
    terms: list[ForwardTerm]
    z: float
    y: float


def forward_order(network: Network) -> list[str]:
    """Non-input neurons in the order `forward_values` computes them (topological, ties in file order)."""
    return [i for i in network.topological_order() if not network.neuron(i).is_input]


def forward_step(network: Network, values: dict[str, NeuronValues], neuron_id: str) -> ForwardStep:
    """The weighted sum at `neuron_id`, term by term, with z and y taken from `values` (the trace's own)."""
    terms = [
        ForwardTerm(c.source, c.weight, values[c.source].y, c.weight * values[c.source].y)
        for c in network.incoming(neuron_id)
    ]
    own = values[neuron_id]
    return ForwardStep(neuron_id, network.neuron(neuron_id).bias_value, terms, own.z_value, own.y)


def sample_loss(network: Network, values: dict[str, NeuronValues], targets: list[float]) -> float:
    """The loss of one sample, summed over the output neurons."""
    loss = LOSS_FUNCTIONS[network.loss]
    return float(
        sum(loss.value(values[o].z, values[o].y, t) for o, t in zip(network.output_ids(), targets))
    )


def _check_sample(network: Network, x: list[float], targets: list[float]) -> None:
    for what, values, ids in (
        ("input", x, network.input_ids()),
        ("target", targets, network.output_ids()),
    ):
        inputs = what == "input"
        if len(values) != len(ids):
            said = (
                translate(
                    "BackwardStepper",
                    "the sample has {n} input value(s); the network has {neurons} input neuron(s)",
                )
                if inputs
                else translate(
                    "BackwardStepper",
                    "the sample has {n} target value(s); the network has {neurons} output neuron(s)",
                )
            )
            raise DataError(said.format(n=len(values), neurons=len(ids)))
        if not all(np.isfinite(values)):
            raise DataError(
                translate("BackwardStepper", "the sample's input values must be finite numbers")
                if inputs
                else translate(
                    "BackwardStepper", "the sample's target values must be finite numbers"
                )
            )
    if not network.output_ids():
        raise DataError(
            translate(
                "BackwardStepper", "the network has no output neuron, so there is no loss to trace"
            )
        )


def backward_order(network: Network) -> list[str]:
    """Non-input neurons, each after every neuron it feeds; ties keep file order (o1 before o2)."""
    position = {n.id: k for k, n in enumerate(network.neurons)}
    waiting = {n.id: len(network.outgoing(n.id)) for n in network.neurons}
    ready = sorted((i for i, count in waiting.items() if count == 0), key=position.__getitem__)
    order = []
    while ready:
        current = ready.pop(0)
        order.append(current)
        for c in network.incoming(current):
            waiting[c.source] -= 1
            if waiting[c.source] == 0:
                ready.append(c.source)
                ready.sort(key=position.__getitem__)
    return [i for i in order if not network.neuron(i).is_input]


def backward_steps(
    network: Network, values: dict[str, NeuronValues], targets: list[float]
) -> list[NeuronStep]:
    """The chain rule at every non-input neuron, in reverse topological order."""
    loss = LOSS_FUNCTIONS[network.loss]
    target_of = dict(zip(network.output_ids(), targets))
    dL_dz: dict[str, float] = {}
    steps = []
    for neuron_id in backward_order(network):
        neuron = network.neuron(neuron_id)
        z, y = values[neuron_id].z_value, values[neuron_id].y
        terms = [
            GradientTerm(c.target, c.weight, dL_dz[c.target], c.weight * dL_dz[c.target])
            for c in network.outgoing(neuron_id)
        ]
        dL_dy = sum(term.product for term in terms)
        target = loss_derivative = None
        if neuron.role == "output":
            target = float(target_of[neuron_id])
            loss_derivative = float(loss.dL_dy(z, y, target))
            dL_dy += loss_derivative
        dy_dz = float(ACTIVATION_FUNCTIONS[neuron.activation_name].df(z, y))
        dL_dz[neuron_id] = dy_dz * dL_dy
        weight_grads = [
            WeightGradient(
                c.source, neuron_id, values[c.source].y, values[c.source].y * dL_dz[neuron_id]
            )
            for c in network.incoming(neuron_id)
        ]
        steps.append(
            NeuronStep(
                neuron=neuron_id,
                dL_dy=float(dL_dy),
                terms=terms,
                dy_dz=dy_dz,
                dL_dz=dL_dz[neuron_id],
                dL_db=dL_dz[neuron_id],
                weight_grads=weight_grads,
                z=z,
                y=y,
                target=target,
                loss_derivative=loss_derivative,
            )
        )
    return steps


def sgd_update(network: Network, steps: list[NeuronStep]) -> SgdUpdate:
    """One SGD step from rest: w ← w − η(∂L/∂w + l2·w + l1·sign(w)), b ← b − η·∂L/∂b."""
    dL_dw = {(g.source, g.target): g.dL_dw for step in steps for g in step.weight_grads}
    dL_db = {step.neuron: step.dL_db for step in steps}
    return sgd_update_from(network, dL_dw, dL_db)


def sgd_update_from(
    network: Network, dL_dw: dict[tuple[str, str], float], dL_db: dict[str, float]
) -> SgdUpdate:
    """`sgd_update` from given gradients (one sample's, or a minibatch's means).

    With `update_biases` off, each bias stays as it is: its `after` is its `before`.
    """
    settings = network.training
    rate, l2, l1 = settings.learning_rate, settings.l2, settings.l1
    update = SgdUpdate(rate, settings.momentum, l2, l1, update_biases=settings.update_biases)
    for c in network.connections:
        after = c.weight - rate * (dL_dw[c.key] + l2 * c.weight + l1 * sign(c.weight))
        update.weights.append(WeightUpdate(c.source, c.target, c.weight, after))
    for neuron in network.neurons:
        if not neuron.is_input:
            before = neuron.bias_value
            after = before - rate * dL_db[neuron.id] if settings.update_biases else before
            update.biases.append(BiasUpdate(neuron.id, before, after))
    return update


def sign(value: float) -> float:
    """−1, 0 or 1: the gradient of |w|, taken as 0 at w = 0 (as numpy's and torch's sign)."""
    return float((value > 0) - (value < 0))


def check_update(update: SgdUpdate) -> None:
    """Refuse, as the network would if it were applied, an update that makes a value infinite."""
    for w in update.weights:
        finite_number(w.after, "a weight")
    for b in update.biases:
        finite_number(b.after, "a bias")


def apply_update(network: Network, update: SgdUpdate) -> None:
    """Write the update's `after` values into the network."""
    for w in update.weights:
        network.set_weight(w.source, w.target, w.after)
    for b in update.biases:
        network.set_bias(b.neuron, b.after)


def sample_pass(network: Network, x: list[float], targets: list[float]) -> SamplePass:
    """Forward pass, loss, and the backward pass neuron by neuron, of one sample."""
    x = [float(v) for v in x]
    targets = [float(v) for v in targets]
    _check_sample(network, x, targets)
    values = forward_values(network, x)
    steps = backward_steps(network, values, targets)
    return SamplePass(x, targets, values, sample_loss(network, values, targets), steps)


def trace_sample(network: Network, x: list[float], targets: list[float]) -> Trace:
    """Forward pass, backward pass neuron by neuron, SGD update and the loss after it."""
    one = sample_pass(network, x, targets)
    update = sgd_update(network, one.steps)
    check_update(update)
    # The loss after the step, from the update's after-values: the network is neither copied nor changed.
    loss_after = sample_loss(network, forward_values(network, one.x, update), one.targets)
    return Trace(one.x, one.targets, one.forward, one.loss, one.steps, update, loss_after)
