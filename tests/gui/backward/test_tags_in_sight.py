"""Zoomed in on a large network, a frame tags what is in and around the view; a pan brings the rest.

Past MAX_NEURON_TAGS neurons, tags out of sight are neither made nor placed
(`CanvasOverlay._sight`): the view and as much again on every side. Every tag the
view can show is there; panning past that area draws the frame again where the
view now is. A connection's label counts as in sight by the places it is tried (the
middle of its line), not by its whole line. A network of few neurons, and pictures, carry
every tag.
"""

import contextlib

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage

from playground.gui.backward.tag_budget import MAX_LABELLED, MAX_NEURON_TAGS
from tests.gui.backward.helpers import overlay_tags, zoom_in_to_read
from tests.gui.backward.test_interaction_at_scale import fan_out_network
from tests.gui.backward.test_tag_budget import pill_neurons, step_to
from tests.gui.backward.test_tags_at_zoom import differing_pixels


def seen(view) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def pan_up(qtbot, view, pixels: int) -> None:
    """Drag the canvas with the middle button, `pixels` upwards (the view moves down)."""
    viewport = view.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 20)
    end = QPoint(start.x(), start.y() - pixels)
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, pos=end)


def zoom_to_one(window) -> None:
    """View ▸ Zoom In (and Out) until the canvas shows the scene at about its own size."""
    while window.view.transform().m11() < 0.9:
        window.action_by_name["zoom_in"].trigger()


def test_every_tag_the_view_shows_is_there_and_a_pan_past_the_rest_draws_them(
    qtbot, trace_window, backward
):
    trace_window.document.replace(fan_out_network(100))  # outputs from y = 0 down to 4950
    backward.open()
    zoom_in_to_read(qtbot, trace_window)
    zoom_to_one(trace_window)
    view, scene = trace_window.view, trace_window.scene
    step_to(backward, "neuron", "h1")  # every output done: the budget pills the 24 h1 labels
    h1 = next(s for s in backward.session.trace.steps if s.neuron == "h1")
    values = {t.target: abs(t.product) for t in h1.terms}
    budget = set(sorted(values, key=lambda k: -values[k])[:MAX_LABELLED]) | {"h1"}
    position = {n: scene.neuron_items[n].pos() for n in budget}

    def check() -> set[str]:
        shown, visible = pill_neurons(scene), seen(view)
        assert shown <= budget
        # Every pill the view shows is there; none lies further than a view's height away.
        assert {n for n in budget if visible.contains(position[n])} <= shown
        for n in shown:
            assert abs(position[n].y() - visible.center().y()) <= 1.5 * visible.height() + 1
        return shown

    first = check()
    assert first != budget  # some of the 24 lie out of sight, untagged
    # Panned down the outputs, past where the frame drew its tags: drawn again there.
    sight = backward.overlay.sight
    while sight.contains(seen(view)):
        pan_up(qtbot, view, 300)
    qtbot.waitUntil(lambda: backward.overlay.sight != sight)
    second = check()
    assert second != first


def test_a_network_of_few_neurons_zoomed_in_keeps_every_tag(qtbot, trace_window, backward):
    backward.actions["step"].trigger()
    before = sorted(t.text for t in overlay_tags(trace_window.scene))
    for _ in range(6):
        trace_window.action_by_name["zoom_in"].trigger()
    backward.actions["back"].trigger()
    backward.actions["step"].trigger()
    assert len(trace_window.scene.neuron_items) <= MAX_NEURON_TAGS
    assert backward.overlay.sight is None
    assert sorted(t.text for t in overlay_tags(trace_window.scene)) == before


def test_a_picture_of_a_frame_zoomed_in_on_part_of_a_large_network_has_every_tag(
    qtbot, trace_window, backward, tmp_path
):
    trace_window.document.replace(fan_out_network(100))
    backward.open()
    step_to(backward, "neuron", "h1")
    assert backward.export_png(str(tmp_path / "fitted.png"))
    zoom_in_to_read(qtbot, trace_window)
    zoom_to_one(trace_window)
    # The frame is drawn again, tagging only the part of the network in sight.
    whole = trace_window.scene.network_rect()

    def tags_part() -> bool:
        sight = backward.overlay.sight
        return sight is not None and not sight.contains(whole)

    qtbot.waitUntil(tags_part)
    assert backward.export_png(str(tmp_path / "zoomed.png"))
    fitted, zoomed = QImage(str(tmp_path / "fitted.png")), QImage(str(tmp_path / "zoomed.png"))
    assert fitted.size() == zoomed.size() and differing_pixels(fitted, zoomed) < 500


def test_a_connection_label_is_made_only_where_its_places_may_be_seen(
    qtbot, trace_window, backward
):
    # h1's lines fan out from (300, 0) down to y = 4950. Its 24 largest terms are the far
    # outputs', whose labels are tried along the middle of their lines, thousands of units
    # down: zoomed in beside h1 all 24 lines cross the view, but none of those places does.
    trace_window.document.replace(fan_out_network(100))
    backward.open()
    zoom_in_to_read(qtbot, trace_window)
    zoom_to_one(trace_window)
    view, overlay = trace_window.view, backward.overlay
    view.centerOn(trace_window.scene.neuron_items["h1"])
    step_to(backward, "neuron", "h1")

    def in_view(every_tag: bool) -> set:
        """The connection labels the view shows: as drawn, or as a picture draws every one."""
        qtbot.waitUntil(lambda: overlay.sight is not None and overlay.sight.contains(seen(view)))
        visible = seen(view)
        with backward._for_picture() if every_tag else contextlib.nullcontext():
            labels = {k: tag for k, tag in overlay.labels.items() if k != "loss"}
            return {k for k, tag in labels.items() if tag.sceneBoundingRect().intersects(visible)}

    made = [k for k in overlay.labels if k != "loss"]
    assert len(made) < MAX_LABELLED  # each made is one that may be seen
    assert in_view(every_tag=False) == in_view(every_tag=True)
    # Down where the far outputs' labels are tried: there they are, each the view can show.
    view.centerOn(450, 2475)
    shown = in_view(every_tag=False)
    assert shown and shown == in_view(every_tag=True)
