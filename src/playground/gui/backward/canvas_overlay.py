"""Draws a frame of the trace on the canvas: who is current, what is done, where the gradient flows.

- the current neuron glows inside a ring; neurons done carry their ∂L/∂z in a
  pill coloured by sign; neurons not reached yet are dimmed;
- the current neuron's outgoing connections glow and carry their term
  w · ∂L/∂z back; its incoming ones carry ∂L/∂w = y_i · ∂L/∂z_j;
- every neuron shows its forward z and y above it; each output its target,
  linked to a loss node on the right, where the gradient starts;
- at a zoom where their text would be a speck, no tags or labels but the loss
  node (`tag_budget.tags_readable`); zoomed in on a large network, only those in
  and around the view (`_sight`); pictures carry every one.

The editor's items are only restyled through their overlay methods; every
added item is the overlay's own and is thrown away at the next frame.
"""

from __future__ import annotations

import dataclasses
import html
import math
from collections.abc import Collection

import shiboken6
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from playground.engine.backward_stepper import NeuronStep, Trace
from playground.engine.derivation import Derivation
from playground.engine.formatting import format_number, neuron_names
from playground.engine.trace_description import TraceDescriber
from playground.engine.written import plain
from playground.gui.backward.flow_animation import FlowPath
from playground.gui.backward.forward_step_canvas import draw_forward_step
from playground.gui.backward.frames import (
    APPLIED,
    DERIVATIVE,
    FORWARD,
    FORWARD_STEP,
    GATHER,
    GRADIENTS,
    MEAN,
    NEURON,
    Frame,
)
from playground.gui.backward.lit_lines import LitLines, ends_of, lit_here
from playground.gui.backward.math_html import MUTED, sign_colour
from playground.gui.backward.mean_labels import draw_means
from playground.gui.backward.overlay_items import Glow, Glows, Links, Ring, Tag, TextLine
from playground.gui.backward.overlay_layout import (
    DOWN,
    LABEL_BACKGROUND,
    RIGHT,
    RING_RADIUS,
    UP,
    LabelLayout,
    glow_intensities,
    glow_intensity,
)
from playground.gui.backward.overlay_reuse import EditorLooks, ItemPool
from playground.gui.backward.practice_canvas import draw_waiting
from playground.gui.backward.tag_budget import (
    MAX_FLOW_LABELS,
    MAX_LABELLED,
    MAX_NEURON_TAGS,
    backward_focus,
    labelled_places,
    largest_within_budget,
    tags_readable,
    within_budget,
)
from playground.gui.canvas import style
from playground.gui.canvas.connection_look import ConnectionLook
from playground.gui.canvas.scene import NetworkScene
from playground.model.network import Network

R = style.NEURON_RADIUS
RING_COLOUR = "#d98c00"
LOSS_GAP = 150.0  # from the rightmost output to the loss node
TERM_ALONG = (0.62, 0.5, 0.72, 0.4, 0.8, 0.3)  # where along its line a term w · ∂L/∂z is tried
# Past these counts labels would bury the network: only colours and widths remain.
# GLOWS_LABELLED_ONLY: past MAX_LABELLED connections of the current neuron, only its labelled
# ones glow (all still light up in their colour). A thousand halos over each other make one
# blob at any zoom, and painting them took 40 ms of a step.
# Fading ten thousand connections costs more repainting than it helps anyone see.
MAX_FADED_CONNECTIONS = 3000
MAX_UPDATE_LABELS = 40
BIAS_TEXT_HEIGHT = 14.0
DONE_OPACITY = 0.5
DIMMED_OPACITY = 0.2  # a connection not reached yet, as ConnectionItem.set_dimmed fades it


