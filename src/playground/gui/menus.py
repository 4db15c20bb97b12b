"""The menus and the tool bar of the main window, with their shortcuts."""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

import numpy
import PySide6
import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu, QMessageBox

from playground import __version__
from playground.export import onnx_missing
from playground.gui.canvas.tools import ADD_NEURON, CONNECT, SELECT
from playground.gui.dialogs.layered_network_dialog import initialisation_name
from playground.gui.dialogs.network_properties_dialog import edit_network_properties
from playground.gui.dialogs.shortcut_sheet import SHEET_TEXT
from playground.gui.i18n import build_language_menu
from playground.model.examples import example_names
from playground.model.initialisation import INITIALISATIONS
from playground.model.vocabulary import ROLES

if TYPE_CHECKING:
    from playground.gui.main_window import MainWindow

Keys = QKeySequence.StandardKey


def _action(window, text, slot=None, shortcuts=(), checkable=False, tip=None) -> QAction:
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if slot is not None:
        action.triggered.connect(lambda checked=False: slot())
    action.setCheckable(checkable)
    if tip:
        action.setStatusTip(tip)
    return action


def build_menus(window: MainWindow) -> tuple[dict[str, QMenu], dict[str, QAction]]:
    """Create every menu, action and the tool bar; returns them by name for the window."""
    bar = window.menuBar()
    files, view, document = window.files, window.view, window.document
    menus: dict[str, QMenu] = {}
    actions: dict[str, QAction] = {}
    translate = QCoreApplication.translate

    # ----------------------------------------------------------------- File
    menu = menus["file"] = bar.addMenu(translate("MainWindow", "&File"))
    actions["new"] = _action(window, translate("MainWindow", "&New"), files.new, [Keys.New])
    actions["open"] = _action(
        window, translate("MainWindow", "&Open…"), files.open_dialog, [Keys.Open]
    )
    menu.addActions([actions["new"], actions["open"]])
    examples = menus["examples"] = menu.addMenu(translate("MainWindow", "Open &Example"))
    names = example_names()
    for name in names:
        examples.addAction(
            _action(window, name.replace("_", " "), lambda n=name: files.open_example(n))
        )
    examples.setEnabled(bool(names))
    recent = menus["recent"] = menu.addMenu(translate("MainWindow", "Open &Recent"))
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    missing = onnx_missing()
    actions["import_onnx"] = _action(
        window,
        translate("MainWindow", "&Import ONNX Model…"),
        files.import_onnx,
        tip=translate("MainWindow", "Open a feed-forward ONNX model as a new, unsaved network"),
    )
    menu.addAction(actions["import_onnx"])
    menu.addSeparator()
    actions["save"] = _action(window, translate("MainWindow", "&Save"), files.save, [Keys.Save])
    actions["save_as"] = _action(
        window, translate("MainWindow", "Save &As…"), files.save_as, [Keys.SaveAs]
    )
    menu.addActions([actions["save"], actions["save_as"]])
    export = menus["export"] = menu.addMenu(translate("MainWindow", "E&xport"))
    actions["export_png"] = _action(
        window, translate("MainWindow", "&PNG Image…"), lambda: files.export_image("PNG")
    )
    actions["export_svg"] = _action(
        window, translate("MainWindow", "&SVG Image…"), lambda: files.export_image("SVG")
    )
    export.addActions([actions["export_png"], actions["export_svg"]])
    export.addSeparator()
    actions["export_pytorch"] = _action(
        window,
        translate("MainWindow", "P&yTorch Script…"),
        lambda: files.export_network("pytorch"),
        tip=translate("MainWindow", "A standalone Python file that trains this network with torch"),
    )
    actions["export_onnx"] = _action(
        window,
        translate("MainWindow", "&ONNX Model…"),
        lambda: files.export_network("onnx"),
        tip=translate("MainWindow", "The network as a model onnxruntime and other tools run"),
    )
    export.addActions([actions["export_pytorch"], actions["export_onnx"]])
    if missing:
        # Say what to install right in the menu, rather than failing when chosen.
        for name, text in (
            ("import_onnx", translate("MainWindow", "Import ONNX Model (needs the onnx extra)")),
            ("export_onnx", translate("MainWindow", "ONNX Model (needs the onnx extra)")),
        ):
            actions[name].setText(text)
            actions[name].setEnabled(False)
            actions[name].setStatusTip(missing)
            actions[name].setToolTip(missing)
        export.setToolTipsVisible(True)
        menu.setToolTipsVisible(True)
    menu.addSeparator()
    actions["quit"] = _action(window, translate("MainWindow", "&Quit"), window.close, [Keys.Quit])
    menu.addAction(actions["quit"])

    # ----------------------------------------------------------------- Edit
    menu = menus["edit"] = bar.addMenu(translate("MainWindow", "&Edit"))
    actions["undo"] = document.undo_stack.createUndoAction(window, translate("MainWindow", "Undo"))
    actions["undo"].setShortcuts(QKeySequence.keyBindings(Keys.Undo))
    actions["redo"] = document.undo_stack.createRedoAction(window, translate("MainWindow", "Redo"))
    actions["redo"].setShortcuts(
        [QKeySequence("Ctrl+Shift+Z")]
        + [k for k in QKeySequence.keyBindings(Keys.Redo) if k != QKeySequence("Ctrl+Shift+Z")]
    )
    menu.addActions([actions["undo"], actions["redo"]])
    menu.addSeparator()
    actions["cut"] = _action(window, translate("MainWindow", "Cu&t"), window.cut, [Keys.Cut])
    actions["copy"] = _action(window, translate("MainWindow", "&Copy"), window.copy, [Keys.Copy])
    actions["paste"] = _action(
        window, translate("MainWindow", "&Paste"), window.paste, [Keys.Paste]
    )
    actions["delete"] = _action(
        window,
        translate("MainWindow", "&Delete"),
        view.delete_selection,
        [Keys.Delete, QKeySequence("Backspace")],
    )
    actions["select_all"] = _action(
        window, translate("MainWindow", "Select &All"), window.select_all, [Keys.SelectAll]
    )
    menu.addActions([actions[k] for k in ("cut", "copy", "paste", "delete", "select_all")])

    # ----------------------------------------------------------------- View
    menu = menus["view"] = bar.addMenu(translate("MainWindow", "&View"))
    actions["zoom_in"] = _action(
        window,
        translate("MainWindow", "Zoom &In"),
        view.zoom_in,
        [QKeySequence("Ctrl+="), Keys.ZoomIn],
    )
    actions["zoom_out"] = _action(
        window,
        translate("MainWindow", "Zoom &Out"),
        view.zoom_out,
        [QKeySequence("Ctrl+-"), Keys.ZoomOut],
    )
    actions["fit"] = _action(
        window, translate("MainWindow", "&Fit Network"), view.fit, [QKeySequence("Ctrl+0")]
    )
    actions["weight_labels"] = _action(
        window, translate("MainWindow", "Show &Weight Labels"), checkable=True
    )
    actions["weight_labels"].toggled.connect(window.scene.set_show_weight_labels)
    actions["neuron_pictures"] = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Neuron Output Pictures"),
        checkable=True,
        tip=QCoreApplication.translate(
            "MainWindow",
            "Beside each neuron, a picture of its output over the two inputs' plane "
            "(networks with two inputs)",
        ),
    )
    actions["neuron_pictures"].toggled.connect(window.scene.set_show_neuron_pictures)
    # Remembered here rather than with the window: the choice is the canvas's, made once.
    actions["neuron_pictures"].toggled.connect(
        lambda on: QSettings().setValue("view/neuron_pictures", on)
    )
    actions["neuron_pictures"].setChecked(
        QSettings().value("view/neuron_pictures", False) in (True, "true")
    )
    menu.addActions(
        [actions[k] for k in ("zoom_in", "zoom_out", "fit", "weight_labels", "neuron_pictures")]
    )
    menu.addSeparator()
    menus["panels"] = menu.addMenu(translate("MainWindow", "&Panels"))
    menus["language"] = build_language_menu(window, menu)

    # ----------------------------------------------------------------- Network
    menu = menus["network"] = bar.addMenu(translate("MainWindow", "&Network"))
    actions["new_layered"] = _action(
        window,
        translate("MainWindow", "New &Layered Network…"),
        window.new_layered_network,
        [QKeySequence("Ctrl+Shift+N")],
    )
    actions["connect_fully"] = _action(
        window,
        translate("MainWindow", "&Connect Selected Fully"),
        window.connect_selected_fully,
        tip=translate(
            "MainWindow",
            "Connect each column of the selection to every selected neuron in the next column",
        ),
    )
    actions["auto_arrange"] = _action(
        window,
        translate("MainWindow", "&Auto-Arrange"),
        window.auto_arrange,
        [QKeySequence("Ctrl+Shift+A")],
    )
    actions["randomize"] = _action(
        window, translate("MainWindow", "&Randomize Weights…"), window.randomize_weights
    )
    actions["zero"] = _action(
        window, translate("MainWindow", "Set All Weights to &Zero"), window.zero_weights
    )
    menu.addActions([actions[k] for k in ("new_layered", "connect_fully", "auto_arrange")])
    menu.addSeparator()
    menu.addActions([actions["randomize"], actions["zero"]])
    init_menu = menu.addMenu(translate("MainWindow", "New Weights &By"))
    group = QActionGroup(window)
    for scheme in INITIALISATIONS:
        action = _action(
            window,
            initialisation_name(scheme),
            lambda s=scheme: window.set_initialisation(s),
            checkable=True,
        )
        action.setChecked(scheme == document.initialisation)
        group.addAction(action)
        init_menu.addAction(action)
        actions[f"init_{scheme}"] = action
    menu.addSeparator()
    actions["check_gradients"] = _action(
        window,
        QCoreApplication.translate("MainWindow", "Check &Gradients…"),
        window.check_gradients,
        tip=QCoreApplication.translate(
            "MainWindow",
            "Compare every gradient of the backward pass with a finite difference, "
            "as playground check does",
        ),
    )
    menu.addAction(actions["check_gradients"])
    menu.addSeparator()
    actions["network_properties"] = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Properties…"),
        lambda: edit_network_properties(window, document),
        [QKeySequence("Alt+Return"), QKeySequence("Alt+Enter")],
        tip=QCoreApplication.translate(
            "MainWindow", "The network's name (shown in the title) and description, saved with it"
        ),
    )
    actions["network_properties"].setToolTip(actions["network_properties"].statusTip())
    menu.addAction(actions["network_properties"])

    # ----------------------------------------------------------------- Help
    menu = menus["help"] = bar.addMenu(translate("MainWindow", "&Help"))
    actions["user_guide"] = _action(
        window,
        QCoreApplication.translate("MainWindow", "&User Guide"),
        window.show_user_guide,
        [Keys.HelpContents],
        tip=QCoreApplication.translate(
            "MainWindow",
            "Drawing, stepping the backward pass, training, data and files, with pictures",
        ),
    )
    menu.addAction(actions["user_guide"])
    actions["shortcut_sheet"] = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Keyboard Shortcuts…"),
        window.show_shortcut_sheet,
        [QKeySequence("Ctrl+/")],
        tip=QCoreApplication.translate(
            "MainWindow", "Every command's keys and the canvas's mouse gestures, in one table"
        ),
    )
    menu.addAction(actions["shortcut_sheet"])
    menu.addAction(_action(window, translate("MainWindow", "&About"), lambda: show_about(window)))

    return menus, actions


