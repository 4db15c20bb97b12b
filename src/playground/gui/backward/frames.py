"""The moments of a trace a teacher steps through: the forward pass, each neuron, the update.

A frame names one moment; the formula panel and the canvas overlay each draw
a frame from the same `Trace`. With the detailed toggle a neuron takes three
frames (gather ∂L/∂y, multiply by f'(z), the weight and bias gradients).
"""

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

FORWARD = "forward"
FORWARD_STEP = "forward_step"  # one neuron of the forward pass: `step` indexes `forward_order`
NEURON = "neuron"
MEAN = "mean"  # a minibatch's mean gradients, between the samples' passes and the update
UPDATE = "update"
APPLIED = "applied"

# Phases of a neuron: WHOLE shows all of it at once; the others are the detailed sub-steps.
WHOLE, GATHER, DERIVATIVE, GRADIENTS = 0, 1, 2, 3
# Marked here, translated where the label is written (QT_TRANSLATE_NOOP only marks).
PHASE_NAMES = {
    GATHER: QT_TRANSLATE_NOOP("StepLabel", "gather ∂L/∂y"),
    DERIVATIVE: "∂L/∂z = f′(z) · ∂L/∂y",
    GRADIENTS: QT_TRANSLATE_NOOP("StepLabel", "∂L/∂w and ∂L/∂b"),
}


def phase_name(phase: int) -> str:
    """A detailed sub-step's name in the user's language."""
    return QCoreApplication.translate("StepLabel", PHASE_NAMES[phase])


@dataclass(frozen=True)
class Frame:
    """One moment: `kind`, for a neuron its step's index and the phase; in a minibatch, which sample."""

    kind: str
    step: int = -1
    phase: int = WHOLE
    sample: int = 0  # the position in the minibatch (always 0 for one sample)

    def shows(self, phase: int) -> bool:
        """Whether this neuron frame has reached `phase` (WHOLE shows every phase)."""
        return self.kind == NEURON and (self.phase == WHOLE or self.phase >= phase)


def build_frames(step_count: int, detailed: bool, forward_count: int = 0) -> list[Frame]:
    """Forward pass, each neuron (in three phases when detailed), then the SGD update.

    With `forward_count` the forward pass is stepped neuron by neuron (that many
    frames) instead of shown at once in one frame.
    """
    if forward_count:
        frames = [Frame(FORWARD_STEP, k) for k in range(forward_count)]
    else:
        frames = [Frame(FORWARD)]
    for k in range(step_count):
        if detailed:
            frames += [Frame(NEURON, k, phase) for phase in (GATHER, DERIVATIVE, GRADIENTS)]
        else:
            frames.append(Frame(NEURON, k))
    frames.append(Frame(UPDATE))
    return frames


def build_minibatch_frames(
    step_counts: list[int], detailed: bool, forward_count: int = 0
) -> list[Frame]:
    """Each sample's forward and backward pass in turn, then the mean gradients, then the update."""
    frames = []
    for sample, step_count in enumerate(step_counts):
        one = build_frames(step_count, detailed, forward_count)[:-1]
        frames += [Frame(f.kind, f.step, f.phase, sample) for f in one]
    return frames + [Frame(MEAN), Frame(UPDATE)]


def step_label(frame: Frame, step_count: int, neuron_name: str = "", forward_count: int = 0) -> str:
    """What the dock says: "step 3 of 7: neuron h1", counting the update as the last step.

    With `forward_count` forward steps first, both passes are counted:
    "step 3 of 9: forward, neuron o1", then "step 5 of 9: backward, neuron o1".
    """
    total = forward_count + step_count + 1
    if frame.kind == FORWARD:
        return QCoreApplication.translate("StepLabel", "forward pass — step 0 of {total}").format(
            total=total
        )
    if frame.kind == UPDATE:
        return QCoreApplication.translate(
            "StepLabel", "step {number} of {total}: SGD update"
        ).format(number=total, total=total)
    if frame.kind == APPLIED:
        return QCoreApplication.translate(
            "StepLabel", "step {number} of {total}: SGD update applied"
        ).format(number=total, total=total)
    if frame.kind == FORWARD_STEP:
        return QCoreApplication.translate(
            "StepLabel", "step {number} of {total}: forward, neuron {neuron}"
        ).format(number=frame.step + 1, total=total, neuron=neuron_name)
    if forward_count:
        text = QCoreApplication.translate(
            "StepLabel", "step {number} of {total}: backward, neuron {neuron}"
        ).format(number=forward_count + frame.step + 1, total=total, neuron=neuron_name)
    else:
        text = QCoreApplication.translate(
            "StepLabel", "step {number} of {total}: neuron {neuron}"
        ).format(number=frame.step + 1, total=total, neuron=neuron_name)
    if frame.phase != WHOLE:
        text += QCoreApplication.translate("StepLabel", " — part {part} of 3: {name}").format(
            part=frame.phase, name=phase_name(frame.phase)
        )
    return text


def minibatch_label(
    frame: Frame, number: int, total: int, sample_count: int, neuron_name: str = ""
) -> str:
    """ "step 7 of 13 · sample 2 of 3 · backward, neuron h1", or "… · minibatch of 3 · mean gradients"."""
    where = QCoreApplication.translate("StepLabel", "step {number} of {total}").format(
        number=number, total=total
    )
    if frame.kind in (MEAN, UPDATE, APPLIED):
        what = {
            MEAN: QCoreApplication.translate("StepLabel", "mean gradients"),
            UPDATE: QCoreApplication.translate("StepLabel", "SGD update"),
            APPLIED: QCoreApplication.translate("StepLabel", "SGD update applied"),
        }[frame.kind]
        batch = QCoreApplication.translate("StepLabel", "minibatch of {count}").format(
            count=sample_count
        )
        return f"{where} · {batch} · {what}"
    sample = QCoreApplication.translate("StepLabel", "sample {number} of {count}").format(
        number=frame.sample + 1, count=sample_count
    )
    if frame.kind == FORWARD:
        what = QCoreApplication.translate("StepLabel", "forward pass")
    elif frame.kind == FORWARD_STEP:
        what = QCoreApplication.translate("StepLabel", "forward, neuron {neuron}").format(
            neuron=neuron_name
        )
    else:
        what = QCoreApplication.translate("StepLabel", "backward, neuron {neuron}").format(
            neuron=neuron_name
        )
        if frame.phase != WHOLE:
            what += QCoreApplication.translate("StepLabel", " — part {part} of 3: {name}").format(
                part=frame.phase, name=phase_name(frame.phase)
            )
    return f"{where} · {sample} · {what}"
