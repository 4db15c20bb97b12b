"""Predict, then reveal: how a typed answer is judged, and the session's score."""

from __future__ import annotations

from dataclasses import dataclass

from playground.engine.formatting import format_number

TOLERANCE = 0.01  # within 1 % of the answer counts as right


def read_number(text: str) -> float | None:
    """The number a student typed ("−0.25", "0,25", "2.5e-3"), or None when it is not one."""
    cleaned = text.strip().replace("−", "-").replace(" ", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # a decimal comma
    try:
        return float(cleaned)
    except ValueError:
        return None


def is_right(typed: float, answer: float, digits: int) -> bool:
    """Right when it reads the same at the shown precision, or lies within 1 % of the answer."""
    if format_number(typed, digits) == format_number(answer, digits):
        return True
    return abs(typed - answer) <= TOLERANCE * abs(answer)


@dataclass
class PracticeScore:
    """The session's tally: questions answered, how many right, how many stepped past."""

    right: int = 0
    answered: int = 0
    skipped: int = 0

    def record(self, right: bool) -> None:
        self.answered += 1
        self.right += int(right)

    def skip(self) -> None:
        """A question stepped past unanswered: not wrong, just not counted."""
        self.skipped += 1

    def reset(self) -> None:
        self.right = self.answered = self.skipped = 0
