"""The network as data: neurons, connections, and the edits that keep it a valid DAG.

Every edit either changes the network and returns what an undo needs to put it
back exactly, or refuses with a `NetworkEditError` a user can read, changing nothing.
"""

import copy
import itertools
import math
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from playground.model.connection import Connection
from playground.model.dataset import Dataset
from playground.model.errors import NetworkEditError
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings
from playground.model.vocabulary import ACTIVATIONS, DEFAULT_ACTIVATION, LOSSES, ROLES
from playground.translation import QT_TRANSLATE_NOOP, translate

ID_PREFIX = {"input": "i", "hidden": "h", "output": "o"}

# Binary cross-entropy's ln(y) and ln(1 − y) exist only for 0 < y < 1, which sigmoid alone gives.
CROSS_ENTROPY = "binary_cross_entropy"
CROSS_ENTROPY_ACTIVATION = "sigmoid"

# The name a new network gets; its first save names it after its file instead.
UNTITLED = "Untitled"
# A description is a top-level field format 1 leaves to writers: kept in `extra`, so any
# reader round-trips it.
DESCRIPTION_FIELD = "description"
MAX_NAME_LENGTH = 200
# The things `finite_number` names, marked here so lupdate finds them; translated when said.
NUMBER_NAMES = (
    QT_TRANSLATE_NOOP("Network", "a weight"),
    QT_TRANSLATE_NOOP("Network", "a bias"),
    QT_TRANSLATE_NOOP("Network", "a position"),
)


def name_refusal(name: str) -> str | None:
    """Why `name` cannot be a network's name (empty, several lines, too long), or None."""
    if not name.strip():
        return translate("Network", "a network needs a name; it may not be empty or only spaces")
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return translate(
            "Network", "a network's name is one line, without tabs or other control characters"
        )
    if len(name) > MAX_NAME_LENGTH:
        return translate("Network", "a network's name may be at most {n} characters long").format(
            n=MAX_NAME_LENGTH
        )
    return None


