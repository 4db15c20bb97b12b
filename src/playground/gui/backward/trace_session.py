"""The trace being stepped through: the sample, the stepper's record, and where the cursor is.

The session owns no numbers of its own: `trace` is `trace_sample`'s record
for the document's network and the chosen sample. Whenever the network, its
loss or the sample change (an edit, an undo, another file), the trace is
computed again and the cursor goes back to the forward pass, so the panel and
the canvas never show numbers of a network that is gone. A change of the
training settings (η, momentum, L2) alters only the SGD update and a new label
only the names, so those keep the place: the update is traced again, or the
frame is just drawn again. Its own "Apply SGD update" is the one change it expects.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal

from playground.engine.backward_stepper import Trace, forward_order, trace_sample
from playground.engine.formatting import DEFAULT_DIGITS, neuron_names
from playground.engine.minibatch import MinibatchTrace, trace_minibatch
from playground.engine.notation import NEURON_NAMES, NOTATIONS
from playground.gui.backward.frames import (
    APPLIED,
    FORWARD_STEP,
    GATHER,
    MEAN,
    NEURON,
    UPDATE,
    WHOLE,
    Frame,
    build_frames,
    build_minibatch_frames,
    minibatch_label,
    step_label,
)
from playground.gui.backward.mean_trace import mean_trace
from playground.gui.backward.sample import BY_HAND, SampleChoice, first_choice, split_size
from playground.gui.backward.trace_fingerprint import fingerprint
from playground.gui.document import Document
from playground.model.errors import PlaygroundError
from playground.model.network import Network

MIN_DIGITS, MAX_DIGITS = 3, 8


class TraceSession(QObject):
    """Holds the current Trace and the step cursor; restarts whenever what it traced changes."""

    changed = Signal()  # the frame, the trace or the number of digits changed: redraw
    restarted = Signal(str)  # the trace started again, and why (for the status bar)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.sample = first_choice(document.network)
        self.detailed = False
        self.forward_steps = True  # step the forward pass neuron by neuron before the backward pass
        self.forward_order: list[str] = []  # the neurons of the forward steps, in their order
        self.digits = DEFAULT_DIGITS
        self.notation = NEURON_NAMES  # how the formulas name neurons (`engine.notation`)
        self.trace: Trace | None = None  # for a minibatch: its mean gradients and update
        self.traces: list[Trace] = []  # a minibatch's samples, each traced on its own
        self.minibatch: MinibatchTrace | None = None
        self.problem: str | None = None  # why there is no trace, in the user's words
        self.frames: list[Frame] = []
        self.cursor = 0
        self.applied = False
        self._fingerprint: tuple | None = None
        self._own_edit = False  # True while the session itself changes the network
        self._applied_at: int | None = None  # the undo index just after our update
        self._active = True
        self._stale = True
        stack = document.undo_stack
        stack.indexChanged.connect(self._document_changed)
        document.network_replaced.connect(self._network_replaced)
        for signal in (
            document.structure_changed,
            document.parameters_changed,
            document.all_parameters_changed,
            document.settings_changed,
            document.data_changed,
        ):
            signal.connect(self._document_changed)
        self.refresh()

    # ----------------------------------------------------------------- state

    @property
    def frame(self) -> Frame | None:
        """The moment shown now (None without a trace)."""
        if self.trace is None:
            return None
        return Frame(APPLIED) if self.applied else self.frames[self.cursor]

    @property
    def network(self) -> Network:
        return self.document.network

    def label(self) -> str:
        """ "step 3 of 7: neuron h1" for the current frame, or why there is nothing to step."""
        return self.label_of(self.frame)

    def label_of(self, frame: Frame | None) -> str:
        """How the dock names `frame` of this trace."""
        if frame is None or self.trace is None:
            return self.problem or self.tr("no trace")
        name = ""
        neuron_id = None
        if frame.kind == NEURON:
            neuron_id = self.trace_for(frame).steps[frame.step].neuron
        elif frame.kind == FORWARD_STEP:
            neuron_id = self.forward_order[frame.step]
        if neuron_id is not None:
            name = neuron_names(self.network).get(neuron_id, neuron_id)
        if self.minibatch is not None:
            total = len(self.frames)
            number = total if frame.kind == APPLIED else self.frames.index(frame) + 1
            return minibatch_label(frame, number, total, len(self.traces), name)
        return step_label(frame, len(self.trace.steps), name, self._forward_count())

    def _own_sample(self, frame: Frame | None) -> bool:
        """Whether `frame` belongs to one sample of a minibatch (not its mean or its update)."""
        return (
            self.minibatch is not None
            and frame is not None
            and frame.kind not in (MEAN, UPDATE, APPLIED)
        )

    def trace_for(self, frame: Frame | None) -> Trace | None:
        """The trace `frame` draws from: in a minibatch, its sample's own trace before the mean."""
        if self._own_sample(frame):
            return self.traces[frame.sample]
        return self.trace

    def describe_frame(self, frame: Frame | None) -> str:
        """ "train sample 3 of 4" for a frame of one sample's pass, else the whole choice."""
        if self._own_sample(frame):
            one = SampleChoice(self.sample.split, self.sample.batch[frame.sample])
            return one.describe(self.network)
        return self.sample.describe(self.network)

    def _forward_count(self) -> int:
        return len(self.forward_order) if self.forward_steps else 0

    def can_step_forward(self) -> bool:
        return self.trace is not None and not self.applied

    def can_step_back(self) -> bool:
        return self.trace is not None and (self.applied or self.cursor > 0)

    def at_update(self) -> bool:
        frame = self.frame
        return frame is not None and frame.kind == UPDATE

    def can_go_to_next_sample(self) -> bool:
        return (
            self.sample.split != BY_HAND
            and not self.sample.batch
            and split_size(self.network, self.sample.split) > 1
        )

    # ----------------------------------------------------------------- settings

    def set_active(self, active: bool) -> bool:
        """An inactive session (its panel hidden) defers recomputing until it is shown again;
        True if it recomputed now (and said `changed`)."""
        self._active = active
        if active and (self._stale or not (self._is_current() or self._keep_place())):
            self.refresh()
            return True
        return False

    def set_sample(self, sample: SampleChoice) -> None:
        if sample != self.sample:
            self.sample = sample
            self.refresh()

    def set_detailed(self, detailed: bool) -> None:
        """Split each neuron into three sub-steps (or join them), staying at the same neuron."""
        if detailed == self.detailed:
            return
        current = self.frame
        self.detailed = detailed
        if self.trace is None:
            return
        self._rebuild_frames(current)
        self.changed.emit()

    def set_forward_steps(self, forward_steps: bool) -> None:
        """Step the forward pass neuron by neuron first (or show it at once), keeping the place where it can."""
        if forward_steps == self.forward_steps:
            return
        current = self.frame
        self.forward_steps = forward_steps
        if self.trace is None:
            return
        if not (self._is_current() or self._keep_place()):
            # The network changed while the panel was hidden: trace it again, with the new setting.
            if self._active:
                self.refresh()
            else:
                self._stale = True
            return
        self._rebuild_frames(current)
        self.changed.emit()

    def _rebuild_frames(self, current: Frame | None) -> None:
        """New frames for the present settings; the cursor stays at the same moment, or the nearest."""
        assert self.trace is not None
        self.frames = self._build_frames()
        if current is None:
            self.cursor = 0
        elif current.kind == NEURON:
            wanted = Frame(NEURON, current.step, GATHER if self.detailed else WHOLE, current.sample)
            self.cursor = self.frames.index(wanted)
        elif current.kind in (UPDATE, APPLIED):
            self.cursor = len(self.frames) - 1
        elif current in self.frames:
            self.cursor = self.frames.index(current)
        else:
            # FORWARD ↔ FORWARD_STEP: the (sample's) forward pass starts again at its beginning.
            self.cursor = next(
                k for k, frame in enumerate(self.frames) if frame.sample == current.sample
            )

    def _build_frames(self) -> list[Frame]:
        assert self.trace is not None
        if self.minibatch is not None:
            counts = [len(one.steps) for one in self.traces]
            return build_minibatch_frames(counts, self.detailed, self._forward_count())
        return build_frames(len(self.trace.steps), self.detailed, self._forward_count())

    def set_digits(self, digits: int) -> None:
        digits = max(MIN_DIGITS, min(MAX_DIGITS, int(digits)))
        if digits != self.digits:
            self.digits = digits
            self.changed.emit()

    def set_notation(self, notation: str) -> None:
        """Name neurons in the formulas by `notation` (one of `engine.notation.NOTATIONS`)."""
        if notation in NOTATIONS and notation != self.notation:
            self.notation = notation
            self.changed.emit()

    # ----------------------------------------------------------------- moving

    def step_forward(self) -> bool:
        """One frame on; at the update frame, apply the update. False when nothing moved."""
        if not self.ensure_current() or not self.can_step_forward():
            return False
        if self.at_update():
            return self.apply_update()
        self.cursor += 1
        self.changed.emit()
        return True

    def step_back(self) -> bool:
        """One frame back; from the applied update, take the update back (undo)."""
        if self.applied:
            return self._take_back_update()
        if not self.ensure_current() or not self.can_step_back():
            return False
        self.cursor -= 1
        self.changed.emit()
        return True

    def restart(self) -> None:
        """Back to the forward pass (after an applied update: traced again with the new weights)."""
        if self.applied or not self._is_current():
            self.refresh()
            return
        self.cursor = 0
        self.changed.emit()

    def to_end(self) -> None:
        """To the update frame (the update itself is applied only on request)."""
        if self.ensure_current() and self.trace is not None and not self.applied:
            self.cursor = len(self.frames) - 1
            self.changed.emit()

    def next_sample(self) -> None:
        """The next row of the same split, traced from the forward pass."""
        self.sample = self.sample.following(self.network)
        self.refresh()

    def ensure_current(self) -> bool:
        """Catch up with the network and the sample; True when the place in the trace still holds.

        A change only the update or the names depend on keeps the place; any other restarts.
        """
        if self._is_current() or self._keep_place():
            return True
        self.refresh(self.tr("The network changed, so the trace started again."))
        return False

    def _keep_place(self) -> bool:
        """Follow a change of the training settings or of a label at the same frame, if that is all."""
        old, now = self._fingerprint, self._compute_fingerprint()
        if self._stale or old is None or self.trace is None or self.applied or old[0] != now[0]:
            return False
        if old[1] != now[1]:
            cursor = self.cursor
            self._compute_trace()  # the passes come out the same; the update follows the settings
            if self.trace is None:
                return False  # the new update cannot be made (a weight would become infinite)
            self.cursor = cursor
        self._fingerprint = now
        self.changed.emit()
        return True

    # ----------------------------------------------------------------- the update

    def apply_update(self) -> bool:
        """Write the update's new weights and biases into the network as one undo step."""
        if self.trace is None or self.applied or not self.ensure_current():
            return False
        update = self.trace.update
        self._own_edit = True
        try:
            self.document.push_parameter_change(
                self.tr("SGD Step on {sample}").format(sample=self.sample.describe(self.network)),
                {(w.source, w.target): w.after for w in update.weights},
                {b.neuron: b.after for b in update.biases},
            )
        except PlaygroundError as refused:
            self.refresh(
                self.tr("The update could not be applied: {problem}").format(problem=refused)
            )
            return False
        finally:
            self._own_edit = False
        self.applied = True
        self.cursor = len(self.frames) - 1
        self._applied_at = self.document.undo_stack.index()
        self._fingerprint = self._compute_fingerprint()
        self.changed.emit()
        return True

    def _take_back_update(self) -> bool:
        stack = self.document.undo_stack
        if stack.index() != self._applied_at or not self._is_current():
            self.refresh(self.tr("The network changed, so the trace started again."))
            return False
        self._own_edit = True
        try:
            stack.undo()
        finally:
            self._own_edit = False
        self.applied = False
        self._applied_at = None
        self._fingerprint = self._compute_fingerprint()
        self.changed.emit()
        return True

    # ----------------------------------------------------------------- recomputing

    def refresh(self, reason: str = "") -> None:
        """Trace the sample through the network as it is now, from the forward pass."""
        progressed = self.trace is not None and (self.cursor > 0 or self.applied)
        self._stale = False
        self.applied = False
        self._applied_at = None
        self.cursor = 0
        count = split_size(self.network, self.sample.split)
        if self.sample.split != BY_HAND and count and self.sample.index >= count:
            self.sample = dataclasses.replace(self.sample, index=0)
        self._compute_trace()
        if reason and progressed:
            self.restarted.emit(reason)
        self.changed.emit()

    def _compute_trace(self) -> None:
        """Trace the sample through the network as it is now, or say why not; the cursor is left alone."""
        self.trace, self.problem, self.frames = None, None, []
        self.traces, self.minibatch = [], None
        self.forward_order = []
        try:
            if self.sample.batch:
                xs, targets_list = self.sample.resolve_batch(self.network)
                minibatch = trace_minibatch(self.network, xs, targets_list)
                traces = [trace_sample(self.network, x, t) for x, t in zip(xs, targets_list)]
                self.trace = mean_trace(minibatch, traces[0])
                self.minibatch, self.traces = minibatch, traces
            else:
                x, targets = self.sample.resolve(self.network)
                self.trace = trace_sample(self.network, x, targets)
        except PlaygroundError as problem:
            self.problem = self.tr("Nothing to trace: {problem}.").format(problem=problem)
        else:
            self.forward_order = forward_order(self.network)
            self.frames = self._build_frames()
        self._fingerprint = self._compute_fingerprint()

    def _sample_values(self) -> tuple:
        try:
            if self.sample.batch:
                xs, targets_list = self.sample.resolve_batch(self.network)
                return (
                    self.sample.split,
                    self.sample.batch,
                    tuple(map(tuple, xs)),
                    tuple(map(tuple, targets_list)),
                )
            x, targets = self.sample.resolve(self.network)
        except PlaygroundError as problem:
            return ("problem", str(problem))
        return (self.sample.split, self.sample.index, tuple(x), tuple(targets))

    def _compute_fingerprint(self) -> tuple:
        return fingerprint(self.network, self._sample_values())

    def _is_current(self) -> bool:
        return not self._stale and self._fingerprint == self._compute_fingerprint()

    def _document_changed(self, *_) -> None:
        if self._own_edit or self._replacing():
            return
        if self._active:  # else the fingerprint tells what changed when the panel is shown again
            self.ensure_current()

    def _replacing(self) -> bool:
        # Opening a file clears the undo stack before it announces the new network; wait for that.
        return self._fingerprint is not None and self._fingerprint[0][0] != id(self.network)

    def _network_replaced(self) -> None:
        self.sample = first_choice(self.network)
        if self._own_edit:
            return
        if not self._active:
            self._stale = True
            return
        self.refresh(self.tr("Another network is open, so the trace started again."))
