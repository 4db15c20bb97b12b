"""The merged per-epoch record: exact min/max/mean/count per bucket, exact latest epochs, bounded."""

import numpy as np
import pytest

from playground.engine import merged_series
from playground.engine.merged_history import MergedHistory
from playground.engine.merged_series import MergedSeries
from playground.engine.trainer import History


@pytest.fixture
def small(monkeypatch):
    """Buckets and an exact tail small enough that a few hundred epochs merge many times."""
    monkeypatch.setattr(merged_series, "BUCKETS", 8)
    monkeypatch.setattr(merged_series, "EXACT", 4)


def spiky(count: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = rng.uniform(0.1, 1.0, count)
    values[rng.integers(0, count, 3)] = rng.uniform(50, 100, 3)  # a few spikes
    return values


@pytest.mark.parametrize("count", [1, 7, 8, 12, 13, 100, 257, 1000, 1023])
def test_every_group_holds_exactly_the_count_min_max_and_mean_of_its_epochs(small, count):
    values = spiky(count, seed=count)
    series = MergedSeries()
    for value in values:
        series.append(float(value))
    assert len(series) == count
    epoch = 1
    while epoch <= count:  # the groups cover epochs 1..count, each once, in order
        group = series.at(epoch)
        assert group.first == epoch
        mine = values[group.first - 1 : group.last]
        assert group.low == mine.min() and group.high == mine.max()
        assert group.mean == pytest.approx(mine.mean(), rel=1e-13)
        for inside in range(group.first, group.last + 1):
            assert series.at(inside) == group
        epoch = group.last + 1
    assert epoch == count + 1


def test_the_latest_epochs_stay_exact_and_the_width_is_a_power_of_two(small):
    values = spiky(1000)
    series = MergedSeries(values)
    assert series.width > 1 and series.width & (series.width - 1) == 0
    for epoch in range(1000 - merged_series.EXACT + 1, 1001):
        assert not series.at(epoch).merged
        assert series[epoch - 1] == values[epoch - 1]
    assert series[-1] == values[-1]
    with pytest.raises(IndexError):
        series[0]  # merged with its bucket: no single value to give
    with pytest.raises(IndexError):
        series[1000]


def test_the_plot_points_are_the_groups_in_epoch_order(small):
    values = spiky(300)
    series = MergedSeries(values)
    points = series.points()
    groups, epoch = [], 1
    while epoch <= 300:
        groups.append(series.at(epoch))
        epoch = groups[-1].last + 1
    assert points.epochs.tolist() == [(g.first + g.last) / 2 for g in groups]
    assert points.lows.tolist() == [g.low for g in groups]
    assert points.highs.tolist() == [g.high for g in groups]
    np.testing.assert_allclose(points.means, [g.mean for g in groups], rtol=1e-13)
    # A spike never vanishes: the band reaches the largest value of the run.
    assert points.highs.max() == values.max()


def test_memory_is_bounded_by_a_constant(small):
    series = MergedSeries()
    sizes = []
    for count in (100, 1_000, 10_000, 50_000):
        series.extend(np.ones(count - len(series)))
        sizes.append(series.nbytes())
    assert sizes[1] == sizes[2] == sizes[3]
    assert sizes[3] <= 8 * (3 * merged_series.BUCKETS + 2 * merged_series.EXACT)
    assert len(series.points().epochs) <= merged_series.BUCKETS + 1 + 2 * merged_series.EXACT


def test_a_long_run_at_the_real_sizes_keeps_its_spike_and_its_bound():
    count = 300_000
    values = np.linspace(1.0, 0.01, count)
    values[123_456] = 42.0
    series = MergedSeries()
    append = series.append
    for value in values.tolist():
        append(value)
    bound = 8 * (3 * merged_series.BUCKETS + 2 * merged_series.EXACT)
    assert len(series) == count and series.nbytes() <= bound
    spike = series.at(123_457)
    assert spike.high == 42.0 and spike.first <= 123_457 <= spike.last
    assert series.points().highs.max() == 42.0
    assert series.at(1).mean == pytest.approx(values[: series.width].mean(), rel=1e-13)
    assert series[-1] == values[-1] and series.shows_merged


def test_copies_are_equal_and_independent(small):
    series = MergedSeries(spiky(77))
    twin = series.copy()
    assert twin == series
    twin.append(0.5)
    assert twin != series and len(series) == 77


def test_a_short_history_equals_its_list_and_a_plain_history_converts():
    history = History([0.5, 0.4], [0.6, 0.5], [0.5, 0.75], [0.25, 0.5])
    merged = MergedHistory.of(history)
    assert merged.train_loss == [0.5, 0.4] and merged.test_accuracy == [0.25, 0.5]
    assert MergedHistory.of(merged) is merged
    assert merged.copy() == merged and merged.copy() is not merged
    assert MergedHistory() == MergedHistory()
