"""The notations a trace's subscripts can be written in: the neurons' names, or the lecture's j−1, j, j+1.

Every renderer writes subscripts from one name map (neuron id → name); a
notation is just another map. With neuron names (the default) the weight from
i1 to h1 is w_i1,h1; written layer-relative, as the lecture does, it is
w_j−1,j when h1 is the neuron being explained.
"""

from playground.engine.formatting import MINUS, neuron_names
from playground.model.network import Network

NEURON_NAMES = "names"
LAYER_RELATIVE = "layer"
NOTATIONS = (NEURON_NAMES, LAYER_RELATIVE)

_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def neuron_levels(network: Network) -> dict[str, int]:
    """Each neuron's level, as the compiled network counts it: inputs 0, else 1 + its highest source's."""
    # Grouped once: the network's `incoming` searches every connection per call.
    sources: dict[str, list[str]] = {}
    for connection in network.connections:
        sources.setdefault(connection.target, []).append(connection.source)
    level: dict[str, int] = {i: 0 for i in network.input_ids()}
    for neuron_id in network.topological_order():
        if neuron_id not in level:
            below = sources.get(neuron_id, [])
            level[neuron_id] = 1 + max((level[s] for s in below), default=0)
    return level


def layer_relative_names(network: Network, current: str) -> dict[str, str]:
    """Names by level relative to `current`: it is j, the level below j−1, above j+1, and so on.

    The level is the longest path from an input (`neuron_levels`). A level that
    holds several neurons numbers them from 1 in the file's order, as a
    subscript: (j−1)₂ is the second neuron one level below. `current` is always
    plain j; the others of its level are j₁, j₂… On 2-2-2 (i1 i2 → h1 h2 → o1 o2)
    with h1 current:

        i1 (j−1)₁   i2 (j−1)₂   h1 j   h2 j₂   o1 (j+1)₁   o2 (j+1)₂

    so the weight from i2 to h1 reads w_(j−1)₂,j and from h1 to o1 w_j,(j+1)₁.
    A level with one neuron needs no number: in a chain i → h → o, w_j−1,j.
    A skip connection reaches farther: an input two levels below is j−2.
    """
    level = neuron_levels(network)
    members: dict[int, list[str]] = {}
    for neuron in network.neurons:  # file order
        members.setdefault(level[neuron.id], []).append(neuron.id)
    here = level[current]
    names: dict[str, str] = {}
    for neuron_id, its_level in level.items():
        difference = its_level - here
        layer = "j" if difference == 0 else f"j{'+' if difference > 0 else MINUS}{abs(difference)}"
        if neuron_id == current or len(members[its_level]) == 1:
            names[neuron_id] = layer
            continue
        number = str(members[its_level].index(neuron_id) + 1).translate(_SUBSCRIPT)
        names[neuron_id] = f"{layer}{number}" if difference == 0 else f"({layer}){number}"
    return names


def names_in(network: Network, notation: str, current: str | None) -> dict[str, str]:
    """The name map of `notation` around the neuron `current` is about; with no neuron, the neurons' names.

    Layer-relative names need a neuron to be relative to; a table of every
    weight (the update, the minibatch's means) has none, so it keeps the names.
    """
    if notation == LAYER_RELATIVE and current is not None:
        return layer_relative_names(network, current)
    return neuron_names(network)
