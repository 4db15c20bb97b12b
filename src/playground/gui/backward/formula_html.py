"""The chain rule at one neuron as rich text: each formula symbolically, then with its numbers.

Formulas are laid out as aligned derivations, as on a blackboard:

    ∂L/∂y_h1 = Σ_k w_h1,k · ∂L/∂z_k
             = 0.4 × 0.1385 + 0.5 × (−0.03810)
             = 0.05540 + (−0.01905)
             = 0.03635

Every number comes from the stepper's `NeuronStep`; this module only writes
them down (as `cli_trace_text` does for the terminal).
"""

import html

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.backward_stepper import NeuronStep, Trace
from playground.engine.formatting import neuron_names
from playground.engine.losses import LOSS_FUNCTIONS
from playground.gui.backward.frames import DERIVATIVE, GATHER, GRADIENTS, NEURON, WHOLE, Frame
from playground.gui.backward.math_html import (
    MUTED,
    Numbers,
    dy_dz,
    partial,
    raise_exponents,
    sign_colour,
    sub,
    var,
    with_subscripts,
)
from playground.model.network import Network

EQUALS = "&nbsp;=&nbsp;"


def derivation(left: str, rows: list[str]) -> str:
    """Table rows: `left = rows[0]`, then each further row under it starting with =."""
    cells = []
    for k, row in enumerate(rows):
        head = left if k == 0 else ""
        cells.append(
            f'<tr><td align="right" style="white-space:pre">{head}</td>'
            f'<td style="white-space:pre">{EQUALS}</td><td>{row}</td></tr>'
        )
    return "".join(cells)


def aligned(*derivations: str) -> str:
    """Derivations in one table, so their = signs line up, with a little air between them."""
    gap = '<tr><td colspan="3" style="font-size:4pt">&nbsp;</td></tr>'
    return f'<table cellspacing="0" cellpadding="1">{gap.join(derivations)}</table>'


def side_by_side(blocks: list[str]) -> str:
    """Blocks in the columns of one table row."""
    cells = "".join(f'<td valign="top" style="padding-right:28px">{b}</td>' for b in blocks)
    return f'<table width="100%" cellspacing="0" cellpadding="0"><tr>{cells}</tr></table>'


def section(title: str, body: str, note: str = "", faded: bool = False) -> str:
    """A numbered part of the explanation: a title, a sentence in words, the formulas."""
    colour = f' style="color:{MUTED}"' if faded else ""
    words = f'<p style="margin:2px 0 4px 0; color:{MUTED}">{note}</p>' if note else ""
    return f'<div{colour}><p style="margin:10px 0 0 0"><b>{title}</b></p>{words}{body}</div>'


