"""The chain rule at one neuron as rich text: each formula symbolically, then with its numbers.

Formulas are laid out as aligned derivations, as on a blackboard:

    ∂L/∂y_h1 = Σ_k w_h1,k · ∂L/∂z_k
             = 0.4 × 0.1385 + 0.5 × (−0.03810)
             = 0.05540 + (−0.01905)
             = 0.03635

What to write is `engine.trace_description`'s description of the step (the
same the terminal and the canvas write); this module only writes it as rich
text, every number through `Numbers.show`.
"""

import dataclasses
import html

from PySide6.QtCore import QCoreApplication

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.backward_stepper import NeuronStep, Trace
from playground.engine.derivation import Derivation, Row
from playground.engine.formatting import format_count
from playground.engine.notation import NEURON_NAMES, names_in
from playground.engine.trace_description import NeuronDescription, TraceDescriber
from playground.engine.written import Text
from playground.gui.backward.frames import DERIVATIVE, GATHER, GRADIENTS, NEURON, WHOLE, Frame
from playground.gui.backward.math_html import (
    MUTED,
    Numbers,
    expr_html,
    partial,
    result_html,
    role_name,
    sign_colour,
    var,
)
from playground.model.network import Network

# Past this many terms a sum is written in part (its value is still the whole sum's), and past
# this many incoming connections only the first weights' gradients: a neuron with a thousand
# inputs made a page of 700,000 characters that took the panel a second to lay out.
TERMS_WRITTEN = 12
# Up to this many incoming weights each gradient is worked in three aligned rows; past it, each
# on one line (a dozen derivations of four table rows were most of a frame's layout).
WORKED_IN_FULL = 6

EQUALS = "&nbsp;=&nbsp;"


def more_terms(count: int) -> str:
    """What stands for the terms of a sum left unwritten."""
    return QCoreApplication.translate("NeuronFormulas", "… {count} more terms …").format(
        count=format_count(count)
    )


def written_in_part(
    described: Derivation, terms: int = TERMS_WRITTEN, whole: int = 0
) -> Derivation:
    """`described` with each long sum cut to its first `terms` terms and a note of how many more.

    `whole`: how many terms each long row has in full when `described` was made from only
    the written part of a step (`in_part`). The last row (the value) is never cut: it is
    the whole sum's.
    """
    rows = list(described.rows)
    for k, row in enumerate(rows[:-1]):
        count = max(len(row.terms), whole) if len(row.terms) >= terms else len(row.terms)
        if count > terms + 1:
            rest = (Text(more_terms(count - terms)),)
            rows[k] = Row((*row.terms[:terms], rest), row.detail)
    return dataclasses.replace(described, rows=tuple(rows))


def in_part(step: NeuronStep, terms: int = TERMS_WRITTEN) -> NeuronStep:
    """`step` with only the outgoing terms and weight gradients the panel writes.

    Describing a thousand weights' gradients to write twelve took most of a frame; the
    values written (∂L/∂y, ∂L/∂z, …) are the step's own, so they stay the whole sums'.
    A sum of `terms` + 1 terms is written whole, so it is kept whole.
    """
    outgoing = step.terms if len(step.terms) <= terms + 1 else step.terms[:terms]
    incoming = step.weight_grads[:terms]
    if len(outgoing) == len(step.terms) and len(incoming) == len(step.weight_grads):
        return step
    return dataclasses.replace(step, terms=outgoing, weight_grads=incoming)


def names_list(names: list[str], count: int | None = TERMS_WRITTEN) -> str:
    """The first `count` names (all if None), comma-separated and escaped, "…" for the rest."""
    shown = [html.escape(name) for name in names[:count]]
    return ", ".join(shown + (["…"] if len(shown) < len(names) else []))


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


def derivation_of(
    described: Derivation,
    numbers: Numbers,
    colour: str | None = None,
    every_term: bool = False,
    whole: int = 0,
) -> str:
    """An engine derivation as table rows: its shown rows, the result bold (and coloured).

    A piecewise f' says, after its value, which side of the kink z fell on. A long sum is
    written in part (`written_in_part`, `whole` its full length) unless `every_term`.
    """
    if not every_term:
        described = written_in_part(described, whole=whole)
    shown = described.shown(numbers.digits)
    rows = [expr_html(row.expr, numbers) for row in shown[:-1]]
    last = result_html(described.result, numbers, colour)
    if described.kink is not None:
        kink = described.kink
        side = "&gt;" if kink.above else "≤"
        z = numbers.show(kink.z.value, kink.z.name)
        z_j = expr_html((kink.variable,), numbers)
        since = QCoreApplication.translate("NeuronFormulas", "since {z_j} = {z} {side} {kink}")
        last += (
            " &nbsp; (" + since.format(z_j=z_j, z=z, side=side, kink=numbers.text(kink.kink)) + ")"
        )
    return derivation(expr_html(described.left, numbers), [*rows, last])


