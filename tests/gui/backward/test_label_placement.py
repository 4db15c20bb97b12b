"""Labels of the backward overlay cover no neuron and no other label, and the canvas writes the
weights at the trace's digits (issue 10)."""

import numpy as np
import pytest
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt

from playground.engine.formatting import format_number
from playground.gui.backward.label_placement import ALONG, LabelPlacer
from playground.gui.backward.overlay_items import Leader, Tag
from playground.gui.backward.placement_arrays import Boxes, Leaders, normal_edges, overlaps
from playground.gui.backward.placement_script import KeptChoices
from playground.gui.canvas import style
from playground.gui.canvas.geometry import crosses
from playground.model.examples import example_names, example_path
from playground.model.network_file import load_network
from tests.gui.backward.helpers import tag_on

LEFT = Qt.MouseButton.LeftButton


# ----------------------------------------------------------------- the geometry alone


def test_a_segment_crosses_a_rectangle_only_where_it_passes_through_it():
    box = QRectF(0, 0, 10, 10)
    assert crosses(QLineF(-5, 5, 15, 5), box)  # straight through
    assert crosses(QLineF(2, 2, 3, 3), box)  # wholly inside
    assert not crosses(QLineF(-5, -5, 15, -1), box)  # above it
    assert not crosses(QLineF(-10, 20, 20, 11), box)  # its line would, the segment stops short
    assert crosses(QLineF(-5, 15, 15, -5), box)  # corner to corner


def test_boxes_of_two_crossing_lines_each_sit_on_their_own_line_alone():
    down, up = QLineF(0, 0, 200, 100), QLineF(0, 100, 200, 0)  # an X, crossing at (100, 50)
    placer = LabelPlacer(lines=[down, up])
    size = QRectF(-25, -8, 50, 16)
    # The middle first: a placer that ignored the other line would put both boxes on the crossing.
    boxes = [
        size.translated(placer.place_on_line(size, line, (0.5, 0.62, 0.38))) for line in (down, up)
    ]
    for line, other, box in ((down, up, boxes[0]), (up, down, boxes[1])):
        assert crosses(line, box), "a label leaves its own line"
        assert not crosses(other, box), "a label sits where it could be the other line's"
    assert not boxes[0].intersects(boxes[1])


def test_a_label_with_no_room_on_its_line_goes_beside_it_with_a_leader_through_a_gap():
    line = QLineF(0, 0, 300, 0)
    # Along the line all is taken but a gap too narrow for the label: room for its leader only.
    left, right = QRectF(-10, -12, 155, 24), QRectF(155, -12, 160, 24)
    placer = LabelPlacer([left, right])
    size = QRectF(-20, -6, 40, 12)
    spot = placer.spot_on_line(size, line)
    assert spot is not None and spot.anchor is not None
    box = size.translated(spot.centre)
    assert not box.intersects(left) and not box.intersects(right)
    assert spot.anchor == QPointF(150, 0)  # the leader ends on the line, in the gap
    assert not crosses(QLineF(spot.centre, spot.anchor), left)
    assert not crosses(QLineF(spot.centre, spot.anchor), right)
    assert placer.taken[-1] == box  # and the box is now taken


def test_with_no_free_room_at_all_a_label_is_left_out():
    line = QLineF(0, 0, 100, 0)
    placer = LabelPlacer([QRectF(-200, -200, 500, 400)])
    assert placer.spot_on_line(QRectF(-20, -6, 40, 12), line) is None
    assert len(placer.taken) == 1


# ----------------------------------------------------------------- every example, every step


def _overlaps(scene) -> list[str]:
    """Each pair (label, label) or (label, neuron) whose rectangles overlap, by name."""
    tags = [item for item in scene.items() if isinstance(item, Tag) and item.isVisible()]
    boxes = [(tag.text.replace("\n", " "), tag.mapRectToScene(tag.size())) for tag in tags]
    r = style.NEURON_RADIUS
    neurons = [
        (f"neuron {neuron_id}", QRectF(item.x() - r, item.y() - r, 2 * r, 2 * r))
        for neuron_id, item in scene.neuron_items.items()
    ]
    found = []
    for k, (name, box) in enumerate(boxes):
        for other, other_box in boxes[k + 1 :] + neurons:
            if box.intersects(other_box):
                found.append(f"“{name}” on “{other}”")
    return found


