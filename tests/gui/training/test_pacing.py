"""The pacer: canvas writes less often when painting takes time from training, more often when not."""

from playground.gui.training.pacing import (
    ADAPT_EVERY,
    LONGEST_PERIOD,
    SHORTEST_PERIOD,
    STEP,
    WritePacer,
)


def feed(pacer: WritePacer, share: float, windows: int, start: float = 0.0) -> float:
    """Report `windows` measuring windows in which training got `share` of the wall time."""
    now, trained = start, 0.0
    pacer.record(now, trained)
    for _ in range(windows):
        now += ADAPT_EVERY
        trained += share * ADAPT_EVERY
        pacer.record(now, trained)
    return now


def test_too_little_training_lengthens_the_period_up_to_its_longest():
    pacer = WritePacer(training_share=0.85)
    assert pacer.period == SHORTEST_PERIOD
    feed(pacer, 0.5, 1)
    assert pacer.period == SHORTEST_PERIOD * STEP
    assert pacer.measured_share == 0.5
    feed(pacer, 0.5, 50)
    assert pacer.period == LONGEST_PERIOD


def test_plenty_of_training_shortens_it_down_to_a_frame():
    pacer = WritePacer(training_share=0.85)
    pacer.period = LONGEST_PERIOD
    feed(pacer, 0.97, 1)
    assert pacer.period == LONGEST_PERIOD / STEP
    feed(pacer, 0.97, 50)
    assert pacer.period == SHORTEST_PERIOD


def test_near_the_target_the_period_stays():
    pacer = WritePacer(training_share=0.85)
    pacer.period = 0.2
    feed(pacer, 0.86, 10)
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
