"""Network menu (layered dialog, connect fully, arrange, weights) and copy/paste."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog

from playground.gui.dialogs.layered_network_dialog import LayeredNetworkDialog
from playground.model.initialisation import initial_weights, initialise_network
from playground.model.layout import count_crossings, layered_network
from tests.gui.helpers import assert_network_valid, assert_scene_matches, click


def run_dialog(qtbot, window, fill):
    """Trigger New Layered Network… and fill the real dialog while it runs modally."""
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LayeredNetworkDialog)
        seen.append(dialog)
        try:
            fill(dialog)
        finally:
            # A failed check must not leave a modal dialog waiting forever.
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, answer)
    window.action_by_name["new_layered"].trigger()
    assert seen, "the dialog did not open"
    return seen[0]


def test_the_layered_dialog_builds_a_fully_connected_seeded_network(qtbot, window):
    def fill(dialog):
        dialog.sizes.selectAll()
        qtbot.keyClicks(dialog.sizes, "3-4-2")
        dialog.hidden_activation.setCurrentText("relu")
        dialog.output_activation.setCurrentText("linear")
        dialog.seed.setValue(7)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    run_dialog(qtbot, window, fill)
    network = window.document.network
    assert [n.id for n in network.neurons] == [
        "i1",
        "i2",
        "i3",
        "h1",
        "h2",
        "h3",
        "h4",
        "o1",
        "o2",
    ]
    assert len(network.connections) == 3 * 4 + 4 * 2
    assert {network.neuron(h).activation for h in ("h1", "h4")} == {"relu"}
    assert network.neuron("o2").activation == "linear"
    # Same draws as the model's own initialisation with the same seed.
    reference = layered_network([3, 4, 2], "relu", "linear")
    initialise_network(reference, "fan_in", seed=7)
    assert [c.weight for c in network.connections] == [c.weight for c in reference.connections]
    assert window.document.undo_stack.count() == 0 and not window.document.is_dirty
    assert_scene_matches(window.scene, network)


def test_the_layered_dialog_refuses_bad_sizes_before_ok(qtbot, window):
    def fill(dialog):
        dialog.sizes.selectAll()
        qtbot.keyClicks(dialog.sizes, "2-a-1")
        checks.append(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled())
        checks.append(dialog.problem.text())

    checks = []
    before = window.document.network.copy()
    run_dialog(qtbot, window, fill)
    assert checks[0] is False
    assert "'a'" in checks[1]
    assert window.document.network == before


def test_connect_selected_fully_wires_each_column_to_the_next(qtbot, window):
    document = window.document
    document.remove_items([], [c.key for c in document.network.connections])
    window.select_all()
    window.action_by_name["connect_fully"].trigger()
    keys = {c.key for c in document.network.connections}
    assert keys == {(i, h) for i in ("i1", "i2") for h in ("h1", "h2")} | {
        (h, o) for h in ("h1", "h2") for o in ("o1", "o2")
    }
    assert document.undo_stack.undoText() == "Connect 8 Connections"
    window.action_by_name["undo"].trigger()
    assert document.network.connections == ()


def test_connect_fully_needs_two_columns(qtbot, window):
    click(qtbot, window.view, 200, 0)
    window.action_by_name["connect_fully"].trigger()
    assert "two columns" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 0


def test_auto_arrange_untangles_in_one_undo_step(qtbot, window):
    document = window.document
    # Swap the outputs' rows: h1 → o1 and h2 → o2 now cross h1 → o2 and h2 → o1 twice over.
    document.move_neurons({"o1": (400.0, 120.0), "o2": (400.0, 0.0), "i1": (0.0, 500.0)})
    window.action_by_name["auto_arrange"].trigger()
    network = document.network
    positions = {n.id: (n.x, n.y) for n in network.neurons}
    assert {positions[n][0] for n in ("i1", "i2")} == {0.0}
    assert {positions[n][0] for n in ("o1", "o2")} == {400.0}
    assert count_crossings(network, positions) <= 2
    assert document.undo_stack.undoText().startswith("Move")
    assert document.undo_stack.count() == 2
    assert_scene_matches(window.scene, network)
    window.action_by_name["undo"].trigger()
    assert network.neuron("i1").y == 500.0


def test_randomize_weights_is_seeded_and_undoable(qtbot, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (11, True))
    before = window.document.network.copy()
    window.action_by_name["randomize"].trigger()
    network = window.document.network
    expected = initial_weights(before, "fan_in", 11)
    assert {c.key: c.weight for c in network.connections} == expected
    # Glorot bound for a 2-2-2 layer: sqrt(6 / (2 + 2)).
    assert all(abs(w) <= 1.5**0.5 for w in expected.values())
    assert window.document.undo_stack.undoText() == "Randomize Weights (seed 11)"
    assert_scene_matches(window.scene, network)
    window.action_by_name["undo"].trigger()
    assert window.document.network == before


def test_set_all_weights_to_zero(qtbot, window):
    window.action_by_name["zero"].trigger()
    assert {c.weight for c in window.document.network.connections} == {0.0}
    assert {i.style for i in window.scene.connection_items.values()} == {0}
    window.action_by_name["undo"].trigger()
    assert window.document.network.connection("i1", "h1").weight == 0.15


def test_copy_paste_adds_the_neurons_and_their_inner_connections_with_fresh_ids(qtbot, window):
    click(qtbot, window.view, 200, 0)
    click(qtbot, window.view, 400, 0, Qt.KeyboardModifier.ControlModifier)
    window.action_by_name["copy"].trigger()
    window.action_by_name["paste"].trigger()
    network = window.document.network
    assert [n.id for n in network.neurons][-2:] == ["h3", "o3"]
    h3, o3 = network.neuron("h3"), network.neuron("o3")
    assert (h3.x, h3.y, h3.activation, h3.bias) == (240.0, 40.0, "sigmoid", 0.35)
    assert (o3.x, o3.y, o3.bias) == (440.0, 40.0, 0.6)
    # Only the connection between the copied neurons comes along, with its weight.
    assert [c.key for c in network.connections][-1:] == [("h3", "o3")]
    assert network.connection("h3", "o3").weight == 0.40
    assert len(network.connections) == 9
    assert window.scene.selected_neuron_ids() == ["h3", "o3"]
    assert window.document.undo_stack.undoText() == "Paste 2 Neurons"
    assert_network_valid(network)
    assert_scene_matches(window.scene, network)
    window.action_by_name["undo"].trigger()
    assert len(network.neurons) == 6 and len(network.connections) == 8


def test_paste_without_copied_neurons_says_so(qtbot, window):
    QApplication.clipboard().setText("hello")
    window.action_by_name["paste"].trigger()
    assert "Nothing pasted" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 0


def test_cut_removes_what_it_copied(qtbot, window):
    click(qtbot, window.view, 200, 120)
    window.action_by_name["cut"].trigger()
    assert not window.document.network.has_neuron("h2")
    window.action_by_name["paste"].trigger()
    assert window.document.network.has_neuron("h2")  # the fresh id h2 is free again
