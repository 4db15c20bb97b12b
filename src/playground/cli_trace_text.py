"""`playground trace` as text: one sample worked through like an example on a blackboard.

First the forward pass (every z as its sum with the numbers in it, every y as
f(z)), then the loss, then the backward pass neuron by neuron — each formula of
the chain rule written symbolically and again with its numbers — and finally
the SGD step and the sample's loss after it. Every number comes from the
stepper's records; this module only writes them down.
"""

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.backward_stepper import NeuronStep, SamplePass, SgdUpdate, Trace
from playground.engine.formatting import (
    DEFAULT_DIGITS,
    Format,
    format_number,
    neuron_names,
    operand_format,
)
from playground.engine.losses import LOSS_FUNCTIONS
from playground.engine.minibatch import MinibatchTrace
from playground.model.network import Network

# Why the update leaves the biases alone, where it does.
BIASES_FIXED = (
    "every bias stays fixed: update_biases is false in the file's training settings, "
    "as in Mazur's worked 2-2-2 example, so only the weights move"
)

# How f(z) reads with z's number put in; {z} is the number, {zp} the number in
# parentheses when it is negative (where it follows an operator).
_APPLIED = {
    "linear": "{z}",
    "sigmoid": "σ({z})",
    "tanh": "tanh({z})",
    "relu": "max(0, {z})",
    "leaky_relu": "max(0.01 × {zp}, {z})",
    "elu": "elu({z})",
    "softplus": "ln(1 + e^{zp})",
    "swish": "{zp} · σ({z})",
    "sin": "sin({z})",
}


