"""Where the backward overlay puts its labels: the geometry half of CanvasOverlay.

Every tag goes through a LabelPlacer: a neuron's own tags (z and y above it,
its ∂L/∂z pill below, its target and the loss to the right) at their usual
place or the nearest free room; then the connections' labels, the largest
value first, on or beside their own line, in short form or left out when
there is no free room. So no label covers a neuron or another label, and
where lines cross each box stays on its own line.
"""

from __future__ import annotations

import itertools
import math
import weakref
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtWidgets import QGraphicsItem

from playground.gui.backward.label_placement import ALONG, LabelPlacer, edge_towards
from playground.gui.backward.overlay_items import Leader, Tag, TextLine
from playground.gui.backward.placement_batch import Spot
from playground.gui.backward.placement_script import KeptChoices
from playground.gui.canvas import style
from playground.gui.canvas.neuron_item import NeuronItem
from playground.gui.canvas.scene import NetworkScene

LABEL_BACKGROUND = "#f5ffffff"  # a connection's label: white, the line faintly through

R = style.NEURON_RADIUS
RING_RADIUS = R + 9  # the current neuron's ring
UP, DOWN, RIGHT = QPointF(0, -1), QPointF(0, 1), QPointF(1, 0)
MAX_FRAMES_PLACED = 1000  # frames whose places are kept (a few dozen choices each)
# How far a connection label's box may reach from the part of its line where it is tried, at
# text scale 1: pushed off the line by twice its reach across it and two leader gaps, plus
# half its own size (see placement_batch.candidate_offsets), at most 1.5 × (width + height)
# + 20; with eight digits a label is about 200 × 40.
LABEL_ROOM = 400.0


def glow_intensities(values: Sequence[float], scale: float) -> list[float]:
    """0.15 … 1 by each |value| against `scale` (the largest shown); square root so small ones
    show; 0.15 for a value not finite. All at once: a neuron may light a thousand."""
    size = np.abs(np.asarray(values, dtype=float))
    if scale <= 0:
        return [0.15] * len(size)
    with np.errstate(invalid="ignore"):
        intensity = 0.15 + 0.85 * np.sqrt(np.minimum(1.0, size / scale))
    intensity[~np.isfinite(size)] = 0.15
    return intensity.tolist()


def glow_intensity(value: float, scale: float) -> float:
    """One value's `glow_intensities`."""
    return glow_intensities([value], scale)[0]


def largest_places(values: list[float], count: int) -> set[int]:
    """The places of the `count` values largest in size (the first of equal ones; NaN last).

    At most `count`: a thousand equal values (a sample of zeros) once labelled all thousand.
    """
    size = [abs(v) if not math.isnan(v) else -1.0 for v in values]
    return set(sorted(range(len(values)), key=lambda k: -size[k])[:count])


