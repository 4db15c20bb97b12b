"""`playground trace` as text: one sample worked through like an example on a blackboard.

First the forward pass (every z as its sum with the numbers in it, every y as
f(z)), then the loss, then the backward pass neuron by neuron — each formula of
the chain rule written symbolically and again with its numbers — and finally
the SGD step and the sample's loss after it. What to write comes from
`engine.trace_description` (as for the app's panel and canvas); this module
only writes it down as plain text.
"""

from playground.engine.backward_stepper import SamplePass, Trace, forward_step
from playground.engine.derivation import Derivation
from playground.engine.formatting import (
    DEFAULT_DIGITS,
    Format,
    format_number,
    neuron_names,
    operand_format,
)
from playground.engine.losses import LOSS_FUNCTIONS
from playground.engine.minibatch import MinibatchTrace
from playground.engine.trace_description import TraceDescriber
from playground.engine.update_description import MeanRow, UpdateDescription
from playground.engine.written import Expr, Num, Text, plain
from playground.model.network import Network
from playground.translation import QT_TRANSLATE_NOOP, translate

__all__ = ["format_number", "minibatch_text", "neuron_names", "operand_format", "trace_text"]

# Why the update leaves the biases alone, where it does.
BIASES_FIXED = QT_TRANSLATE_NOOP(
    "TraceText",
    "every bias stays fixed: update_biases is false in the file's training settings, "
    "as in Mazur's worked 2-2-2 example, so only the weights move",
)


# A loss function's name, marked for translation.
LOSS_NAMES = {
    "squared_error": QT_TRANSLATE_NOOP("TraceText", "squared error"),
    "binary_cross_entropy": QT_TRANSLATE_NOOP("TraceText", "binary cross entropy"),
}

# A neuron's role, marked for translation under the same context.
ROLES = {
    "input": QT_TRANSLATE_NOOP("TraceText", "input"),
    "hidden": QT_TRANSLATE_NOOP("TraceText", "hidden"),
    "output": QT_TRANSLATE_NOOP("TraceText", "output"),
}


