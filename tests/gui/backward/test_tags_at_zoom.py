"""At a zoom where a tag's text would be a speck, a frame leaves its tags and labels out.

The rule is `tag_budget.tags_readable`: a tag's body text under 3 pixels high on
screen. The ring, the glows, the lit lines and the loss node stay; the legend says to zoom in, and
zooming in through View ▸ Zoom In draws the frame again with its numbers. Pictures
exported from the panel carry every tag at any zoom.
"""

import base64
import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from playground.gui.backward.frames import GRADIENTS
from playground.gui.backward.legend import legend_html
from playground.gui.backward.overlay_items import Glow, Ring
from playground.gui.backward.tag_budget import tags_readable
from tests.gui.backward.helpers import overlay_tags, zoom_in_to_read
from tests.gui.backward.test_large_networks import fan_in_network

HINT = "Zoom in to see the numbers"


@pytest.mark.parametrize(
    ("zoom", "text_scale", "readable"),
    [
        (1.0, 1.0, True),
        (0.3, 1.0, True),  # 7.5 pt at 0.3: 3 pixels
        (0.29, 1.0, False),
        (0.07, 1.0, False),  # 10,000 connections fitted into 1400 × 900
        (0.2, 1.5, True),  # presentation mode's larger text
        (0.19, 1.5, False),
    ],
)
def test_tags_are_readable_from_three_pixels_of_text(zoom, text_scale, readable):
    assert tags_readable(zoom, text_scale) is readable


def far_out(qtbot, window) -> None:
    """Load forty inputs into one output and open the panel: it fits them too far out to read."""
    window.document.replace(fan_in_network(40))
    window.backward.open()
    qtbot.wait(1)  # the fits the load and the panel queue
    assert not tags_readable(window.view.transform().m11())


def test_far_out_a_step_has_its_ring_and_glows_but_no_tags_and_the_legend_says_zoom_in(
    qtbot, trace_window, backward
):
    far_out(qtbot, trace_window)
    backward.actions["step"].trigger()  # the output o1, with forty lit connections
    overlay, scene = backward.overlay, trace_window.scene
    assert not overlay.tags_shown
    # Left is the loss node, where the dashed links from the outputs meet.
    texts = [t.text for t in overlay_tags(scene)]
    assert len(texts) == 1 and texts[0].startswith("loss")
    assert not overlay.labels
    assert any(isinstance(item, Ring) for item in overlay.items)
    assert any(isinstance(item, Glow) for item in overlay.items)  # from the loss into o1
    assert overlay.paths  # and the flow animation's way
    if backward.session.frame.shows(GRADIENTS):  # every ∂L/∂w lit in its colour
        assert all(scene.connection_items[(f"i{k + 1}", "o1")].flow for k in range(40))
    assert HINT in backward.legend.text()
    # The formula panel still writes every number.
    assert "∂L/∂w" in backward.panel.formula.toPlainText()


def test_zooming_in_draws_the_frame_again_with_its_labels_and_zooming_out_takes_them_off(
    qtbot, trace_window, backward
):
    far_out(qtbot, trace_window)
    backward.actions["step"].trigger()
    overlay = backward.overlay
    assert not overlay.labels
    zoom_in_to_read(qtbot, trace_window)  # View ▸ Zoom In, pressed until readable
    labelled = {key for key in overlay.labels if key != "loss"}
    assert len(labelled) == 24  # MAX_LABELLED of the forty
    assert HINT not in backward.legend.text()
    while tags_readable(trace_window.view.transform().m11()):
        trace_window.action_by_name["zoom_out"].trigger()
    qtbot.waitUntil(lambda: not overlay.tags_shown)
    assert not overlay.labels and HINT in backward.legend.text()
    # Back at this zoom shows the frame before without tags too, and with them once zoomed in.
    backward.actions["back"].trigger()
    assert len(overlay_tags(trace_window.scene)) == 1
    zoom_in_to_read(qtbot, trace_window)
    assert len(overlay_tags(trace_window.scene)) > 1


def test_a_picture_exported_far_out_has_every_tag_and_the_canvas_stays_as_it_was(
    qtbot, trace_window, backward, tmp_path
):
    far_out(qtbot, trace_window)
    backward.actions["step"].trigger()
    assert backward.export_png(str(tmp_path / "far.png"))
    assert not backward.overlay.tags_shown and not backward.overlay.labels
    zoom_in_to_read(qtbot, trace_window)
    assert backward.export_png(str(tmp_path / "near.png"))
    # The picture is of the frame with its tags, whatever the canvas's zoom.
    far, near = QImage(str(tmp_path / "far.png")), QImage(str(tmp_path / "near.png"))
    assert not far.isNull() and far == near
    # And its legend has no word about zooming: the picture shows the numbers.
    assert HINT not in legend_html()


def test_the_html_export_far_out_pictures_every_tag_and_leaves_the_canvas_far_out(
    qtbot, trace_window, backward, tmp_path
):
    far_out(qtbot, trace_window)
    backward.actions["step"].trigger()
    path = tmp_path / "trace.html"
    assert backward.export_html(str(path))
    far = pictures(path)
    assert not backward.overlay.tags_shown and not backward.overlay.labels
    zoom_in_to_read(qtbot, trace_window)
    assert backward.export_html(str(path))
    near = pictures(path)
    assert len(far) == len(near) == len(backward.session.frames)
    for a, b in zip(far, near, strict=True):
        # The same labels in the same places (a frame drawn again may stack two crossing
        # lines the other way round: a few pixels; forty labels left out would be thousands).
        assert a.size() == b.size() and differing_pixels(a, b) < 500


def pictures(page: Path) -> list[QImage]:
    found = re.findall(r'src="data:image/png;base64,([^"]+)"', page.read_text(encoding="utf-8"))
    return [QImage.fromData(base64.b64decode(data)) for data in found]


def differing_pixels(a: QImage, b: QImage) -> int:
    def pixels(image: QImage) -> np.ndarray:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        return np.frombuffer(image.constBits(), np.uint32, image.width() * image.height()).copy()

    return int(np.count_nonzero(pixels(a) != pixels(b)))