def _step_through(window, qtbot) -> list[str]:
    """Every frame of the trace, forward steps and parts included, through the update applied:
    the overlaps seen, by step."""
    backward = window.backward
    backward.actions["forward_steps"].setChecked(True)
    backward.actions["detailed"].setChecked(True)
    backward.actions["restart"].trigger()
    problems, frames = [], 0
    while True:
        frames += 1
        assert backward.overlay.items, f"nothing drawn at {backward.session.label()}"
        problems += [f"{backward.session.label()}: {o}" for o in _overlaps(window.scene)]
        if backward.session.applied:
            break
        backward.actions["step"].trigger()  # at the update, Step applies it
    assert frames == len(backward.session.frames) + 1
    return problems


@pytest.mark.parametrize("name", example_names())
def test_no_label_covers_another_or_a_neuron_at_any_step(trace_window, qtbot, name):
    menu = trace_window.menus["examples"]
    next(a for a in menu.actions() if a.text() == name.replace("_", " ")).trigger()
    example = load_network(example_path(name))
    assert trace_window.document.network == example
    assert len(trace_window.scene.neuron_items) == len(example.neurons)
    problems = _step_through(trace_window, qtbot)
    assert not problems, "\n".join(problems[:20])


def test_in_presentation_mode_the_larger_labels_cover_nothing_either(trace_window, qtbot):
    backward = trace_window.backward
    backward.actions["presentation"].trigger()
    assert backward.presentation.active
    problems = _step_through(trace_window, qtbot)
    assert not problems, "\n".join(problems[:20])
    backward.presentation.leave()


def test_on_the_2_2_2_every_weight_is_labelled_at_the_update_even_in_presentation(
    trace_window, qtbot
):
    backward = trace_window.backward
    backward.actions["presentation"].trigger()
    backward.actions["to_end"].trigger()
    assert backward.session.at_update()
    keys = list(trace_window.scene.connection_items)
    for source, target in keys:
        tag = tag_on(trace_window, source, target)  # on or beside its own line
        assert tag is not None, f"{source} → {target} has no label"
    # A box pushed off its line is tied to it by a leader that ends on that line.
    for leader in (i for i in trace_window.scene.items() if isinstance(i, Leader)):
        end = leader.line.p2()
        assert any(
            min((c.line().pointAt(k / 200) - end).manhattanLength() for k in range(201)) < 1.5
            for c in trace_window.scene.connection_items.values()
        )
    backward.presentation.leave()


# ----------------------------------------------------------------- digits on the canvas


def _mazur_update(eta: float = 0.5) -> float:
    """w(i1→h1) after one SGD step on the 2-2-2 example's sample, by hand with numpy."""
    x, t = np.array([0.05, 0.1]), np.array([0.01, 0.99])
    w_hidden = np.array([[0.15, 0.20], [0.25, 0.30]])  # rows: h1, h2; columns: i1, i2
    w_out = np.array([[0.40, 0.45], [0.50, 0.55]])  # rows: o1, o2; columns: h1, h2
    sigmoid = lambda z: 1 / (1 + np.exp(-z))
    h = sigmoid(w_hidden @ x + 0.35)
    o = sigmoid(w_out @ h + 0.60)
    delta_out = (o - t) * o * (1 - o)  # ∂L/∂z of the outputs, L = ½ Σ (t − o)²
    delta_hidden = (w_out.T @ delta_out) * h * (1 - h)
    return float(0.15 - eta * delta_hidden[0] * x[0])


