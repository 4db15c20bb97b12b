"""BLAS threads chosen by the work's size: one for small products or a busy machine, put back after."""

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from playground.engine import blas_threads
from playground.engine.blas_threads import TWO_THREADS_FROM, threads_for, threads_for_work
from playground.engine.trainer import Trainer
from playground.model.examples import example_path
from playground.model.network_file import load_network

BIG = TWO_THREADS_FROM  # 2-1024-1024-1 at batch 32 is 33 M multiply-adds: above it
SMALL = TWO_THREADS_FROM - 1


def blas_counts() -> list[int]:
    """What the BLAS libraries say they use now (threadpoolctl's own look, not our module's)."""
    return [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]


@pytest.mark.parametrize(
    "work, cores, others, threads",
    [
        (SMALL, 2, 0.0, 1),  # too small to share
        (BIG, 2, 0.0, 2),  # big, and the machine is idle
        (BIG, 2, 0.6, 1),  # another program keeps half a core busy: no core and a half to spare
        (BIG, 2, 2.0, 1),  # a busy machine: a second thread would wait for the processor
        (BIG, 4, 2.0, 2),  # four cores, two busy: room for a second thread
        (BIG, 1, 0.0, 1),  # one core
        (BIG, 2, None, 1),  # no load average to go by (Windows): one, the safe side
    ],
)
def test_the_rule(work, cores, others, threads):
    assert threads_for_work(work, cores, others) == threads


def test_the_largest_product_is_rows_times_the_biggest_weight_matrix():
    weights = [np.zeros((2, 1024)), np.zeros((1024, 1024)), np.zeros((1024, 1))]
    assert blas_threads.largest_product(32, weights) == 32 * 1024 * 1024


@pytest.fixture
def blas():
    if not blas_threads._blas_libraries():
        pytest.skip("numpy's BLAS is not one threadpoolctl can set")
    return blas_threads._blas_libraries()


def test_the_count_is_set_for_the_body_and_put_back_after(blas, monkeypatch):
    monkeypatch.setattr(blas_threads, "_most", 2)
    monkeypatch.setattr(blas_threads, "others_load", lambda: 0.0)
    before = blas_counts()
    with threads_for(BIG) as chosen:
        assert chosen == 2 and set(blas_counts()) == {2}
        with threads_for(SMALL) as inner:  # a smaller piece of work inside wants one
            assert inner == 1 and set(blas_counts()) == {1}
        assert set(blas_counts()) == {2}
    assert blas_counts() == before
    monkeypatch.setattr(blas_threads, "others_load", lambda: 2.0)  # now the machine is busy
    with threads_for(BIG) as chosen:
        assert chosen == 1 and set(blas_counts()) == {1}
    assert blas_counts() == before


def test_a_nested_use_that_wants_the_same_count_touches_nothing(blas, monkeypatch):
    calls = []
    for library in blas:
        original = library.set_num_threads
        monkeypatch.setattr(
            library, "set_num_threads", lambda n, original=original: calls.append(n) or original(n)
        )
    with threads_for(SMALL):
        outer_calls = len(calls)
        with threads_for(SMALL):
            assert len(calls) == outer_calls
    assert len(calls) == 2 * outer_calls  # set on the way in, put back on the way out


def test_training_runs_on_the_chosen_count_and_puts_the_old_one_back(blas, monkeypatch):
    trainer = Trainer(load_network(example_path("xor")))
    seen = []
    step = trainer._step
    monkeypatch.setattr(trainer, "_step", lambda x, y: seen.append(blas_counts()) or step(x, y))
    with threadpool_limits(2, user_api="blas"):  # as BLAS starts by itself on two cores
        before = blas_counts()
        assert set(before) == {2}
        trainer.run(max_batches=3)
        assert blas_counts() == before
    assert seen and all(set(counts) == {1} for counts in seen)  # XOR: tiny products, one thread
