"""One neuron of the forward pass as rich text: z = b + Σ w·y, then y = f(z), with the numbers.

    z_h1 = b_h1 + Σ_i w_i,h1 · y_i
         = 0.35 + 0.15 × 0.05 + 0.2 × 0.1
         = 0.35 + 0.0075 + 0.02
         = 0.3775
    y_h1 = σ(z_h1) = σ(0.3775) = 0.5933

Every number is the stepper's (`forward_step` reads the trace's own z and y),
described by `engine.trace_description` as for the terminal; this module only
writes them down, through the same `Numbers` as the backward frames.
"""

from __future__ import annotations

import dataclasses
import html

from PySide6.QtCore import QCoreApplication

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.backward_stepper import ForwardStep, Trace, forward_order, forward_step
from playground.engine.formatting import format_count, neuron_names
from playground.engine.notation import NEURON_NAMES, names_in
from playground.engine.trace_description import ForwardDescription, TraceDescriber
from playground.gui.backward.formula_html import (
    TERMS_WRITTEN,
    aligned,
    derivation,
    derivation_of,
    names_list,
    section,
    side_by_side,
)
from playground.gui.backward.frames import FORWARD_STEP, Frame
from playground.gui.backward.math_html import MUTED, Numbers, expr_html, result_html
from playground.gui.backward.summary_html import SummaryFormulas
from playground.model.network import Network

# The forward pass's colour, on the canvas and in the panel: apart from the gradients' and the weights'.
FORWARD_COLOUR = "#6741d9"


# The last network's forward order, by its structure version (see `kept_forward_order`).
_kept_order: tuple[Network | None, int, list[str]] = (None, -1, [])


def kept_forward_order(network: Network) -> list[str]:
    """`forward_order`, kept while the network's structure is unchanged (not to be changed).

    Every forward step of a 500-neuron network sorted it again, twice (canvas and panel).
    """
    global _kept_order
    kept, version, order = _kept_order
    if kept is not network or version != network.structure_version:
        order = forward_order(network)
        _kept_order = (network, network.structure_version, order)
    return order


