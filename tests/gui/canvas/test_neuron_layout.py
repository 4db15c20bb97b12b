"""A neuron's bounds and its decorations' places are worked out in plain numbers (a large
network lays out a thousand neurons at once); they equal what Qt's rectangles give: the body
grown by its glow, united with the bias label and the output picture, made symmetric."""

import pytest
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage

from playground.gui.canvas import neuron_item, neuron_shape
from playground.gui.canvas.decoration_sides import SIDES, side_rect


def united_bounds(item) -> QRectF:
    """The bounds as Qt's rectangles give them: body, bias and picture united, made symmetric."""
    rect = neuron_shape.body_rect(item.role, item.half_width, neuron_item.GLOW)
    for part in (item.bias_rect(), item.picture_rect()):
        if part is not None:
            rect = rect.united(part)
    half_w = max(abs(rect.left()), abs(rect.right())) + 1
    half_h = max(abs(rect.top()), abs(rect.bottom())) + 1
    return QRectF(-half_w, -half_h, 2 * half_w, 2 * half_h)


@pytest.mark.parametrize("neuron_id", ["i1", "h1", "o1"])
def test_a_neurons_bounds_hold_its_body_and_decorations_on_every_side(window, neuron_id):
    item = window.scene.neuron_items[neuron_id]
    picture = QImage(4, 4, QImage.Format.Format_ARGB32)
    picture.fill(0xFF808080)
    for shown in (None, picture):
        item.set_picture(shown)
        for bias_side in SIDES:
            for picture_side in SIDES[::3]:
                item.set_sides(bias_side, picture_side)
                assert item.boundingRect() == united_bounds(item), (bias_side, picture_side)
                for part in (item.bias_rect(), item.picture_rect()):
                    assert part is None or item.boundingRect().contains(part)


def test_each_side_of_a_decoration_is_where_the_numbers_say():
    # A 20×10 label beside a body 30 wide and 24 tall; GAP is one pixel.
    size = QSizeF(20.0, 10.0)
    expected = {
        "below": (-10.0, 13.0),
        "above": (-10.0, -23.0),
        "below_right": (9.0, 13.0),  # off the corner: 0.6 of the half width
        "above_right": (9.0, -23.0),
        "below_left": (-29.0, 13.0),
        "above_left": (-29.0, -23.0),
        "right": (16.0, -5.0),
        "left": (-36.0, -5.0),
    }
    assert set(expected) == set(SIDES)
    for side, (x, y) in expected.items():
        assert side_rect(side, size, 15.0, -12.0, 12.0) == QRectF(x, y, 20.0, 10.0), side
    with pytest.raises(KeyError):
        side_rect("under", size, 15.0, -12.0, 12.0)
