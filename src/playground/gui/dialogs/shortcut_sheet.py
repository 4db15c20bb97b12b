"""Help ▸ Keyboard Shortcuts: every key of the window, read from its actions so it never goes stale.

The sheet walks the menu bar (one group per menu, submenus included), then the
tool bars and the window's own actions that no menu lists (presentation mode's
Esc), and ends with the canvas's mouse gestures, which are no actions at all.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Called by its Qt name so that pyside6-lupdate finds every string.
translate = QCoreApplication.translate


def canvas_gestures() -> list[tuple[str, str]]:
    """The canvas's mouse gestures and keys that belong to no action: (what it does, how)."""
    return [
        (
            translate("ShortcutSheet", "Connect, from any tool"),
            translate("ShortcutSheet", "Shift+drag"),
        ),
        (
            translate("ShortcutSheet", "Edit a connection's weight or a neuron's label"),
            translate("ShortcutSheet", "Double-click"),
        ),
        (
            translate("ShortcutSheet", "Select several, or add to the selection"),
            translate("ShortcutSheet", "Ctrl+click, drag a box"),
        ),
        (translate("ShortcutSheet", "Zoom"), translate("ShortcutSheet", "Wheel")),
        (translate("ShortcutSheet", "Pan"), translate("ShortcutSheet", "Middle drag, Space+drag")),
        (
            translate("ShortcutSheet", "Step the backward pass while it is on screen"),
            translate("ShortcutSheet", "Space"),
        ),
    ]


SHEET_TEXT = "sheet_text"  # an action's property: its name here when its text changes (Undo)


def action_name(action: QAction) -> str:
    """The action's words as the menu shows them, without the mnemonic's & and the trailing …"""
    fixed = action.property(SHEET_TEXT)
    if isinstance(fixed, str) and fixed:
        return fixed
    # A translation puts the mnemonic after the words, "檔案(&F)": the brackets go with the &.
    text = re.sub(r"\s*\(&[^&)]\)", "", action.text())
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def key_text(action: QAction) -> str:
    """Every shortcut of `action` in the platform's own spelling (⌘ on macOS), comma-separated."""
    return ", ".join(
        key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
    )


def shortcut_groups(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group title, [(command, keys)]) for every action of `window` that has a shortcut."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    seen: set[int] = set()

    def take(action: QAction, rows: list[tuple[str, str]]) -> None:
        if key_text(action) and id(action) not in seen:
            seen.add(id(action))
            rows.append((action_name(action), key_text(action)))

    def collect(menu: QMenu, rows: list[tuple[str, str]]) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                collect(action.menu(), rows)
            else:
                take(action, rows)

    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        rows: list[tuple[str, str]] = []
        collect(menu, rows)
        if rows:
            groups.append((action_name(top), rows))
    for bar in window.findChildren(QToolBar):
        rows = []
        for action in bar.actions():
            take(action, rows)
        if rows:
            groups.append((bar.windowTitle(), rows))
    others: list[tuple[str, str]] = []
    for action in window.actions():
        take(action, others)
    if others:
        groups.append((translate("ShortcutSheet", "Other"), others))
    groups.append((translate("ShortcutSheet", "Canvas"), canvas_gestures()))
    return groups


class ShortcutSheet(QDialog):
    """A two-column table of commands and their keys, grouped by menu."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcut_sheet")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTreeWidget()
        self.table.setObjectName("shortcut_table")
        self.table.setColumnCount(2)
        self.table.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(False)
        self.fill(window)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        # Tall enough for the whole sheet where the screen allows: no scrolling to find a key.
        rows = self.table.topLevelItemCount() + len(self.rows())
        wanted = rows * self.table.sizeHintForRow(0) + 120
        available = window.screen().availableGeometry().height() - 80
        self.resize(720, max(400, min(wanted, available)))

    def fill(self, window: QMainWindow) -> None:
        """Read the window's actions again (a shortcut may have changed since the last time)."""
        self.table.clear()
        for title, rows in shortcut_groups(window):
            group = QTreeWidgetItem(self.table, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for command, keys in rows:
                QTreeWidgetItem(group, [command, keys]).setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.expandAll()

    def rows(self) -> list[tuple[str, str, str]]:
        """What the sheet shows: (group, command, keys) for each row."""
        found = []
        for g in range(self.table.topLevelItemCount()):
            group = self.table.topLevelItem(g)
            for r in range(group.childCount()):
                row = group.child(r)
                found.append((group.text(0), row.text(0), row.text(1)))
        return found