class AdditionRefused(NetworkEditError):
    """A batch of additions refused; `index` is the connection at fault, None for the batch as a whole."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


@dataclass
class RemovedNeuron:
    """What `remove_neuron` took away, so that `restore_neuron` can put it back in place."""

    neuron: Neuron
    index: int
    connections: list[tuple[int, Connection]] = field(default_factory=list)


def finite_number(value: object, what: str) -> float:
    """`value` as a float, or a NetworkEditError saying that `what` must be a finite number."""
    said = translate("Network", what)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NetworkEditError(
            translate("Network", "{what} must be a finite number, not {value!r}").format(
                what=said, value=value
            )
        )
    try:
        number = float(value)
    except OverflowError:
        # An integer past the float range; its repr could run to thousands of digits.
        raise NetworkEditError(
            translate(
                "Network",
                "{what} must be a finite number, not a whole number too large for a float",
            ).format(what=said)
        ) from None
    if not math.isfinite(number):
        raise NetworkEditError(
            translate("Network", "{what} must be a finite number, not {value!r}").format(
                what=said, value=value
            )
        )
    return number


class Network:
    """Neurons and connections in file order, plus the file's loss, training settings and data."""

    def __init__(
        self,
        name: str | None = None,
        loss: str = "squared_error",
        training: TrainingSettings | None = None,
        data: Dataset | None = None,
        extra: dict | None = None,
    ) -> None:
        self.name = name
        self.loss = loss
        self.training = training or TrainingSettings()
        self.data = data
        # Top-level fields of a file this version does not know; written back unchanged.
        self.extra = extra or {}
        self._neurons: list[Neuron] = []
        self._by_id: dict[str, Neuron] = {}
        self._connections: list[Connection] = []
        self._by_key: dict[tuple[str, str], Connection] = {}
        self._outgoing: dict[str, dict[str, Connection]] = {}
        self._incoming: dict[str, dict[str, Connection]] = {}
        self._connection_position: dict[tuple[str, str], int] | None = None
        self._neuron_position: dict[str, int] | None = None
        # Bumped by every edit that changes what a compiled engine depends on
        # (neurons, connections, roles, activations), not by weights, biases or moves.
        self.structure_version = 0

    # ----------------------------------------------------------------- reading

    @property
    def neurons(self) -> tuple[Neuron, ...]:
        return tuple(self._neurons)

    @property
    def connections(self) -> tuple[Connection, ...]:
        return tuple(self._connections)

    def neuron(self, neuron_id: str) -> Neuron:
        try:
            return self._by_id[neuron_id]
        except KeyError:
            raise NetworkEditError(
                translate("Network", "there is no neuron {id!r}").format(id=neuron_id)
            ) from None

    def connection(self, source: str, target: str) -> Connection:
        try:
            return self._by_key[(source, target)]
        except KeyError:
            raise NetworkEditError(
                translate("Network", "there is no connection {source} → {target}").format(
                    source=source, target=target
                )
            ) from None

    def has_neuron(self, neuron_id: str) -> bool:
        return neuron_id in self._by_id

    def has_connection(self, source: str, target: str) -> bool:
        return (source, target) in self._by_key

    def neuron_index(self, neuron_id: str) -> int:
        self.neuron(neuron_id)
        return self._neuron_positions()[neuron_id]

    def connection_index(self, source: str, target: str) -> int:
        self.connection(source, target)
        return self._connection_positions()[(source, target)]

    def incoming(self, neuron_id: str) -> list[Connection]:
        """Connections into the neuron, in file order."""
        positions = self._connection_positions()
        return sorted(self._incoming[neuron_id].values(), key=lambda c: positions[c.key])

    def sources(self, neuron_id: str) -> set[str]:
        """The neurons feeding this one. A set, unsorted: `incoming` sorts a thousand inputs."""
        return set(self._incoming[neuron_id])

    def outgoing(self, neuron_id: str) -> list[Connection]:
        """Connections out of the neuron, in file order."""
        positions = self._connection_positions()
        return sorted(self._outgoing[neuron_id].values(), key=lambda c: positions[c.key])

    def _connection_positions(self) -> dict[tuple[str, str], int]:
        # Built lazily after a structural edit: list.index would compare dataclasses one by one.
        if self._connection_position is None:
            self._connection_position = {c.key: k for k, c in enumerate(self._connections)}
        return self._connection_position

    def _neuron_positions(self) -> dict[str, int]:
        if self._neuron_position is None:
            self._neuron_position = {n.id: k for k, n in enumerate(self._neurons)}
        return self._neuron_position

    def ids_with_role(self, role: str) -> list[str]:
        """Ids of the neurons with this role, in file order (the order of data columns)."""
        return [n.id for n in self._neurons if n.role == role]

    def input_ids(self) -> list[str]:
        return self.ids_with_role("input")

    def output_ids(self) -> list[str]:
        return self.ids_with_role("output")

    def fresh_id(self, role: str) -> str:
        """An unused id such as `h3` for a new neuron of this role."""
        if role not in ROLES:
            raise NetworkEditError(not_one_of(role, ROLES))
        prefix = ID_PREFIX[role]
        number = 1
        while f"{prefix}{number}" in self._by_id:
            number += 1
        return f"{prefix}{number}"

    def topological_order(self) -> list[str]:
        """Every neuron id, each after all the neurons that feed it; ties keep file order."""
        position = {n.id: k for k, n in enumerate(self._neurons)}
        waiting = {n.id: len(self._incoming[n.id]) for n in self._neurons}
        ready = deque(n.id for n in self._neurons if waiting[n.id] == 0)
        order = []
        while ready:
            current = ready.popleft()
            order.append(current)
            for target in sorted(self._outgoing[current], key=position.__getitem__):
                waiting[target] -= 1
                if waiting[target] == 0:
                    ready.append(target)
        return order

    def path(
        self, start: str, end: str, added: dict[str, list[str]] | None = None
    ) -> list[str] | None:
        """A directed path of neuron ids from start to end, or None when there is none;
        `added` holds connections (source → targets) to count as if they were made."""
        previous: dict[str, str | None] = {start: None}
        frontier = deque([start])
        while frontier:
            current = frontier.popleft()
            if current == end:
                path = [current]
                step = previous[current]
                while step is not None:
                    path.append(step)
                    step = previous[step]
                return path[::-1]
            for target in itertools.chain(self._outgoing[current], (added or {}).get(current, ())):
                if target not in previous:
                    previous[target] = current
                    frontier.append(target)
        return None

    def loss_refusal(self, loss: str) -> str | None:
        """Why the network cannot use `loss` with the output neurons it has, or None when it can."""
        if loss not in LOSSES:
            return not_one_of(loss, LOSSES)
        if loss == CROSS_ENTROPY:
            for neuron in self._neurons:
                if neuron.role == "output" and neuron.activation != CROSS_ENTROPY_ACTIVATION:
                    return _cross_entropy_refusal(neuron.id, neuron.activation)
        return None

    def outputs_unfit_for(self, loss: str) -> list[str]:
        """The output neurons whose activation `loss` cannot use (binary cross-entropy: non-sigmoid)."""
        if loss != CROSS_ENTROPY:
            return []
        return [
            n.id
            for n in self._neurons
            if n.role == "output" and n.activation != CROSS_ENTROPY_ACTIVATION
        ]

    def activation_refusal(self, neuron_id: str, activation: str) -> str | None:
        """Why the neuron may not take this activation, or None when it may."""
        neuron = self.neuron(neuron_id)
        if neuron.is_input:
            return translate(
                "Network", "{id} is an input neuron; inputs have no activation"
            ).format(id=neuron_id)
        return self._activation_refusal(neuron_id, neuron.role, activation)

    def role_refusal(self, neuron_id: str, role: str) -> str | None:
        """Why the neuron may not take this role (keeping its activation), or None when it may."""
        neuron = self.neuron(neuron_id)
        if role not in ROLES:
            return not_one_of(role, ROLES)
        if role == "input":
            if self._incoming[neuron_id]:
                return translate(
                    "Network", "{id} has incoming connections; an input neuron cannot have any"
                ).format(id=neuron_id)
            return None
        return self._activation_refusal(neuron_id, role, neuron.activation or DEFAULT_ACTIVATION)

    def _activation_refusal(self, neuron_id: str, role: str, activation: str | None) -> str | None:
        """Why a neuron of this role may not take this activation under the network's loss."""
        if role == "input":
            return None
        if activation not in ACTIVATIONS:
            return not_one_of(activation, ACTIVATIONS)
        if (
            self.loss == CROSS_ENTROPY
            and role == "output"
            and activation != CROSS_ENTROPY_ACTIVATION
        ):
            return _cross_entropy_refusal(neuron_id, activation)
        return None

    def connection_refusal(
        self, source: str, target: str, added: dict[str, list[str]] | None = None
    ) -> str | None:
        """Why connecting source → target is not allowed, or None when it is; `added` holds
        connections (source → targets) to count as made already, for a batch."""
        reason = self._local_connection_refusal(source, target)
        if reason:
            return reason
        if (source, target) in self._by_key or target in (added or {}).get(source, ()):
            return _exists_already(source, target)
        loop = self.path(target, source, added)
        if loop is not None:
            cycle = " → ".join(loop + [target])
            return _would_make_cycle(source, target, cycle)
        return None

    # ----------------------------------------------------------------- edits

    def add_neuron(self, neuron: Neuron, index: int | None = None) -> None:
        """Add a neuron (at `index` in file order, else at the end)."""
        if not isinstance(neuron.id, str) or not neuron.id:
            raise NetworkEditError(translate("Network", "a neuron needs a non-empty id"))
        if neuron.id in self._by_id:
            raise NetworkEditError(_taken_id(neuron.id))
        self._check_neuron_fields(neuron)
        reason = self._activation_refusal(neuron.id, neuron.role, neuron.activation)
        if reason:
            raise NetworkEditError(reason)
        if index is None:
            index = len(self._neurons)
        self._neurons.insert(index, neuron)
        self._neuron_position = None
        self._by_id[neuron.id] = neuron
        self._outgoing[neuron.id] = {}
        self._incoming[neuron.id] = {}
        self.structure_version += 1

    def remove_neuron(self, neuron_id: str) -> RemovedNeuron:
        """Remove a neuron and every connection touching it."""
        neuron = self.neuron(neuron_id)
        touching = [
            (k, c) for k, c in enumerate(self._connections) if neuron_id in (c.source, c.target)
        ]
        for _, c in touching:
            del self._by_key[c.key]
            del self._outgoing[c.source][c.target], self._incoming[c.target][c.source]
        self._connections = [c for c in self._connections if c.key in self._by_key]
        self._connection_position = None
        index = self._neuron_positions()[neuron_id]
        del self._neurons[index]
        self._neuron_position = None
        del self._by_id[neuron_id], self._outgoing[neuron_id], self._incoming[neuron_id]
        self.structure_version += 1
        return RemovedNeuron(neuron, index, touching)

    def restore_neuron(self, removed: RemovedNeuron) -> None:
        """Undo `remove_neuron`: the neuron and its connections come back where they were."""
        self.add_neuron(removed.neuron, removed.index)
        for index, c in removed.connections:
            self.connect(c.source, c.target, c.weight, index)

    def connect(
        self, source: str, target: str, weight: float, index: int | None = None
    ) -> Connection:
        """Add the connection source → target, or refuse with the reason."""
        reason = self.connection_refusal(source, target)
        if reason:
            raise NetworkEditError(reason)
        connection = Connection(source, target, finite_number(weight, "a weight"))
        self._insert_connection(connection, index)
        return connection

    def _insert_connection(self, connection: Connection, index: int | None) -> None:
        if index is None:
            self._connections.append(connection)
        else:
            self._connections.insert(index, connection)
            self._connection_position = None
        if self._connection_position is not None:
            self._connection_position[connection.key] = len(self._connections) - 1
        self._by_key[connection.key] = connection
        self._outgoing[connection.source][connection.target] = connection
        self._incoming[connection.target][connection.source] = connection
        self.structure_version += 1

    def check_additions(
        self, neurons: Sequence[Neuron] = (), connections: Sequence[Connection] = ()
    ) -> None:
        """Refuse (AdditionRefused) what adding these neurons, then these connections, would break.

        Changes nothing; one pass over the graph finds a cycle, rather than a search per connection.
        """
        new: dict[str, Neuron] = {}
        for neuron in neurons:
            if not isinstance(neuron.id, str) or not neuron.id:
                raise AdditionRefused(translate("Network", "a neuron needs a non-empty id"))
            if neuron.id in self._by_id or neuron.id in new:
                raise AdditionRefused(_taken_id(neuron.id))
            try:
                self._check_neuron_fields(_copy_neuron(neuron))
            except NetworkEditError as refused:
                raise AdditionRefused(str(refused)) from None
            reason = self._activation_refusal(neuron.id, neuron.role, neuron.activation)
            if reason:
                raise AdditionRefused(reason)
            new[neuron.id] = neuron
        added: dict[str, list[str]] = {}
        seen: set[tuple[str, str]] = set()
        # Ends that can take a connection: any neuron as its source, non-inputs as its target.
        sources = self._by_id.keys() | new.keys()
        targets = {i for i in sources if not (self._by_id.get(i) or new[i]).is_input}
        for k, c in enumerate(connections):
            source, target, weight = c.source, c.target, c.weight
            key = (source, target)
            fine = (
                source in sources
                and target in targets
                and source != target
                and key not in seen
                and key not in self._by_key
                and type(weight) is float
                and math.isfinite(weight)
            )
            if not fine:
                # The slow path only for the one at fault, to say exactly why.
                reason = self._local_connection_refusal(source, target, new)
                if reason is None and (key in seen or key in self._by_key):
                    reason = _exists_already(source, target)
                if reason is None:
                    try:
                        finite_number(weight, "a weight")
                    except NetworkEditError as refused:
                        reason = str(refused)
                if reason:
                    raise AdditionRefused(reason, k)
            seen.add(key)
            added.setdefault(source, []).append(target)
        cycle = self._cycle(list(new), added)
        if cycle:
            closing = [(a, b) for a, b in itertools.pairwise(cycle) if (a, b) in seen]
            if len(closing) == 1:
                source, target = closing[0]
                index = next(k for k, c in enumerate(connections) if c.key == closing[0])
                rotated = cycle[cycle.index(target) : -1] + cycle[: cycle.index(target) + 1]
                raise AdditionRefused(_would_make_cycle(source, target, " → ".join(rotated)), index)
            raise AdditionRefused(
                translate("Network", "the connections make a cycle: {cycle}").format(
                    cycle=" → ".join(cycle)
                )
            )

    def add_connections(self, connections: Sequence[Connection]) -> None:
        """Add many connections at the end, all or none (AdditionRefused says why none).

        The network keeps the Connection objects given (a new one where a weight is not a float)."""
        self.check_additions((), connections)
        start = len(self._connections)
        for c in connections:
            connection = (
                c if type(c.weight) is float else Connection(c.source, c.target, float(c.weight))
            )
            self._connections.append(connection)
            self._by_key[(c.source, c.target)] = connection
            self._outgoing[c.source][c.target] = connection
            self._incoming[c.target][c.source] = connection
        if self._connection_position is not None:
            for k in range(start, len(self._connections)):
                self._connection_position[self._connections[k].key] = k
        self.structure_version += 1

    def _local_connection_refusal(
        self, source: str, target: str, new: dict[str, Neuron] | None = None
    ) -> str | None:
        """What is wrong with source → target by itself: missing ends, a loop, into an input."""
        new = new or {}
        for end in (source, target):
            if end not in self._by_id and end not in new:
                return translate("Network", "there is no neuron {id!r}").format(id=end)
        if source == target:
            return translate(
                "Network", "a neuron cannot connect to itself ({source} → {target})"
            ).format(source=source, target=target)
        target_neuron = self._by_id.get(target) or new[target]
        if target_neuron.is_input:
            return translate(
                "Network", "{id} is an input neuron; nothing can connect into an input"
            ).format(id=target)
        return None

    def _cycle(self, new_ids: list[str], new_edges: dict[str, list[str]]) -> list[str] | None:
        """A cycle in this graph with the new neurons and edges added (first neuron repeated
        at the end), or None. Kahn's algorithm, then a walk back through what it left."""
        ids = [n.id for n in self._neurons] + new_ids

        def targets(neuron_id: str) -> Iterable[str]:
            yield from self._outgoing.get(neuron_id, ())
            yield from new_edges.get(neuron_id, ())

        waiting = dict.fromkeys(ids, 0)
        for neuron_id in ids:
            for target in targets(neuron_id):
                waiting[target] += 1
        ready = [i for i in ids if waiting[i] == 0]
        while ready:
            current = ready.pop()
            for target in targets(current):
                waiting[target] -= 1
                if waiting[target] == 0:
                    ready.append(target)
        left = {i for i in ids if waiting[i] > 0}
        if not left:
            return None
        # Every neuron left is fed by another one left: walk back until one repeats.
        feeders: dict[str, str] = {}
        for source in left:
            for target in targets(source):
                if target in left:
                    feeders.setdefault(target, source)
        order = {neuron_id: k for k, neuron_id in enumerate(ids)}
        walk = [min(left, key=order.__getitem__)]
        position = {walk[0]: 0}
        while True:
            before = feeders[walk[-1]]
            if before in position:
                loop = walk[position[before] :][::-1]
                first = loop.index(min(loop, key=order.__getitem__))  # told from file order
                loop = loop[first:] + loop[:first]
                return [*loop, loop[0]]
            position[before] = len(walk)
            walk.append(before)

    def disconnect(self, source: str, target: str) -> tuple[int, Connection]:
        """Remove source → target; returns its file index and the connection, for undo."""
        connection = self.connection(source, target)
        index = self._connection_positions()[connection.key]
        del self._connections[index]
        self._connection_position = None
        del self._by_key[connection.key]
        del self._outgoing[source][target], self._incoming[target][source]
        self.structure_version += 1
        return index, connection

    def set_weight(self, source: str, target: str, weight: float) -> float:
        """Set a weight; returns the old one."""
        connection = self.connection(source, target)
        old, connection.weight = connection.weight, finite_number(weight, "a weight")
        return old

    def set_bias(self, neuron_id: str, bias: float) -> float:
        """Set a bias; returns the old one."""
        neuron = self.neuron(neuron_id)
        if neuron.is_input:
            raise NetworkEditError(
                translate("Network", "{id} is an input neuron; inputs have no bias").format(
                    id=neuron_id
                )
            )
        old, neuron.bias = neuron.bias_value, finite_number(bias, "a bias")
        return old

    def set_activation(self, neuron_id: str, activation: str) -> str:
        """Set an activation; returns the old one."""
        neuron = self.neuron(neuron_id)
        reason = self.activation_refusal(neuron_id, activation)
        if reason:
            raise NetworkEditError(reason)
        old, neuron.activation = neuron.activation_name, activation
        self.structure_version += 1
        return old

    def set_label(self, neuron_id: str, label: str | None) -> str | None:
        """Set the display label (None or empty removes it); returns the old one."""
        neuron = self.neuron(neuron_id)
        old, neuron.label = neuron.label, (label or None)
        return old

    def set_position(self, neuron_id: str, x: float, y: float) -> tuple[float, float]:
        """Move a neuron on the canvas; returns the old position."""
        neuron = self.neuron(neuron_id)
        new = (finite_number(x, "a position"), finite_number(y, "a position"))
        old = (neuron.x, neuron.y)
        neuron.x, neuron.y = new
        return old

    def set_role(
        self, neuron_id: str, role: str, activation: str | None = None, bias: float | None = None
    ) -> tuple[str, str | None, float | None]:
        """Change a neuron's role; returns the old (role, activation, bias) for undo.

        Becoming an input drops activation and bias; leaving input takes the given
        activation and bias (or the defaults, tanh and 0).
        """
        neuron = self.neuron(neuron_id)
        if role not in ROLES:
            raise NetworkEditError(not_one_of(role, ROLES))
        if role == "input":
            reason = self.role_refusal(neuron_id, role)
            if reason:
                raise NetworkEditError(reason)
            new_activation, new_bias = None, None
        else:
            new_activation = activation or neuron.activation or DEFAULT_ACTIVATION
            new_bias = (
                bias if bias is not None else (neuron.bias if neuron.bias is not None else 0.0)
            )
            reason = self._activation_refusal(neuron_id, role, new_activation)
            if reason:
                raise NetworkEditError(reason)
            new_bias = finite_number(new_bias, "a bias")
        old = (neuron.role, neuron.activation, neuron.bias)
        neuron.role, neuron.activation, neuron.bias = role, new_activation, new_bias
        self.structure_version += 1
        return old

    @property
    def is_untitled(self) -> bool:
        """True while the network has no name of its own (none, blank, or New's placeholder)."""
        return self.name is None or not self.name.strip() or self.name == UNTITLED

    @property
    def description(self) -> str:
        """The free text saved with the network ("" when there is none)."""
        value = self.extra.get(DESCRIPTION_FIELD)
        return value if isinstance(value, str) else ""

    def set_name(self, name: str | None) -> str | None:
        """Rename the network (None: no name, as a file may have); returns the old name."""
        if name is not None:
            reason = name_refusal(name)
            if reason:
                raise NetworkEditError(reason)
        old, self.name = self.name, name
        return old

    def set_description(self, description: object) -> object:
        """Set the description ("" or None removes it); returns the old value, None if absent.

        The old value goes back unchanged on undo, even one another writer made that is no text.
        """
        old = self.extra.pop(DESCRIPTION_FIELD, None)
        if description is not None and description != "":
            self.extra[DESCRIPTION_FIELD] = description
        return old

    def set_loss(self, loss: str) -> str:
        """Set the loss, refused while an output neuron's activation cannot go with it."""
        reason = self.loss_refusal(loss)
        if reason:
            raise NetworkEditError(reason)
        old, self.loss = self.loss, loss
        self.structure_version += 1
        return old

    # ----------------------------------------------------------------- whole

    def copy(self) -> "Network":
        """A deep copy, sharing nothing with this network."""
        return copy.deepcopy(self)

    def parameters_equal(self, other: "Network") -> bool:
        """Same neurons and connections with the same numbers, in the same order."""
        return self._neurons == other._neurons and self._connections == other._connections

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Network):
            return NotImplemented
        same_data = (self.data is None and other.data is None) or (
            self.data is not None and other.data is not None and self.data.same_as(other.data)
        )
        return (
            self.parameters_equal(other)
            and (self.name, self.loss, self.training, self.extra)
            == (other.name, other.loss, other.training, other.extra)
            and same_data
        )

    __hash__ = None  # type: ignore[assignment]  # a network is mutable, so unhashable

    def __repr__(self) -> str:
        return (
            f"Network({self.name!r}, {len(self._neurons)} neurons, "
            f"{len(self._connections)} connections)"
        )

    @staticmethod
    def _check_neuron_fields(neuron: Neuron) -> None:
        if neuron.role not in ROLES:
            raise NetworkEditError(not_one_of(neuron.role, ROLES))
        if neuron.is_input:
            if neuron.activation is not None or neuron.bias is not None:
                raise NetworkEditError(
                    translate(
                        "Network", "{id} is an input neuron; inputs have no activation or bias"
                    ).format(id=neuron.id)
                )
        else:
            if neuron.activation not in ACTIVATIONS:
                raise NetworkEditError(not_one_of(neuron.activation, ACTIVATIONS))
            neuron.bias = finite_number(neuron.bias, "a bias")
        neuron.x = finite_number(neuron.x, "a position")
        neuron.y = finite_number(neuron.y, "a position")


