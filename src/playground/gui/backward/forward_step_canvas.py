"""A step of the forward pass on the canvas: neuron k's incoming w · y, and its z and y.

The current neuron is ringed and its incoming connections light up in the forward colour,
as wide as their product is large, with the largest products labelled; the neurons already
computed show their z and y, the later ones are faded; the loss node waits for the outputs.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF

from playground.engine.backward_stepper import forward_step
from playground.engine.trace_description import TraceDescriber
from playground.gui.backward.forward_html import FORWARD_COLOUR, kept_forward_order
from playground.gui.backward.overlay_items import Glows, Ring, TextLine
from playground.gui.backward.overlay_layout import RING_RADIUS, UP, glow_intensities
from playground.gui.backward.tag_budget import (
    MAX_FLOW_LABELS,
    MAX_LABELLED,
    forward_focus,
    forward_labelled,
)
from playground.gui.canvas import style

if TYPE_CHECKING:
    from playground.gui.backward.canvas_overlay import CanvasOverlay

R = style.NEURON_RADIUS


def draw_forward_step(overlay: CanvasOverlay, k: int) -> None:
    """Neuron k of the forward pass: its incoming w · y, its value; later neurons faded."""
    from playground.gui.backward.canvas_overlay import (  # here: that module imports this one
        DIMMED_OPACITY,
        DONE_OPACITY,
        MAX_FADED_CONNECTIONS,
        RING_COLOUR,
    )

    order = kept_forward_order(overlay.network)
    step = forward_step(overlay.network, overlay.trace.forward, order[k])
    computed = set(order[: k + 1])
    overlay.current = None
    overlay.done, overlay.pending = set(order[:k]), set(order[k + 1 :])
    overlay.used = {step.neuron} | {t.source for t in step.terms}
    overlay.focus = forward_focus(step)
    overlay.loss_known = k == len(order) - 1
    overlay.placer = overlay._new_placer()
    overlay.ringed = step.neuron
    overlay._block_ring()
    for neuron_id in overlay.pending:
        item = overlay.scene.neuron_items.get(neuron_id)
        if item is not None:
            overlay.looks.dim(neuron_id)
    if len(overlay.scene.connection_items) <= MAX_FADED_CONNECTIONS:
        for key in overlay.scene.connection_items:
            if key[1] == step.neuron:
                continue
            # Done: its share is in a computed z; the rest waits for a neuron not reached yet.
            overlay.looks.fade(key, DONE_OPACITY if key[1] in overlay.done else DIMMED_OPACITY)
    forward = overlay.trace.forward
    known = [n for n, values in forward.items() if values.z is None or n in computed]
    for neuron_id in overlay._tagged(known):
        item = overlay.scene.neuron_items.get(neuron_id)
        if item is None:
            continue
        values = forward[neuron_id]
        if values.z is None:
            text = f"y {overlay.fmt(values.y)}"
        else:
            text = f"z {overlay.fmt(values.z)}   y {overlay.fmt(values.y)}"
        current = neuron_id == step.neuron
        tag = overlay._tag(
            [TextLine(text, 8.5 if current else 7.5, "#202020" if current else "#3d3d3d")],
            background="#e6ffffff",
            border=FORWARD_COLOUR if current else None,
        )
        # The current neuron's incoming lines arrive from the left: its tag leans right, off them.
        lean = tag.size().width() / 2 - R if current else 0.0
        overlay._put(tag, item.pos() + QPointF(lean, -overlay._clear(neuron_id, tag)), UP)
        tag.setZValue(tag.zValue() + 1)  # a neuron's own value is never hidden by a label
        overlay._add(tag)
    overlay._loss_node()
    item = overlay.scene.neuron_items.get(step.neuron)
    if item is None:
        return
    overlay.looks.highlight(step.neuron)
    overlay._add(overlay._make(Ring, item.pos(), RING_RADIUS, RING_COLOUR, item.half_width - R))
    largest = max((abs(t.product) for t in step.terms if math.isfinite(t.product)), default=0)
    compact = len(step.terms) > MAX_FLOW_LABELS
    overlay._start_lit(len(step.terms))
    # Against this neuron's largest.
    intensities = glow_intensities([t.product for t in step.terms], largest)
    looks = overlay._light(
        [(t.source, step.neuron) for t in step.terms],
        [FORWARD_COLOUR] * len(step.terms),
        intensities,
    )
    chosen = forward_labelled(step)
    # See `_current_neuron`: which are written depends on where the lines are.
    written = overlay._writable(
        {k: (look.drawn, None) for k in chosen if (look := looks[k]) is not None}
    )
    # Only the labelled terms' products are written (see `_current_neuron`).
    labelled = dataclasses.replace(
        step, terms=[t for k, t in enumerate(step.terms) if k in written]
    )
    derivations = dict(
        zip(sorted(written), TraceDescriber(overlay.network, overlay.names).forward(labelled).terms)
    )
    glows: list[tuple[QLineF, str, float]] = []  # drawn as one item: see Glows
    for index, term in enumerate(step.terms):
        connection = looks[index]
        if connection is None:
            continue
        line = connection.drawn  # read, not changed (see `_current_neuron`)
        if len(step.terms) <= MAX_LABELLED or index in chosen:  # see GLOWS_LABELLED_ONLY
            glows.append((line, FORWARD_COLOUR, 10 + 10 * intensities[index]))
        overlay.paths.append((line, FORWARD_COLOUR, False))
        if index in written:  # its words written only then: a thousand cost a while
            overlay._want_worked(
                (term.source, step.neuron),
                term.product,
                line,
                f"w · y{overlay._sub(term.source)}",
                derivations[index],
                FORWARD_COLOUR,
                compact,
            )
    if glows:
        overlay._add(overlay._make(Glows, glows))
    overlay._draw_lit()
    overlay._place_labels()
