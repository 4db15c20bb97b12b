"""A network's objects are kept out of the cycle collector's full walks while it is open
(gc.freeze after the first full collection, see canvas/long_lived.py), and freed once
another network replaces it."""

import gc
import weakref

from playground.gui.canvas.connection_line import LINES_FROM
from playground.model.layout import layered_network


def test_an_open_networks_items_are_out_of_the_collectors_walks(window):
    window.document.replace(layered_network([3, 4, 2]))
    item = window.scene.neuron_items["h1"]
    assert gc.is_tracked(item)  # a collection would walk it, were it not frozen
    gc.collect()  # the full collection that comes by itself soon after a load
    assert not any(o is item for o in gc.get_objects())
    assert gc.get_freeze_count() > 0


def test_replaced_networks_are_freed_after_three_opens(window):
    # Large enough to open with connection stand-ins, whose cycles run through the neurons.
    window.document.replace(layered_network([60, 52, 1]))
    assert len(window.document.network.connections) > LINES_FROM
    scene = window.scene
    first = [weakref.ref(scene.neuron_items["h1"]), weakref.ref(scene.connection_layer)]
    first.append(weakref.ref(scene.connection_items[("i1", "h1")]))  # an item made on demand
    for sizes in ([60, 52, 1], [5, 3, 1], [60, 52, 1]):
        window.document.replace(layered_network(sizes))
    gc.collect()
    assert [ref() for ref in first] == [None, None, None]