def test_after_the_update_the_canvas_writes_the_new_weight_at_the_trace_digits(trace_window, qtbot):
    backward, scene = trace_window.backward, trace_window.scene
    network = trace_window.document.network
    assert network.connection("i1", "h1").weight == 0.15  # the example is the one worked by hand
    trace_window.action_by_name["weight_labels"].trigger()  # View ▸ Show Weight Labels
    layer, item = scene.connection_layer, scene.connection_items[("i1", "h1")]
    backward.panel.digits.setValue(6)
    qtbot.mouseClick(backward.panel.end_button, LEFT)
    # While the trace shows, the editor's own (old) weight labels do not show through it.
    assert layer.shown_label(item) is None
    qtbot.mouseClick(backward.panel.apply_button, LEFT)
    new = _mazur_update()
    assert abs(network.connection("i1", "h1").weight - new) < 1e-12
    written = format_number(new, 6)
    assert written == "0.149781"  # the change shows at six digits (three would write 0.150)
    assert tag_on(trace_window, "i1", "h1").text == f"0.15 → {written}"
    # Closing the dock, the editor's label comes back with the same digits.
    backward.dock.close()
    qtbot.waitUntil(lambda: not backward.is_showing())
    assert layer.shown_label(item) == written
    assert layer.shown_label(scene.connection_items[("h1", "o1")]) == format_number(
        network.connection("h1", "o1").weight, 6
    )
    # The bias labels too, at the same digits (three would write 0.346).
    bias = network.neuron("h1").bias
    assert format_number(bias, 6) != format_number(bias, 3)
    assert scene.neuron_items["h1"].bias_text == "b " + format_number(bias, 6)


def test_the_ring_goes_round_a_neuron_widened_to_fit_its_name(trace_window, qtbot):
    """skip_connection's output is labelled "sum": its body is a pill, and so is its ring."""
    from playground.gui.backward.overlay_items import Ring

    menu = trace_window.menus["examples"]
    next(a for a in menu.actions() if a.text() == "skip connection").trigger()
    backward, scene = trace_window.backward, trace_window.scene
    item = scene.neuron_items["o1"]
    assert item.half_width > style.NEURON_RADIUS  # widened for "sum"
    body = item.mapRectToScene(item.shape().boundingRect())
    session = backward.session
    for _ in range(len(session.frames)):
        frame = session.frame
        if frame.kind == "neuron" and session.trace.steps[frame.step].neuron == "o1":
            break
        backward.actions["step"].trigger()
    else:
        pytest.fail("never reached o1's backward step")
    rings = [i for i in scene.items() if isinstance(i, Ring)]
    assert len(rings) == 1
    assert rings[0].mapRectToScene(rings[0].outline()).contains(body)


def test_the_crossings_of_fifty_places_counted_at_once_are_those_counted_one_by_one():
    """`spot_on_line` counts every candidate's crossings as arrays; each count must be the
    one-by-one Liang–Barsky count of `geometry.crosses`, own line and duplicates left out."""
    rng = np.random.default_rng(3)
    for _ in range(20):
        ends = rng.uniform(-300, 300, size=(24, 4)).round(1)
        ends[:3, 2] = ends[:3, 0]  # upright lines: parallel to two of a box's edges
        ends[3:5, 3] = ends[3:5, 1]  # level lines
        lines = [QLineF(*e) for e in ends]
        lines.append(QLineF(lines[5]))  # a line drawn twice: left out with its twin
        placer = LabelPlacer(lines=lines)
        size = QRectF(-30, -9, 60, 18)
        own = lines[5]
        centres = placer.candidates_on_line(size, own)
        counted = placer.crossing_counts(Boxes(size, centres), own)
        for centre, count in zip(centres, counted, strict=True):
            box = size.translated(centre)
            expected = sum(1 for line in lines if line != own and crosses(line, box))
            assert count == expected


def test_boxes_tested_at_once_overlap_exactly_what_qt_says_they_intersect():
    """`placement_arrays.overlaps` against `QRectF.intersects`, one pair at a time: touching
    edges, rectangles of negative width and empty ones included."""
    rng = np.random.default_rng(5)
    size = QRectF(-20, -6, 40, 12)
    centres = [QPointF(*p) for p in rng.integers(-60, 60, size=(40, 2)).astype(float)]
    for _ in range(30):
        taken = [QRectF(*r) for r in rng.integers(-50, 50, size=(6, 4)).astype(float)]
        taken.append(QRectF(size.translated(centres[0]).topRight(), size.size()))  # touching
        taken.append(QRectF(5, 5, 0, 10))  # empty: overlaps nothing
        edges = [e for e in map(normal_edges, taken) if e is not None]
        boxes = (e[:, 0] for e in Boxes(size, centres).edges())
        found = overlaps(*boxes, np.array(edges)).any(axis=1)
        for centre, hit in zip(centres, found, strict=True):
            box = size.translated(centre)
            assert hit == any(box.intersects(other) for other in taken)


