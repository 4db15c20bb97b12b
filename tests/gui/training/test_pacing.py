"""The pacer: canvas writes less often when painting takes time from training, more often when not."""

import pytest

from playground.gui.training.pacing import (
    ADAPT_EVERY,
    FIRST_PERIOD,
    LONGEST_PERIOD,
    MAX_STEP,
    SHORTEST_PERIOD,
    WritePacer,
)


def feed(pacer: WritePacer, share: float, windows: int, start: float = 0.0) -> float:
    """Report `windows` measuring windows in which training got `share` of the wall time."""
    now, trained = start, 0.0
    pacer.begin(now)
    pacer.record(now, trained)
    for _ in range(windows):
        now += ADAPT_EVERY
        trained += share * ADAPT_EVERY
        pacer.record(now, trained)
    return now


def test_too_little_training_lengthens_the_period_up_to_its_longest():
    pacer = WritePacer(training_share=0.8)
    assert pacer.period == FIRST_PERIOD
    feed(pacer, 0.7, 1)
    # 30 % of the time outside training where 20 % is allowed: writes 1.5 times rarer.
    assert pacer.period == pytest.approx(FIRST_PERIOD * 1.5)
    assert pacer.measured_share == pytest.approx(0.7)
    feed(pacer, 0.1, 1)
    assert pacer.period == pytest.approx(min(FIRST_PERIOD * 1.5 * MAX_STEP, LONGEST_PERIOD))
    feed(pacer, 0.5, 20)
    assert pacer.period == LONGEST_PERIOD


def test_plenty_of_training_shortens_it_down_to_a_frame():
    pacer = WritePacer(training_share=0.8)
    pacer.period = 0.3
    feed(pacer, 0.9, 1)
    assert pacer.period == pytest.approx(0.15)
    feed(pacer, 0.99, 20)
    assert pacer.period == SHORTEST_PERIOD


def test_near_the_target_the_period_stays():
    pacer = WritePacer(training_share=0.8)
    pacer.period = 0.2
    feed(pacer, 0.81, 10)
    assert pacer.period == 0.2


def test_a_write_is_due_a_period_after_the_last():
    pacer = WritePacer()
    pacer.period = 0.1
    pacer.begin(10.0)
    assert not pacer.due(10.05)
    assert pacer.due(10.125)
    pacer.wrote(10.125)
    assert not pacer.due(10.2)
    assert pacer.due(10.25)
