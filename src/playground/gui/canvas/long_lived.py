"""A network's objects are built once and live until another replaces it: Python's cycle
collector need not walk them again and again.

A full (oldest-generation) collection walks every object Python tracks. With a network of
10,000 connections open that is ~150,000 objects, and it took 60–77 ms every few presses
of Step, the worst pause of each. So the scene builds its items with the collector paused
(ten thousand new items would set it off a hundred times over the whole heap), and after
the next full collection everything alive moves to the permanent generation (`gc.freeze`),
which no collection walks.

Why after a full collection, not at once: that collection has just freed every cycle of
garbage, so nothing dead is frozen (frozen, it would never be freed). It comes by itself
soon after a build; forcing one inside the build (`gc.collect`) crashed the interpreter now
and then, while old windows' Qt objects were freed under a new window's construction.
Nor are the new objects moved at once to the oldest generation (`gc.freeze` then
`gc.unfreeze`, saving the young collection that walks them, ~4 ms for 10,000 connections):
that moves the garbage of before the build along, for a full collection to free, and the
test run crashed in one, freeing old windows' Qt objects.

Before the next build `gc.unfreeze` hands the objects back: those of the network being
replaced that became garbage meanwhile are freed by the collections that follow. (The
scene breaks its own items' cycles first, so most of them go at once; see
NetworkScene._let_go_of_items.)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def building_long_lived_objects() -> Iterator[None]:
    """Build with the collector paused; after the next full collection keep what lives out of
    its walks."""
    gc.unfreeze()
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
        if _freeze_after_full_collection not in gc.callbacks:
            gc.callbacks.append(_freeze_after_full_collection)


def _freeze_after_full_collection(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info["generation"] == 2:
        gc.callbacks.remove(_freeze_after_full_collection)
        gc.freeze()