def test_leaders_found_at_once_meet_the_line_where_it_comes_nearest_each_box():
    """`placement_arrays.Leaders` against a point-by-point projection onto the segment."""
    rng = np.random.default_rng(11)
    size = QRectF(-25, -8, 50, 16)
    for ends in rng.uniform(-200, 200, size=(10, 4)).round(1):
        line = QLineF(*ends)
        centres = [QPointF(*p) for p in rng.uniform(-250, 250, size=(30, 2))]
        leaders = Leaders.to_line(line, Boxes(size, centres))
        for k, centre in enumerate(centres):
            length2 = line.dx() ** 2 + line.dy() ** 2
            t = (centre.x() - line.x1()) * line.dx() + (centre.y() - line.y1()) * line.dy()
            anchor = line.pointAt(min(1.0, max(0.0, t / length2)))
            box = size.translated(centre)
            start = QPointF(
                min(max(anchor.x(), box.left()), box.right()),
                min(max(anchor.y(), box.top()), box.bottom()),
            )
            assert leaders.line(k) == QLineF(start, anchor)
            assert leaders.lengths()[k] == QLineF(start, anchor).length()


def _placed_one_by_one(
    requests: list[tuple[QRectF, QLineF]], taken: list[QRectF], lines: list[QLineF]
) -> list[tuple[QPointF, QPointF | None] | None]:
    """The greedy placement written plainly, point by point with Qt's own tests: for each label
    in turn, the candidate of least cost (crossed labelled lines; off its line 1 more and the
    leader's length in thousands) whose box is free and whose leader crosses nothing."""
    taken = list(taken)
    placed: list[tuple[QPointF, QPointF | None] | None] = []
    for size, line in requests:
        length = line.length() or 1.0
        nx, ny = -line.dy() / length, line.dx() / length
        reach = abs(nx) * size.width() / 2 + abs(ny) * size.height() / 2
        centres = []
        for offset in (0.0, 0.7 * reach, reach + 10.0, 2 * reach + 20.0):
            for t in (0.62, 0.38, 0.5, 0.72, 0.28, 0.8, 0.2):
                p = line.pointAt(t)
                for side in (1, -1) if offset else (1,):
                    centres.append(QPointF(p.x() + side * nx * offset, p.y() + side * ny * offset))
        options = []
        for number, centre in enumerate(centres):
            box = size.translated(centre)
            if any(box.intersects(other) for other in taken):
                continue
            cost = float(sum(1 for other in lines if other != line and crosses(other, box)))
            anchor = None
            if not crosses(line, box.adjusted(-1, -1, 1, 1)):
                along = (centre.x() - line.x1()) * line.dx() + (centre.y() - line.y1()) * line.dy()
                anchor = line.pointAt(min(1.0, max(0.0, along / (line.dx() ** 2 + line.dy() ** 2))))
                start = QPointF(
                    min(max(anchor.x(), box.left()), box.right()),
                    min(max(anchor.y(), box.top()), box.bottom()),
                )
                leader = QLineF(start, anchor)
                if any(crosses(leader, other) for other in taken):
                    continue
                cost += 1.0 + leader.length() / 1000
            options.append((cost, number, centre, anchor))
        if not options:
            placed.append(None)
            continue
        _, _, centre, anchor = min(options, key=lambda o: o[:2])
        taken.append(size.translated(centre))
        placed.append((centre, anchor))
    return placed


