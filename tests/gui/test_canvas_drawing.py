"""What the canvas draws for connections, read from the pixels of the real view (2-2-2 example).

The connections are drawn together by one layer, so these tests look at the
picture: colour by sign, the selection halo, fading, lines following a moved
neuron, and no repaint at all when new weights keep every pen.
"""

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QColor

from playground.gui.canvas import style
from tests.gui.helpers import assert_scene_matches, click, drag

# h2 → o2 runs horizontally at y = 120 from h2 (200, 120) to o2 (400, 120).
MIDDLE = (300.0, 120.0)


def colour_at(window, x: float, y: float) -> QColor:
    image = window.view.viewport().grab().toImage()
    return image.pixelColor(window.view.mapFromScene(QPointF(x, y)))


def is_blue(colour: QColor) -> bool:
    return colour.blue() > colour.red() + 60


def is_orange(colour: QColor) -> bool:
    return colour.red() > colour.blue() + 60


def distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_connection_is_blue_for_a_positive_weight_and_orange_for_a_negative_one(window):
    assert is_blue(colour_at(window, *MIDDLE))  # w = 0.55
    window.document.set_weight("h2", "o2", -2.0)
    assert is_orange(colour_at(window, *MIDDLE))
    window.action_by_name["undo"].trigger()
    assert is_blue(colour_at(window, *MIDDLE))


def test_after_a_bulk_change_every_line_shows_its_new_sign(window):
    network = window.document.network
    for c in network.connections:
        network.set_weight(c.source, c.target, -c.weight)
    window.document.notify_parameters_changed()
    assert_scene_matches(window.scene, network)
    assert is_orange(colour_at(window, *MIDDLE))
    assert is_orange(colour_at(window, 300.0, 0.0))  # h1 → o1
    assert is_orange(colour_at(window, 100.0, 120.0))  # i2 → h2


def test_new_weights_that_keep_every_pen_repaint_nothing_but_are_still_taken(window, qtbot):
    network = window.document.network
    qtbot.wait(50)  # let the window finish its own painting
    counter = PaintCounter()
    window.view.viewport().installEventFilter(counter)
    # 0.55 → 0.56 and the like: the same sign and the same width bucket (|w| · 8, rounded down).
    for c in network.connections:
        network.set_weight(c.source, c.target, c.weight + 0.01)
    window.document.notify_parameters_changed()
    qtbot.wait(50)
    assert counter.count == 0
    assert window.scene.connection_items[("h2", "o2")].weight == 0.56
    assert_scene_matches(window.scene, network)
    # A sign change shows.
    network.set_weight("h2", "o2", -0.56)
    window.document.notify_parameters_changed()
    qtbot.waitUntil(lambda: counter.count > 0)
    window.view.viewport().removeEventFilter(counter)
    assert is_orange(colour_at(window, *MIDDLE))


def test_a_selected_connection_wears_a_halo_that_goes_with_the_selection(qtbot, window):
    # Beside the line (width 2) but inside the halo (width 2 + 5).
    beside = (MIDDLE[0], MIDDLE[1] - 2.8)
    assert distance(colour_at(window, *beside), style.BACKGROUND) < 40
    click(qtbot, window.view, *MIDDLE)
    assert window.scene.selected_connection_keys() == [("h2", "o2")]
    assert distance(colour_at(window, *beside), style.SELECTED) < 40
    window.scene.clearSelection()
    assert distance(colour_at(window, *beside), style.BACKGROUND) < 40


def test_a_dimmed_connection_is_drawn_fainter_and_comes_back(window):
    item = window.scene.connection_items[("h2", "o2")]
    full = distance(colour_at(window, *MIDDLE), style.BACKGROUND)
    item.set_dimmed(True)
    faded = distance(colour_at(window, *MIDDLE), style.BACKGROUND)
    assert faded < full / 2
    item.reset_overlay()
    assert distance(colour_at(window, *MIDDLE), style.BACKGROUND) == full


def test_a_flow_overlay_recolours_a_connection(window):
    item = window.scene.connection_items[("h2", "o2")]
    item.set_flow(None, QColor("#2e9e44"), 1.0)
    colour = colour_at(window, *MIDDLE)
    assert colour.green() > colour.red() + 60 and colour.green() > colour.blue() + 60
    item.reset_overlay()
    assert is_blue(colour_at(window, *MIDDLE))


def test_the_drawn_line_follows_a_dragged_neuron(qtbot, window):
    drag(qtbot, window.view, (400, 120), (400, 60))  # o2 up by 60
    o2 = window.document.network.neuron("o2")
    assert abs(o2.x - 400) < 1 and abs(o2.y - 60) < 1
    # h2 → o2 now runs from (200, 120) to (400, 60): its middle is (300, 90).
    assert distance(colour_at(window, *MIDDLE), style.BACKGROUND) < 40
    assert is_blue(colour_at(window, 300.0, 90.0))
    window.action_by_name["undo"].trigger()
    assert is_blue(colour_at(window, *MIDDLE))
    assert distance(colour_at(window, 300.0, 90.0), style.BACKGROUND) < 40
