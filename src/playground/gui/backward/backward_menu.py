"""The Backward menu and its keys: Right/Space step, Left back, Home restart, End to the end, F5 present.

The stepping keys act only while the trace is on screen (the dock visible or
presentation mode), so on a plain canvas the arrows stay the editor's. The
actions are added to the window too, so their keys work while presentation
mode hides the menu bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from playground.engine.notation import LAYER_RELATIVE, NEURON_NAMES

if TYPE_CHECKING:
    from playground.gui.backward.backward_panels import BackwardPanels
    from playground.gui.backward.trace_session import TraceSession
    from playground.gui.main_window import MainWindow


def _action(window, text: str, slot, keys=(), tip: str = "", checkable: bool = False) -> QAction:
    action = QAction(text, window)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setCheckable(checkable)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if checkable:
        action.toggled.connect(slot)
    else:
        action.triggered.connect(lambda checked=False: slot())
    window.addAction(action)
    return action


def build_backward_menu(window: MainWindow, panels: BackwardPanels) -> dict[str, QAction]:
    """Create the Backward menu (before Help) and return its actions by name."""
    actions = {
        "open": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "Step &Through One Sample"),
            panels.open,
            ["Ctrl+B"],
            QCoreApplication.translate(
                "BackwardMenu", "Show the Backward Pass panel and the trace on the canvas"
            ),
        ),
        "step": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "&Step"),
            panels.step,
            ["Right", "PgDown"],
            QCoreApplication.translate(
                "BackwardMenu", "One neuron further (Right or Space); at the update, apply it"
            ),
        ),
        "back": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "&Back"),
            panels.back,
            ["Left", "PgUp"],
            QCoreApplication.translate("BackwardMenu", "One step back"),
        ),
        "restart": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "&Restart"),
            panels.restart,
            ["Home"],
            QCoreApplication.translate("BackwardMenu", "Back to the forward pass"),
        ),
        "to_end": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "To the &End"),
            panels.to_end,
            ["End"],
            QCoreApplication.translate("BackwardMenu", "To the SGD update"),
        ),
        "play": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "&Play"),
            panels.set_playing,
            ["P"],
            QCoreApplication.translate(
                "BackwardMenu", "Step on by itself at the speed set in the panel"
            ),
            checkable=True,
        ),
        "forward_steps": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "Step the &Forward Pass"),
            panels.set_forward_steps,
            [],
            QCoreApplication.translate(
                "BackwardMenu",
                "Before the backward pass, compute z and y one neuron at a time",
            ),
            checkable=True,
        ),
        "detailed": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "&Detailed Sub-steps"),
            panels.set_detailed,
            ["D"],
            QCoreApplication.translate(
                "BackwardMenu", "Three parts per neuron: ∂L/∂y, ∂L/∂z, then ∂L/∂w and ∂L/∂b"
            ),
            checkable=True,
        ),
        "apply": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "&Apply SGD Update"),
            panels.apply_update,
            [],
            QCoreApplication.translate(
                "BackwardMenu",
                "Write the update's weights and biases into the network (one undo step)",
            ),
        ),
        "next": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "&Next Sample"),
            panels.next_sample,
            [],
            QCoreApplication.translate("BackwardMenu", "Trace the next sample of the same data"),
        ),
        "presentation": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "Pr&esentation Mode"),
            panels.presentation.toggle,
            ["F5"],
            QCoreApplication.translate(
                "BackwardMenu", "Only the canvas and the formulas, in large type (Esc leaves)"
            ),
        ),
        "leave_presentation": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "Leave Presentation Mode"),
            panels.presentation.leave,
            ["Esc"],
        ),
        "export_html": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "Export Trace as &HTML…"),
            panels.export_html_dialog,
            [],
            QCoreApplication.translate(
                "BackwardMenu",
                "Every step's formulas and a picture of the canvas, for lecture notes",
            ),
        ),
        "export_png": _action(
            window,
            QCoreApplication.translate("BackwardMenu", "Export Canvas at This Step as P&NG…"),
            panels.export_png_dialog,
            [],
            QCoreApplication.translate(
                "BackwardMenu", "A picture of the canvas with the gradient overlay"
            ),
        ),
    }
    actions.update(_notation_actions(window, panels))
    actions["presentation"].setCheckable(True)
    actions["leave_presentation"].setEnabled(False)
    menu = QMenu(QCoreApplication.translate("BackwardMenu", "&Backward"), window)
    menu.addAction(actions["open"])
    menu.addSeparator()
    menu.addActions([actions[k] for k in ("step", "back", "restart", "to_end", "play")])
    menu.addSeparator()
    menu.addActions([actions[k] for k in ("forward_steps", "detailed", "apply", "next")])
    notation = menu.addMenu(QCoreApplication.translate("BackwardMenu", "N&otation"))
    notation.addActions([actions["notation_names"], actions["notation_layer"]])
    menu.addSeparator()
    menu.addAction(actions["presentation"])
    menu.addSeparator()
    menu.addActions([actions["export_html"], actions["export_png"]])
    # The tool bar's button opens the panel and, clicked again, closes it: it shows whether the
    # panel is open (BackwardPanels keeps it checked with the dock's visibility).
    actions["panel"] = _action(
        window,
        QCoreApplication.translate("BackwardMenu", "Backward Pass Panel"),
        panels.show_panel,
        [],
        QCoreApplication.translate(
            "BackwardMenu", "Show or hide the Backward Pass panel and the trace on the canvas"
        ),
        checkable=True,
    )
    actions["panel"].setIconText(QCoreApplication.translate("BackwardMenu", "◀ Backward Pass"))
    tools = window.addToolBar(QCoreApplication.translate("BackwardMenu", "Backward"))
    tools.setObjectName("toolbar:backward")
    tools.setMovable(False)
    tools.addAction(actions["panel"])
    help_menu = window.menus.get("help")
    if help_menu is not None:
        window.menuBar().insertMenu(help_menu.menuAction(), menu)
    else:
        window.menuBar().addMenu(menu)
    window.menus["backward"] = menu
    return actions


def _notation_actions(window, panels: BackwardPanels) -> dict[str, QAction]:
    """Backward ▸ Notation: the formulas name neurons by their names, or j−1, j, j+1 (one of the two)."""
    group = QActionGroup(window)  # exclusive: checking one unchecks the other
    actions = {}
    for notation, text, tip in (
        (
            NEURON_NAMES,
            QCoreApplication.translate("BackwardMenu", "&Neuron Names"),
            QCoreApplication.translate(
                "BackwardMenu", "Subscripts are the neurons’ names, as on the canvas"
            ),
        ),
        (
            LAYER_RELATIVE,
            QCoreApplication.translate("BackwardMenu", "&Layer-Relative (j−1, j, j+1)"),
            QCoreApplication.translate(
                "BackwardMenu",
                "Subscripts count levels from the neuron explained (j), as the lecture does",
            ),
        ),
    ):
        slot = lambda on, notation=notation: on and panels.set_notation(notation)
        actions[f"notation_{notation}"] = action = _action(window, text, slot, [], tip, True)
        group.addAction(action)
    actions[f"notation_{panels.session.notation}"].setChecked(True)
    return actions


def update_enabled(actions: dict[str, QAction], session: TraceSession, showing: bool) -> None:
    """Enable each stepping action (and so the panel's button showing it) as the trace allows.

    The stepping keys act only while the trace is on screen; on a plain canvas they are
    the editor's.
    """
    can_go_on = session.can_step_forward() and not session.at_update()
    for name, enabled in (
        ("step", session.can_step_forward()),
        ("back", session.can_step_back()),
        ("restart", session.trace is not None),
        ("to_end", can_go_on),
        ("play", can_go_on or actions["play"].isChecked()),  # playing: it must be able to pause
        ("apply", session.trace is not None and not session.applied),
        ("next", session.can_go_to_next_sample()),
        ("export_html", True),
        ("export_png", True),
    ):
        actions[name].setEnabled(showing and enabled)
    translate = QCoreApplication.translate
    step = translate("BackwardDock", "Apply update") if session.at_update() else None
    actions["step"].setIconText(step or translate("BackwardDock", "Step"))
