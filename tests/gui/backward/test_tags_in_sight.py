"""Zoomed in on a large network, a frame tags what is in and around the view; a pan brings the rest.

Past MAX_NEURON_TAGS neurons, tags out of sight are neither made nor placed
(`CanvasOverlay._sight`): the view and as much again on every side. Every tag the
view can show is there; panning past that area draws the frame again where the
view now is. A network of few neurons, and pictures, carry every tag.
"""

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
