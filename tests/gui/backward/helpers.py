"""Reading what the formula panel and the canvas show, and what `playground trace --json` says."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor

from playground.cli import main as cli_main
from playground.engine.formatting import neuron_names
from playground.gui.backward.overlay_items import Ring, Tag
from playground.gui.backward.tag_budget import tags_readable
from playground.model.network import Network


def panel_numbers(panel) -> list[tuple[str, float, str]]:
    """Every number the formula panel shows: (its name, its full value, the text on screen)."""
    found = []
    block = panel.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            tip = fragment.charFormat().toolTip()
            if tip:
                name, _, full = tip.rpartition(" = ")
                found.append((name, float(full.replace("−", "-")), fragment.text()))
            fragments += 1
        block = block.next()
    return found


def link_point(panel, fragment: str) -> QPoint | None:
    """Where on the panel's viewport the link to `#fragment` is, scrolled into sight; None if absent."""
    block = panel.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            piece = fragments.fragment()
            if piece.charFormat().anchorHref() == f"#{fragment}":
                cursor = QTextCursor(panel.document())
                cursor.setPosition(piece.position() + piece.length() // 2)
                panel.setTextCursor(cursor)
                panel.ensureCursorVisible()
                return panel.cursorRect(cursor).center()
            fragments += 1
        block = block.next()
    return None


def click_link(qtbot, panel, fragment: str) -> bool:
    """Click the panel's link to `#fragment` as a user does; False when the panel has none."""
    point = link_point(panel, fragment)
    if point is None:
        return False
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=point)
    return True


def cli_trace(capsys, path, *args) -> dict:
    """`playground trace PATH --json ARGS`, run in-process, parsed."""
    capsys.readouterr()
    status = cli_main(["trace", str(path), "--json", *map(str, args)])
    assert status == 0
    return json.loads(capsys.readouterr().out)


def named_numbers(network: Network, document: dict) -> dict[str, float]:
    """Every number of a `trace --json` document under the name the chain rule gives it."""
    name = neuron_names(network)
    numbers: dict[str, float] = {}
    outputs = network.output_ids()
    for output_id, target in zip(outputs, document["sample"]["y"]):
        numbers[f"t_{name[output_id]}"] = target
    for neuron_id, values in document["forward"].items():
        numbers[f"y_{name[neuron_id]}"] = values["y"]
        if "z" in values:
            numbers[f"z_{name[neuron_id]}"] = values["z"]
    numbers["L"] = numbers["L before"] = document["loss"]
    numbers["L after"] = document["loss_after"]
    numbers["ΔL"] = document["loss_after"] - document["loss"]
    for step in document["steps"]:
        j = name[step["neuron"]]
        numbers[f"∂L/∂y_{j}"] = step["dL_dy"]
        numbers[f"∂y_{j}/∂z_{j}"] = step["dy_dz"]
        numbers[f"∂L/∂z_{j}"] = step["dL_dz"]
        numbers[f"∂L/∂b_{j}"] = step["dL_db"]
        if step["loss_derivative"] is not None:
            numbers[f"∂L/∂y_{j} from the loss"] = step["loss_derivative"]
        for term in step["terms"]:
            k = name[term["target"]]
            numbers[f"w_{j},{k}"] = term["weight"]
            numbers[f"w_{j},{k} · ∂L/∂z_{k}"] = term["product"]
            assert numbers.get(f"∂L/∂z_{k}", term["dL_dz"]) == term["dL_dz"]
        for gradient in step["weight_grads"]:
            i = name[gradient["source"]]
            numbers[f"∂L/∂w_{i},{j}"] = gradient["dL_dw"]
            assert numbers[f"y_{i}"] == gradient["y_source"]
    update = document["update"]
    numbers["η"] = update["learning_rate"]
    numbers["λ"] = update["l2"]
    numbers["λ₁"] = update.get("l1", 0.0)
    numbers["momentum"] = update["momentum"]
    for w in update["weights"]:
        key = f"w_{name[w['source']]},{name[w['target']]}"
        numbers[f"{key} before"] = w["before"]
        numbers[f"{key} after"] = w["after"]
    for b in update["biases"]:
        numbers[f"b_{name[b['neuron']]} before"] = b["before"]
        numbers[f"b_{name[b['neuron']]} after"] = b["after"]
    return numbers


def overlay_tags(scene) -> list[Tag]:
    """The tags shown (the overlay keeps a few left over, hidden, to use again)."""
    return [item for item in scene.items() if isinstance(item, Tag) and item.isVisible()]


def tag_texts(scene) -> list[str]:
    return [tag.text for tag in overlay_tags(scene)]


def tag_on(window, source: str, target: str) -> Tag | None:
    """The overlay's label of a connection, checked to sit on (or just beside) its line."""
    tag = window.backward.overlay.labels.get((source, target))
    if tag is None:
        return None
    assert tag.scene() is window.scene
    line = window.scene.connection_items[(source, target)].line()
    box = tag.sceneBoundingRect()
    reach = (box.width() + box.height()) / 2 + 6
    nearest = min((line.pointAt(k / 100) - tag.pos()).manhattanLength() for k in range(101))
    assert nearest <= reach, f"the label of {source} → {target} is far from its line"
    return tag


def ring_centre(scene) -> QPointF | None:
    rings = [item for item in scene.items() if isinstance(item, Ring)]
    return rings[0].pos() if len(rings) == 1 else None


def zoom_in_to_read(qtbot, window) -> None:
    """Press View ▸ Zoom In until the overlay's tags can be read: a large network fits the
    canvas too far out for them, and a frame drawn there leaves them out (tag_budget)."""
    overlay = window.backward.overlay
    qtbot.wait(1)  # first the fits that loading a network and opening the panel queue
    while not tags_readable(window.view.transform().m11(), overlay.text_scale):
        window.action_by_name["zoom_in"].trigger()
    # The frame on the canvas is drawn again, now with its tags.
    qtbot.waitUntil(lambda: overlay.tags_shown or not overlay.items)
