"""Stepping through the backward pass of a network of about 10,000 connections, in the real window.

Opens the main window offscreen at 1400×900, loads each network into it
(timed: the scene built and the window settled), opens the Backward Pass
panel and presses the real actions: Step through forward steps and backward
steps, Back, to the update. Each press is timed up to the canvas painted. The
flow animation's frames are timed one by one (dots moved, canvas painted),
and the formula panel's update on its own (HTML made and set). Prints each
worst time and its ratio to the target (50 ms per step or frame, 300 ms for
the load); asserts nothing.

    python benchmarks/interaction_10k.py            # the two 10k networks
    python benchmarks/interaction_10k.py --wide     # also 1000-30-10 (30,300 connections)
    python benchmarks/interaction_10k.py --profile  # cProfile of the slowest press, top 25
    python benchmarks/interaction_10k.py --only=1000-10-1 --steps=1
    python benchmarks/interaction_10k.py --cpu      # CPU time instead of wall time
    python benchmarks/interaction_10k.py --every    # every backward step and Back of the pass
    python benchmarks/interaction_10k.py --every --passes=5  # five passes, each of a new sample
    python benchmarks/interaction_10k.py --zoom=0.3 # stepped at this zoom, not the fitted one

Third round of issue 14, `--cpu`, worst press in ms on a quiet machine, start of the round →
end (in brackets the usual press, timed one by one; the worst are the first press after a
jump and the presses a full collection of Python's cycle collector lands in):

    columns (500 neurons)        start   end              1000-10-1          start   end
    scene load                     568   193                                   447   185
    open the panel                 550   320                                   878   419
    forward step                   287    57  (40-50)                          363   172  (70-90)
    flow frame                       5     3                                    41    18
    formula panel (redraw)          57   0.2                                    97   0.5
    backward step                  212   133  (45-65)                          300   179  (60-80)
    back                           174    95  (40-46)                          379   107  (55-66)
    to the update                  158    37                                   141    79

What changed: a frame of a large network tags only the neurons it is about (tag_budget) and
glows only its labelled connections; the label placer tests all candidate places of a label
at once with numpy (placement_arrays), with the same arithmetic, so it chooses the same
places; the neurons' obstacle grid is kept between frames; past 200 lit connections the
overlay draws them in one item (lit_lines) instead of restyling each editor item; the
formula panel writes each page once per trace and only the part it shows (frame_texts);
connections are plain stand-ins until an item is needed, and a loaded network's objects are
frozen for the cycle collector (gui/canvas). What remains: placing 24 connection labels
(~12 ms), the paint, full collections that walk the trace's objects (20-60 ms, a few times
a run), and the first trace of a sample when the panel opens.

Fourth round, `--cpu --every` (all 408 backward steps and 404 Backs of columns, 19 and 15 of
1000-10-1), the checkout of the round's start (by PYTHONPATH) and its end taking turns, two
rounds each, median / worst ms; the machine was not quiet (load 1-2 on 2 cores), which
inflates CPU time by up to 2x and makes the worst presses land anywhere:

    columns (500 neurons)        start          end             1000-10-1     start          end
    backward step             91-93 / 208   66-67 / 167                      69-75 / 172   47-62 / 112
    back                      83-88 / 190   64-69 / 162                      64-68 / 147   39-64 /  79
    forward step              69-71 /  94   31-49 /  52                      77-120 / 157  76-79 / 122

On a quiet machine at the end of the round (load < 1), the end alone: columns backward step
median 46 (137 of 408 over 50 ms, worst 128), back 40 (84 of 404 over, worst 142);
1000-10-1 backward step 38 (3 of 19 over, worst 88), back 34 (none over, worst 46).

What changed: the step's labels are placed as one batch (placement_batch: every candidate
of every label tested at once, then each label against those placed since: 20 ms -> ~5);
the trace's fingerprint is three lists, not 10,000 tuples (7 ms -> 2, and no collections
from it); a wide neuron's lit lines are drawn in groups and no line is copied; the sample
picker leaves its typed fields alone when unchanged (1000 setText per step); the outputs'
links are drawn in two calls per opacity; the neurons' placer is kept while no neuron
changed; tags left over are hidden and made again rather than made, added and removed.

Fifth round, scene load, `--cpu`: the round's start (by PYTHONPATH) and its end taking turns,
on a busy machine (load 1-2 on 2 cores, which inflates CPU time). This benchmark's "scene
load", four runs each (columns / 1000-10-1, ms): start 157-257 / 196-267, end 109-239 /
121-174 (most 109-161). Loading the two networks in turn 8 times into one window, five
rounds, the medians (and worst) of replace + first paint: start 194-307 (285-419) / 250-332
(305-422), end 98-138 (154-193) / 105-136 (116-256); of which the first paint, start 59-99,
end 39-54. At a quieter moment (load ~1) the start read 152-191 and the end 82-92, then
with the build's objects moved straight to the oldest generation (gc.freeze and unfreeze):
~4 ms, taken out since, as it left old windows' garbage to a full collection, and the
whole test run crashed in one.

What changed: a stand-in gets its line, its area (`edges`, plain numbers) and whether it is
drawn from numpy over arrays, one QLineF each and no placeholder (connection_build.py); the
layer's area is the arrays' minimum and maximum, not 10,000 `QRectF.united`; the paint plan
is five lists, not 10,000 tuples, which had set off a dozen collections in the first paint
(one is left, walking what the build made); a neuron item keeps its bounds in C++ (a
QGraphicsRectItem: Qt asked Python's `boundingRect` 8 times per neuron), lays itself out
once, in numbers, with its bias text measured once per text; the inspector's refresh no
longer walks 10,000 connections when none is selected. What remains (1000-10-1, best of six
loads): making 1,011 neuron items (~12 ms), the stand-ins (~13 ms), throwing the last
network's away (~9 ms), the collection after the build (~4 ms), drawing 10,000 lines (~14 ms:
the raster engine's), and Qt's own part of the first paint (~15 ms, most of it one cached
pixmap per neuron).

Fifth round, Step and Back, `--cpu --every`, the round's start and end taking turns, two rounds
each, load < 1, median / presses over 50 ms:

    columns (500 neurons)        start                 end
    backward step             45.8-47.9 / 129-145   39.7-41.6 / 63-107   (of 408)
    back                      44.2-46.8 / 165       34.1-39.5 / 31-128   (of 404)
    1000-10-1
    backward step             39.0-51.3 / 2-10      34.0-46.9 / 1-6      (of 19)
    back                      34.9-35.8 / 1         30.0-40.3 / 0-1      (of 15)

What changed there: Back (and a step into a frame shown before) makes the placer's choices of
the first showing again instead of searching (placement_script.py; the frame also looks as it
did); the view keeps its grid in a pixmap; tags keep their bounds in C++ (QGraphicsRectItem).
The worst presses (100-150 ms) are still spread over the pass, CPU time inflated 2-3x now and
then on this VM.

Scene load at the end of the round, the same quiet machine (`--steps=1`, four runs): columns
85-106 ms, 1000-10-1 loaded after it 99-106 (once 173). Loaded after a whole --every pass over
columns, 1000-10-1 read 227-250 (start: 360-371): the pass's garbage is freed in that load.

Sixth round, `--cpu --every`, the round's start and end taking turns, two rounds each,
median / presses over 50 ms. At the fitted zoom (columns 0.065, 1000-10-1 0.007) the end
draws no tags: their text would be under 3 pixels (tag_budget.tags_readable). Two sets of
runs: on a quieter machine (load ~0.5), and in brackets an earlier set on a busier one
(load ~1):

    columns, fitted              start                         end
    backward step             36-39 / 49-107  (44-48 / 150-168)   24-26 / 7-15  (26-31 / 18-26)
    back                      30-32 / 19-34   (36-39 / 66-67)     22-23 / 10    (27-35 / 20-24)
    1000-10-1, fitted
    backward step             32 / 0-1        (39-46 / 2-6)       21-23 / 0     (23-33 / 0-3)
    back                      26-27 / 0       (30-46 / 0-3)       18-32 / 0     (21-33 / 0)

Zoomed in, where tags are drawn (one run each, quieter machine): at `--zoom=1.0` columns
step 34.8 -> 33.3 (47 -> 32 over), back 29.5 -> 25.1 (23 -> 15); 1000-10-1 step 79.9 ->
52.3 (17 -> 13 of 19 over), back 79.2 -> 46.5 (12 -> 2 of 15). At `--zoom=0.3` (busier)
columns step 50.5 -> 51.8, back 49.1 -> 42.7. The worst presses, at every zoom, are still
100-150 ms: CPU time on this VM now and then 2-3x its usual.

What changed: far out a frame leaves out its tags and connection labels, keeping the ring, the
glows, the lit lines and the loss node, and the outputs' links start at the neurons, so the
links and the loss node stay as they were from step to step. Zooming in draws the frame again
with its numbers. Timed function by function over the first 200 steps of columns, fitted,
start then end: the overlay 19 -> 6-8 ms a step, Qt's events 13.5 -> 10-12.5 ms; left are
the formula panel (6-8 ms, `setHtml` 4-5), the fingerprint (~2), the overlay's neuron looks
(~2) and the repaint.

Zoomed in on a large network a frame then tags only what is in and around the view (the
view and as much again on every side; CanvasOverlay._sight), and a pan past that area draws
the frame again. benchmarks/tags_in_sight.py measures it in one process, on and off in
turns of 20 steps over the whole pass of columns. At zoom 1.0, two runs: median 43.6 -> 34.9
and 37.9 -> 32.8 ms (ratios 0.80, 0.87), presses over 50 ms 82 -> 34 and 47 -> 22 of ~198.
At zoom 0.3 the view and its surroundings hold most of the network: 48.7 -> 48.1. What is
left zoomed in on 1000-10-1 is mostly painting the current neuron's thousand lit lines
(LitLines): 51 -> 41 ms for a full paint of a thousand, once drawn in groups; the rest is
the raster engine's antialiased wide lines.

Seventh round. The measurement first: the --every pass came after the sampled presses, so on
1000-10-1 twelve of its nineteen steps went into frames already shown, whose label places
are replayed; it read 37-42 ms zoomed in where a first visit took 60. Now --every is the only
backward stepping, every step into a new frame, --passes=N repeats it on new samples, every
flow frame is timed, and after each press a fixed piece of Python work is timed too. That
fixed work alone went over twice its median 23-32 times in 800 on this VM: a press of 25 ms
lands over 50 now and then by the machine's doing, whatever the program does. The report
gives each median press as a multiple of the fixed work, which compares runs on a quiet and
a busy machine better than the times do.

`--cpu --every` (1000-10-1 with --passes=5), the round's start (98c4455, by PYTHONPATH) and
its end taking turns, two rounds; median ms (multiple of the fixed work) / presses over 50:

    columns, fitted        step   start 27.8-30.8 (1.06-1.15) / 12 of 400     end 24.3-28.8 (0.95-1.16) / 4-19
                           back   start 24.6-34.1 (1.02-1.17) / 7-14          end 26.3-30.9 (1.06-1.20) / 12-14
    columns, zoom 1.0      step   start 36.4-46.8 (1.47-1.48) / 52-145        end 36.5-51.9 (1.56-1.60) / 53-227
    1000-10-1, fitted      step   start 31.3-33.2 (1.04-1.06) / 1 of 55       end 27.0-39.0 (1.06) / 0-1
    1000-10-1, zoom 1.0    step   start 46.8-76.4 (2.07-2.36) / 24-48 of 55   end 38.9-48.2 (1.68-2.03) / 16-25
                           back   start 40.0-61.9 (1.77-1.91) / 8-43          end 31.6-33.2 (1.37-1.40) / 3-8
                           worst flow frame   start 25-50 ms                  end 1.2-1.8 ms

The machine was busy (load ~1; the fixed work's median 21-33 ms against 21-23 quiet), so
the columns rows moved with it; nothing changed there this round. In one process, the same
frame: LitLines' paint of a thousand lit lines zoomed in on 1000-10-1 took 26.8 ms drawn
from a QLineF and a QPolygonF per line, 19.1 from numpy arrays, and 10.7 leaving out the
lines a later one covers on the screen (at zoom 0.3: 9.4 -> 2.9 -> 2.2); first visits
over six passes, 1000-10-1 at zoom 1.0: median 40-44 -> 35 ms, 5 of 66 over 50. The item
also keeps its picture, so the flow animation's dots repaint from it.

Eighth round, `--cpu --every` (1000-10-1 with --passes=5), the round's start (2c373d5, by
PYTHONPATH) and its end taking turns, four rounds at zoom 1.0 and two fitted; median ms
(multiple of the fixed work) / presses over 50:

    columns, zoom 1.0      step   start 33.1-39.9 (1.30-1.60) / 25-85 of 400  end 28.7-36.3 (1.07-1.20) / 15-25
                           back   start 31.0-43.4 (1.19-1.64) / 20-62         end 28.0-30.5 (0.99-1.09) / 12-20
    columns, fitted        step   start 23.0-35.0 (0.99-1.10) / 9-21          end 26.0-26.2 (0.84-0.91) / 12-13
                           back   start 25.6-31.2 (0.98-1.11) / 14-21         end 25.0-26.6 (0.80-0.93) / 9
    1000-10-1, zoom 1.0    step   start 34.5-53.7 (1.40-1.77) / 3-40 of 55    end 38.9-53.2 (1.53-1.70) / 10-43
                           back   start 30.0-46.3 (1.32-1.52) / 2-7           end 32.7-44.5 (1.36-1.43) / 2-8
    1000-10-1 loaded after the columns pass: zoom 1.0 start 172-279 ms, end 124-198; fitted
    start 153-239, end 107-124

What changed: in a network drawn with stand-ins the overlay draws a frame's lit lines itself
(lit_lines.lit_here), as it did past 200 of them. Lighting a connection by restyling its item
made the item out of its stand-in, so one pass over columns made all 10,000 items: each step
made and restyled a few dozen, and the next load deleted them (QGraphicsScene.clear 27-57 ms,
against 3 now). The glows between neurons have square ends, hidden under the neurons as the
round ones were, which Qt's raster engine draws in one pass instead of stroking a path
(Glows.paint 3.5 -> 2.0 ms a step at zoom 1). Nothing changed for 1000-10-1 zoomed in: its
thousand lit lines are drawn as before, and a paint of them costs 10-11 ms antialiased
against 3.6 without, the raster engine's.

Ninth round, `--cpu --every` (1000-10-1 with --passes=5), the round's start (c9b4a95, by
PYTHONPATH) and its end taking turns, four rounds at zoom 1.0 and two fitted; median ms
(multiple of the fixed work) / presses over 50:

    1000-10-1, zoom 1.0    step   start 32.5-36.7 (1.59-1.64) / 0-6 of 55    end 24.2-36.6 (1.12-1.27) / 1-5
                           back   start 27.1-31.1 (1.32-1.39) / 0-4          end 22.0-32.6 (1.03-1.13) / 0-3
                           fwd    start 34.7-55.9 (1.63-2.70) / 0-7 of 8     end 25.8-42.1 (0.89-1.96) / 0-1
    1000-10-1, fitted      step   start 19.4-30.0 (0.95-0.98) / 0-4          end 18.3-19.5 (0.91-0.95) / 0
                           back   start 18.9-28.1 (0.92-0.93) / 1-2          end 16.6-17.8 (0.82-0.87) / 1
    columns, zoom 1.0      step   start 25.2-34.6 (1.13-1.56) / 12-18 of 400 end 25.0-33.6 (1.19-1.31) / 8-14
                           back   start 21.4-26.4 (1.00-1.05) / 6-11         end 21.7-23.0 (0.89-1.07) / 8-11
    columns, fitted        step   start 24.5-26.7 (0.94-1.11) / 6-10         end 19.0-26.2 (0.87-1.08) / 6-11
    1000-10-1 loaded after the columns pass, zoom 1.0: start 107-187 ms, end 109-198 (seven
    runs each); the same load timed alone after 400 steps, 400 Backs and the update, four
    runs each: start 109-193, end 110-126

What changed: a connection label counts as in sight by the part of its line where it is
tried, with room for a box pushed off it (LabelLayout._may_be_seen), not by its whole line.
Zoomed in beside a neuron of 1000-10-1 all 24 labelled lines cross the view, but 23 of their
labels are tried thousands of units away; they were described, made and placed at every
step, and are not now (_current_neuron 10.4-11.8 -> 3.0-3.3 ms a step; the step's CPU
median, timed function by function, 32.9-39.6 -> 22.0-22.6). The window's picture is the
same but for antialiased edges in the lit fan: lit lines alike on the screen to a pixel,
not a quarter of one, are drawn once (their paint 6.6-9.5 -> 4.2-5.9 ms in one process;
452-539 of 307,026 pixels differ, by at most 20-37 of 255). The overlay lights a frame's
connections in one call, and the scene no longer looks at each neuron when the label digits
stay the same (0.7 ms a step).
"""

