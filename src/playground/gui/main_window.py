"""The main window: canvas in the centre, docks around it, menus, tool bar and status bar."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLabel, QMainWindow, QWidget

from playground.gui import clipboard, network_actions
from playground.gui.backward.backward_panels import BackwardPanels
from playground.gui.canvas.scene import NetworkScene
from playground.gui.canvas.tools import explanation
from playground.gui.canvas.view import NetworkView
from playground.gui.dialogs.layered_network_dialog import LayeredNetworkDialog
from playground.gui.dialogs.shortcut_sheet import ShortcutSheet
from playground.gui.dialogs.user_guide import UserGuideWindow
from playground.gui.document import Document
from playground.gui.file_actions import FileActions
from playground.gui.menus import build_menus, build_tool_bar
from playground.gui.panels.gradient_check_dialog import GradientCheckWindow
from playground.gui.panels.inspector import Inspector
from playground.gui.recovery import RecoveryWriter
from playground.gui.training.training_panels import TrainingPanels
from playground.model.errors import NetworkEditError

STATUS_TIMEOUT_MS = 8000


class MainWindow(QMainWindow):
    """One open network, edited on the canvas; later panels plug in with `add_panel_dock`."""

    def __init__(self, document: Document | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        # The window's width and the side docks' widths there, given back when it widens again.
        self._roomy: tuple[int, dict[QDockWidget, int]] | None = None
        self.document = document or Document()
        if self.document.parent() is None:
            self.document.setParent(self)
        self.scene = NetworkScene(self.document, self)
        self.view = NetworkView(self.scene)
        self.setCentralWidget(self.view)
        self.files = FileActions(self, self.document, self.scene)
        self.files.status_message.connect(self.show_message)
        self.recovery = RecoveryWriter(self.document, parent=self)
        self.recovery.write_failed.connect(self.show_message)
        self.randomize_seed = 1
        self.user_guide: UserGuideWindow | None = None
        self.shortcut_sheet: ShortcutSheet | None = None
        self.gradient_check_window: GradientCheckWindow | None = None

        self.inspector = Inspector(self.document, self.scene)
        # Everything the inspector reports is a refused edit.
        self.inspector.status_message.connect(self.show_refusal)
        self.menus, self.action_by_name = build_menus(self)
        self.role_picker = build_tool_bar(self, self.action_by_name)
        self.inspector_dock = self.add_panel_dock(
            self.inspector, self.tr("Inspector"), Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.training = TrainingPanels(self)
        self.backward = BackwardPanels(self)
        self._first_run_layout()
        self.scene.selectionChanged.connect(self._bring_inspector_forward)

        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self.view.status_message.connect(self.show_message)
        self.view.refusal_message.connect(self.show_refusal)
        self._refusal: str | None = None
        self.document.undo_stack.indexChanged.connect(self._withdraw_refusal)
        self.document.properties_changed.connect(self.update_title)
        self.document.dirty_changed.connect(self.update_title)
        self.document.path_changed.connect(self.update_title)
        self.document.network_replaced.connect(self._network_replaced)
        self.document.structure_changed.connect(self.update_counts)
        self.update_title()
        self.update_counts()
        self.resize(1400, 900)
        self.restore_settings()
        self.show_message(explanation(self.view.tool, self.view.new_role))

    # ----------------------------------------------------------------- docks

    def add_panel_dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        """Put a panel in a dock, listed in the View menu so it can be shown again once closed."""
        dock = QDockWidget(title, self)
        # Named by the panel's class, not its title: the saved layout must survive a change of language.
        dock.setObjectName(f"dock:{type(widget).__name__}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        dock.installEventFilter(self)
        # A dock added after restoreState() takes the place it had last time.
        self.restoreDockWidget(dock)
        self.menus["panels"].addAction(dock.toggleViewAction())
        return dock

    def _first_run_layout(self) -> None:
        """Training down the left; the output on the right over the inspector and data (tabbed);
        the backward pass under the canvas, where its formulas have the width they need, hidden
        until a trace is asked for. A saved layout replaces all of this."""
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        training, output = self.training.training_dock_widget, self.training.output_dock_widget
        data, backward = self.training.data_dock_widget, self.backward.dock
        self.splitDockWidget(output, self.inspector_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.inspector_dock, data)
        self.inspector_dock.raise_()
        backward.hide()
        self.resizeDocks([output, self.inspector_dock], [430, 400], Qt.Orientation.Vertical)
        self.resizeDocks([training, output], [350, 370], Qt.Orientation.Horizontal)

    def _bring_inspector_forward(self) -> None:
        """A selection on the canvas is to be seen in the Inspector, even from behind the Data tab."""
        dock = self.inspector_dock
        if not shiboken6.isValid(dock) or not shiboken6.isValid(self.scene):
            return  # the window is being torn down
        if self.scene.selectedItems() and dock.isVisible() and dock.visibleRegion().isEmpty():
            dock.raise_()

    def _side_docks(self) -> list[QDockWidget]:
        sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        return [
            dock
            for dock in self.findChildren(QDockWidget)
            if not dock.isHidden() and not dock.isFloating() and self.dockWidgetArea(dock) in sides
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A dock resized while the window keeps its width: the user moved a separator, and
        # that is the width to give back after the window has been narrower.
        if (
            event.type() == QEvent.Type.Resize
            and self._roomy is not None
            and self.width() == self._roomy[0]
            and watched in self._side_docks()
        ):
            resize: QResizeEvent = event
            if resize.size().width() != resize.oldSize().width():
                self._roomy[1][watched] = resize.size().width()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Give the side docks back their widths as the window widens again.

        QMainWindow gives a widening window's room to the canvas alone, so docks squeezed to
        their minimum (with cut labels) would stay there.
        """
        super().resizeEvent(event)
        width, old = event.size().width(), event.oldSize().width()
        if self._roomy is None:
            self._roomy = (width, {dock: dock.width() for dock in self._side_docks()})
        elif width > old:
            # After the layout has placed the docks at the new size: it would undo it otherwise.
            QTimer.singleShot(0, self._give_back_widths)

    def _give_back_widths(self) -> None:
        if self._roomy is None or not shiboken6.isValid(self):
            return
        roomy_width, widths = self._roomy
        share = min(1.0, self.width() / roomy_width)
        docks = [dock for dock in self._side_docks() if dock in widths and dock.isVisible()]
        wanted = [max(dock.width(), round(widths[dock] * share)) for dock in docks]
        if docks and wanted != [dock.width() for dock in docks]:
            self.resizeDocks(docks, wanted, Qt.Orientation.Horizontal)
            # Now, not at some later layout request, where it would pass for the user's widths.
            QCoreApplication.sendPostedEvents(self, QEvent.Type.LayoutRequest)
        if self.width() >= roomy_width:
            # Wider than ever: the widths from now on are the ones to remember.
            self._roomy = (
                self.width(),
                dict(zip(docks, wanted))
                | {dock: dock.width() for dock in self._side_docks() if dock not in docks},
            )

    # ----------------------------------------------------------------- status and title

    def show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def show_refusal(self, message: str) -> None:
        """Why an edit was refused: shown until it times out or a later edit succeeds."""
        self.show_message(message)
        self._refusal = message

    def _withdraw_refusal(self) -> None:
        # Only the refusal itself goes: a newer message stays.
        if self._refusal is not None and self.statusBar().currentMessage() == self._refusal:
            self.statusBar().clearMessage()
        self._refusal = None

    def update_title(self, *_) -> None:
        path = self.document.path
        name = self.document.display_name
        where = f" — {path.name}" if path is not None and path.stem != name else ""
        self.setWindowTitle(
            self.tr("{name}{where}[*] — NN Playground").format(name=name, where=where)
        )
        self.setWindowModified(self.document.is_dirty)

    def update_counts(self) -> None:
        network = self.document.network
        self.counts.setText(
            self.tr("{neurons} neurons · {connections} connections").format(
                neurons=len(network.neurons), connections=len(network.connections)
            )
        )

    def _network_replaced(self) -> None:
        self.update_title()
        self.update_counts()
        self.view.fit()

    # ----------------------------------------------------------------- edit menu

    def copy(self) -> None:
        count = clipboard.copy_selection(self.scene)
        self.show_message(
            self.tr("Copied {n} neurons.").format(n=count)
            if count
            else self.tr("Select neurons to copy.")
        )

    def cut(self) -> None:
        self.copy()
        if self.scene.selected_neuron_ids():
            self.view.delete_selection()

    def paste(self) -> None:
        try:
            ids = clipboard.paste(self.scene)
        except NetworkEditError as refused:
            self.show_message(self.tr("Nothing pasted: {reason}").format(reason=refused))
            return
        self.show_message(self.tr("Pasted {ids}.").format(ids=", ".join(ids)))

    def select_all(self) -> None:
        self.scene.select(list(self.scene.neuron_items), list(self.scene.connection_items))

    # ----------------------------------------------------------------- network menu

    def new_layered_network(self) -> bool:
        dialog = LayeredNetworkDialog(self, self.document.initialisation)
        if dialog.exec() != LayeredNetworkDialog.DialogCode.Accepted:
            return False
        return self.files.replace_with(dialog.network(), self.tr("creating a new network"))

    def connect_selected_fully(self) -> None:
        self.show_message(network_actions.connect_selected_fully(self.scene))

    def auto_arrange(self) -> None:
        self.show_message(network_actions.arrange(self.scene))
        self.view.fit()

    def randomize_weights(self) -> None:
        seed, ok = QInputDialog.getInt(
            self,
            self.tr("Randomize Weights"),
            self.tr("Seed:"),
            self.randomize_seed,
            0,
            2**31 - 1,
        )
        if ok:
            self.show_message(network_actions.randomize_weights(self.scene, seed))
            self.randomize_seed = seed + 1

    def zero_weights(self) -> None:
        self.show_message(network_actions.zero_weights(self.scene))

    def set_initialisation(self, scheme: str) -> None:
        self.document.set_initialisation(scheme)
        self.show_message(
            self.tr("New connections get weights by {scheme}.").format(
                scheme=scheme.replace("_", "-")
            )
        )

    def check_gradients(self) -> None:
        """Run `playground check` on the network as it is now, in a window beside this one."""
        if self.gradient_check_window is None:
            self.gradient_check_window = GradientCheckWindow(self)
        self.gradient_check_window.run_check()
        self.gradient_check_window.show()
        self.gradient_check_window.raise_()
        self.gradient_check_window.activateWindow()

    # ----------------------------------------------------------------- help menu

    def show_user_guide(self) -> None:
        """Open the guide beside the window, or bring it to the front if it is open."""
        if self.user_guide is None:
            self.user_guide = UserGuideWindow(self)
        self.user_guide.show()
        self.user_guide.raise_()
        self.user_guide.activateWindow()

    def show_shortcut_sheet(self) -> None:
        """Help ▸ Keyboard Shortcuts: the table is read from the actions each time it opens."""
        if self.shortcut_sheet is None:
            self.shortcut_sheet = ShortcutSheet(self)
        else:
            self.shortcut_sheet.fill(self)
        self.shortcut_sheet.show()
        self.shortcut_sheet.raise_()
        self.shortcut_sheet.activateWindow()

    # ----------------------------------------------------------------- settings

    def restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        labels = settings.value("view/weight_labels", False)
        self.action_by_name["weight_labels"].setChecked(labels in (True, "true"))

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("view/weight_labels", self.scene.show_weight_labels)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard(self.tr("quitting")):
            event.ignore()
            return
        self.save_settings()
        # A clean close, whatever the answer: nothing is left to offer back at the next start.
        self.recovery.discard()
        event.accept()
