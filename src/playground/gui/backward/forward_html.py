"""One neuron of the forward pass as rich text: z = b + Σ w·y, then y = f(z), with the numbers.

    z_h1 = b_h1 + Σ_i w_i,h1 · y_i
         = 0.35 + 0.15 × 0.05 + 0.2 × 0.1
         = 0.35 + 0.0075 + 0.02
         = 0.3775
    y_h1 = σ(z_h1) = σ(0.3775) = 0.5933

Every number is the stepper's (`forward_step` reads the trace's own z and y);
this module only writes them down, through the same `Numbers` as the backward frames.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.backward_stepper import ForwardStep, Trace, forward_order, forward_step
from playground.engine.formatting import neuron_names
from playground.gui.backward.formula_html import aligned, derivation, section, side_by_side
from playground.gui.backward.frames import FORWARD_STEP, Frame
from playground.gui.backward.math_html import (
    MUTED,
    Numbers,
    raise_exponents,
    sub,
    var,
    with_subscripts,
)
from playground.gui.backward.summary_html import SummaryFormulas
from playground.model.network import Network

# The forward pass's colour, on the canvas and in the panel: apart from the gradients' and the weights'.
FORWARD_COLOUR = "#6741d9"

# Past this many incoming connections the sum is written in part; z is still the whole sum.
TERMS_WRITTEN = 12

_Z = re.compile(r"(?<![A-Za-z])z(?![A-Za-z])")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ForwardFormulas", text)


class ForwardFormulas:
    """Writes one forward-step frame of a trace."""

    def __init__(self, network: Network, trace: Trace, digits: int) -> None:
        self.network = network
        self.trace = trace
        self.digits = digits
        self.numbers = Numbers(digits)
        self.names = neuron_names(network)

    def name(self, neuron_id: str) -> str:
        return self.names.get(neuron_id, neuron_id)

    def html(self, frame: Frame, columns: bool = False) -> str:
        """The neuron's weighted sum and activation; at the last forward step also the loss."""
        if frame.kind != FORWARD_STEP:
            raise ValueError(f"not a forward step: {frame}")
        order = forward_order(self.network)
        step = forward_step(self.network, self.trace.forward, order[frame.step])
        last = frame.step == len(order) - 1
        # Side by side even in the dock: the two parts are narrow, and the panel is short.
        parts = [self.weighted_sum(step, columns), self.activation(step, columns)]
        loss = SummaryFormulas(self.network, self.trace, self.digits).loss() if last else ""
        if columns:
            body = side_by_side(parts + ([loss] if loss else []))
        else:
            body = side_by_side(parts) + loss
        return self.heading(step) + body + self.next_step(order, frame.step)

    # ----------------------------------------------------------------- pieces

    def heading(self, step: ForwardStep) -> str:
        neuron = self.network.neuron(step.neuron)
        j = self.name(step.neuron)
        label = f" “{html.escape(neuron.label)}”" if neuron.label and neuron.label != j else ""
        kind = _tr("{role}, {activation}").format(
            role=html.escape(neuron.role), activation=html.escape(neuron.activation_name)
        )
        title = _tr("Forward pass: neuron {neuron}").format(neuron=html.escape(j))
        return (
            f'<p style="font-size:large; margin:0"><b>{title}</b>{label}'
            f' <span style="color:{MUTED}">· {kind}</span></p>'
        )

    def weighted_sum(self, step: ForwardStep, compact: bool = False) -> str:
        """z = b + Σ w · y, the terms w × y, their products, the sum."""
        j = self.name(step.neuron)
        show = self.numbers.show
        bias = show(step.bias, f"b_{j}")
        symbolic = var("b", j)
        if step.terms:
            symbolic += f" + Σ{sub('i')} {var('w', f'i,{j}')} · {var('y', 'i')}"
        worked, products = [bias], [bias]
        written = step.terms[:TERMS_WRITTEN]
        for term in written:
            i = self.name(term.source)
            # A term is never split over two lines; the sum breaks between terms.
            worked.append(
                f"{show(term.weight, f'w_{i},{j}', operand=True)}&nbsp;×&nbsp;"
                f"{show(term.y_source, f'y_{i}', operand=True)}"
            )
            products.append(
                show(term.product, f"w_{i},{j} · y_{i}", operand=True, colour=FORWARD_COLOUR)
            )
        if len(step.terms) > len(written):
            more = _tr("… ({count} more terms: the canvas shows the largest)").format(
                count=len(step.terms) - len(written)
            )
            more = f'<span style="color:{MUTED}">{more}</span>'
            worked.append(more)
            products.append(more)
        rows = [symbolic]
        if step.terms:
            rows.append(" + ".join(worked))
            rows.append(" + ".join(products))
        rows.append(show(step.z, f"z_{j}", bold=True))
        body = aligned(derivation(var("z", j), rows))
        if step.terms:
            sources = ", ".join(html.escape(self.name(t.source)) for t in step.terms)
            note = _tr(
                "Each incoming connection brings w · y of its source ({sources}); "
                "{neuron} adds them to its bias."
            ).format(sources=sources, neuron=html.escape(j))
        else:
            note = _tr("{neuron} has no incoming connection: z is its bias alone.").format(
                neuron=html.escape(j)
            )
        return section(_tr("1 · Weighted sum"), body, "" if compact else note)

    def activation(self, step: ForwardStep, compact: bool = False) -> str:
        """y = f(z), written as the activation writes itself, then with z's number."""
        j = self.name(step.neuron)
        show = self.numbers.show
        activation = ACTIVATION_FUNCTIONS[self.network.neuron(step.neuron).activation_name]
        rows = [with_subscripts(activation.symbol, j)]
        if activation.symbol != "z":
            rows.append(self._worked(activation.symbol, show(step.z, f"z_{j}"), step.z < 0))
        rows.append(show(step.y, f"y_{j}", bold=True))
        body = aligned(derivation(var("y", j), rows))
        note = _tr("Through the activation ({name}).").format(
            name=html.escape(activation.name.replace("_", " "))
        )
        return section(_tr("2 · Activation"), body, "" if compact else note)

    @staticmethod
    def _worked(symbol: str, number: str, negative: bool) -> str:
        """The written form with z's number in place of z ("0.01z" becomes "0.01 × z")."""
        pieces = _Z.split(symbol)
        text = html.escape(pieces[0], quote=False)
        for piece in pieces[1:]:
            before = text[-1:] if text else ""
            if before.isdigit():
                text += " × "
            wrapped = f"({number})" if negative and (before.isdigit() or before == "^") else number
            text += wrapped + html.escape(piece, quote=False)
        return raise_exponents(text)

    def next_step(self, order: list[str], k: int) -> str:
        if k + 1 < len(order):
            words = _tr("Next: ▶ Step computes <b>{neuron}</b>.").format(
                neuron=html.escape(self.name(order[k + 1]))
            )
        elif self.trace.steps:
            words = _tr(
                "The forward pass is done. Next: ▶ Step starts the backward pass at <b>{neuron}</b>."
            ).format(neuron=html.escape(self.name(self.trace.steps[0].neuron)))
        else:
            words = ""
        return f"<p style='margin-top:10px'>{words}</p>" if words else ""
