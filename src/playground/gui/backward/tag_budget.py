"""Which neurons carry a tag in a frame of a large network: the ones the frame is about.

A frame tags every neuron it concerns: z and y above it, ∂L/∂z below it, its
target beside it. On a network of hundreds of neurons that is hundreds of tags;
at the zoom that shows them all none can be read, and placing them was most of
a step's time at 10,000 connections. Past MAX_NEURON_TAGS tags of one kind a
frame tags only its focus: the current neuron and the far ends of its labelled
connections (or, where no neuron is current, the largest values). The formula
panel still writes every value, and a line's colour and width still show its own.

The counts of a neuron's connection labels live here too: every frame that labels
connections (one sample's neuron, a forward step, a minibatch's means) asks them.

And below a zoom where a tag's text would be a speck, a frame carries no tags or
labels at all (`tags_readable`): at the zoom that fits 10,000 connections on the
screen a tag is half a pixel high, and placing them was a third of a step. The
ring, the glows, the lit lines and the loss node stay; the legend says to zoom
in, and zooming in draws the frame again with its numbers. Zoomed in on a large
network, a frame tags only what is in and around the view (CanvasOverlay._sight).
"""

from __future__ import annotations

from collections.abc import Collection

from playground.engine.backward_stepper import ForwardStep, NeuronStep
from playground.gui.backward.overlay_layout import largest_places

MAX_NEURON_TAGS = 60
MAX_FLOW_LABELS = 8  # past this many values, a connection's label shows the result only
MAX_LABELLED = 24  # past this, only the largest values of a neuron are labelled
# A tag's body text (7.5 pt) is 10 pixels high on screen at zoom 1; under 3 pixels it is a speck.
BODY_TEXT_PIXELS = 10.0
SMALLEST_TEXT_PIXELS = 3.0


def tags_readable(zoom: float, text_scale: float = 1.0) -> bool:
    """Whether tags' text can be read at `zoom` (screen pixels per scene unit), as large as
    `text_scale` makes it (presentation mode enlarges it)."""
    return BODY_TEXT_PIXELS * text_scale * zoom >= SMALLEST_TEXT_PIXELS


def labelled_places(step: NeuronStep, gradients: bool) -> set[int]:
    """Which of a backward step's values carry a label: places in its terms, then (when the
    frame shows them) its weights' gradients, numbered on after the terms."""
    values = [t.product for t in step.terms]
    if gradients:
        values += [g.dL_dw for g in step.weight_grads]
    return largest_places(values, MAX_LABELLED)


def backward_focus(step: NeuronStep, gradients: bool) -> set[str]:
    """The current neuron, and the neurons at the far ends of its labelled connections."""
    count = len(step.terms)
    focus = {step.neuron}
    for k in labelled_places(step, gradients):
        focus.add(step.terms[k].target if k < count else step.weight_grads[k - count].source)
    return focus


def forward_labelled(step: ForwardStep) -> set[int]:
    """Which of a forward step's terms w · y carry a label."""
    return largest_places([t.product for t in step.terms], MAX_LABELLED)


def forward_focus(step: ForwardStep) -> set[str]:
    """The current neuron, and the sources of its labelled terms."""
    return {step.neuron} | {step.terms[k].source for k in forward_labelled(step)}


def within_budget(wanted: Collection[str], focus: Collection[str]) -> Collection[str]:
    """`wanted` when it is few enough to tag; else only those in `focus`."""
    if len(wanted) <= MAX_NEURON_TAGS:
        return wanted
    return [n for n in wanted if n in focus]


def largest_within_budget(values: list[float]) -> set[int]:
    """The places of values to tag: every one when few enough, else the largest in size."""
    return largest_places(values, MAX_NEURON_TAGS)