class LabelLayout:
    """Placement of the overlay's tags; mixed into CanvasOverlay, which draws them."""

    scene: NetworkScene
    placer: LabelPlacer
    labels: dict[object, Tag]
    wanted: list  # connection labels waiting for `_place_labels`
    ringed: str | None  # the neuron with the ring, if any
    # Each neuron's rectangles by what decides them (see `_neuron_rects`), with bias texts or not.
    neuron_rects_kept: dict[bool, dict[NeuronItem, tuple[tuple, list[QRectF]]]]
    neurons_placer: dict[bool, LabelPlacer]  # see `_new_placer`
    # Each frame's choices of places, to show it again as it was (see `_new_placer`).
    placements: dict[bool, dict[tuple, tuple[weakref.ref, KeptChoices]]]
    placement_key: tuple | None  # the frame being drawn's, until `_keep_placements`
    trace: object
    frame: object
    digits: int
    text_scale: float
    tags_shown: bool
    sight: QRectF | None

    def _tag(self, lines: list[TextLine], **style) -> Tag:
        raise NotImplementedError

    def _add(self, item: QGraphicsItem) -> QGraphicsItem:
        raise NotImplementedError

    def _make(self, cls: type, *args, **kwargs) -> QGraphicsItem:
        raise NotImplementedError

    def _new_placer(self, bias_texts: bool = True) -> LabelPlacer:
        """A placer that keeps labels off every neuron (`_neuron_rects`).

        The neurons' part is kept while their rectangles stay the same and copied for each
        frame: noting a thousand neurons' rectangles in its grid took a while at every step.
        """
        rects, same = self._neuron_rects(bias_texts)
        kept = self.neurons_placer.get(bias_texts)  # one for the steps, one for the update
        placements = self.placements.setdefault(bias_texts, {})
        if kept is None or not same:
            kept = self.neurons_placer[bias_texts] = LabelPlacer(rects)
            placements.clear()  # the neurons changed: no frame's places still hold
        placer = kept.copy()
        # A frame shown before is shown as it was: its places are chosen again in the same
        # order, not searched (a step back would otherwise show a label moved, and took a
        # third of its time placing labels). A question asked differently (a text grown by a
        # digit more) ends the script, and the rest is placed anew.
        self.placement_key = (
            bias_texts,
            id(self.trace),
            self.frame,
            self.digits,
            self.text_scale,
            self.tags_shown,
            self.sight.getCoords() if self.sight is not None else None,
        )
        shown = placements.get(self.placement_key)
        if shown is not None and shown[0]() is self.trace:
            placer.script = shown[1]
        return placer

    def _keep_placements(self) -> None:
        """Note the places the frame just drawn chose (see `_new_placer`)."""
        if self.placement_key is None:
            return
        placements = self.placements.setdefault(self.placement_key[0], {})
        if len(placements) >= MAX_FRAMES_PLACED:
            placements.clear()
        # The trace by a weak reference: the places of a trace no longer shown must not keep
        # its ten thousand numbers alive.
        placements[self.placement_key] = (weakref.ref(self.trace), KeptChoices(self.placer.record))
        self.placement_key = None

    def _neuron_rects(self, bias_texts: bool = True) -> tuple[list[QRectF], bool]:
        """What labels must leave uncovered: each neuron with room for the current one's ring,
        whatever it shows as child items, and (unless a tag replaces it) its bias text; and
        whether they are those of the last call, every neuron as it was."""
        rects = []
        same = True
        # Kept per neuron while what it shows and where stay the same: a step of the trace
        # asks for all of them again, and reading them from a thousand items took a while.
        cache = self.neuron_rects_kept.get(bias_texts, {})  # one for the steps, one for the update
        kept: dict[NeuronItem, tuple[tuple, list[QRectF]]] = {}
        for item in self.scene.neuron_items.values():
            children = item.childItems()
            shown = (
                item.x(),  # not pos(): a thousand QPointF made at every step took a while
                item.y(),
                item.role,
                item.half_width,
                item.bias_side,
                item.picture_side,
                item.bias_text,
                item.picture is None,
                bias_texts,
                len(children),
            )
            known = cache.get(item)
            if known is not None and known[0] == shown and not children:
                kept[item] = known
                rects += known[1]
                continue
            own = [item.mapRectToScene(item.shape().boundingRect())]
            own += [c.sceneBoundingRect() for c in children if c.isVisible()]
            # The bias text on whichever side the scene chose it, and the output picture.
            parts = [item.bias_rect() if bias_texts else None, item.picture_rect()]
            own += [part.translated(item.pos()) for part in parts if part is not None]
            if known is None or [r.getRect() for r in known[1]] != [r.getRect() for r in own]:
                same = False
            kept[item] = (shown, own)
            rects += own
        self.neuron_rects_kept[bias_texts] = kept  # without the items of a rebuilt scene
        return rects, same and len(kept) == len(cache)

    def _want_label(
        self,
        key: tuple[str, str],
        value: float,
        line: QLineF,
        lines: list[TextLine],
        border: str,
        along: tuple[float, ...] | None = None,
        short: list[TextLine] | None = None,
    ) -> None:
        """Note a connection's label; `_place_labels` places them all, the largest value first.
        Left out at a zoom too small to read it (see `tags_readable`), or out of sight."""
        if not self.tags_shown or not self._may_be_seen(line, along):
            return
        short = lines[-1:] if short is None else short
        self.wanted.append(
            (key, value, line, lines, border, along, short if short != lines else [])
        )

    def _may_be_seen(self, line: QLineF, along: Sequence[float] | None = None) -> bool:
        """Whether a label of `line`, tried at the places `along` it (ALONG if None), could
        land in sight (see CanvasOverlay._sight).

        The whole line is not enough: zoomed in beside a neuron of 1000-10-1, a step's 24
        labelled lines all cross the view, and 23 of their labels' places lie thousands of
        units away, where making, describing and placing them was a fifth of the step.
        """
        if self.sight is None:
            return True
        along = along or ALONG
        start, end = line.pointAt(min(along)), line.pointAt(max(along))
        room = LABEL_ROOM * self.text_scale
        tried = QRectF(start, end).normalized().adjusted(-room, -room, room, room)
        return self.sight.intersects(tried)

    def _writable(self, places: dict[int, tuple[QLineF, Sequence[float] | None]]) -> set[int]:
        """Which of a neuron's labels chosen (by place: its line, and where along it it is
        tried) are written with words and numbers: none where text would be a speck
        (`tags_shown`), and only those that may land in sight (`_may_be_seen`)."""
        if not self.tags_shown:
            return set()
        return {k for k, (line, along) in places.items() if self._may_be_seen(line, along)}

    def _place_labels(self) -> None:
        # Every labelled line is known before the first is placed, so no box lands on a line
        # whose own box comes later.
        self.placer.add_lines(line for _, _, line, *_ in self.wanted)
        by_size = sorted(
            self.wanted, key=lambda w: -abs(w[1]) if math.isfinite(w[1]) else -math.inf
        )
        tags = [self._tag(w[3], background=LABEL_BACKGROUND, border=w[4]) for w in by_size]
        # Placed in turn, the largest first, but their candidate places tested all at once.
        batch = self.placer.batch(
            [(tag.size(), w[2], w[5] or ALONG) for tag, w in zip(tags, by_size, strict=True)]
        )
        for k, (key, _, line, _, border, along, short) in enumerate(by_size):
            tag: Tag | None = self._put_on_line(tags[k], batch.spot(k), border)
            if tag is None and short:  # only its short form may fit
                short_tag = self._tag(short, background=LABEL_BACKGROUND, border=border)
                spot = self.placer.spot_on_line(short_tag.size(), line, along or ALONG)
                tag = self._put_on_line(short_tag, spot, border)
            if tag is not None:
                self.labels[key] = tag
        self.wanted = []

    def _block_ring(self) -> None:
        item = self.scene.neuron_items.get(self.ringed) if self.ringed else None
        if item is not None:
            r = RING_RADIUS + 2
            s = max(0.0, item.half_width - R)  # a neuron widened to fit its name
            self.placer.block(QRectF(item.x() - r - s, item.y() - r, 2 * (r + s), 2 * r))

    def _clear(self, neuron_id: str, tag: Tag) -> float:
        """How far above a neuron its tag's centre goes: clear of the neuron, and of the ring."""
        top = RING_RADIUS + 2 if neuron_id == self.ringed else R + 4
        return top + tag.size().height() / 2

    def _put(self, tag: Tag, at: QPointF, away: QPointF) -> None:
        """A neuron's own tag at `at`, else the nearest free room beside it or further `away`."""
        size = tag.size()
        # Sideways: across the direction `away` from the neuron.
        across = QPointF(size.width() / 2 + 4, 0) if away.x() == 0 else QPointF(0, size.height())
        step = QPointF(away.x() * (size.width() / 2 + 4), away.y() * (size.height() + 3))
        # Made one by one as the placer asks: usually the first is free.
        candidates = (at + k * step + side * across for k in range(4) for side in (0, 1, -1, 2, -2))
        if tag.scene() is self.scene and not tag.pool_hidden:
            # The last frame's tag made the same, used again: where it was is tried first if it
            # is one of this neuron's places (hundreds of pills keep their place at each step).
            # Drawn anew, a crowded neuron's pill tried several places, at every step.
            was = tag.pos()
            if _one_of(was, at, step, across):
                candidates = itertools.chain([was], candidates)
        tag.setPos(self.placer.place(size, candidates))

    def _put_on_line(self, tag: Tag, spot: Spot | None, border: str) -> Tag | None:
        """A connection's label at `spot`, with a leader if it was pushed off its line; None
        without a spot (the colour and width of the line still show the value, its tooltip all)."""
        if spot is None:
            return None
        tag.setPos(spot.centre)
        self._add(tag)
        if spot.anchor is not None:
            # Pushed off its line: a thin leader says which line it belongs to.
            start = edge_towards(tag.sceneBoundingRect(), spot.anchor)
            self._add(self._make(Leader, start, spot.anchor, border))
        return tag


def _one_of(point: QPointF, at: QPointF, step: QPointF, across: QPointF) -> bool:
    """Whether `point` is one of `_put`'s candidates, exactly (the same arithmetic in doubles)."""
    x, y = point.x(), point.y()
    ax, ay, sx, sy, cx, cy = at.x(), at.y(), step.x(), step.y(), across.x(), across.y()
    # `step` and `across` lie along the axes: k and side read off directly, not searched
    # (a thousand tags tried twenty each at every step).
    if sx == 0 and cy == 0 and sy != 0 and cx != 0:
        k, side = round((y - ay) / sy), round((x - ax) / cx)
    elif sy == 0 and cx == 0 and sx != 0 and cy != 0:
        k, side = round((x - ax) / sx), round((y - ay) / cy)
    else:
        return any(
            ax + k * sx + side * cx == x and ay + k * sy + side * cy == y
            for k in range(4)
            for side in (0, 1, -1, 2, -2)
        )
    return (
        0 <= k < 4
        and -2 <= side <= 2
        and ax + k * sx + side * cx == x
        and ay + k * sy + side * cy == y
    )
