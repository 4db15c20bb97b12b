"""The rich text of a frame: written by `frame_html`, kept by `FrameTexts` so a frame seen is not written again.

A frame's text depends only on the trace, the frame and how it is written
(digits, notation, columns, the sample's words, how many rows of a long table),
and on the network's names. Stepping back and forth at 10,000 connections wrote
the same page again at every press; `FrameTexts` keeps the last pages of one
trace and forgets them all when the trace, the network or its names change.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QCoreApplication

from playground.engine.backward_stepper import Trace
from playground.engine.minibatch import MinibatchTrace
from playground.engine.notation import NEURON_NAMES
from playground.gui.backward.formula_html import NeuronFormulas
from playground.gui.backward.forward_html import ForwardFormulas
from playground.gui.backward.frames import APPLIED, FORWARD, FORWARD_STEP, MEAN, NEURON, Frame
from playground.gui.backward.minibatch_html import MeanFormulas
from playground.gui.backward.summary_html import SummaryFormulas
from playground.model.network import Network

# Pages kept per trace: enough for stepping back a long way, bounded however long the trace
# (a page of a 10k network is 10-20 kB, an update table ~120 kB).
PAGES_KEPT = 64


def frame_html(
    network: Network,
    trace: Trace,
    frame: Frame,
    digits: int,
    sample: str,
    columns: bool = False,
    minibatch: MinibatchTrace | None = None,
    notation: str = NEURON_NAMES,
    every_term: bool = False,
    more_rows: bool = False,
    beside: bool = True,
) -> str:
    """The rich text of one frame (shared by the panel and the HTML export); `columns` for a wide panel,
    not `beside` for a narrow one (a forward step's parts one under the other).

    A neuron's long sums and many weights are written in part unless `every_term` (the export,
    which also lists every row of every table). A long table (the forward pass, the update,
    the means) lists its first rows, or with `more_rows` more of them (`summary_html`).

    In a minibatch, `trace` is the frame's sample's own trace, or for the mean and update
    frames the minibatch's (its mean gradients and loss, see `mean_trace.mean_trace`).
    `notation` names the neurons of a neuron's own frame (`engine.notation`).
    """
    if frame.kind == MEAN and minibatch is not None:
        return MeanFormulas(network, minibatch, digits, every_term, more_rows).html(columns)
    if frame.kind == NEURON:
        return NeuronFormulas(network, trace, digits, notation, every_term).html(frame, columns)
    if frame.kind == FORWARD_STEP:
        return ForwardFormulas(network, trace, digits, notation).html(frame, columns, beside)
    batch_size = len(minibatch.samples) if minibatch is not None else 0
    summary = SummaryFormulas(network, trace, digits, every_term, batch_size, more_rows)
    if frame.kind == FORWARD:
        first = trace.steps[0].neuron if trace.steps else None
        heading = QCoreApplication.translate("FormulaPanel", "Sample: {sample}")
        return summary.forward(heading.format(sample=sample), first, columns)
    return summary.update(applied=frame.kind == APPLIED, columns=columns)


class FrameTexts:
    """The pages of the frames of one trace (or minibatch), each written once, `PAGES_KEPT` at most."""

    def __init__(self) -> None:
        self._source: tuple = ()  # what every page kept was written from (see `_source_of`)
        # A page by its frame and how it is written, with the trace it was written from.
        self._pages: OrderedDict[tuple, tuple[Trace, str]] = OrderedDict()
        self.more_rows = False  # long tables list up to UPDATE_ROWS_SHOWN rows (asked by a link)

    def html(
        self,
        network: Network,
        trace: Trace,
        frame: Frame,
        digits: int,
        sample: str,
        columns: bool = False,
        minibatch: MinibatchTrace | None = None,
        notation: str = NEURON_NAMES,
        beside: bool = True,
    ) -> str:
        """`frame_html` of these, written now or kept from an earlier call with the same."""
        source = _source_of(network, trace, minibatch)
        if not _same(source, self._source):
            # Another trace or network, or new names: nothing kept is true of it.
            self.forget()
            self._source = source
        key = (id(trace), frame, digits, notation, columns, beside, sample, self.more_rows)
        kept = self._pages.get(key)
        if kept is not None and kept[0] is trace:
            self._pages.move_to_end(key)
            return kept[1]
        page = frame_html(
            network,
            trace,
            frame,
            digits,
            sample,
            columns,
            minibatch=minibatch,
            notation=notation,
            more_rows=self.more_rows,
            beside=beside,
        )
        self._pages[key] = (trace, page)
        if len(self._pages) > PAGES_KEPT:
            self._pages.popitem(last=False)  # the page shown longest ago
        return page

    def forget(self) -> None:
        """Write every page anew on the next call, long tables cut short again."""
        self._source, self.more_rows = (), False
        self._pages.clear()


def _source_of(network: Network, trace: Trace, minibatch: MinibatchTrace | None) -> tuple:
    """What the pages are written from besides the frame: objects compared by identity, then values.

    The session traces the sample again (a new trace, or minibatch with its samples' traces)
    whenever a number changes, so that stands for the numbers; a new label keeps the trace
    but renames neurons on the page.
    """
    labels = tuple(neuron.label for neuron in network.neurons)
    traced = minibatch if minibatch is not None else trace
    return (network, traced), (network.structure_version, network.loss, labels)


def _same(source: tuple, kept: tuple) -> bool:
    if not kept:
        return False
    objects, values = source
    kept_objects, kept_values = kept
    return all(a is b for a, b in zip(objects, kept_objects)) and values == kept_values
