"""Predict, then reveal: how a typed answer is read and judged, and the session's score."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from playground.engine.formatting import format_number

TOLERANCE = 0.01  # within 1 % of the answer counts as right

# The app writes 2.5×10⁻³; a student may copy that, or type 2.5x10^-3 or 2.5*10^-3.
_SUPERSCRIPT = str.maketrans("⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹", "-+0123456789")
_TIMES_TEN = re.compile(r"^([-+]?(?:\d+\.?\d*|\.\d+))(?:×|x|X|\*|·)10(?:\^|\*\*)?\(?([-+]?\d+)\)?$")


def read_number(text: str) -> float | None:
    """The number a student typed, or None when it is not one.

    Reads "−0.25" (the true minus sign), "0,25" (a decimal comma, when it is the only
    comma and there is no point), "2.5e-3" and "2.5×10⁻³" as the app writes it. NaN and
    infinity are no answer to any question here, so they are refused too.
    """
    cleaned = text.strip().replace("−", "-").replace(" ", "").replace("\u00a0", "")
    cleaned = cleaned.translate(_SUPERSCRIPT)
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # a decimal comma
    if "," in cleaned:
        return None  # 1,000.5 or 1,2: a thousands separator or a list, not one number to judge
    power = _TIMES_TEN.match(cleaned)
    if power:
        cleaned = f"{power[1]}e{power[2]}"
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def is_right(typed: float, answer: float, digits: int) -> bool:
    """Right when it reads the same at the shown precision, or lies within 1 % of the answer.

    An answer of exactly 0 (a relu below its kink) is right only as 0 or −0: 1 % of 0 is 0.
    """
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