class ForwardFormulas:
    """Writes one forward-step frame of a trace."""

    def __init__(
        self, network: Network, trace: Trace, digits: int, notation: str = NEURON_NAMES
    ) -> None:
        self.network = network
        self.trace = trace
        self.digits = digits
        self.notation = notation  # how subscripts name neurons (`engine.notation`)
        self.numbers = Numbers(digits)
        self.describer = TraceDescriber(network)
        self.names = self.describer.names
        self._described: ForwardDescription | None = None
        self._described_step: ForwardStep | None = None

    def name(self, neuron_id: str) -> str:
        return self.names.get(neuron_id, neuron_id)

    def html(self, frame: Frame, columns: bool = False, beside: bool = True) -> str:
        """The neuron's weighted sum and activation; at the last forward step also the loss.
        Both parts side by side (with `columns` the loss too), one under the other unless
        `beside` (a narrow panel: side by side, each would wrap its sums line by line)."""
        if frame.kind != FORWARD_STEP:
            raise ValueError(f"not a forward step: {frame}")
        order = kept_forward_order(self.network)
        step = forward_step(self.network, self.trace.forward, order[frame.step])
        # Layer-relative names are relative to this step's neuron (it is j).
        self.names = names_in(self.network, self.notation, step.neuron)
        self.describer = TraceDescriber(self.network, self.names)
        last = frame.step == len(order) - 1
        # Side by side even in the dock: the two parts are narrow, and the panel is short.
        parts = [self.weighted_sum(step, columns), self.activation(step, columns)]
        loss = SummaryFormulas(self.network, self.trace, self.digits).loss() if last else ""
        if columns:
            body = side_by_side(parts + ([loss] if loss else []))
        elif beside:
            body = side_by_side(parts) + loss
        else:
            body = "".join(parts) + loss
        return self.heading(step) + body + self.next_step(order, frame.step)

    # ----------------------------------------------------------------- pieces

    def _forward(self, step: ForwardStep) -> ForwardDescription:
        """The description of the terms written (`TERMS_WRITTEN`), made once per frame.

        The values (z, y) are the step's own, so they stay the whole sum's; describing a
        thousand terms to write twelve took most of a frame.
        """
        if self._described is None or self._described_step is not step:
            written = dataclasses.replace(step, terms=step.terms[:TERMS_WRITTEN])
            self._described, self._described_step = self.describer.forward(written), step
        return self._described

    def heading(self, step: ForwardStep) -> str:
        neuron = self.network.neuron(step.neuron)
        j = self.name(step.neuron)
        known = neuron.label or neuron.id  # its own name beside its subscript's when they differ
        label = f" “{html.escape(known)}”" if known != j else ""
        kind = QCoreApplication.translate("ForwardFormulas", "{role}, {activation}").format(
            role=html.escape(neuron.role), activation=html.escape(neuron.activation_name)
        )
        title = QCoreApplication.translate(
            "ForwardFormulas", "Forward pass: neuron {neuron}"
        ).format(neuron=html.escape(j))
        return (
            f'<p style="font-size:large; margin:0"><b>{title}</b>{label}'
            f' <span style="color:{MUTED}">· {kind}</span></p>'
        )

    def weighted_sum(self, step: ForwardStep, compact: bool = False) -> str:
        """z = b + Σ w · y, the terms w × y, their products, the sum."""
        j = self.name(step.neuron)
        described = self._forward(step).weighted_sum
        rows = described.rows
        # The rule, then (with terms) the terms w × y and their products, then z.
        texts = [expr_html(rows[0].expr, self.numbers)]
        if step.terms:
            # The bias, then the terms written (`_forward` describes no more).
            worked, products = rows[1].terms, rows[2].terms
            # A term is never split over two lines; the sum breaks between terms.
            worked_html = [expr_html(t, self.numbers, nowrap=True) for t in worked]
            products_html = [expr_html(products[0], self.numbers)] + [
                expr_html(t, self.numbers, colour=FORWARD_COLOUR) for t in products[1:]
            ]
            if len(step.terms) > TERMS_WRITTEN:
                more = QCoreApplication.translate(
                    "ForwardFormulas", "… ({count} more terms: the canvas shows the largest)"
                ).format(count=format_count(len(step.terms) - TERMS_WRITTEN))
                more = f'<span style="color:{MUTED}">{more}</span>'
                worked_html.append(more)
                products_html.append(more)
            texts += [" + ".join(worked_html), " + ".join(products_html)]
        texts.append(result_html(described.result, self.numbers))
        body = aligned(derivation(expr_html(described.left, self.numbers), texts))
        if step.terms:
            sources = names_list([self.name(t.source) for t in step.terms])
            note = QCoreApplication.translate(
                "ForwardFormulas",
                "Each incoming connection brings w · y of its source ({sources}); "
                "{neuron} adds them to its bias.",
            ).format(sources=sources, neuron=html.escape(j))
        else:
            note = QCoreApplication.translate(
                "ForwardFormulas", "{neuron} has no incoming connection: z is its bias alone."
            ).format(neuron=html.escape(j))
        return section(
            QCoreApplication.translate("ForwardFormulas", "1 · Weighted sum"),
            body,
            "" if compact else note,
        )

    def activation(self, step: ForwardStep, compact: bool = False) -> str:
        """y = f(z), written as the activation writes itself, then with z's number."""
        activation = ACTIVATION_FUNCTIONS[self.network.neuron(step.neuron).activation_name]
        body = aligned(derivation_of(self._forward(step).activation, self.numbers))
        note = QCoreApplication.translate(
            "ForwardFormulas", "Through the activation ({name})."
        ).format(name=html.escape(activation.name.replace("_", " ")))
        return section(
            QCoreApplication.translate("ForwardFormulas", "2 · Activation"),
            body,
            "" if compact else note,
        )

    def next_step(self, order: list[str], k: int) -> str:
        # The next neuron by its own name, as the step label calls it: "j" would be this one.
        own = neuron_names(self.network)
        if k + 1 < len(order):
            words = QCoreApplication.translate(
                "ForwardFormulas", "Next: ▶ Step computes <b>{neuron}</b>."
            ).format(neuron=html.escape(own[order[k + 1]]))
        elif self.trace.steps:
            words = QCoreApplication.translate(
                "ForwardFormulas",
                "The forward pass is done. Next: ▶ Step starts the backward pass at <b>{neuron}</b>.",
            ).format(neuron=html.escape(own[self.trace.steps[0].neuron]))
        else:
            words = ""
        return f"<p style='margin-top:10px'>{words}</p>" if words else ""
