"""Joining sentences that were translated one by one, in any language the app speaks."""

from __future__ import annotations

# Chinese and Japanese sentences end in a full-width mark and follow each other without a space.
FULL_WIDTH_ENDS = "。！？：；）」"


def join_sentences(*sentences: str) -> str:
    """The sentences as one text: a space after a Latin sentence, none after a full-width mark."""
    text = ""
    for sentence in sentences:
        if not sentence:
            continue
        if text and not text.endswith(tuple(FULL_WIDTH_ENDS)):
            text += " "
        text += sentence
    return text
