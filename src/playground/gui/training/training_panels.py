"""Puts training into the main window: the session, the Training and Data docks, the output view,
and the Training menu and tool bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from playground.gui.training.data_dock import DataDock
from playground.gui.training.output_view import OutputView
from playground.gui.training.training_actions import TrainingActions
from playground.gui.training.training_dock import TrainingDock
from playground.gui.training.training_session import TrainingSession

if TYPE_CHECKING:
    from playground.gui.main_window import MainWindow


class TrainingPanels:
    """Everything training adds to the main window, created once with it."""

    def __init__(self, window: MainWindow) -> None:
        document = window.document
        self.session = TrainingSession(document, window)
        self.actions = TrainingActions(self.session, window)
        self.training_dock = TrainingDock(document, self.session, self.actions)
        self.data_dock = DataDock(document)
        self.output_view = OutputView(document, window.view)
        self.session.frame.connect(lambda: self.output_view.show_live(self.session.live_levels()))
        self.session.running_changed.connect(self.output_view.follow_run)

        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        # Docks are added under their English titles, which name them in the saved window layout
        # whatever the language, then shown under their titles in the user's language.
        self.training_dock_widget = window.add_panel_dock(self.training_dock, "Training", left)
        self.data_dock_widget = window.add_panel_dock(self.data_dock, "Data", right)
        self.output_dock_widget = window.add_panel_dock(self.output_view, "Output", right)
        self.training_dock_widget.setWindowTitle(
            QCoreApplication.translate("TrainingPanels", "Training")
        )
        self.data_dock_widget.setWindowTitle(QCoreApplication.translate("TrainingPanels", "Data"))
        self.output_dock_widget.setWindowTitle(
            QCoreApplication.translate("TrainingPanels", "Output")
        )

        self.import_csv = QAction(
            QCoreApplication.translate("TrainingPanels", "&Import CSV…"), window
        )
        self.import_csv.setToolTip(
            QCoreApplication.translate(
                "TrainingPanels", "Use the columns of a CSV file as the network's data"
            )
        )
        self.import_csv.setStatusTip(self.import_csv.toolTip())
        self.import_csv.triggered.connect(lambda: self.data_dock.import_csv())
        menu = QMenu(QCoreApplication.translate("TrainingPanels", "&Training"), window)
        menu.addActions(self.actions.all())
        menu.addAction(self.actions.fast_training)
        menu.addSeparator()
        menu.addAction(self.import_csv)
        help_menu = window.menus.get("help")
        bar = window.menuBar()
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)
        window.menus["training"] = menu

        tools = window.addToolBar(QCoreApplication.translate("TrainingPanels", "Training"))
        tools.setObjectName("toolbar:training")
        tools.setMovable(False)
        tools.addActions(self.actions.all())

        self.session.status_changed.connect(
            lambda message, problem: window.show_message(message) if message else None
        )