def _cross_entropy_refusal(neuron_id: str, activation: str | None) -> str:
    return translate(
        "Network",
        "binary cross-entropy needs sigmoid output neurons (its ln y and ln(1 − y) exist only "
        "for 0 < y < 1), but {id} is {activation}",
    ).format(id=neuron_id, activation=activation)


def not_one_of(value: object, choices: Sequence[str]) -> str:
    """The refusal of a word that is none of the file format's `choices` (kept in English)."""
    return translate("Network", "{value!r} is not one of {choices}").format(
        value=value, choices=", ".join(choices)
    )


def _exists_already(source: str, target: str) -> str:
    return translate("Network", "the connection {source} → {target} exists already").format(
        source=source, target=target
    )


def _would_make_cycle(source: str, target: str, cycle: str) -> str:
    return translate(
        "Network", "connecting {source} → {target} would make a cycle: {cycle}"
    ).format(source=source, target=target, cycle=cycle)


def _taken_id(neuron_id: str) -> str:
    return translate("Network", "there is already a neuron with id {id!r}").format(id=neuron_id)


def _copy_neuron(neuron: Neuron) -> Neuron:
    return Neuron(
        neuron.id, neuron.role, neuron.activation, neuron.bias, neuron.x, neuron.y, neuron.label
    )
