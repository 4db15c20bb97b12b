"""A neuron's cached picture is redrawn only when what it shows changes: a fade is applied
as Qt draws the cached picture, so the backward pass dimming hundreds of neurons redraws none."""

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from playground.gui.canvas.neuron_item import NeuronItem


@pytest.fixture
def paints(monkeypatch):
    """Every NeuronItem.paint call, by neuron id."""
    calls: list[str] = []
    paint = NeuronItem.paint

    def counted(self, *args):
        calls.append(self.neuron_id)
        paint(self, *args)

    monkeypatch.setattr(NeuronItem, "paint", counted)
    return calls


def pixel(window, x: float, y: float):
    QApplication.processEvents()
    image = window.view.viewport().grab().toImage()
    return image.pixelColor(window.view.mapFromScene(QPointF(x, y)))


def test_dimming_and_undimming_a_neuron_fades_it_without_redrawing_it(window, paints):
    item = window.scene.neuron_items["h1"]
    edge = QPointF(item.pos().x() - 17.5, item.pos().y())  # on its dark outline
    dark = pixel(window, edge.x(), edge.y())
    paints.clear()
    item.set_dimmed(True)
    faded = pixel(window, edge.x(), edge.y())
    assert faded.lightness() > dark.lightness() + 60
    item.reset_overlay()
    assert pixel(window, edge.x(), edge.y()) == dark
    assert "h1" not in paints


def test_a_glow_redraws_the_neuron_once_and_again_when_it_goes(window, paints):
    item = window.scene.neuron_items["h1"]
    glow = (item.pos().x() - 22.0, item.pos().y())  # inside the glow, outside the body
    plain = pixel(window, *glow)
    paints.clear()
    item.set_highlighted(True)
    assert pixel(window, *glow) != plain
    assert paints.count("h1") == 1
    item.set_highlighted(True)  # no change: no redraw
    assert pixel(window, *glow) != plain
    assert paints.count("h1") == 1
    item.reset_overlay()
    assert pixel(window, *glow) == plain
    assert paints.count("h1") == 2