class TraceText:
    """Writes one trace as lines of text."""

    def __init__(self, network: Network, trace: SamplePass, digits: int = DEFAULT_DIGITS) -> None:
        self.network = network
        self.trace = trace
        self.fmt: Format = lambda value: format_number(value, digits)
        self.op: Format = operand_format(self.fmt)
        self.name = neuron_names(network)
        self.lines: list[str] = []

    def render(self, heading: str) -> str:
        """The sample's pass, then its SGD step and its loss after the step."""
        trace = self.trace
        if not isinstance(trace, Trace):
            raise TypeError("a whole trace (with its update) is needed")
        self._pass(heading)
        self._update(trace)
        self._loss_after(trace.loss, trace.loss_after)
        return "\n".join(self.lines) + "\n"

    def _pass(self, heading: str) -> None:
        """The sample, its forward pass, its loss and its backward pass."""
        self.lines.append(heading)
        self._sample()
        self._forward()
        self._loss()
        self._backward()

    # ------------------------------------------------------------ pieces

    def _section(self, title: str) -> None:
        self.lines += ["", title]

    def _sub(self, neuron_id: str) -> str:
        return self.name[neuron_id]

    def _describe(self, neuron_id: str) -> str:
        neuron = self.network.neuron(neuron_id)
        label = f" “{neuron.label}”" if neuron.label and neuron.label != neuron_id else ""
        kind = neuron.role if neuron.is_input else f"{neuron.role}, {neuron.activation}"
        return f"{neuron_id}{label} ({kind})"

    def _sample(self) -> None:
        values = ", ".join(self.fmt(v) for v in self.trace.x)
        targets = ", ".join(self.fmt(v) for v in self.trace.targets)
        self.lines.append(f"  x = ({values})    t = ({targets})")

    def _forward(self) -> None:
        self._section("FORWARD PASS    z_j = b_j + Σ_i w_i,j · y_i    y_j = f(z_j)")
        for neuron_id, values in self.trace.forward.items():
            neuron = self.network.neuron(neuron_id)
            j = self._sub(neuron_id)
            if values.z is None:
                label = f" “{neuron.label}”" if neuron.label and neuron.label != neuron_id else ""
                self.lines.append(f"  y_{j} = {self.fmt(values.y)}    (input{label})")
                continue
            parts = [self.fmt(neuron.bias)] + [
                f"{self.op(c.weight)} × {self.op(self.trace.forward[c.source].y)}"
                for c in self.network.incoming(neuron_id)
            ]
            self.lines.append(f"  {self._describe(neuron_id)}")
            self.lines.append(f"    z_{j} = {' + '.join(parts)} = {self.fmt(values.z)}")
            symbol = ACTIVATION_FUNCTIONS[neuron.activation].symbol.replace("z", f"z_{j}")
            applied = _APPLIED[neuron.activation].format(z=self.fmt(values.z), zp=self.op(values.z))
            if neuron.activation == "linear":
                self.lines.append(f"    y_{j} = {symbol} = {self.fmt(values.y)}")
            else:
                self.lines.append(f"    y_{j} = {symbol} = {applied} = {self.fmt(values.y)}")

    def _loss(self) -> None:
        loss = LOSS_FUNCTIONS[self.network.loss]
        self._section(f"LOSS    {loss.formula}    ({self.network.loss.replace('_', ' ')})")
        shares = []
        for output_id, target in zip(self.network.output_ids(), self.trace.targets):
            values = self.trace.forward[output_id]
            share = float(loss.value(values.z, values.y, target))
            if self.network.loss == "squared_error":
                worked = f"½ × ({self.fmt(values.y)} − {self.op(target)})²"
            else:
                y, t = self.op(values.y), self.op(target)
                worked = f"−[{self.fmt(target)} × ln {y} + (1 − {t}) × ln(1 − {y})]"
            shares.append((output_id, worked, share))
        if len(shares) == 1:
            _, worked, _ = shares[0]
            self.lines.append(f"  L = {worked} = {self.fmt(self.trace.loss)}")
            return
        for output_id, worked, share in shares:
            self.lines.append(f"  L_{self._sub(output_id)} = {worked} = {self.fmt(share)}")
        total = " + ".join(self.op(share) for _, _, share in shares)
        self.lines.append(f"  L = {total} = {self.fmt(self.trace.loss)}")

    def _backward(self) -> None:
        self._section("BACKWARD PASS    one neuron at a time, each after every neuron it feeds")
        for step in self.trace.steps:
            self.lines.append(f"  {self._describe(step.neuron)}")
            self.lines += [f"    {line}" for line in self._chain_rule(step)]

    def _chain_rule(self, step: NeuronStep) -> list[str]:
        j = self._sub(step.neuron)
        neuron = self.network.neuron(step.neuron)
        activation = ACTIVATION_FUNCTIONS[neuron.activation]
        lines = [self._dL_dy(step)]
        worked = self._worked_derivative(step)
        if worked == activation.derivative:
            lines.append(f"∂y_{j}/∂z_{j} = {worked}")
        else:
            lines.append(f"∂y_{j}/∂z_{j} = {activation.derivative} = {worked}")
        lines.append(
            f"∂L/∂z_{j} = ∂y_{j}/∂z_{j} · ∂L/∂y_{j} = "
            f"{self.fmt(step.dy_dz)} × {self.op(step.dL_dy)} = {self.fmt(step.dL_dz)}"
        )
        lines.append(f"∂L/∂b_{j} = ∂L/∂z_{j} = {self.fmt(step.dL_db)}")
        for g in step.weight_grads:
            i = self._sub(g.source)
            lines.append(
                f"∂L/∂w_{i},{j} = y_{i} · ∂L/∂z_{j} = "
                f"{self.fmt(g.y_source)} × {self.op(step.dL_dz)} = {self.fmt(g.dL_dw)}"
            )
        return lines

    def _worked_derivative(self, step: NeuronStep) -> str:
        """f'(z) with its numbers in, then its value; a piecewise f' says which piece z fell in."""
        activation = ACTIVATION_FUNCTIONS[self.network.neuron(step.neuron).activation]
        worked = activation.worked(step.z, step.y, self.op)
        value = self.fmt(step.dy_dz)
        if ", since" in worked:
            side = ">" if step.z > 0 else "≤"
            return f"{value}    (z = {self.fmt(step.z)} {side} 0)"
        if worked == value:
            return value
        return f"{worked} = {value}"

    def _dL_dy(self, step: NeuronStep) -> str:
        j = self._sub(step.neuron)
        symbolic, worked = [], []
        if step.terms:
            symbolic.append(f"Σ_k w_{j},k · ∂L/∂z_k")
            worked += [
                f"{(self.op if k else self.fmt)(t.weight)} × {self.op(t.dL_dz)}"
                for k, t in enumerate(step.terms)
            ]
        if step.loss_derivative is not None:
            loss = LOSS_FUNCTIONS[self.network.loss]
            from_loss = loss.worked(step.y, step.target, self.op)
            if step.terms:
                symbolic.append(f"({loss.derivative})")
                worked.append(f"({from_loss})")
            else:
                symbolic.append(loss.derivative)
                worked.append(from_loss)
        if not symbolic:
            return (
                f"∂L/∂y_{j} = 0    ({step.neuron} feeds no other neuron and is not an output, "
                "so the loss does not depend on it)"
            )
        return f"∂L/∂y_{j} = {' + '.join(symbolic)} = {' + '.join(worked)} = {self.fmt(step.dL_dy)}"

    def _update(self, trace: Trace) -> None:
        dL_dw = {(g.source, g.target): g.dL_dw for s in trace.steps for g in s.weight_grads}
        dL_db = {s.neuron: s.dL_db for s in trace.steps}
        self._update_from(trace.update, dL_dw, dL_db)

    def _update_from(
        self,
        update: SgdUpdate,
        dL_dw: dict[tuple[str, str], float],
        dL_db: dict[str, float],
        whose: str = "",
    ) -> None:
        """The SGD step as rows `w = before − η × gradient = after`, from the given gradients."""
        eta = self.fmt(update.learning_rate)
        weight_rule = "w ← w − η · (∂L/∂w + λ · w)" if update.l2 else "w ← w − η · ∂L/∂w"
        bias_rule = "b ← b − η · ∂L/∂b" if update.update_biases else "b unchanged"
        rates = f"η = {eta}, λ = {self.fmt(update.l2)}" if update.l2 else f"η = {eta}"
        self._section(f"SGD UPDATE{whose}    {weight_rule}    {bias_rule}    {rates}")
        if update.momentum:
            self.lines.append(
                f"  (momentum {self.fmt(update.momentum)} adds nothing to a first step: "
                "the velocity starts at 0)"
            )
        if not update.update_biases and update.biases:
            self.lines.append(f"  ({BIASES_FIXED})")
        rows = []
        for w in update.weights:
            gradient = self.op(dL_dw[(w.source, w.target)])
            if update.l2:
                gradient = f"({gradient} + {self.op(update.l2)} × {self.op(w.before)})"
            rows.append(
                (
                    f"w_{self._sub(w.source)},{self._sub(w.target)}",
                    f"{self.fmt(w.before)} − {self.op(update.learning_rate)} × {gradient}",
                    w.after,
                )
            )
        fixed = []
        for b in update.biases:
            name = f"b_{self._sub(b.neuron)}"
            if update.update_biases:
                work = (
                    f"{self.fmt(b.before)} − {self.op(update.learning_rate)} × "
                    f"{self.op(dL_db[b.neuron])}"
                )
                rows.append((name, work, b.after))
            else:
                fixed.append((name, b.after, dL_db[b.neuron]))
        name_width = max((len(name) for name, _, _ in rows + fixed), default=0)
        work_width = max((len(work) for _, work, _ in rows), default=0)
        for name, work, after in rows:
            self.lines.append(f"  {name:<{name_width}} = {work:<{work_width}} = {self.fmt(after)}")
        for name, after, gradient in fixed:
            self.lines.append(
                f"  {name:<{name_width}} = {self.fmt(after)}    "
                f"(unchanged; its ∂L/∂b = {self.fmt(gradient)} is not used)"
            )

    def _loss_after(self, before: float, after: float, what: str = "") -> None:
        self._section("LOSS AFTER THE UPDATE")
        self.lines.append(
            f"  L = {self.fmt(after)}    ({what}before: {self.fmt(before)}, "
            f"change {self.fmt(after - before)})"
        )