def _tr(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("TraceText", …), in the current language."""
    return translate("TraceText", text)


class TraceText:
    """Writes one trace as lines of text."""

    def __init__(self, network: Network, trace: SamplePass, digits: int = DEFAULT_DIGITS) -> None:
        self.network = network
        self.trace = trace
        self.digits = digits
        self.fmt: Format = lambda value: format_number(value, digits)
        self.describer = TraceDescriber(network)
        self.name = self.describer.names
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
        role = _tr(ROLES.get(neuron.role, neuron.role))
        if neuron.is_input:
            kind = role
        else:
            both = _tr(QT_TRANSLATE_NOOP("TraceText", "{role}, {activation}"))
            kind = both.format(role=role, activation=neuron.activation)
        return f"{neuron_id}{label} ({kind})"

    def _sample(self) -> None:
        values = ", ".join(self.fmt(v) for v in self.trace.x)
        targets = ", ".join(self.fmt(v) for v in self.trace.targets)
        self.lines.append(f"  x = ({values})    t = ({targets})")

    def _text(self, expr: Expr) -> str:
        return plain(expr, self.digits)

    def _derivation(self, derivation: Derivation) -> str:
        """left = row = … = value, in one line; a piecewise f' says where z fell."""
        rows = [self._text(row.expr) for row in derivation.shown(self.digits, detail=False)]
        line = f"{self._text(derivation.left)} = {' = '.join(rows)}"
        if derivation.kink is not None:
            kink = derivation.kink
            side = ">" if kink.above else "≤"
            z = self._text((kink.variable, Text(" = "), kink.z))
            line += f"    ({z} {side} {self.fmt(kink.kink)})"
        return line

    def _forward(self) -> None:
        title = _tr(QT_TRANSLATE_NOOP("TraceText", "FORWARD PASS"))
        self._section(f"{title}    z_j = b_j + Σ_i w_i,j · y_i    y_j = f(z_j)")
        for neuron_id, values in self.trace.forward.items():
            neuron = self.network.neuron(neuron_id)
            if values.z is None:
                label = f" “{neuron.label}”" if neuron.label and neuron.label != neuron_id else ""
                self.lines.append(
                    f"  y_{self._sub(neuron_id)} = {self.fmt(values.y)}    ({_tr(ROLES['input'])}{label})"
                )
                continue
            step = self.describer.forward(forward_step(self.network, self.trace.forward, neuron_id))
            self.lines.append(f"  {self._describe(neuron_id)}")
            self.lines.append(f"    {self._derivation(step.weighted_sum)}")
            self.lines.append(f"    {self._derivation(step.activation)}")

    def _loss(self) -> None:
        loss = LOSS_FUNCTIONS[self.network.loss]
        described = self.describer.loss(self.trace)
        title = _tr(QT_TRANSLATE_NOOP("TraceText", "LOSS"))
        name = _tr(LOSS_NAMES.get(self.network.loss, self.network.loss.replace("_", " ")))
        self._section(f"{title}    {loss.formula}    ({name})")
        if len(described.shares) == 1:
            (share,) = described.shares
            self.lines.append(
                f"  L = {self._text(share.rows[0].expr)} = {self.fmt(described.total.value)}"
            )
            return
        for share in described.shares:
            self.lines.append(f"  {self._derivation(share)}")
        total = self._text(described.sum_of_shares.expr)
        self.lines.append(f"  L = {total} = {self.fmt(described.total.value)}")

    def _backward(self) -> None:
        self._section(
            _tr(
                QT_TRANSLATE_NOOP(
                    "TraceText",
                    "BACKWARD PASS    one neuron at a time, each after every neuron it feeds",
                )
            )
        )
        for step in self.trace.steps:
            self.lines.append(f"  {self._describe(step.neuron)}")
            described = self.describer.neuron(step)
            lines = [self._derivation(described.gather)]
            if described.unused:
                unused = QT_TRANSLATE_NOOP(
                    "TraceText",
                    "{j} feeds no other neuron and is not an output, so the loss does not depend on it",
                )
                lines[0] += f"    ({_tr(unused).format(j=step.neuron)})"
            lines += [
                self._derivation(d)
                for d in (described.slope, described.chain, described.bias, *described.weights)
            ]
            self.lines += [f"    {line}" for line in lines]

    def _update(self, trace: Trace) -> None:
        self._update_from(self.describer.sample_update(trace, trace.update))

    def _update_from(self, update: UpdateDescription, whose: str = "") -> None:
        """The SGD step as rows `w = before − η × gradient = after`, a row per parameter."""
        eta = self.fmt(update.learning_rate.value)
        weight_rule = self._text(update.weight_rule)
        unchanged = _tr(QT_TRANSLATE_NOOP("TraceText", "b unchanged"))
        bias_rule = "b ← b − η · ∂L/∂b" if update.update_biases else unchanged
        rates = f"η = {eta}, λ = {self.fmt(update.l2.value)}" if update.l2 else f"η = {eta}"
        rates += f", λ₁ = {self.fmt(update.l1.value)}" if update.l1 else ""
        title = _tr(QT_TRANSLATE_NOOP("TraceText", "SGD UPDATE"))
        self._section(f"{title}{whose}    {weight_rule}    {bias_rule}    {rates}")
        if update.momentum:
            momentum = QT_TRANSLATE_NOOP(
                "TraceText",
                "momentum {momentum} adds nothing to a first step: the velocity starts at 0",
            )
            self.lines.append(
                f"  ({_tr(momentum).format(momentum=self.fmt(update.momentum.value))})"
            )
        if not update.update_biases and any(row.fixed for row in update.rows):
            self.lines.append(f"  ({_tr(BIASES_FIXED)})")
        rows, fixed = [], []
        for row in update.rows:
            name = self._text((row.parameter,))
            if row.fixed:
                fixed.append((name, row.after.value, row.gradient.value))
                continue
            work = self._text((row.before, *self._minus_rate(row.rate), *row.step_gradient))
            rows.append((name, work, row.after.value))
        name_width = max((len(name) for name, _, _ in rows + fixed), default=0)
        work_width = max((len(work) for _, work, _ in rows), default=0)
        for name, work, after in rows:
            self.lines.append(f"  {name:<{name_width}} = {work:<{work_width}} = {self.fmt(after)}")
        not_used = _tr(
            QT_TRANSLATE_NOOP("TraceText", "unchanged; its ∂L/∂b = {gradient} is not used")
        )
        for name, after, gradient in fixed:
            self.lines.append(
                f"  {name:<{name_width}} = {self.fmt(after)}    "
                f"({not_used.format(gradient=self.fmt(gradient))})"
            )

    @staticmethod
    def _minus_rate(rate: Num) -> Expr:
        return (Text(" − "), rate, Text(" × "))

    def _loss_after(self, before: float, after: float, what: str = "") -> None:
        self._section(_tr(QT_TRANSLATE_NOOP("TraceText", "LOSS AFTER THE UPDATE")))
        change = _tr(QT_TRANSLATE_NOOP("TraceText", "before: {before}, change {change}"))
        change = change.format(before=self.fmt(before), change=self.fmt(after - before))
        self.lines.append(f"  L = {self.fmt(after)}    ({what}{change})")


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
            of = _tr(QT_TRANSLATE_NOOP("TraceText", "SAMPLE {k} OF {count}: {sample}"))
            self._pass(of.format(k=k + 1, count=count, sample=described))
        self._means()
        self._batch_loss()
        means = _tr(QT_TRANSLATE_NOOP("TraceText", " (with the mean gradients)"))
        self._update_from(self.describer.batch_update(batch), means)
        over = _tr(QT_TRANSLATE_NOOP("TraceText", "the mean over the {count} samples; "))
        self._loss_after(batch.loss, batch.loss_after, over.format(count=count))
        return "\n".join(self.lines) + "\n"

    def _means(self) -> None:
        count = len(self.batch.samples)
        title = QT_TRANSLATE_NOOP(
            "TraceText",
            "MEAN GRADIENTS    ∂L/∂w = (∂L/∂w of each sample, summed) / {count}, "
            "and the same for ∂L/∂b",
        )
        self._section(_tr(title).format(count=count))
        self._mean_rows(self.describer.means(self.batch))

    def _batch_loss(self) -> None:
        count = len(self.batch.samples)
        title = QT_TRANSLATE_NOOP(
            "TraceText", "LOSS OF THE MINIBATCH    L = (the samples' losses, summed) / {count}"
        )
        self._section(_tr(title).format(count=count))
        self._mean_rows([self.describer.batch_loss(self.batch)])

    def _mean_rows(self, rows: list[MeanRow]) -> None:
        op = operand_format(self.fmt)
        names = [self._text(row.symbol) for row in rows]
        name_width = max((len(name) for name in names), default=0)
        sums = [
            f"({' + '.join([self.fmt(row.values[0])] + [op(x) for x in row.values[1:]])}) "
            f"/ {len(row.values)}"
            for row in rows
        ]
        sum_width = max((len(text) for text in sums), default=0)
        for name, row, text in zip(names, rows, sums):
            self.lines.append(
                f"  {name:<{name_width}} = {text:<{sum_width}} = {self.fmt(row.mean.value)}"
            )


def minibatch_text(
    network: Network,
    batch: MinibatchTrace,
    heading: str,
    which: list[str],
    digits: int = DEFAULT_DIGITS,
) -> str:
    """A minibatch's trace as text, under `heading`; `which[k]` names sample k."""
    return MinibatchText(network, batch, digits).render_batch(heading, which)
