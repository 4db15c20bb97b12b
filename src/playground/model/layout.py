"""Where neurons go on the canvas: layered networks in columns, and auto-arrange.

Columns hold the neurons of one topological level; the order inside a column is
chosen by the barycentre heuristic (each neuron moves towards the mean row of its
neighbours in the next column), which removes most crossings in a few sweeps.
"""

import bisect
import itertools
import math
import re
from collections.abc import Callable

from playground.model.errors import NetworkEditError
from playground.model.network import Network, not_one_of
from playground.model.neuron import Neuron
from playground.model.vocabulary import ACTIVATIONS
from playground.translation import translate

COLUMN_GAP = 200.0
ROW_GAP = 90.0
SWEEPS = 8


def parse_layer_sizes(text: str) -> list[int]:
    """Sizes such as `2-4-4-1` (also `2,4,4,1` or `2 4 4 1`): input, hidden..., output."""
    parts = [p for p in re.split(r"[\s,;x×-]+", text.strip()) if p]
    if len(parts) < 2:
        raise NetworkEditError(
            translate(
                "Layout",
                "{text!r} needs at least two layer sizes, the inputs and the outputs, such as 2-4-1",
            ).format(text=text)
        )
    sizes = []
    for part in parts:
        if not part.isdigit() or int(part) < 1:
            raise NetworkEditError(
                translate(
                    "Layout", "{part!r} in {text!r} is not a layer size (a whole number ≥ 1)"
                ).format(part=part, text=text)
            )
        sizes.append(int(part))
    if sum(sizes) > 2000:
        raise NetworkEditError(
            translate("Layout", "{text!r} has {n} neurons; the limit is {most}").format(
                text=text, n=sum(sizes), most=2000
            )
        )
    return sizes


def column_positions(count: int, column: int) -> list[tuple[float, float]]:
    """Positions of `count` neurons in one column, centred on y = 0."""
    top = -(count - 1) * ROW_GAP / 2
    return [(column * COLUMN_GAP, top + k * ROW_GAP) for k in range(count)]


def layered_network(
    sizes: list[int],
    hidden_activation: str = "tanh",
    output_activation: str = "sigmoid",
    name: str | None = None,
) -> Network:
    """A fully connected layered network laid out in columns, every weight and bias 0.

    The caller initialises the weights (see `initialisation.initialise_network`).
    """
    if len(sizes) < 2:
        raise NetworkEditError(
            translate("Layout", "a layered network needs at least an input and an output layer")
        )
    for chosen in (hidden_activation, output_activation):
        if chosen not in ACTIVATIONS:
            raise NetworkEditError(not_one_of(chosen, ACTIVATIONS))
    network = Network(name=name or "-".join(str(s) for s in sizes))
    layers: list[list[str]] = []
    counters = {"input": 0, "hidden": 0, "output": 0}
    prefix = {"input": "i", "hidden": "h", "output": "o"}
    activation: str | None
    bias: float | None
    for column, size in enumerate(sizes):
        if column == 0:
            role, activation, bias = "input", None, None
        elif column == len(sizes) - 1:
            role, activation, bias = "output", output_activation, 0.0
        else:
            role, activation, bias = "hidden", hidden_activation, 0.0
        layer = []
        for x, y in column_positions(size, column):
            counters[role] += 1
            neuron_id = f"{prefix[role]}{counters[role]}"
            network.add_neuron(Neuron(neuron_id, role, activation, bias, x, y))
            layer.append(neuron_id)
        layers.append(layer)
    for sources, targets in itertools.pairwise(layers):
        for target in targets:
            for source in sources:
                network.connect(source, target, 0.0)
    return network


def topological_levels(network: Network) -> dict[str, int]:
    """Column of each neuron: its longest path from a neuron without inputs.

    Output neurons that feed nothing go to the last column, so outputs line up.
    """
    sources: dict[str, list[str]] = {n.id: [] for n in network.neurons}
    for c in network.connections:
        sources[c.target].append(c.source)
    feeds = {c.source for c in network.connections}
    level: dict[str, int] = {}
    for neuron_id in network.topological_order():
        level[neuron_id] = 1 + max((level[s] for s in sources[neuron_id]), default=-1)
    last = max(level.values(), default=0)
    for neuron in network.neurons:
        if neuron.role == "output" and neuron.id not in feeds:
            level[neuron.id] = max(last, 1)
    return level


def _columns(network: Network, level: dict[str, int]) -> list[list[str]]:
    columns: list[list[str]] = [[] for _ in range(max(level.values(), default=-1) + 1)]
    for neuron in network.neurons:
        columns[level[neuron.id]].append(neuron.id)
    return columns


def count_crossings(network: Network, positions: dict[str, tuple[float, float]]) -> int:
    """How many pairs of connections between the same two columns cross each other."""
    by_columns: dict[tuple[float, float], list[tuple[float, float]]] = {}
    for c in network.connections:
        (xs, ys), (xt, yt) = positions[c.source], positions[c.target]
        by_columns.setdefault((xs, xt), []).append((ys, yt))
    crossings = 0
    for segments in by_columns.values():
        # Sorted by source row (ties by target row), two segments cross exactly when
        # the later one ends strictly above the earlier one: count those inversions.
        seen: list[float] = []
        for _, end in sorted(segments):
            crossings += len(seen) - bisect.bisect_right(seen, end)
            bisect.insort(seen, end)
    return crossings