def test_labels_placed_as_one_batch_land_where_one_by_one_placement_puts_them():
    """A step's labels are placed as a batch (`PlacementBatch`): tested together against what
    was taken before, then each against the labels placed since. Thirty labels of a neuron's
    converging inputs crowd each other and some neurons, so most are pushed aside."""
    rng = np.random.default_rng(7)
    for _ in range(6):
        target = QPointF(400, 0)
        sources = [QPointF(0, y) for y in sorted(rng.uniform(-300, 300, size=30).round(1))]
        lines = [QLineF(s, target) for s in sources]
        neurons = [QRectF(p.x() - 14, p.y() - 14, 28, 28) for p in [*sources, target]]
        neurons += [
            QRectF(*r) for r in rng.uniform(0, 300, size=(8, 2)).round() for r in [(*r, 30, 30)]
        ]
        sizes = [QRectF(-w / 2, -9, w, 18) for w in rng.uniform(30, 90, size=30).round(1)]
        placer = LabelPlacer(neurons, lines)
        batch = placer.batch([(size, line, ALONG) for size, line in zip(sizes, lines, strict=True)])
        spots = [batch.spot(k) for k in range(len(lines))]
        expected = _placed_one_by_one(list(zip(sizes, lines, strict=True)), neurons, lines)
        got = [None if s is None else (s.centre, s.anchor) for s in spots]
        assert got == expected
        assert any(s is not None and s.anchor is not None for s in spots)  # some pushed aside


# ----------------------------------------------------------------- a frame shown again


def crowded_requests() -> tuple[list[QRectF], list[tuple[QRectF, QLineF]]]:
    """Neurons in a row and labels of lines fanning out over them: many must move aside."""
    obstacles = [QRectF(60.0 * k, 0, 30, 30) for k in range(8)]
    size = QRectF(-22, -7, 44, 14)
    lines = [QLineF(0, 15, 420, 15 + 40.0 * k) for k in range(-5, 6)]
    return obstacles, [(size, line) for line in lines]


def place_all(placer: LabelPlacer, requests, tags: list[QRectF]) -> list:
    """The tags placed one by one (`place`), then the lines' labels as one batch (`spot`)."""
    found = [placer.place(size, [QPointF(200, -20), QPointF(200, 60)]) for size in tags]
    batch = placer.batch([(size, line, ALONG) for size, line in requests])
    spots = [batch.spot(k) for k in range(len(requests))]
    return [(p.x(), p.y()) for p in found] + [
        None if s is None else (s.centre.x(), s.centre.y(), s.anchor) for s in spots
    ]


def test_a_placer_with_the_choices_of_an_earlier_showing_makes_them_again_without_searching(
    monkeypatch,
):
    obstacles, requests = crowded_requests()
    tags = [QRectF(-30, -8, 60, 16)] * 3
    first = LabelPlacer(obstacles)
    placed = place_all(first, requests, tags)
    assert any(p is not None and p[2] is not None for p in placed[3:])  # some needed a leader

    again = LabelPlacer(obstacles)
    again.script = KeptChoices(first.record)
    monkeypatch.setattr(LabelPlacer, "_choose", lambda *a: pytest.fail("searched for a tag"))
    monkeypatch.setattr(
        "playground.gui.backward.placement_batch.PlacementBatch._test_candidates",
        lambda self: pytest.fail("tested the labels' candidates"),
    )
    replayed = place_all(again, requests, tags)
    assert [p[:2] if p else p for p in replayed] == [p[:2] if p else p for p in placed]
    anchors = [(p[2].x(), p[2].y()) if p and p[2] else None for p in placed[3:]]
    assert [(p[2].x(), p[2].y()) if p and p[2] else None for p in replayed[3:]] == anchors
    assert again.taken == first.taken  # the same boxes taken, for what comes after


def test_a_frame_that_asks_otherwise_than_before_is_placed_anew_from_that_question_on():
    obstacles, requests = crowded_requests()
    tags = [QRectF(-30, -8, 60, 16)] * 3
    first = LabelPlacer(obstacles)
    place_all(first, requests, tags)
    # The second label's box grew (a digit more): the first keeps its place, the rest are
    # placed as a placer without any script places them.
    wider = [*requests[:1], (QRectF(-30, -7, 60, 14), requests[1][1]), *requests[2:]]
    again = LabelPlacer(obstacles)
    again.script = KeptChoices(first.record)
    fresh = LabelPlacer(obstacles)
    assert place_all(again, wider, tags) == place_all(fresh, wider, tags)
    assert again.script is None  # the script was given up at the question asked otherwise
