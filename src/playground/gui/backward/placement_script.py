"""A frame's placements kept to be made again: Back shows a frame as the step showed it.

A placer notes every choice it makes: a hash of what it was asked (the kind of
question, the box's size, its line…) and the answer as plain numbers. Kept for
each frame, compactly in two arrays: a pass over a network of 10,000
connections makes some fifty thousand choices, which as Python tuples took 24 MB.
A placer given a frame's kept choices (its script) answers the same questions
the same way without searching, and gives the script up at the first question
asked otherwise (see `LabelPlacer.scripted`).
"""

from __future__ import annotations

import numpy as np

NOT_SCRIPTED = object()  # the answer when the script has no choice for a question
ANSWER_SIZE = 4  # the most numbers an answer has: a centre and the point its leader meets


class KeptChoices:
    """One frame's choices in order: each question's hash, and its answer's numbers (NaN-padded;
    an answer of None is all NaN)."""

    def __init__(self, record: list[tuple[int, tuple[float, ...] | None]]) -> None:
        self.asked = np.array([asked for asked, _ in record], dtype=np.int64)
        self.answers = np.full((len(record), ANSWER_SIZE), np.nan)
        for k, (_, answer) in enumerate(record):
            if answer is not None:
                self.answers[k, : len(answer)] = answer

    def __len__(self) -> int:
        return len(self.asked)

    def answer(self, k: int, asked: int) -> object:
        """The `k`-th answer if the `k`-th question was `asked`, else NOT_SCRIPTED."""
        if k >= len(self.asked) or self.asked[k] != asked:
            return NOT_SCRIPTED
        numbers = self.answers[k]
        shown = numbers[~np.isnan(numbers)]
        return None if not len(shown) else tuple(shown.tolist())