def about_text() -> str:
    """The About box: what the app is, its version, and the versions it runs on."""
    translate = QCoreApplication.translate
    return (
        f"<h3>NN Playground {__version__}</h3><p>"
        + translate(
            "About",
            "Build a neural network by hand, step its backward pass one neuron at a time, "
            "and train it with SGD.",
        )
        + "</p><p>"
        + translate("About", "Python {python} · Qt {qt} · PySide6 {pyside} · NumPy {numpy}").format(
            python=platform.python_version(),
            qt=qVersion(),
            pyside=PySide6.__version__,
            numpy=numpy.__version__,
        )
        + "</p>"
    )


def show_about(window: MainWindow) -> None:
    QMessageBox.about(
        window, QCoreApplication.translate("About", "About NN Playground"), about_text()
    )


def build_tool_bar(window: MainWindow, actions: dict[str, QAction]) -> QComboBox:
    """The tool bar: the canvas tools, the role of new neurons, undo and fit; returns the role picker."""
    tools = window.addToolBar(QCoreApplication.translate("MainWindow", "Tools"))
    tools.setObjectName("toolbar:tools")
    tools.setMovable(False)
    group = QActionGroup(window)
    translate = QCoreApplication.translate
    for tool, text, key in (
        (SELECT, translate("MainWindow", "Select"), "V"),
        (ADD_NEURON, translate("MainWindow", "Add Neuron"), "N"),
        (CONNECT, translate("MainWindow", "Connect"), "C"),
    ):
        action = _action(
            window,
            text,
            lambda t=tool: window.view.set_tool(t),
            [QKeySequence(key)],
            checkable=True,
            tip=f"{text} ({key})",
        )
        action.setToolTip(f"{text} ({key})")
        action.setChecked(tool == SELECT)
        group.addAction(action)
        tools.addAction(action)
        actions[f"tool_{tool}"] = action
    window.view.tool_changed.connect(lambda t: actions[f"tool_{t}"].setChecked(True))

    role = QComboBox()
    role.setToolTip(translate("MainWindow", "Role of the neurons the Add Neuron tool places"))
    role_names = {
        "input": translate("MainWindow", "Input neuron"),
        "hidden": translate("MainWindow", "Hidden neuron"),
        "output": translate("MainWindow", "Output neuron"),
    }
    for name in ROLES:
        role.addItem(role_names.get(name, f"{name.capitalize()} neuron"), name)
    role.setCurrentIndex(ROLES.index(window.view.new_role))
    role.currentIndexChanged.connect(lambda _: window.view.set_new_role(role.currentData()))
    tools.addWidget(role)
    tools.addSeparator()
    _keep_short_text(actions["undo"], QCoreApplication.translate("MainWindow", "Undo"))
    _keep_short_text(actions["redo"], QCoreApplication.translate("MainWindow", "Redo"))
    tools.addActions([actions["undo"], actions["redo"]])
    tools.addSeparator()
    # The tool bar shows the menu's words without the mnemonic: "Fit Network", "顯示整個網路".
    actions["fit"].setIconText(translate("MainWindow", "Fit Network"))
    tools.addAction(actions["fit"])
    return role


def _keep_short_text(action: QAction, short: str) -> None:
    """The tool bar shows `short` ("Undo"), the menu and the tooltip the whole text
    ("Undo Add Connection h2 → o1"): a button that changes width would move every button after it."""
    action.setIconText(short)
    action.setProperty(SHEET_TEXT, short)  # the shortcut sheet's name for it, too

    def follow() -> None:
        if shiboken6.isValid(action):  # a QAction announces a change while it is destroyed
            action.setToolTip(action.text().replace("&", ""))

    action.changed.connect(follow)
    follow()


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    translate = QCoreApplication.translate
    menu.clear()
    files = window.files.recent_files()
    for path in files:
        menu.addAction(_action(window, path, lambda p=path: window.files.open_recent(p)))
    if not files:
        menu.addAction(translate("MainWindow", "(none)")).setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction(
            _action(window, translate("MainWindow", "Clear List"), window.files.clear_recent)
        )
