"""The open network: the model, its undo stack, its file, and the signals saying what changed.

Every edit is a QUndoCommand that changes only the model and then calls
`announce`; the scene, the inspector and later panels follow the signals.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from playground.gui.commands.add_items import AddItemsCommand
from playground.gui.commands.move_neurons import MoveNeuronsCommand
from playground.gui.commands.network_properties import SetNetworkPropertiesCommand
from playground.gui.commands.network_settings import (
    SetDataCommand,
    SetLossCommand,
    SetTrainingSettingsCommand,
)
from playground.gui.commands.neuron_fields import SetNeuronFieldCommand
from playground.gui.commands.parameter_change import ParameterChangeCommand
from playground.gui.commands.remove_items import RemoveItemsCommand
from playground.model.connection import Connection
from playground.model.dataset import Dataset
from playground.model.errors import NetworkEditError
from playground.model.feature_inputs import drop_feature, use_feature
from playground.model.features import feature_label
from playground.model.initialisation import (
    INITIALISATIONS,
    initial_weight,
    new_connection_weight,
)
from playground.model.layout import nudge_apart
from playground.model.network import UNTITLED, Network, finite_number, name_refusal
from playground.model.network_file import load_network, save_network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings
from playground.model.vocabulary import DEFAULT_ACTIVATION

# Past this many changed items one coarse signal is cheaper than one signal per item.
BULK_THRESHOLD = 200

Key = tuple[str, str]


def arrow(key: Key) -> str:
    """`h1 → o1`, the way menus and messages name a connection."""
    return f"{key[0]} → {key[1]}"


class Document(QObject):
    """Owns the Network, the QUndoStack, the file path and the dirty flag."""

    neuron_added = Signal(str)
    neuron_removed = Signal(str)
    neuron_changed = Signal(str)
    neurons_moved = Signal(list)
    connection_added = Signal(str, str)
    connection_removed = Signal(str, str)
    connection_changed = Signal(str, str)
    # Many weights/biases changed at once: restyle everything rather than item by item.
    all_parameters_changed = Signal()
    network_replaced = Signal()
    structure_changed = Signal()
    parameters_changed = Signal()
    dirty_changed = Signal(bool)
    path_changed = Signal(str)
    # How the network trains changed (training settings or loss): training and stepping restart.
    settings_changed = Signal()
    data_changed = Signal()
    # The network's name or description changed (Network ▸ Properties, a first save).
    properties_changed = Signal()

    def __init__(self, network: Network | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._network = network if network is not None else Network(name=UNTITLED)
        self._path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.initialisation = "fan_in"
        self._rng = np.random.default_rng(self._network.training.seed)

    # ----------------------------------------------------------------- state

    @property
    def network(self) -> Network:
        return self._network

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        """The network's name, else the file's name, else Untitled."""
        if self._network.name:
            # The model's placeholder name is a word the user reads: shown in their language.
            return self.tr("Untitled") if self._network.name == UNTITLED else self._network.name
        return self._path.stem if self._path else self.tr("Untitled")

    def set_initialisation(self, scheme: str) -> None:
        if scheme not in INITIALISATIONS:
            raise NetworkEditError(f"{scheme!r} is not one of {', '.join(INITIALISATIONS)}")
        self.initialisation = scheme

    def _clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    # ----------------------------------------------------------------- files

    def replace(self, network: Network, path: str | Path | None = None) -> None:
        """Show another network (New, Open): a fresh undo history, nothing unsaved."""
        self._network = network
        self._rng = np.random.default_rng(network.training.seed)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._set_path(path)
        self.network_replaced.emit()
        self.structure_changed.emit()
        self.parameters_changed.emit()
        self.dirty_changed.emit(False)

    def open(self, path: str | Path, remember_path: bool = True) -> None:
        """Load a file; on a NetworkFileError the open network stays as it was."""
        network = load_network(path)
        self.replace(network, path if remember_path else None)

    def save(self, path: str | Path | None = None) -> None:
        """Write the network (atomically) to `path`, or to the file it came from."""
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("the network has no file yet; choose one with Save As")
        name = self._network.name
        if self._path is None and self._network.is_untitled and not name_refusal(target.stem):
            # A first save names a new network after its file (not an undo step: the file has it).
            self._network.name = target.stem
        try:
            save_network(self._network, target)
        except BaseException:
            self._network.name = name  # not saved, so not renamed either
            raise
        if self._network.name != name:
            self.properties_changed.emit()
        self._set_path(target)
        self.undo_stack.setClean()

    def _set_path(self, path: str | Path | None) -> None:
        self._path = Path(path) if path is not None else None
        self.path_changed.emit(str(self._path) if self._path else "")

    # ----------------------------------------------------------------- edits

    def add_neuron(self, role: str, x: float, y: float, activation: str | None = None) -> str:
        """Place a new neuron with a fresh id, clear of the others; returns the id."""
        neuron_id = self._network.fresh_id(role)
        others = {n.id: (n.x, n.y) for n in self._network.neurons}
        x, y = nudge_apart({neuron_id: (float(x), float(y))}, others)[neuron_id]
        if role == "input":
            neuron = Neuron(neuron_id, role, None, None, float(x), float(y))
        else:
            activation = activation or ("sigmoid" if role == "output" else DEFAULT_ACTIVATION)
            neuron = Neuron(neuron_id, role, activation, 0.0, float(x), float(y))
        self.add_items([neuron], [], self.tr("Add Neuron {id}").format(id=neuron_id))
        return neuron_id

    def add_items(self, neurons: list[Neuron], connections: list[Connection], text: str) -> None:
        """Add neurons and connections among them and the network, as one step."""
        # The model judges the whole batch without a copy of the network.
        self._network.check_additions(neurons, connections)
        self.undo_stack.push(AddItemsCommand(self, text, neurons, connections))

    def connect_neurons(self, source: str, target: str, weight: float | None = None) -> float:
        """Add source → target, with a weight from the current initialisation unless given."""
        reason = self._network.connection_refusal(source, target)
        if reason:
            raise NetworkEditError(reason)
        if weight is None:
            weight = new_connection_weight(
                self._network, source, target, self.initialisation, self._rng
            )
        finite_number(weight, "a weight")
        self.undo_stack.push(
            AddItemsCommand(
                self,
                self.tr("Add Connection {connection}").format(connection=arrow((source, target))),
                [],
                [Connection(source, target, float(weight))],
            )
        )
        return float(weight)

    def connect_fully(self, sources: list[str], targets: list[str]) -> int:
        """Connect every source to every target where allowed, as one step; returns how many."""
        return self.connect_columns([sources, targets])

    def connect_columns(self, columns: list[list[str]]) -> int:
        """Connect each column to every neuron of the next where allowed, as one step."""
        network = self._network
        fan_in: dict[str, int] = {}
        fan_out: dict[str, int] = {}
        # Connections chosen so far count as made, without copying the network.
        made: dict[str, list[str]] = {}
        for c in network.connections:
            fan_in[c.target] = fan_in.get(c.target, 0) + 1
            fan_out[c.source] = fan_out.get(c.source, 0) + 1
        added = []
        pairs = [(s, t) for left, right in itertools.pairwise(columns) for t in right for s in left]
        for source, target in pairs:
            if network.connection_refusal(source, target, made) is not None:
                continue
            # Counted as already added, as new_connection_weight does.
            fan_in[target] = fan_in.get(target, 0) + 1
            fan_out[source] = fan_out.get(source, 0) + 1
            weight = initial_weight(
                self._rng,
                fan_in[target],
                fan_out[source],
                network.neuron(target).activation_name,
                self.initialisation,
            )
            made.setdefault(source, []).append(target)
            added.append(Connection(source, target, weight))
        if added:
            self.undo_stack.push(
                AddItemsCommand(
                    self, self.tr("Connect {n} Connections").format(n=len(added)), [], added
                )
            )
        return len(added)

    def remove_items(self, neuron_ids: Iterable[str], connection_keys: Iterable[Key]) -> None:
        """Delete neurons (with their connections) and connections, as one step."""
        neurons = [n for n in dict.fromkeys(neuron_ids)]
        keys = [k for k in dict.fromkeys(connection_keys)]
        for n in neurons:
            self._network.neuron(n)
        for k in keys:
            self._network.connection(*k)
        if not neurons and not keys:
            return
        if len(neurons) == 1 and not keys:
            text = self.tr("Delete Neuron {id}").format(id=neurons[0])
        elif len(keys) == 1 and not neurons:
            text = self.tr("Delete Connection {connection}").format(connection=arrow(keys[0]))
        elif neurons and keys:
            text = self.tr("Delete {neurons} and {connections}").format(
                neurons=_count_neurons(len(neurons)), connections=_count_connections(len(keys))
            )
        else:
            count = _count_neurons(len(neurons)) if neurons else _count_connections(len(keys))
            text = self.tr("Delete {items}").format(items=count)
        self.undo_stack.push(RemoveItemsCommand(self, text, neurons, keys))

    def set_weight(self, source: str, target: str, weight: float) -> None:
        self._network.connection(source, target)
        self.push_parameter_change(
            self.tr("Set Weight {connection} to {weight}").format(
                connection=arrow((source, target)), weight=f"{weight:g}"
            ),
            {(source, target): weight},
            {},
        )

    def set_bias(self, neuron_ids: str | Iterable[str], bias: float) -> None:
        ids = [neuron_ids] if isinstance(neuron_ids, str) else list(neuron_ids)
        name = ids[0] if len(ids) == 1 else _count_neurons(len(ids))
        self.push_parameter_change(
            self.tr("Set Bias of {name} to {bias}").format(name=name, bias=f"{bias:g}"),
            {},
            dict.fromkeys(ids, bias),
        )

    def push_parameter_change(
        self, description: str, new_weights: dict[Key, float], new_biases: dict[str, float]
    ) -> None:
        """Replace many weights and biases in one undo step."""
        for key, weight in new_weights.items():
            self._network.connection(*key)
            finite_number(weight, "a weight")
        for neuron_id, bias in new_biases.items():
            if self._network.neuron(neuron_id).is_input:
                raise NetworkEditError(
                    self.tr("{id} is an input neuron; inputs have no bias").format(id=neuron_id)
                )
            finite_number(bias, "a bias")
        if new_weights or new_biases:
            self.undo_stack.push(ParameterChangeCommand(self, description, new_weights, new_biases))

    def set_activation(self, neuron_ids: str | Iterable[str], activation: str) -> None:
        ids = [neuron_ids] if isinstance(neuron_ids, str) else list(neuron_ids)
        for n in ids:
            reason = self._network.activation_refusal(n, activation)
            if reason:
                raise NetworkEditError(reason)
        name = ids[0] if len(ids) == 1 else _count_neurons(len(ids))
        text = self.tr("Set Activation of {name} to {activation}").format(
            name=name, activation=activation
        )
        self._push_field(text, "activation", ids, activation)

    def set_label(self, neuron_id: str, label: str | None) -> None:
        self._network.neuron(neuron_id)
        text = (
            self.tr("Label {id} {label}").format(id=neuron_id, label=repr(label))
            if label
            else self.tr("Remove Label of {id}").format(id=neuron_id)
        )
        self._push_field(text, "label", [neuron_id], label or None)

    def set_role(self, neuron_id: str, role: str) -> None:
        neuron = self._network.neuron(neuron_id)
        reason = self._network.role_refusal(neuron_id, role)
        if reason:
            raise NetworkEditError(reason)
        if role != neuron.role:
            roles = {
                "input": self.tr("Make {id} Input"),
                "hidden": self.tr("Make {id} Hidden"),
                "output": self.tr("Make {id} Output"),
            }
            text = roles.get(role, f"Make {{id}} {role.capitalize()}").format(id=neuron_id)
            self._push_field(text, "role", [neuron_id], role)

    def move_neurons(self, positions: dict[str, tuple[float, float]]) -> None:
        """Move neurons in one undo step (a drag of many, an auto-arrange)."""
        changed = {}
        for neuron_id, (x, y) in positions.items():
            neuron = self._network.neuron(neuron_id)
            finite_number(x, "a position")
            finite_number(y, "a position")
            if (neuron.x, neuron.y) != (x, y):
                changed[neuron_id] = (float(x), float(y))
        if changed:
            name = next(iter(changed)) if len(changed) == 1 else _count_neurons(len(changed))
            text = self.tr("Move {name}").format(name=name)
            self.undo_stack.push(MoveNeuronsCommand(self, text, changed))

    def set_training(self, settings: TrainingSettings, text: str | None = None) -> None:
        """Replace the training settings as one undo step (repeated edits of one field merge).

        A TrainingSettings holds only values in range: it refused the others when it was built."""
        if text is None:
            text = self.tr("Change Training Settings")
        if settings != self._network.training:
            self.undo_stack.push(SetTrainingSettingsCommand(self, text, settings))

    def set_loss(self, loss: str) -> None:
        reason = self._network.loss_refusal(loss)
        if reason:
            raise NetworkEditError(reason)
        if loss != self._network.loss:
            self.undo_stack.push(SetLossCommand(self, loss))

    def set_loss_fitting_outputs(self, loss: str) -> None:
        """Make the outputs `loss` cannot use sigmoid, then use `loss`: one undo step."""
        unfit = self._network.outputs_unfit_for(loss)
        self.undo_stack.beginMacro(
            self.tr("Use {loss} with Sigmoid Outputs").format(loss=loss.replace("_", " "))
        )
        try:
            if unfit:
                self.set_activation(unfit, "sigmoid")
            self.set_loss(loss)
        finally:
            self.undo_stack.endMacro()

    def set_properties(self, name: str, description: str) -> None:
        """Rename the network and set its description as one undo step; a bad name is refused."""
        name = name.strip()
        reason = name_refusal(name)
        if reason:
            raise NetworkEditError(reason)
        if (name, description) != (self._network.name, self._network.description):
            renamed = name != self._network.name
            text = (
                self.tr("Rename Network to {name}").format(name=name)
                if renamed
                else self.tr("Change Network Description")
            )
            self.undo_stack.push(SetNetworkPropertiesCommand(self, text, name, description))

    def set_data(self, dataset: Dataset | None, text: str) -> None:
        """Give the network other data (a generator's, an imported table) as one undo step."""
        self.undo_stack.push(SetDataCommand(self, text, dataset))

    def set_feature_used(self, feature: str, used: bool) -> None:
        """Feed `feature` to a new input neuron, or drop it and its neuron: one undo step.

        The model plans the edit and refuses (DataError) one it cannot make, saying why."""
        label = feature_label(feature)
        if used:
            plan = use_feature(self._network, feature, self.initialisation, self._rng)
            self.undo_stack.beginMacro(self.tr("Use Feature {name}").format(name=label))
            self.undo_stack.push(AddItemsCommand(self, "", [plan.neuron], plan.connections))
            self.undo_stack.push(SetDataCommand(self, "", plan.data))
        else:
            drop = drop_feature(self._network, feature)
            self.undo_stack.beginMacro(self.tr("Drop Feature {name}").format(name=label))
            self.undo_stack.push(SetDataCommand(self, "", drop.data))
            self.undo_stack.push(RemoveItemsCommand(self, "", [drop.neuron_id], []))
        self.undo_stack.endMacro()

    def _push_field(self, text: str, field: str, ids: list[str], value: object) -> None:
        current = [getattr(self._network.neuron(n), field) for n in ids]
        if any(c != value for c in current):
            self.undo_stack.push(
                SetNeuronFieldCommand(self, text, field, dict.fromkeys(ids, value))
            )

    # ----------------------------------------------------------------- signals

    def announce(
        self,
        added_neurons: Iterable[str] = (),
        removed_neurons: Iterable[str] = (),
        changed_neurons: Iterable[str] = (),
        moved_neurons: Iterable[str] = (),
        added_connections: Iterable[Key] = (),
        removed_connections: Iterable[Key] = (),
        changed_connections: Iterable[Key] = (),
        structure: bool = False,
        parameters: bool = False,
    ) -> None:
        """Emit what a command changed: neurons before their connections when adding, after when removing."""
        added_neurons, added_connections = list(added_neurons), list(added_connections)
        removed_neurons, removed_connections = list(removed_neurons), list(removed_connections)
        changed_neurons, changed_connections = list(changed_neurons), list(changed_connections)
        for n in added_neurons:
            self.neuron_added.emit(n)
        for key in added_connections:
            self.connection_added.emit(*key)
        for key in removed_connections:
            self.connection_removed.emit(*key)
        for n in removed_neurons:
            self.neuron_removed.emit(n)
        if len(changed_neurons) + len(changed_connections) > BULK_THRESHOLD:
            self.all_parameters_changed.emit()
        else:
            for n in changed_neurons:
                self.neuron_changed.emit(n)
            for key in changed_connections:
                self.connection_changed.emit(*key)
        moved = list(moved_neurons)
        if moved:
            self.neurons_moved.emit(moved)
        if (
            structure
            or added_neurons
            or added_connections
            or removed_neurons
            or removed_connections
        ):
            self.structure_changed.emit()
        if parameters or changed_connections:
            self.parameters_changed.emit()

    def notify_parameters_changed(self) -> None:
        """After numbers changed outside the undo stack (a live training preview): restyle all."""
        self.all_parameters_changed.emit()
        self.parameters_changed.emit()


def _count_neurons(number: int) -> str:
    """ "1 Neuron", "3 Neurons", in the user's language (for undo step names)."""
    if number == 1:
        return QCoreApplication.translate("Document", "1 Neuron")
    return QCoreApplication.translate("Document", "{n} Neurons").format(n=number)


def _count_connections(number: int) -> str:
    if number == 1:
        return QCoreApplication.translate("Document", "1 Connection")
    return QCoreApplication.translate("Document", "{n} Connections").format(n=number)