import cProfile
import itertools
import os
import pstats
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Run from a clone: the package of this checkout, not an installed one; a PYTHONPATH given
# (another checkout, to compare) still wins.
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "src"))

import numpy as np
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from playground.gui.backward.frames import FORWARD_STEP, NEURON
from playground.gui.main_window import MainWindow
from playground.model.network import Network
from playground.model.neuron import Neuron

# Wall time, as a user waits; with --cpu the process's CPU time, which other work on a busy
# machine does not inflate (compare before and after with the same clock).
clock = time.process_time if "--cpu" in sys.argv else time.perf_counter
STEP_TARGET = 0.050
LOAD_TARGET = 0.300
STEPS = 4  # presses of each kind timed (--steps=N)
EVERY = "--every" in sys.argv  # also every backward step of the pass, and Back over them all
PASSES = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--passes=")), 1)
# The canvas's zoom while stepping (--zoom=Z): fitted to the network unless given. A frame drawn
# at a zoom where tags are specks leaves them out (tag_budget); 0.3 is the farthest out that
# draws them all, so it is the slowest zoom to step at.
ZOOM = next((float(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--zoom=")), None)


def columns_network() -> Network:
    """canvas_speed.py's network: 5 columns of 100 neurons, each with 25 inputs (10,000)."""
    # Imported here, once this checkout's (or PYTHONPATH's) playground is loaded: importing
    # canvas_speed puts this checkout's src first on the path.
    from canvas_speed import big_network

    return big_network()


def layered_network(widths: list[int], seed: int = 0) -> Network:
    """Fully connected layers of these widths (1000-10-1: each hidden neuron has 1000 inputs)."""
    rng = np.random.default_rng(seed)
    network = Network(name="-".join(map(str, widths)))
    layers = []
    for k, width in enumerate(widths):
        role = "input" if k == 0 else "output" if k == len(widths) - 1 else "hidden"
        ids = []
        for row in range(width):
            neuron_id = f"{role[0]}{k}_{row}"
            activation, bias = (None, None) if role == "input" else ("tanh", 0.1)
            y = (row - width / 2) * 60.0
            network.add_neuron(Neuron(neuron_id, role, activation, bias, k * 900.0, y))
            ids.append(neuron_id)
        layers.append(ids)
    for left, right in itertools.pairwise(layers):
        scale = 1 / np.sqrt(len(left))
        for target in right:
            for source in left:
                network.connect(source, target, float(rng.normal() * scale))
    return network


def settle(app: QApplication) -> None:
    """Run what the press queued: the scene's update, the view's paint."""
    for _ in range(3):
        app.processEvents()


class Bench:
    def __init__(self, app: QApplication, window: MainWindow, profile: bool) -> None:
        self.app, self.window, self.profile = app, window, profile
        self.panels = window.backward
        self.worst: dict[str, float] = {}
        self.times: dict[str, list[float]] = {}
        self.profiles: list[tuple[float, str, pstats.Stats]] = []
        self.zoom = ""  # the canvas's zoom at the backward steps, and whether they drew tags

    def timed(self, name: str, work) -> float:
        profiler = cProfile.Profile() if self.profile else None
        start = clock()
        if profiler:
            profiler.enable()
        work()
        settle(self.app)
        self.panels.animation.stop()  # its frames are timed on their own
        if profiler:
            profiler.disable()
        seconds = clock() - start
        self.worst[name] = max(self.worst.get(name, 0.0), seconds)
        self.times.setdefault(name, []).append(seconds)
        if profiler:
            self.profiles.append((seconds, name, pstats.Stats(profiler)))
        return seconds

    def press(self, action: str) -> None:
        self.panels.actions[action].trigger()

    def jump(self, kind: str, index: int = 0) -> None:
        """Put the cursor at the frame before the `index`-th frame of `kind` (not timed)."""
        session = self.panels.session
        found = [k for k, f in enumerate(session.frames) if f.kind == kind]
        session.cursor = max(0, found[min(index, len(found) - 1)] - 1)
        session.changed.emit()
        settle(self.app)

    def animation_frames(self) -> None:
        """The flow animation of the current frame, its frames timed one by one."""
        animation = self.panels.animation
        self.panels._animate()
        animation.animation.stop()  # driven by hand below, each frame timed with its paint
        if not animation.dots:
            return
        for value in np.linspace(0.0, 1.0, 9):
            start = clock()
            animation._move(float(value))
            settle(self.app)
            seconds = clock() - start
            self.worst["flow frame"] = max(self.worst.get("flow frame", 0.0), seconds)
            self.times.setdefault("flow frame", []).append(seconds)
        animation.stop()
        settle(self.app)

    def note_zoom(self) -> None:
        """Write down the canvas's zoom at the backward steps, and whether they drew tags."""
        tags = getattr(self.panels.overlay, "tags_shown", True)  # a checkout before round 6
        self.zoom = f"zoom {self.window.view.transform().m11():.3f}, " + (
            "tags drawn" if tags else "tags left out (specks at this zoom)"
        )

    def formula(self) -> None:
        start = clock()
        self.panels.show_formula()
        seconds = clock() - start
        self.worst["formula panel"] = max(self.worst.get("formula panel", 0.0), seconds)


def sampled_backward_steps(bench: Bench) -> None:
    """The outputs' first steps, then the last neurons' (a hidden neuron's many inputs), then
    Back over a few."""
    panels = bench.panels
    bench.jump(NEURON, 0)
    for k in range(STEPS):
        bench.timed("backward step", lambda: bench.press("step"))
        if k == 0:
            bench.animation_frames()
            bench.formula()
            bench.note_zoom()
    steps = len(panels.session.trace.steps)
    bench.jump(NEURON, steps - 2 * STEPS)
    for k in range(STEPS):
        bench.timed("backward step", lambda: bench.press("step"))
        if k == 0:
            bench.animation_frames()
        bench.formula()
    for _ in range(STEPS):
        bench.timed("back", lambda: bench.press("back"))


def every_backward_step(bench: Bench) -> None:
    """Every backward step of the pass, from the first neuron to the update, each into a frame
    shown for the first time, and every frame of its flow animation; then Back over as many.
    After each press the fixed work (`steady_work`) is timed too, to show how much the machine
    alone spreads the times. With --passes=N, N such passes, each of the next sample (a new
    trace: its frames are new again), for more presses of a network with few neurons."""
    panels = bench.panels
    for k in range(PASSES):
        if k:
            panels.session.next_sample()
            settle(bench.app)
        bench.jump(NEURON, 0)
        neuron_frames = sum(f.kind == NEURON for f in panels.session.frames)
        for step in range(neuron_frames):
            bench.timed("backward step", lambda: bench.press("step"))
            bench.timed(STEADY, steady_work)
            if k == step == 0:
                bench.note_zoom()
                bench.formula()
            bench.animation_frames()
        for _ in range(neuron_frames):
            bench.timed("back", lambda: bench.press("back"))
            bench.timed(STEADY, steady_work)


STEADY = "fixed work"


def steady_work() -> None:
    """The same Python arithmetic at every call (about 20 ms here): what varies in its time is
    the machine's doing, not the program's."""
    total = 0
    for k in range(300_000):
        total += k * k % 7


def run(app: QApplication, window: MainWindow, network: Network, profile: bool) -> Bench:
    bench = Bench(app, window, profile)
    bench.timed("scene load", lambda: window.document.replace(network))
    panels = bench.panels
    panels.set_forward_steps(True)
    panels.set_detailed(False)
    bench.timed("open the panel", lambda: bench.press("open"))
    settle(app)
    if ZOOM is not None:
        view = window.view
        view.resetTransform()
        view.scale(ZOOM, ZOOM)
        view.centerOn(window.scene.network_rect().center())
        settle(app)
    # Forward steps: the first few, then a few at the last neurons.
    for k in range(STEPS):
        bench.timed("forward step", lambda: bench.press("step"))
        if k == 0:
            bench.animation_frames()
            bench.formula()
    bench.jump(FORWARD_STEP, len(panels.session.forward_order) - STEPS)
    for _ in range(STEPS):
        bench.timed("forward step", lambda: bench.press("step"))
    if EVERY:
        every_backward_step(bench)
    else:
        sampled_backward_steps(bench)
    bench.timed("to the update", lambda: bench.press("to_end"))
    bench.formula()
    window.backward.dock.hide()
    settle(app)
    return bench


TARGETS = {"scene load": LOAD_TARGET}


def report(name: str, connections: int, bench: Bench) -> None:
    print(f"\n{name}: {connections} connections, {bench.zoom}")
    for what, seconds in bench.worst.items():
        if what == STEADY:
            continue
        target = TARGETS.get(what, STEP_TARGET)
        times = bench.times.get(what, [seconds])
        over = sum(t > target for t in times)
        print(
            f"  {what:16s} {seconds * 1000:8.1f} ms   target {target * 1000:5.0f} ms   "
            f"ratio {seconds / target:5.2f}   median {np.median(times) * 1000:6.1f} ms   "
            f"{over} of {len(times)} over"
        )
    if EVERY:
        for what in ("backward step", "back"):
            times = bench.times.get(what, [])
            slowest = sorted(range(len(times)), key=lambda k: -times[k])[:6]
            listed = ", ".join(f"#{k + 1} {times[k] * 1000:.0f}" for k in slowest)
            print(f"  slowest {what} presses (ms): {listed}")
    steady = np.array(bench.times.get(STEADY, []))
    if len(steady):
        usual = np.median(steady)
        print(
            f"  the machine: the same fixed work after each press took a median of "
            f"{usual * 1000:.1f} ms, worst {steady.max() * 1000:.1f} ms; "
            f"{np.sum(steady > 2 * usual)} of {len(steady)} times over twice its median"
        )
        # Less moved by how busy the machine was than the times themselves: runs compare.
        multiples = ", ".join(
            f"{what} {np.median(bench.times[what]) / usual:.2f}"
            for what in ("backward step", "back")
            if bench.times.get(what)
        )
        print(f"  median press in fixed works: {multiples}")
    if bench.profiles:
        seconds, what, stats = max(bench.profiles, key=lambda p: p[0])
        print(f"  profile of the slowest press ({what}, {seconds * 1000:.0f} ms):")
        stats.sort_stats("cumulative").print_stats(25)


def open_window() -> tuple[QApplication, MainWindow]:
    """The main window at 1400×900, shown (offscreen), with settings of its own."""
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("playground-benchmark")  # settings of its own, not the user's
    QSettings().clear()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    settle(app)
    return app, window


def main() -> int:
    app, window = open_window()
    profile = "--profile" in sys.argv
    global STEPS
    STEPS = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--steps=")), STEPS)
    networks = [("columns", columns_network), ("1000-10-1", lambda: layered_network([1000, 10, 1]))]
    if "--wide" in sys.argv:
        networks.append(("1000-30-10", lambda: layered_network([1000, 30, 10])))
    only = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--only=")]
    networks = [(name, make) for name, make in networks if not only or name in only]
    import playground

    print(f"playground from {Path(playground.__file__).parent}")
    for name, make in networks:
        network = make()
        count = len(network.connections)
        report(name, count, run(app, window, network, profile))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
