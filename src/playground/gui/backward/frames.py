"""The moments of a trace a teacher steps through: the forward pass, each neuron, the update.

A frame names one moment; the formula panel and the canvas overlay each draw
a frame from the same `Trace`. With the detailed toggle a neuron takes three
frames (gather ∂L/∂y, multiply by f'(z), the weight and bias gradients).
"""

from dataclasses import dataclass

FORWARD = "forward"
NEURON = "neuron"
UPDATE = "update"
APPLIED = "applied"

# Phases of a neuron: WHOLE shows all of it at once; the others are the detailed sub-steps.
WHOLE, GATHER, DERIVATIVE, GRADIENTS = 0, 1, 2, 3
PHASE_NAMES = {
    GATHER: "gather ∂L/∂y",
    DERIVATIVE: "∂L/∂z = f′(z) · ∂L/∂y",
    GRADIENTS: "∂L/∂w and ∂L/∂b",
}


@dataclass(frozen=True)
class Frame:
    """One moment: `kind`, and for a neuron the index of its step in the trace and the phase."""

    kind: str
    step: int = -1
    phase: int = WHOLE

    def shows(self, phase: int) -> bool:
        """Whether this neuron frame has reached `phase` (WHOLE shows every phase)."""
        return self.kind == NEURON and (self.phase == WHOLE or self.phase >= phase)


def build_frames(step_count: int, detailed: bool) -> list[Frame]:
    """Forward pass, each neuron (in three phases when detailed), then the SGD update."""
    frames = [Frame(FORWARD)]
    for k in range(step_count):
        if detailed:
            frames += [Frame(NEURON, k, phase) for phase in (GATHER, DERIVATIVE, GRADIENTS)]
        else:
            frames.append(Frame(NEURON, k))
    frames.append(Frame(UPDATE))
    return frames


def step_label(frame: Frame, step_count: int, neuron_name: str = "") -> str:
    """What the dock says: "step 3 of 7: neuron h1", counting the update as the last step."""
    total = step_count + 1
    if frame.kind == FORWARD:
        return f"forward pass — step 0 of {total}"
    if frame.kind == UPDATE:
        return f"step {total} of {total}: SGD update"
    if frame.kind == APPLIED:
        return f"step {total} of {total}: SGD update applied"
    text = f"step {frame.step + 1} of {total}: neuron {neuron_name}"
    if frame.phase != WHOLE:
        text += f" — part {frame.phase} of 3: {PHASE_NAMES[frame.phase]}"
    return text
