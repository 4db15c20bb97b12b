"""A minibatch's mean step on the canvas: each connection's mean ∂L/∂w, each bias's mean ∂L/∂b.

The labels look like one sample's ∂L/∂w at its neuron's step (the gradient's
name, then its value in the colour of its sign) and the connections glow by
the mean's size, so the class sees on the network the numbers the panel's
table averages; the update frame after it shows what η does with them.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF

from playground.gui.backward.math_html import MUTED, sign_colour
from playground.gui.backward.overlay_items import TextLine
from playground.gui.backward.overlay_layout import DOWN, glow_intensities, largest_places
from playground.gui.backward.tag_budget import (
    MAX_FLOW_LABELS,
    MAX_LABELLED,
)
from playground.gui.canvas import style

if TYPE_CHECKING:
    from playground.gui.backward.canvas_overlay import CanvasOverlay


def draw_means(overlay: CanvasOverlay) -> None:
    """Label every connection and bias of `overlay`'s trace (at the mean frame: the means)."""
    steps = overlay.trace.steps  # `mean_trace` put the minibatch's means into these steps
    gradients = [g for step in steps for g in step.weight_grads]
    values = [abs(g.dL_dw) for g in gradients] + [abs(step.dL_db) for step in steps]
    largest = max((v for v in values if math.isfinite(v)), default=0.0)

    mean_of = QCoreApplication.translate("CanvasOverlay", "mean {gradient}")
    # The largest means, when there are too many biases to tag each (see tag_budget).
    tagged = overlay._tagged_places([step.dL_db for step in steps], [s.neuron for s in steps])
    for k, step in enumerate(steps):
        item = overlay.scene.neuron_items.get(step.neuron)
        if item is None or k not in tagged:
            continue
        gradient = f"∂L/∂b{overlay._sub(step.neuron)}"
        pill = overlay._tag(
            [
                TextLine(
                    f"{mean_of.format(gradient=gradient)} {overlay.fmt(step.dL_db)}",
                    7.5,
                    "#ffffff",
                    bold=True,
                )
            ],
            background=sign_colour(step.dL_db),
            tooltip=f"∂L/∂b_{html.escape(overlay.names[step.neuron])} = {step.dL_db!r}",
        )
        # Where the editor writes the bias: the means are about the same parameters.
        below = style.NEURON_RADIUS + 2 + pill.size().height() / 2
        overlay._put(pill, item.pos() + QPointF(0, below), DOWN)
        overlay._add(pill)
        # The pill names this bias's gradient; the editor's "b 0" beside a pill pushed sideways
        # read as part of it. Left out as the weight labels are (`cover_weight_labels`).
        item.cover_bias_text(True)
        overlay.bias_covered.append(item)
    # As at one sample's neuron: past MAX_FLOW_LABELS the value alone, past MAX_LABELLED only
    # the largest means carry a label (the line's colour and width show the rest).
    compact = len(gradients) > MAX_FLOW_LABELS
    means = [g.dL_dw for g in gradients]
    labelled = largest_places(means, MAX_LABELLED)
    overlay._start_lit(len(gradients))
    keys = [(g.source, g.target) for g in gradients]
    colours = [sign_colour(v) for v in means]
    looks = overlay._light(keys, colours, glow_intensities(means, largest))
    for index in sorted(labelled):
        g, connection, colour = gradients[index], looks[index], colours[index]
        if connection is None:
            continue
        i, j = html.escape(overlay.names[g.source]), html.escape(overlay.names[g.target])
        lines = [
            TextLine(mean_of.format(gradient=f"∂L/∂w<sub>{i},{j}</sub>"), 6.5, MUTED),
            TextLine(f"= {overlay.fmt(g.dL_dw)}", 8.5, colour, bold=True),
        ]
        overlay._want_label(
            keys[index], g.dL_dw, connection.line(), lines[1:] if compact else lines, colour
        )
    overlay._draw_lit()
    overlay._place_labels()