def auto_arrange(network: Network) -> dict[str, tuple[float, float]]:
    """New positions: columns by topological level, rows ordered to reduce crossings."""
    if not network.neurons:
        return {}
    level = topological_levels(network)
    columns = _columns(network, level)
    neighbours: dict[str, list[str]] = {n.id: [] for n in network.neurons}
    for c in network.connections:
        neighbours[c.source].append(c.target)
        neighbours[c.target].append(c.source)
    row = {neuron_id: float(k) for column in columns for k, neuron_id in enumerate(column)}

    def reorder(column: list[str], towards: int) -> None:
        def barycentre(neuron_id: str) -> float:
            rows = [row[m] for m in neighbours[neuron_id] if level[m] == towards]
            return sum(rows) / len(rows) if rows else row[neuron_id]

        # Python's sort is stable, so neurons with equal barycentres keep their order.
        column.sort(key=barycentre)
        for k, neuron_id in enumerate(column):
            row[neuron_id] = float(k)

    best = [list(c) for c in columns]
    best_crossings = count_crossings(network, _positions(best))
    for sweep in range(SWEEPS):
        downwards = sweep % 2 == 0
        order = range(1, len(columns)) if downwards else range(len(columns) - 2, -1, -1)
        for k in order:
            reorder(columns[k], k - 1 if downwards else k + 1)
        crossings = count_crossings(network, _positions(columns))
        if crossings < best_crossings:
            best, best_crossings = [list(c) for c in columns], crossings
    return _positions(best)


def _positions(columns: list[list[str]]) -> dict[str, tuple[float, float]]:
    positions = {}
    for k, column in enumerate(columns):
        for neuron_id, xy in zip(column, column_positions(len(column), k)):
            positions[neuron_id] = xy
    return positions


# ----------------------------------------------------------------- keeping neurons apart

# Room left between two neurons' shapes, and how far a dropped neuron is allowed to travel
# (in rings around where it was dropped) to find that room.
NEURON_CLEARANCE = 10.0
NUDGE_RINGS = 12
NUDGE_DIRECTIONS = 16

# A neuron's extent as (half width, half height) around its centre. The canvas draws a neuron
# 36 px across; one with a long label is wider, and the canvas passes its own extents then.
Extent = tuple[float, float]
NEURON_EXTENT: Extent = (18.0, 18.0)
Point = tuple[float, float]


def too_close(
    a: tuple[float, float], b: tuple[float, float], extent_a: Extent, extent_b: Extent
) -> bool:
    """Whether two neurons at these centres would touch or overlap, clearance included."""
    return (
        abs(a[0] - b[0]) < extent_a[0] + extent_b[0] + NEURON_CLEARANCE
        and abs(a[1] - b[1]) < extent_a[1] + extent_b[1] + NEURON_CLEARANCE
    )


def nudge_apart(
    dropped: dict[str, Point], others: dict[str, Point], extents: dict[str, Extent] | None = None
) -> dict[str, Point]:
    """New centres for the dropped neurons, each moved the least it takes to touch no other.

    A dropped neuron keeps its place when it is clear. Otherwise it is pushed away from the
    neuron it lands on, and if that place is taken too, the nearest free place on rings
    around the drop point is used. `others` stay where they are; dropped neurons keep clear
    of each other too, in the order given. `extents` gives each neuron's half width and half
    height (NEURON_EXTENT for those it does not name).
    """
    sizes = extents or {}
    placed = dict(others)
    result: dict[str, Point] = {}
    for neuron_id, centre in dropped.items():
        extent = sizes.get(neuron_id, NEURON_EXTENT)

        def clear(point: Point, extent: Extent = extent) -> bool:
            return not any(
                too_close(point, where, extent, sizes.get(other, NEURON_EXTENT))
                for other, where in placed.items()
            )

        spot = centre
        if not clear(centre):
            spot = _free_spot(centre, extent, placed, sizes, clear)
        result[neuron_id] = spot
        placed[neuron_id] = spot
    return result


def _free_spot(
    centre: Point,
    extent: Extent,
    placed: dict[str, Point],
    sizes: dict[str, Extent],
    clear: Callable[[Point], bool],
) -> Point:
    """The first free point: straight away from the nearest neuron, then rings around `centre`."""
    x, y = centre
    nearest = min(placed, key=lambda n: (placed[n][0] - x) ** 2 + (placed[n][1] - y) ** 2)
    nx, ny = placed[nearest]
    dx, dy = x - nx, y - ny
    if abs(dx) < 1e-9 and abs(dy) < 1e-9:
        dx = 1.0  # dropped exactly on it: to the right
    length = (dx * dx + dy * dy) ** 0.5
    ux, uy = dx / length, dy / length
    other = sizes.get(nearest, NEURON_EXTENT)
    # Just far enough along the push direction for the two boxes to be clear.
    reach = min(
        (extent[0] + other[0] + NEURON_CLEARANCE + 1.0) / abs(ux) if abs(ux) > 1e-9 else math.inf,
        (extent[1] + other[1] + NEURON_CLEARANCE + 1.0) / abs(uy) if abs(uy) > 1e-9 else math.inf,
    )
    # Whole numbers keep the file tidy; the +1 above keeps the rounded point clear.
    pushed = (float(round(nx + ux * reach)), float(round(ny + uy * reach)))
    if clear(pushed):
        return pushed
    start = math.atan2(uy, ux)
    step = max(extent[0], extent[1]) + NEURON_CLEARANCE
    for ring in range(1, NUDGE_RINGS + 1):
        for k in range(NUDGE_DIRECTIONS):
            # Alternate either side of the push direction, nearest angles first.
            turn = (k + 1) // 2 * (1 if k % 2 else -1) * 2 * math.pi / NUDGE_DIRECTIONS
            angle = start + turn
            point = (
                float(round(x + math.cos(angle) * step * ring)),
                float(round(y + math.sin(angle) * step * ring)),
            )
            if clear(point):
                return point
    return centre
