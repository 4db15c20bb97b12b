"""Predict, then reveal, on the canvas: while a question waits, who is asked, and no number.

A class calling out answers must see which neuron the question is about, but
not the values the frame would write (its z and y, its ∂L/∂z, the loss). So
the current neuron keeps its ring and glow, the neurons not reached yet stay
faded, and at a forward step the incoming connections light up (all alike:
a width by the product's size would hint at its value). The editor's weight
and bias labels stay: they are the givens the student works from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF

from playground.engine.backward_stepper import forward_order
from playground.gui.backward.forward_html import FORWARD_COLOUR
from playground.gui.backward.frames import FORWARD_STEP, NEURON
from playground.gui.backward.overlay_items import Glows, Ring
from playground.gui.backward.overlay_layout import RING_RADIUS
from playground.gui.canvas import style

if TYPE_CHECKING:
    from playground.gui.backward.canvas_overlay import CanvasOverlay

LIT = 0.6  # the incoming connections' glow, the same for each
LIT_WIDTH = 16.0


def draw_waiting(overlay: CanvasOverlay) -> None:
    """Draw `overlay`'s frame as a waiting question sees it: the ring, the lines in, no numbers."""
    from playground.gui.backward.canvas_overlay import (  # here: that module imports this one
        DIMMED_OPACITY,
        DONE_OPACITY,
        MAX_FADED_CONNECTIONS,
        RING_COLOUR,
    )

    network, frame, scene = overlay.network, overlay.frame, overlay.scene
    # The editor's own labels: the weights and biases the student works from, not the answer.
    scene.connection_layer.cover_weight_labels(False)
    if frame.kind == FORWARD_STEP:
        order = forward_order(network)
    elif frame.kind == NEURON:
        order = [step.neuron for step in overlay.trace.steps]
    else:
        return  # the mean and the update ask about a weight of all: no neuron to ring
    current = order[frame.step]
    done = set(order[: frame.step])
    for neuron_id in order[frame.step + 1 :]:
        overlay.looks.dim(neuron_id)
    lit = []
    if frame.kind == FORWARD_STEP:
        lit = [c.key for c in network.incoming(current)]
    # The current neuron's own lines at full strength: in for z, out for the ∂L/∂y it gathers.
    own = 1 if frame.kind == FORWARD_STEP else 0
    if len(scene.connection_items) <= MAX_FADED_CONNECTIONS:
        for key in scene.connection_items:
            if key[own] != current:
                overlay.looks.fade(key, DONE_OPACITY if key[1] in done else DIMMED_OPACITY)
    glows: list[tuple[QLineF, str, float]] = []
    overlay._start_lit(len(lit))
    for connection in overlay._light(lit, [FORWARD_COLOUR] * len(lit), [LIT] * len(lit)):
        if connection is not None:
            glows.append((connection.line(), FORWARD_COLOUR, LIT_WIDTH))
    overlay._draw_lit()
    if glows:
        overlay._add(overlay._make(Glows, glows))
    item = scene.neuron_items.get(current)
    if item is not None:
        overlay.looks.highlight(current)
        radius = item.half_width - style.NEURON_RADIUS  # a neuron widened to fit its name
        overlay._add(overlay._make(Ring, item.pos(), RING_RADIUS, RING_COLOUR, radius))
