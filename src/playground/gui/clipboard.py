"""Copy and paste of a selection: its neurons and the connections among them, with fresh ids."""

from __future__ import annotations

import dataclasses
import json

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from playground.gui.canvas.scene import NetworkScene
from playground.model.connection import Connection
from playground.model.errors import NetworkEditError
from playground.model.neuron import Neuron

translate = QCoreApplication.translate

MIME_TYPE = "application/x-nn-playground-selection"
PASTE_OFFSET = 40.0


def copy_selection(scene: NetworkScene) -> int:
    """Put the selected neurons (and connections among them) on the clipboard; returns how many."""
    network = scene.document.network
    ids = scene.selected_neuron_ids()
    chosen = set(ids)
    fragment = {
        "neurons": [dataclasses.asdict(network.neuron(i)) for i in ids],
        "connections": [
            dataclasses.asdict(c)
            for c in network.connections
            if c.source in chosen and c.target in chosen
        ],
    }
    text = json.dumps(fragment)
    mime = QMimeData()
    mime.setData(MIME_TYPE, text.encode("utf-8"))
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)
    return len(ids)


def release_clipboard() -> None:
    """Clear our selection from the clipboard before the application ends.

    PySide6 crashes at exit when the clipboard still owns a QMimeData made in Python.
    """
    if can_paste():
        QGuiApplication.clipboard().clear()


def can_paste() -> bool:
    mime = QGuiApplication.clipboard().mimeData()
    return mime is not None and mime.hasFormat(MIME_TYPE)


def paste(scene: NetworkScene) -> list[str]:
    """Add the clipboard's neurons with fresh ids, shifted a little; select them; returns their ids."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None or not mime.hasFormat(MIME_TYPE):
        raise NetworkEditError(translate("Clipboard", "the clipboard holds no neurons to paste"))
    try:
        fragment = json.loads(bytes(mime.data(MIME_TYPE)).decode("utf-8"))
        neurons = [Neuron(**n) for n in fragment["neurons"]]
        connections = [Connection(**c) for c in fragment["connections"]]
    except (ValueError, KeyError, TypeError) as problem:
        text = translate("Clipboard", "the clipboard's neurons cannot be read ({problem})")
        raise NetworkEditError(text.format(problem=problem)) from None
    if not neurons:
        raise NetworkEditError(translate("Clipboard", "the clipboard holds no neurons to paste"))

    network = scene.document.network
    renamed: dict[str, str] = {}
    taken = {n.id for n in network.neurons}
    fresh: list[Neuron] = []
    for neuron in neurons:
        new_id = _fresh_id(neuron.role, taken)
        taken.add(new_id)
        renamed[neuron.id] = new_id
        fresh.append(
            dataclasses.replace(
                neuron, id=new_id, x=neuron.x + PASTE_OFFSET, y=neuron.y + PASTE_OFFSET
            )
        )
    wired = [
        Connection(renamed[c.source], renamed[c.target], c.weight)
        for c in connections
        if c.source in renamed and c.target in renamed
    ]
    count = len(fresh)
    text = (
        translate("Clipboard", "Paste {id}").format(id=fresh[0].id)
        if count == 1
        else translate("Clipboard", "Paste {n} Neurons").format(n=count)
    )
    scene.document.add_items(fresh, wired, text)
    scene.select([n.id for n in fresh])
    return [n.id for n in fresh]


def _fresh_id(role: str, taken: set[str]) -> str:
    prefix = {"input": "i", "hidden": "h", "output": "o"}.get(role, "n")
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"