def derivation_line(described: Derivation, numbers: Numbers, colour: str | None = None) -> str:
    """A short derivation on one line of its own, "left = a = b = value", the value bold."""
    shown = described.shown(numbers.digits)
    parts = [expr_html(described.left, numbers)]
    parts += [expr_html(row.expr, numbers) for row in shown[:-1]]
    parts.append(result_html(described.result, numbers, colour))
    return f'<p style="margin:0">{EQUALS.join(parts)}</p>'


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

    def __init__(
        self,
        network: Network,
        trace: Trace,
        digits: int,
        notation: str = NEURON_NAMES,
        every_term: bool = False,
    ) -> None:
        self.network = network
        self.every_term = every_term  # every term of every sum, every weight (the HTML export)
        self.trace = trace
        self.numbers = Numbers(digits)
        self.notation = notation  # how subscripts name neurons (`engine.notation`)
        self.describer = TraceDescriber(network)
        self.names = self.describer.names
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
            raise ValueError(f"not a neuron frame: {frame}")  # a programming error, not shown
        step = self.trace.steps[frame.step]
        self.compact = columns
        # Layer-relative names are relative to this step's neuron (it is j).
        self.names = names_in(self.network, self.notation, step.neuron)
        self.describer = TraceDescriber(self.network, self.names)
        described = self.describer.neuron(step if self.every_term else in_part(step))
        parts = [self.heading(step)]
        for phase, writer in (
            (GATHER, self.gather),
            (DERIVATIVE, self.derivative),
            (GRADIENTS, self.gradients),
        ):
            if frame.shows(phase):
                faded = frame.phase not in (WHOLE, phase)
                parts.append(writer(step, described, faded))
        if columns:
            return parts[0] + side_by_side(parts[1:])
        return "".join(parts)

    # ----------------------------------------------------------------- pieces

    def heading(self, step: NeuronStep) -> str:
        neuron = self.network.neuron(step.neuron)
        j = self.name(step.neuron)
        show = self.numbers.show
        # The neuron's own name beside its subscript's when they differ (a long label, or "j").
        known = neuron.label or neuron.id
        label = f" “{html.escape(known)}”" if known != j else ""
        title = QCoreApplication.translate("NeuronFormulas", "Neuron {j}").format(j=html.escape(j))
        forward = QCoreApplication.translate(
            "NeuronFormulas", "forward pass: {z} = {z_value}, {y} = {y_value}"
        ).format(
            z=var("z", j),
            z_value=show(step.z, f"z_{j}"),
            y=var("y", j),
            y_value=show(step.y, f"y_{j}"),
        )
        kind = QCoreApplication.translate("NeuronFormulas", "{role}, {activation}").format(
            role=role_name(neuron.role), activation=neuron.activation
        )
        return (
            f'<p style="font-size:large; margin:0"><b>{title}</b>{label}'
            f' <span style="color:{MUTED}">· {kind}</span></p>'
            f'<p style="margin:2px 0 0 0">{forward}</p>'
        )

    def _colour(self, value: float, faded: bool) -> str | None:
        return None if faded else sign_colour(value)

    def gather(self, step: NeuronStep, described: NeuronDescription, faded: bool) -> str:
        """∂L/∂y: the outgoing terms w · ∂L/∂z, plus the loss's derivative at an output."""
        j = self.name(step.neuron)
        colour = self._colour(step.dL_dy, faded)
        # The long rows of the sum: a term per outgoing connection, and the loss's at an output.
        whole = len(step.terms) + (step.loss_derivative is not None)
        body = aligned(
            derivation_of(described.gather, self.numbers, colour, self.every_term, whole)
        )
        title = QCoreApplication.translate("NeuronFormulas", "1 · Gather ∂L/∂y")
        if described.unused:
            note = QCoreApplication.translate(
                "NeuronFormulas",
                "{j} feeds no other neuron and is not an output, so the loss does not depend on it.",
            ).format(j=html.escape(j))
            return self.section(title, body, note, faded)
        return self.section(title, body, self._gather_note(step, j), faded)

    def _gather_note(self, step: NeuronStep, j: str) -> str:
        """What is summed, where its numbers come from, and why it is a sum (the chain rule)."""
        fed = names_list(
            [self.name(t.target) for t in step.terms], None if self.every_term else TERMS_WRITTEN
        )
        j = html.escape(j)
        # The lecture's three points at this step: ∂L/∂z_k is already known (the later
        # neurons were done first), every path from z_j to L counts, hence the sum.
        known = QCoreApplication.translate(
            "NeuronFormulas",
            "Each ∂L/∂z there is already known: the backward pass reached those later neurons first.",
        )
        paths = QCoreApplication.translate(
            "NeuronFormulas",
            "Why a sum? By the multivariable chain rule every path from {z} to L counts, "
            "one per outgoing connection.",
        ).format(z=var("z", j))
        # Sentences follow each other with a space in English, without one in Chinese.
        together = QCoreApplication.translate("NeuronFormulas", "{what} {known} {paths}")
        if step.terms and step.loss_derivative is not None:
            what = QCoreApplication.translate(
                "NeuronFormulas",
                "{j} is an output that also feeds {fed}: the loss’s derivative plus each w · ∂L/∂z coming back.",
            ).format(j=j, fed=fed)
            return together.format(what=what, known=known, paths=paths)
        if step.terms:
            what = QCoreApplication.translate(
                "NeuronFormulas",
                "{j} feeds {fed}; each sends back w · ∂L/∂z, and {j} adds them up.",
            ).format(j=j, fed=fed)
            return together.format(what=what, known=known, paths=paths)
        return QCoreApplication.translate(
            "NeuronFormulas",
            "{j} is an output: the gradient starts at the loss, whose derivative needs only {y} and the target.",
        ).format(j=j, y=var("y", j))

    def derivative(self, step: NeuronStep, described: NeuronDescription, faded: bool) -> str:
        """f′(z), then ∂L/∂z = f′(z) · ∂L/∂y."""
        j = self.name(step.neuron)
        activation = ACTIVATION_FUNCTIONS[self.network.neuron(step.neuron).activation_name]
        slope = derivation_of(described.slope, self.numbers)
        chain = derivation_of(described.chain, self.numbers, self._colour(step.dL_dz, faded))
        z_text = self.numbers.show(step.z, f"z_{j}")
        note = QCoreApplication.translate(
            "NeuronFormulas",
            "Back through the activation ({name}): multiply by its slope at {z} = {value}. "
            "The slope is cheap: {z} and {y} were already computed in the forward pass.",
        ).format(name=activation.name.replace("_", " "), z=var("z", j), value=z_text, y=var("y", j))
        title = QCoreApplication.translate("NeuronFormulas", "2 · Through the activation")
        return self.section(title, aligned(slope, chain), note, faded)

    def gradients(self, step: NeuronStep, described: NeuronDescription, faded: bool) -> str:
        """∂L/∂b = ∂L/∂z, and ∂L/∂w = y_i · ∂L/∂z for each incoming connection."""
        j = self.name(step.neuron)
        # `described` holds only the weights written (`in_part`); the step has them all.
        left_out = 0 if self.every_term else max(0, len(step.weight_grads) - TERMS_WRITTEN)
        weights = described.weights if self.every_term else described.weights[:TERMS_WRITTEN]
        colours = [self._colour(step.dL_db, faded)]
        colours += [self._colour(d.result.value, faded) for d in weights]
        derivations = [described.bias, *weights]
        more = ""
        if left_out:
            more = QCoreApplication.translate(
                "NeuronFormulas",
                "… and {count} more weights’ gradients, each worked the same way: the HTML "
                "export (Backward ▸ Export Trace as HTML…) and <tt>playground trace</tt> list them all.",
            ).format(count=format_count(left_out))
        if self.every_term or len(step.weight_grads) <= WORKED_IN_FULL:
            blocks = [derivation_of(d, self.numbers, c) for d, c in zip(derivations, colours)]
            if more:
                blocks.append(f'<tr><td colspan="3" style="color:{MUTED}">{more}</td></tr>')
            body = aligned(*blocks)
        else:
            # Many weights: each gradient on a line of its own, not in a table. Four table rows
            # a weight made this part three quarters of the frame's layout at 1000 inputs, and
            # lines below the panel's edge are laid out only when scrolled to.
            lines = [derivation_line(d, self.numbers, c) for d, c in zip(derivations, colours)]
            if more:
                lines.append(f'<p style="margin:2px 0 0 0; color:{MUTED}">{more}</p>')
            body = "".join(lines)
        if step.weight_grads:
            note = QCoreApplication.translate(
                "NeuronFormulas",
                "The weights’ gradients come as a byproduct: each is what came in along it "
                "({y_i}, from the forward pass) times {dz}, just found; the bias’s is {dz} itself.",
            ).format(y_i=var("y", "i"), dz=partial("L", "z", j))
        else:
            note = QCoreApplication.translate(
                "NeuronFormulas", "{j} has no incoming connection: only its bias has a gradient."
            ).format(j=html.escape(j))
        title = QCoreApplication.translate("NeuronFormulas", "3 · Weight and bias gradients")
        return self.section(title, body, note, faded)