class CanvasOverlay(LabelLayout):
    """Applies one frame of a trace to a NetworkScene, and takes it off again."""

    def __init__(self, scene: NetworkScene) -> None:
        self.scene = scene
        self.text_scale = 1.0  # larger in presentation mode
        self.every_tag = False  # a picture's frame: tags and labels at any zoom (trace_export)
        self.tags_shown = True  # whether the frame drawn last carries them (see `show`)
        self.sight: QRectF | None = None  # where it drew them, None: everywhere (see `_sight`)
        self.items: list[QGraphicsItem] = []
        self.wanted: list = []  # connection labels waiting for `_place_labels`
        self.loss_anchor: QPointF | None = None
        self.paths: list[FlowPath] = []  # where the dots of the flow animation run now
        self.labels: dict[
            object, Tag
        ] = {}  # each connection's label by its key; the loss's by "loss"
        # Kept between frames: a step restyles and redraws only what changed (`overlay_reuse`).
        self.looks = EditorLooks(scene)
        self.neuron_rects_kept = {}
        self.neurons_placer = {}
        self.placements = {}
        self.placement_key = None
        self.pool = ItemPool(scene)
        self._scale_of: tuple[Trace, float] | None = None  # the trace's largest gradient
        self.loss_known = True  # False at a forward step before the last: L is not computed yet
        self.lit: list[tuple[QLineF, str, float]] | None = None  # see `_light`
        self.bias_covered: list = []  # neuron items whose bias text a tag replaces (`mean_labels`)

    # ----------------------------------------------------------------- clearing

    def clear(self) -> None:
        """Remove the overlay's items and give every editor item its own look back."""
        self._take_off()
        # The editor's weight labels show again, at the digits the trace last used (see `show`).
        self.scene.connection_layer.cover_weight_labels(False)

    def _take_off(self, next_frame: bool = False) -> None:
        """Take the frame's items off; before `next_frame`, keep them to be used again."""
        self.pool.keep(self.items)
        self.items = []
        self.wanted = []
        self.paths = []
        self.labels = {}
        self.loss_anchor = None
        for item in self.bias_covered:
            if shiboken6.isValid(item):
                item.cover_bias_text(False)
        self.bias_covered = []
        if next_frame:
            self.looks.start()
        else:
            self.pool.clear()
            # Only the items restyled: resetting ten thousand would repaint them all at every step.
            self.looks.reset()

    def _finish(self) -> None:
        """The frame is drawn: items of the last one not used again go, editor items restyle."""
        self.pool.drop(self.items)
        self.looks.apply()
        self._keep_placements()

    def rect(self) -> QRectF:
        """The network and everything the overlay added (for fitting the view and for pictures)."""
        rect = self.scene.network_rect()
        for item in self.items:
            if shiboken6.isValid(item):
                rect = rect.united(item.sceneBoundingRect())
        return rect

    def _add(self, item: QGraphicsItem) -> QGraphicsItem:
        if item.scene() is not self.scene:  # else one of the last frame's, used again
            self.scene.addItem(item)
        self.items.append(item)
        return item

    # ----------------------------------------------------------------- showing

    def show(
        self,
        network: Network,
        trace: Trace,
        frame: Frame,
        digits: int,
        numbers_hidden: bool = False,
    ) -> None:
        """Draw `frame` of `trace` (which was computed from `network`'s structure)."""
        self._take_off(next_frame=True)
        self.network, self.trace, self.frame = network, trace, frame
        self.fmt = lambda value: format_number(value, digits)
        self.digits = digits
        # The overlay writes every weight it needs; the editor's labels (the old weights at the
        # update) would only show through. Once the dock closes they keep the trace's digits, so
        # a weight changed by an SGD step reads changed (0.1498, not 0.150).
        layer = self.scene.connection_layer
        layer.cover_weight_labels(True)
        self.scene.set_label_digits(max(style.CANVAS_DIGITS, digits))
        self.names = neuron_names(network)
        self.tags_shown = self.every_tag or tags_readable(self.zoom(), self.text_scale)
        self.sight = self._sight() if self.tags_shown else None
        if numbers_hidden:  # a practice question waits: the ring and lit lines, no number
            draw_waiting(self)
            self._finish()
            return
        if frame.kind == FORWARD_STEP:
            draw_forward_step(self, frame.step)
            self._finish()
            return
        steps = {s.neuron: k for k, s in enumerate(trace.steps)}
        self.done: set[str] = set()
        self.pending: set[str] = set()
        self.current: NeuronStep | None = None
        if frame.kind == NEURON:
            self.current = trace.steps[frame.step]
            self.done = {n for n, k in steps.items() if k < frame.step}
            self.pending = {n for n, k in steps.items() if k > frame.step}
        elif frame.kind != FORWARD:
            self.done = set(steps)
        # Whom the frame is about: on a large network only they carry tags (see tag_budget).
        self.focus = (
            backward_focus(self.current, frame.shows(GRADIENTS))
            if self.current is not None
            else _few(self.network.output_ids())
        )
        # Once per trace: every step of a 10k-connection trace walked all its gradients again.
        if self._scale_of is None or self._scale_of[0] is not trace:
            self._scale_of = (trace, _largest_gradient(trace))
        self.scale = self._scale_of[1]
        # At the update the bias tags take the place of the editor's bias texts.
        self.placer = self._new_placer(bias_texts=frame.kind in (FORWARD, NEURON))
        self.ringed = self.current.neuron if self.current is not None else None
        self._block_ring()
        self._style_editor_items()
        if frame.kind in (FORWARD, NEURON):
            # The update frames are about weights and biases: their labels need the room.
            self._forward_tags()
            self._gradient_pills()
        self._loss_node()
        if self.current is not None:
            self._current_neuron()
        elif frame.kind == MEAN:
            draw_means(self)  # a minibatch's mean gradients, before the update uses them
        elif frame.kind != FORWARD:
            self._update_labels()
        self._finish()

    def zoom(self) -> float:
        """Screen pixels per scene unit in the canvas (1 when the scene is in no view)."""
        views = self.scene.views()
        return views[0].transform().m11() if views else 1.0

    def _sight(self) -> QRectF | None:
        """Where a large network's tags are drawn: the view and as much again on every side.

        Tags elsewhere cannot be seen, and making and placing them was most of a step zoomed
        in on 10,000 connections; a view moved out of it draws the frame again (see
        BackwardPanels). None, everywhere: a network of few neurons, and pictures.
        """
        views = self.scene.views()
        if self.every_tag or not views or len(self.scene.neuron_items) <= MAX_NEURON_TAGS:
            return None
        seen = views[0].seen()  # the window's NetworkView
        return seen.adjusted(-seen.width(), -seen.height(), seen.width(), seen.height())

    def _tagged(self, wanted: Collection[str]) -> list[str]:
        """Which of the neurons `wanted` carry a tag in this frame: none where text would be a
        speck, past the budget only the focus (see tag_budget), and only those in sight."""
        return self._in_sight(within_budget(wanted, self.focus)) if self.tags_shown else []

    def _tagged_places(self, values: list[float], neuron_ids: list[str]) -> set[int]:
        """Which of neurons' values carry a tag, as `_tagged` says, the largest past the budget."""
        if not self.tags_shown:
            return set()
        seen = set(self._in_sight(neuron_ids))
        return {k for k in largest_within_budget(values) if neuron_ids[k] in seen}

    def _in_sight(self, neuron_ids: Collection[str]) -> list[str]:
        if self.sight is None:
            return list(neuron_ids)
        items, sight = self.scene.neuron_items, self.sight
        return [n for n in neuron_ids if n in items and sight.contains(items[n].x(), items[n].y())]

    def _style_editor_items(self) -> None:
        shows_gradients = self.frame.kind == NEURON and self.frame.shows(GRADIENTS)
        sources = self.network.sources(self.current.neuron) if self.current else set()
        # Whose y the formulas use now: its tag above stays bright even on a faded neuron.
        self.used = (
            {self.current.neuron} | (sources if shows_gradients else set())
            if self.current
            else set()
        )
        for neuron in self.network.neurons:
            item = self.scene.neuron_items.get(neuron.id)
            if item is None:
                continue
            if neuron.is_input:
                # Inputs are never stepped: they light up when the current neuron's gradients use them.
                dimmed = self.frame.kind == NEURON and neuron.id not in self.used
            else:
                dimmed = neuron.id in self.pending
            if dimmed:
                self.looks.dim(neuron.id)
        if self.frame.kind != NEURON:
            return
        current = self.current.neuron
        if len(self.scene.connection_items) > MAX_FADED_CONNECTIONS:
            return
        for key, item in self.scene.connection_items.items():
            if key[0] == current or (key[1] == current and shows_gradients):
                continue  # the current neuron's own connections stay at full strength
            if key[1] in self.done:
                # Done: its gradient is known; half strength keeps the current neuron's in front.
                self.looks.fade(key, DONE_OPACITY)
            else:
                self.looks.fade(key, DIMMED_OPACITY)

    # ----------------------------------------------------------------- tags everywhere

    def _dimmed(self, neuron_id: str) -> bool:
        return self.looks.dimmed(neuron_id)

    def _forward_tags(self) -> None:
        """z and y above each neuron; at a neuron's step only those its formulas use (its own, its sources')."""
        wanted = None
        if self.current is not None:
            wanted = {self.current.neuron} | self.network.sources(self.current.neuron)
        forward = self.trace.forward
        for neuron_id in self._tagged([n for n in forward if wanted is None or n in wanted]):
            item = self.scene.neuron_items.get(neuron_id)
            if item is None:
                continue
            values = forward[neuron_id]
            if values.z is None:
                text = f"y {self.fmt(values.y)}"
            else:
                text = f"z {self.fmt(values.z)}   y {self.fmt(values.y)}"
            tag = self._tag([TextLine(text, 7.5, "#3d3d3d")], background="#e6ffffff")
            self._put(tag, item.pos() + QPointF(0, -self._clear(neuron_id, tag)), UP)
            tag.setOpacity(0.35 if self._dimmed(neuron_id) and neuron_id not in self.used else 1.0)
            self._add(tag)

    def _gradient_pills(self) -> None:
        showing = set(self.done)
        if self.current is not None and self.frame.shows(DERIVATIVE):
            showing.add(self.current.neuron)
        showing = set(self._tagged(showing))
        for step in self.trace.steps:
            item = self.scene.neuron_items.get(step.neuron)
            if step.neuron not in showing or item is None:
                continue
            colour = sign_colour(step.dL_dz)
            pill = self._tag(
                [
                    TextLine(
                        f"∂L/∂z{self._sub(step.neuron)} {self.fmt(step.dL_dz)}",
                        8.0,
                        "#ffffff",
                        bold=True,
                    )
                ],
                background=colour,
                tooltip=f"∂L/∂z_{html.escape(self.names[step.neuron])} = {step.dL_dz!r}",
            )
            # Below the bias the editor writes under the neuron.
            below_bias = R + 3 + BIAS_TEXT_HEIGHT * self.text_scale
            self._put(pill, item.pos() + QPointF(0, below_bias + pill.size().height() / 2), DOWN)
            pill.setZValue(pill.zValue() + 1)  # a neuron's own result is never hidden by a label
            self._add(pill)

    def _loss_node(self) -> None:
        outputs = [o for o in self.network.output_ids() if o in self.scene.neuron_items]
        if not outputs:
            return
        positions = [self.scene.neuron_items[o].pos() for o in outputs]
        anchor = QPointF(
            max(p.x() for p in positions) + LOSS_GAP, sum(p.y() for p in positions) / len(positions)
        )
        self.loss_anchor = anchor
        lines = [TextLine(QCoreApplication.translate("CanvasOverlay", "loss"), 7.0, MUTED)]
        if self.frame.kind == FORWARD_STEP and not self.loss_known:
            waiting = QCoreApplication.translate("CanvasOverlay", "L = ? (after the outputs)")
            lines.append(TextLine(waiting, 8.0, MUTED))
        elif self.frame.kind == APPLIED:
            lines += [
                TextLine(f"L = {self.fmt(self.trace.loss_after)}", 9.5, "#202020", bold=True),
                TextLine(
                    QCoreApplication.translate("CanvasOverlay", "was {loss}").format(
                        loss=self.fmt(self.trace.loss)
                    ),
                    7.0,
                    MUTED,
                ),
            ]
        else:
            lines.append(TextLine(f"L = {self.fmt(self.trace.loss)}", 9.5, "#202020", bold=True))
        node = self._tag(lines, background="#fffdf3d6", border="#3a3a3a")
        targets = dict(zip(self.network.output_ids(), self.trace.targets))
        self.target_tags: dict[str, Tag] = {}
        tagged = set(self._tagged(outputs))
        for output_id, position in zip(outputs, positions):
            if output_id not in tagged:
                continue
            tag = self._tag(
                [TextLine(f"t {self.fmt(targets[output_id])}", 8.0, "#202020", bold=True)],
                background="#f0fff1d6",
                border="#b58a3a",
            )
            self._put(tag, position + QPointF(R + 6 + tag.size().width() / 2, 0), RIGHT)
            self._add(tag)
            self.target_tags[output_id] = tag
        # Right of the outputs' targets; further right if a wide text would reach them.
        self._put(node, anchor, RIGHT)
        self._add(node)
        self.loss_rect = node.sceneBoundingRect()
        self.loss_anchor = anchor = node.pos()
        links = []
        for output_id, position in zip(outputs, positions):
            start = self._link_start(output_id, position)
            end = QPointF(self.loss_rect.left(), anchor.y())
            links.append((QLineF(start, end), 0.35 if self._dimmed(output_id) else 1.0))
        self._add(self._make(Links, links, "#9a9a9a"))

    # ----------------------------------------------------------------- the current neuron

    def _current_neuron(self) -> None:
        step = self.current
        item = self.scene.neuron_items.get(step.neuron)
        if item is None:
            return
        self.looks.highlight(step.neuron)
        self._add(self._make(Ring, item.pos(), RING_RADIUS, RING_COLOUR, item.half_width - R))
        gathering = self.frame.shows(GATHER)
        glowing = self.frame.phase in (0, GATHER)
        gradients = self.frame.shows(GRADIENTS)
        count = len(step.terms)
        self._start_lit(count + (len(step.weight_grads) if gradients else 0))
        # Lit first, then labelled: which labels are written depends on where the lines are.
        values = [t.product for t in step.terms]
        colours = [sign_colour(v) for v in values]
        intensities = glow_intensities(values, self.scale)
        looks = self._light([(step.neuron, t.target) for t in step.terms], colours, intensities)
        if gradients:
            dL_dw = [g.dL_dw for g in step.weight_grads]
            values += dL_dw
            colours += [sign_colour(v) for v in dL_dw]
            looks += self._light(
                [(g.source, g.target) for g in step.weight_grads],
                colours[count:],
                glow_intensities(dL_dw, self.scale),
            )
        compact = len(values) > MAX_FLOW_LABELS
        # A neuron with a hundred connections gets labels on its largest gradients only.
        chosen = labelled_places(step, gradients)
        written = self._writable(
            {
                k: (look.drawn, TERM_ALONG if k < count else None)
                for k in chosen
                if (look := looks[k]) is not None
            }
        )
        if step.loss_derivative is not None and gathering:
            self._loss_flow(step, glowing)
        # Only the labelled connections' worked products are written: described alone, as a
        # neuron with a thousand connections took a while to describe whole at every step.
        labelled = dataclasses.replace(
            step,
            terms=[t for k, t in enumerate(step.terms) if k in written],
            weight_grads=[g for k, g in enumerate(step.weight_grads, start=count) if k in written],
        )
        described = TraceDescriber(self.network, self.names).neuron(labelled)
        derivations = dict(zip(sorted(written), [*described.terms, *described.weights]))
        glows: list[tuple[QLineF, str, float]] = []  # drawn as one item: see Glows
        for k, term in enumerate(step.terms):
            connection = looks[k]
            if connection is None:
                continue
            colour = colours[k]
            line = connection.drawn  # read, not changed: a thousand copies took a while
            if glowing:
                if count <= MAX_LABELLED or k in chosen:  # see GLOWS_LABELLED_ONLY
                    glows.append((line, colour, 10 + 10 * intensities[k]))
                self.paths.append((line, colour, True))
            if k in written:  # its words written only then: a thousand cost a while
                self._want_worked(
                    (step.neuron, term.target),
                    term.product,
                    line,
                    f"w · ∂L/∂z{self._sub(term.target)}",
                    derivations[k],
                    colour,
                    compact,
                    TERM_ALONG,
                )
        for k in sorted(k for k in written if k >= count):  # the weights' labels
            g, connection = step.weight_grads[k - count], looks[k]
            i, j = html.escape(self.names[g.source]), html.escape(self.names[g.target])
            self._want_worked(
                (g.source, g.target),
                g.dL_dw,
                connection.line(),
                f"∂L/∂w<sub>{i},{j}</sub>",
                derivations[k],  # y_i × ∂L/∂z_j
                colours[k],
                compact,
            )
        if glows:
            self._add(self._make(Glows, glows))
        self._draw_lit()
        self._place_labels()

    def _want_worked(
        self,
        key: tuple[str, str],
        value: float,
        line: QLineF,
        name: str,
        worked: Derivation,
        colour: str,
        compact: bool,
        along: tuple[float, ...] | None = None,
    ) -> None:
        """A connection's label worked out: what it is (`name`), the row before the result with
        its numbers in, as in the panel, and the result; the result alone when `compact`."""
        lines = [
            TextLine(name, 6.5, MUTED),
            TextLine(html.escape(plain(worked.rows[-2].expr, self.digits)), 7.5),
            TextLine(f"= {self.fmt(value)}", 8.5, colour, bold=True),
        ]
        self._want_label(key, value, line, lines[2:] if compact else lines, colour, along)

    def _link_start(self, output_id: str, position: QPointF) -> QPointF:
        """Where an output's link to the loss starts: at its target's tag; at the neuron where
        the frame left the tag out (a large network's budget, the zoom, out of sight)."""
        tag = self.target_tags.get(output_id)
        right = tag.sceneBoundingRect().right() if tag else position.x() + R
        return QPointF(right, position.y())

    def _loss_flow(self, step: NeuronStep, glowing: bool) -> None:
        item = self.scene.neuron_items.get(step.neuron)
        if item is None or self.loss_anchor is None:
            return
        colour = sign_colour(step.loss_derivative)
        start = self._link_start(step.neuron, item.pos())
        line = QLineF(start, QPointF(self.loss_rect.left(), self.loss_anchor.y()))
        if glowing:
            width = 10 + 10 * self._intensity(step.loss_derivative)
            self._add(self._make(Glow, line, colour, width))
            self.paths.append((line, colour, True))
        if not self.tags_shown:
            return
        j = self._sub(step.neuron)
        # The loss's ∂L/∂y with its numbers in: the row before the result, as in the panel.
        # It needs none of the neuron's connections (an output may have a thousand).
        alone = dataclasses.replace(step, terms=[], weight_grads=[])
        from_loss = TraceDescriber(self.network, self.names).neuron(alone).loss_gradient
        worked = html.escape(plain(from_loss.rows[-2].expr, self.digits)) if from_loss else ""
        label = self._tag(
            [
                TextLine(
                    QCoreApplication.translate("CanvasOverlay", "∂L/∂y{j} from the loss").format(
                        j=j
                    ),
                    6.5,
                    MUTED,
                ),
                TextLine(worked, 7.5),
                TextLine(f"= {self.fmt(step.loss_derivative)}", 8.5, colour, bold=True),
            ],
            background=LABEL_BACKGROUND,
            border=colour,
        )
        # Just above or below the loss node, where the gradient starts; on the link if both are taken.
        size, box = label.size(), self.loss_rect
        above = QPointF(box.center().x(), box.top() - size.height() / 2 - 4)
        below = QPointF(box.center().x(), box.bottom() + size.height() / 2 + 4)
        higher = [QPointF(above.x(), above.y() - k * (size.height() + 3)) for k in (1, 2)]
        lower = [QPointF(below.x(), below.y() + k * (size.height() + 3)) for k in (1, 2)]
        on_link = [line.pointAt(k / 4) for k in (2, 1, 3)]
        label.setPos(self.placer.place(size, [above, below, *on_link, *higher, *lower]))
        self._add(label)
        self.labels["loss"] = label

    # ----------------------------------------------------------------- the update

    def _update_labels(self) -> None:
        update = self.trace.update
        # The largest moves, when there are too many biases to tag each (see tag_budget).
        moves = [b.after - b.before for b in update.biases]
        tagged = self._tagged_places(moves, [b.neuron for b in update.biases])
        for k, b in enumerate(update.biases):
            item = self.scene.neuron_items.get(b.neuron)
            if k not in tagged:
                continue
            if item is None:
                continue
            if update.update_biases:
                text = f"b {self.fmt(b.before)} → {self.fmt(b.after)}"
            else:
                # Update biases is off: say so on the neuron rather than show a move of 0.
                text = QCoreApplication.translate("CanvasOverlay", "b {bias} (fixed)").format(
                    bias=self.fmt(b.before)
                )
            tag = self._tag(
                [TextLine(text, 7.5, "#202020")],
                background="#fafafa",
                border="#9a9a9a",
            )
            self._put(tag, item.pos() + QPointF(0, R + 2 + tag.size().height() / 2), DOWN)
            self._add(tag)
        if len(update.weights) <= MAX_UPDATE_LABELS and self.tags_shown:
            for w in update.weights:
                connection = self.scene.connection_items.get((w.source, w.target))
                if connection is None:
                    continue
                # Near the arrowhead: where lines cross in the middle, a label could be either's.
                self._want_label(
                    (w.source, w.target),
                    w.after - w.before,
                    connection.line(),
                    [
                        TextLine(f"{self.fmt(w.before)} → {self.fmt(w.after)}", 7.5, bold=True),
                    ],
                    # Bordered in its line's colour: one more way to tell crossing lines' boxes apart.
                    style.connection_pen(style.weight_style(w.after)).color().name(),
                    (0.72, 0.62, 0.8, 0.5, 0.38, 0.28, 0.2),
                    short=[],
                )
            self._place_labels()

    # ----------------------------------------------------------------- helpers

    def _tag(self, lines: list[TextLine], **style) -> Tag:
        return self._make(Tag, lines, scale=self.text_scale, **style)

    def _make(self, cls: type, *args, **kwargs) -> QGraphicsItem:
        """`cls(*args, **kwargs)`, or the last frame's item made so (see `overlay_reuse`)."""
        return self.pool.make(cls, *args, **kwargs)

    def _sub(self, neuron_id: str) -> str:
        return f"<sub>{html.escape(self.names[neuron_id])}</sub>"

    def _intensity(self, value: float) -> float:
        return glow_intensity(value, self.scale)

    def _start_lit(self, count: int) -> None:
        """A frame is about to light `count` connections: how they are drawn (`lit_here`)."""
        self.lit = [] if lit_here(count, len(self.scene.connection_items)) else None

    def _light(
        self, keys: list[tuple[str, str]], colours: list[str], intensities: list[float]
    ) -> list[ConnectionLook | None]:
        """Light each connection `keys[k]` in `colours[k]`, as wide as `intensities[k]` (0…1)
        says: its editor item restyled, or drawn by the overlay (see `lit_here`). Returns each
        one as drawn (its item, or in a large network perhaps its stand-in: looking makes no
        item, see connection_items), None where the canvas has none. A neuron's connections
        are lit in one call."""
        drawn = self.scene.connection_items.lines
        looks = [drawn.get(key) for key in keys]
        lit = zip(keys, looks, colours, intensities, strict=True)
        if self.lit is None:
            for key, look, colour, intensity in lit:
                if look is not None:
                    self.looks.flow(key, QColor(colour), intensity)
        else:
            # Each line as the connection holds it: replaced on a move, not changed.
            self.lit += [(look.drawn, colour, i) for _, look, colour, i in lit if look is not None]
        return looks

    def _draw_lit(self) -> None:
        if self.lit:
            self._add(self._make(LitLines, self.lit, ends_of(self.lit)))
        self.lit = None


def _few(neuron_ids: list[str]) -> set[str]:
    """These neurons, if few enough to tag each; else none."""
    return set(neuron_ids) if len(neuron_ids) <= MAX_NEURON_TAGS else set()


def _largest_gradient(trace: Trace) -> float:
    values = [abs(t.product) for s in trace.steps for t in s.terms]
    values += [abs(g.dL_dw) for s in trace.steps for g in s.weight_grads]
    values += [abs(s.loss_derivative) for s in trace.steps if s.loss_derivative is not None]
    finite = [v for v in values if math.isfinite(v)]
    return max(finite, default=0.0)
