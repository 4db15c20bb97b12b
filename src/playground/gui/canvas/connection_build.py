"""A whole network's connections made at once, for the scene's build.

Their lines, the areas they cover and their pens come from numpy over arrays
(connection_lines, style.weight_styles); a large network gets plain stand-ins
(connection_line.py), a small one its items. Every Qt object made per
connection costs about a microsecond, and a large network makes ten thousand
connections: so a stand-in gets its QLineF and plain numbers for the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtWidgets import QGraphicsItem

from playground.gui.canvas import connection_lines, style
from playground.gui.canvas.connection_item import ConnectionItem
from playground.gui.canvas.connection_line import ConnectionLine, stands_in
from playground.gui.canvas.connection_look import ConnectionLook
from playground.gui.canvas.neuron_item import NeuronItem
from playground.model.network import Network

Key = tuple[str, str]


def build_connections(
    network: Network,
    neuron_items: Mapping[str, NeuronItem],
    lines: dict[Key, ConnectionLook],
    add_item: Callable[[QGraphicsItem], None],
) -> QRectF:
    """Put every connection of `network` into `lines` (by key, in file order), as stand-ins
    in a network drawn with stand-ins (`stands_in`), else as items handed to `add_item`; return the area
    their `bounds` lie in."""
    neurons, connections = network.neurons, network.connections
    ends = [(n.x, n.y, n.role, neuron_items[n.id].half_width) for n in neurons]
    index = {n.id: k for k, n in enumerate(neurons)}
    line_ends = connection_lines.line_ends(
        ends,
        np.array([index[c.source] for c in connections], dtype=np.intp),
        np.array([index[c.target] for c in connections], dtype=np.intp),
    )
    edges = connection_lines.line_edges(line_ends)
    styles = style.weight_styles(np.array([c.weight for c in connections], float))
    if stands_in(len(connections)):
        # Stand-ins, made items when needed: most of a large network is never clicked.
        drawable = connection_lines.drawable(line_ends).tolist()
        rows = zip(
            connections,
            line_ends.tolist(),
            map(tuple, edges.tolist()),
            drawable,
            styles,
            strict=True,
        )
        for c, (x1, y1, x2, y2), edge, ok, weight_style in rows:
            source, target = c.source, c.target
            key = source, target
            lines[key] = ConnectionLine(
                neuron_items[source],
                neuron_items[target],
                key,
                c.weight,
                weight_style,
                QLineF(x1, y1, x2, y2),
                edge,
                ok,
            )
    else:
        for c, line, weight_style in zip(connections, line_ends.tolist(), styles, strict=True):
            source, target = c.source, c.target
            item = ConnectionItem(
                neuron_items[source],
                neuron_items[target],
                c.weight,
                line=line,
                weight_style=weight_style,
            )
            lines[source, target] = item
            add_item(item)
    return connection_lines.area_of(edges)