class NeuronFormulas:
    """Writes one neuron's frame of a trace."""

    def __init__(self, network: Network, trace: Trace, digits: int) -> None:
        self.network = network
        self.trace = trace
        self.numbers = Numbers(digits)
        self.names = neuron_names(network)
        self.compact = (
            False  # a wide, low panel (presentation): the parts side by side, no sentences
        )

    def name(self, neuron_id: str) -> str:
        return self.names.get(neuron_id, neuron_id)

    def section(self, title: str, body: str, note: str, faded: bool) -> str:
        """A part of the explanation; a wide, low panel (presentation) leaves the sentences to the teacher."""
        return section(title, body, "" if self.compact else note, faded)

    def html(self, frame: Frame, columns: bool = False) -> str:
        """The heading and the parts this frame has reached; earlier parts faded in detailed mode.

        With `columns` the parts stand side by side (for a wide, low panel).
        """
        if frame.kind != NEURON:
            raise ValueError(f"not a neuron frame: {frame}")
        step = self.trace.steps[frame.step]
        self.compact = columns
        parts = [self.heading(step)]
        for phase, writer in (
            (GATHER, self.gather),
            (DERIVATIVE, self.derivative),
            (GRADIENTS, self.gradients),
        ):
            if frame.shows(phase):
                faded = frame.phase not in (WHOLE, phase)
                parts.append(writer(step, faded))
        if columns:
            return parts[0] + side_by_side(parts[1:])
        return "".join(parts)

    # ----------------------------------------------------------------- pieces

    def heading(self, step: NeuronStep) -> str:
        neuron = self.network.neuron(step.neuron)
        j = self.name(step.neuron)
        show = self.numbers.show
        label = f" “{html.escape(neuron.label)}”" if neuron.label and neuron.label != j else ""
        return (
            f'<p style="font-size:large; margin:0"><b>Neuron {html.escape(j)}</b>{label}'
            f' <span style="color:{MUTED}">· {neuron.role}, {neuron.activation}</span></p>'
            f'<p style="margin:2px 0 0 0">forward pass: {var("z", j)} = {show(step.z, f"z_{j}")},'
            f" {var('y', j)} = {show(step.y, f'y_{j}')}</p>"
        )

    def gather(self, step: NeuronStep, faded: bool) -> str:
        """∂L/∂y: the outgoing terms w · ∂L/∂z, plus the loss's derivative at an output."""
        j = self.name(step.neuron)
        show = self.numbers.show
        colour = None if faded else sign_colour(step.dL_dy)
        result = show(step.dL_dy, f"∂L/∂y_{j}", bold=True, colour=colour)
        symbolic, worked, products = [], [], []
        if step.terms:
            symbolic.append(f"Σ{sub('k')} {var('w', f'{j},k')} · {partial('L', 'z', 'k')}")
            for k, term in enumerate(step.terms):
                t = self.name(term.target)
                worked.append(
                    f"{show(term.weight, f'w_{j},{t}', operand=k > 0)} × "
                    f"{show(term.dL_dz, f'∂L/∂z_{t}', operand=True)}"
                )
                products.append(show(term.product, f"w_{j},{t} · ∂L/∂z_{t}", operand=k > 0))
        loss = LOSS_FUNCTIONS[self.network.loss] if step.loss_derivative is not None else None
        if loss is not None:
            formula = with_subscripts(loss.derivative, j)
            from_loss = self._loss_worked(step, loss)
            name = f"∂L/∂y_{j} from the loss"
            if step.terms:
                symbolic.append(f"({formula})")
                worked.append(f"({from_loss})")
                products.append(show(step.loss_derivative, name, operand=True))
            else:
                symbolic.append(formula)
                worked.append(from_loss)
        left = partial("L", "y", j)
        if not symbolic:
            body = aligned(derivation(left, [result]))
            note = (
                f"{html.escape(j)} feeds no other neuron and is not an output, "
                "so the loss does not depend on it."
            )
            return self.section("1 · Gather ∂L/∂y", body, note, faded)
        rows = [" + ".join(symbolic), " + ".join(worked)]
        if len(products) > 1:
            rows.append(" + ".join(products))
        rows.append(result)
        body = aligned(derivation(left, rows))
        return self.section("1 · Gather ∂L/∂y", body, self._gather_note(step, j), faded)

    def _gather_note(self, step: NeuronStep, j: str) -> str:
        fed = ", ".join(html.escape(self.name(t.target)) for t in step.terms)
        if step.terms and step.loss_derivative is not None:
            return (
                f"{html.escape(j)} is an output that also feeds {fed}: "
                "the loss’s derivative plus each w · ∂L/∂z coming back."
            )
        if step.terms:
            return f"{html.escape(j)} feeds {fed}; each sends back w · ∂L/∂z, and {html.escape(j)} adds them up."
        return f"{html.escape(j)} is an output: the gradient starts at the loss."

    def _loss_worked(self, step: NeuronStep, loss) -> str:
        j = self.name(step.neuron)

        def fmt(value: float) -> str:
            name = f"y_{j}" if value == step.y else f"t_{j}"
            return self.numbers.show(value, name, operand=True)

        return loss.worked(step.y, step.target, fmt)

    def derivative(self, step: NeuronStep, faded: bool) -> str:
        """f′(z), then ∂L/∂z = f′(z) · ∂L/∂y."""
        j = self.name(step.neuron)
        show = self.numbers.show
        activation = ACTIVATION_FUNCTIONS[self.network.neuron(step.neuron).activation]
        value = show(step.dy_dz, f"∂y_{j}/∂z_{j}", bold=True)

        def fmt(number: float) -> str:
            name = f"y_{j}" if number == step.y and number != step.z else f"z_{j}"
            return show(number, name, operand=True)

        worked = raise_exponents(activation.worked(step.z, step.y, fmt))
        rows = [with_subscripts(activation.derivative, j)]
        if ", since" in worked:
            side = "&gt;" if step.z > 0 else "≤"
            rows.append(f"{value} &nbsp; (since {var('z', j)} = {show(step.z, f'z_{j}')} {side} 0)")
        elif worked.strip() == "1":
            rows.append(value)
        else:
            rows += [worked, value]
        slope = derivation(dy_dz(j), rows)
        colour = None if faded else sign_colour(step.dL_dz)
        chain = derivation(
            partial("L", "z", j),
            [
                f"{dy_dz(j)} · {partial('L', 'y', j)}",
                f"{show(step.dy_dz, f'∂y_{j}/∂z_{j}')} × {show(step.dL_dy, f'∂L/∂y_{j}', operand=True)}",
                show(step.dL_dz, f"∂L/∂z_{j}", bold=True, colour=colour),
            ],
        )
        z_text = show(step.z, f"z_{j}")
        note = (
            f"Back through the activation ({activation.name.replace('_', ' ')}): "
            f"multiply by its slope at {var('z', j)} = {z_text}."
        )
        return self.section("2 · Through the activation", aligned(slope, chain), note, faded)

    def gradients(self, step: NeuronStep, faded: bool) -> str:
        """∂L/∂b = ∂L/∂z, and ∂L/∂w = y_i · ∂L/∂z for each incoming connection."""
        j = self.name(step.neuron)
        show = self.numbers.show
        dL_dz = show(step.dL_dz, f"∂L/∂z_{j}", operand=True)
        blocks = [
            derivation(
                partial("L", "b", j),
                [
                    partial("L", "z", j),
                    show(
                        step.dL_db,
                        f"∂L/∂b_{j}",
                        bold=True,
                        colour=None if faded else sign_colour(step.dL_db),
                    ),
                ],
            )
        ]
        for g in step.weight_grads:
            i = self.name(g.source)
            colour = None if faded else sign_colour(g.dL_dw)
            blocks.append(
                derivation(
                    partial("L", "w", f"{i},{j}"),
                    [
                        f"{var('y', i)} · {partial('L', 'z', j)}",
                        f"{show(g.y_source, f'y_{i}')} × {dL_dz}",
                        show(g.dL_dw, f"∂L/∂w_{i},{j}", bold=True, colour=colour),
                    ],
                )
            )
        if step.weight_grads:
            note = (
                f"A weight’s gradient is what came in along it (y of its source) times "
                f"{partial('L', 'z', j)}; the bias’s is {partial('L', 'z', j)} itself."
            )
        else:
            note = f"{html.escape(j)} has no incoming connection: only its bias has a gradient."
        return self.section("3 · Weight and bias gradients", aligned(*blocks), note, faded)
