"""Mouse gestures on the canvas at scene positions, through the real viewport."""

from PySide6.QtCore import QPoint, QPointF, Qt

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def at(view, x: float, y: float) -> QPoint:
    """Viewport pixel of a scene position."""
    return view.mapFromScene(QPointF(x, y))


def press_and_move(qtbot, view, start, end, modifiers=NO_KEYS, steps=4):
    """Press at `start` and move to `end` in steps with the button held (scene coordinates)."""
    a, b = at(view, *start), at(view, *end)
    qtbot.mousePress(view.viewport(), LEFT, modifiers, a)
    for k in range(1, steps + 1):
        qtbot.mouseMove(
            view.viewport(),
            QPoint(a.x() + (b.x() - a.x()) * k // steps, a.y() + (b.y() - a.y()) * k // steps),
        )


def release(qtbot, view, end, modifiers=NO_KEYS):
    qtbot.mouseRelease(view.viewport(), LEFT, modifiers, at(view, *end))


def drag(qtbot, view, start, end, modifiers=NO_KEYS):
    """A whole left-button drag from `start` to `end` (scene coordinates)."""
    press_and_move(qtbot, view, start, end, modifiers)
    release(qtbot, view, end, modifiers)


def click(qtbot, view, x, y, modifiers=NO_KEYS):
    qtbot.mouseClick(view.viewport(), LEFT, modifiers, at(view, x, y))


def double_click(qtbot, view, x, y):
    qtbot.mouseDClick(view.viewport(), LEFT, NO_KEYS, at(view, x, y))


def assert_scene_matches(scene, network) -> None:
    """Exactly one item per neuron and per connection, each showing what the model holds."""
    from playground.gui.canvas.connection_item import ConnectionItem
    from playground.gui.canvas.neuron_item import NeuronItem

    neuron_items = [i for i in scene.items() if isinstance(i, NeuronItem)]
    connection_items = [i for i in scene.items() if isinstance(i, ConnectionItem)]
    assert sorted(i.neuron_id for i in neuron_items) == sorted(n.id for n in network.neurons)
    assert sorted(i.key for i in connection_items) == sorted(c.key for c in network.connections)
    for neuron in network.neurons:
        item = scene.neuron_items[neuron.id]
        assert (item.pos().x(), item.pos().y()) == (neuron.x, neuron.y)
        assert item.role == neuron.role and item.name == neuron.display_name
    for c in network.connections:
        item = scene.connection_items[c.key]
        assert item.weight == c.weight
        assert item.source is scene.neuron_items[c.source]
        assert item.target is scene.neuron_items[c.target]
        assert item in item.source.connections and item in item.target.connections


def assert_network_valid(network) -> None:
    """The rules of the file format hold: unique ids, a DAG, nothing into an input."""
    ids = [n.id for n in network.neurons]
    assert len(ids) == len(set(ids))
    assert sorted(network.topological_order()) == sorted(ids)  # every neuron ordered: no cycle
    keys = [c.key for c in network.connections]
    assert len(keys) == len(set(keys))
    for c in network.connections:
        assert c.source != c.target
        assert not network.neuron(c.target).is_input
    for n in network.neurons:
        if n.is_input:
            assert n.activation is None and n.bias is None
        else:
            assert n.activation is not None and n.bias is not None