def trace_text(network: Network, trace: Trace, heading: str, digits: int = DEFAULT_DIGITS) -> str:
    """The whole trace as text, under `heading`."""
    return TraceText(network, trace, digits).render(heading)


class MinibatchText(TraceText):
    """Writes a minibatch's trace: each sample's pass, the mean gradients, then the one update."""

    def __init__(self, network: Network, batch: MinibatchTrace, digits: int = DEFAULT_DIGITS):
        super().__init__(network, batch.samples[0], digits)
        self.batch = batch

    def render_batch(self, heading: str, which: list[str]) -> str:
        """Under `heading`, each sample's pass headed by `which[k]`, the means, update and loss."""
        batch = self.batch
        count = len(batch.samples)
        self.lines.append(heading)
        for k, (one, described) in enumerate(zip(batch.samples, which)):
            self.trace = one
            self.lines.append("")
            self._pass(f"SAMPLE {k + 1} OF {count}: {described}")
        self._means()
        self._batch_loss()
        self._update_from(
            batch.update,
            {(w.source, w.target): w.dL_dw for w in batch.mean.weights},
            {b.neuron: b.dL_db for b in batch.mean.biases},
            " (with the mean gradients)",
        )
        self._loss_after(batch.loss, batch.loss_after, f"the mean over the {count} samples; ")
        return "\n".join(self.lines) + "\n"

    def _means(self) -> None:
        count = len(self.batch.samples)
        self._section(
            f"MEAN GRADIENTS    ∂L/∂w = (∂L/∂w of each sample, summed) / {count}, "
            "and the same for ∂L/∂b"
        )
        dL_dw = [
            {(g.source, g.target): g.dL_dw for s in one.steps for g in s.weight_grads}
            for one in self.batch.samples
        ]
        dL_db = [{s.neuron: s.dL_db for s in one.steps} for one in self.batch.samples]
        rows = [
            (
                f"∂L/∂w_{self._sub(w.source)},{self._sub(w.target)}",
                [each[(w.source, w.target)] for each in dL_dw],
                w.dL_dw,
            )
            for w in self.batch.mean.weights
        ] + [
            (f"∂L/∂b_{self._sub(b.neuron)}", [each[b.neuron] for each in dL_db], b.dL_db)
            for b in self.batch.mean.biases
        ]
        self._mean_rows(rows)

    def _batch_loss(self) -> None:
        count = len(self.batch.samples)
        self._section(f"LOSS OF THE MINIBATCH    L = (the samples' losses, summed) / {count}")
        self._mean_rows([("L", [one.loss for one in self.batch.samples], self.batch.loss)])

    def _mean_rows(self, rows: list[tuple[str, list[float], float]]) -> None:
        name_width = max((len(name) for name, _, _ in rows), default=0)
        sums = [
            f"({' + '.join([self.fmt(v[0])] + [self.op(x) for x in v[1:]])}) / {len(v)}"
            for _, v, _ in rows
        ]
        sum_width = max((len(text) for text in sums), default=0)
        for (name, _, mean), text in zip(rows, sums):
            self.lines.append(f"  {name:<{name_width}} = {text:<{sum_width}} = {self.fmt(mean)}")


def minibatch_text(
    network: Network,
    batch: MinibatchTrace,
    heading: str,
    which: list[str],
    digits: int = DEFAULT_DIGITS,
) -> str:
    """A minibatch's trace as text, under `heading`; `which[k]` names sample k."""
    return MinibatchText(network, batch, digits).render_batch(heading, which)
