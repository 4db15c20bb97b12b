"""No class of the app hides a Qt member under a name of its own.

PySide6 looks a Python attribute up before the C++ one, so `self.actions = {...}` on a
QMainWindow makes `window.actions()` raise TypeError, and a Python `setOpacity` on a
QGraphicsItem is never called by Qt, which calls the C++ one. Qt's virtual event
handlers are meant to be overridden; every other shared name is a mistake waiting.
"""

import ast
import importlib
import inspect
import pkgutil

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QGraphicsItem

import playground.gui

# Virtual methods Qt calls on our subclasses: overriding these is the point.
VIRTUAL_OVERRIDES = {
    "boundingRect",
    "shape",
    "paint",
    "itemChange",
    "type",
    "sizeHint",
    "minimumSizeHint",
    "event",
    "eventFilter",
    "drawBackground",
    "drawForeground",
    "contains",
    "data",
    "rowCount",
    "columnCount",
    "headerData",
    "flags",
    "setData",
    "redo",
    "undo",
    "id",
    "mergeWith",
    "createEditor",
    "setEditorData",
    "setModelData",
    "validate",
    "fixup",
    "textFromValue",
    "valueFromText",
    "stepBy",
    "stepEnabled",
    "focusInEvent",
    "timerEvent",
    "showEvent",
    "hideEvent",
    "closeEvent",
    "resizeEvent",
    "paintEvent",
    "changeEvent",
    "accept",
    "reject",
    "done",
    "exec",
    "setVisible",
    "loadResource",
    "keyPressEvent",
    "wheelEvent",
    "scrollContentsBy",
    "viewportEvent",
    "inputMethodEvent",
    "sceneEvent",
    "heightForWidth",
    "hasHeightForWidth",
    "initStyleOption",
    "setModel",
    "keyReleaseEvent",
    "mousePressEvent",
    "mouseMoveEvent",
    "mouseReleaseEvent",
    "mouseDoubleClickEvent",
    "hoverEnterEvent",
    "hoverMoveEvent",
    "hoverLeaveEvent",
    "contextMenuEvent",
    "dragEnterEvent",
    "dragMoveEvent",
    "dragLeaveEvent",
    "dropEvent",
    "focusOutEvent",
    "enterEvent",
    "leaveEvent",
    "moveEvent",
    "text",
    "clone",
    "supportedDropActions",
    "mimeData",
    "mimeTypes",
    "dropMimeData",
    "index",
    "parent",
    "interpolated",
    "updateCurrentValue",
    "duration",
    "setGeometry",
    "geometry",
    "expandingDirections",
    "itemAt",
    "takeAt",
    "count",
    "addItem",
    "minimumSize",
    "maximumSize",
    "opaqueArea",
    "isObscuredBy",
    "collidesWithItem",
    "collidesWithPath",
    "helpEvent",
}


def _gui_classes():
    for module_info in pkgutil.walk_packages(playground.gui.__path__, "playground.gui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, (QObject, QGraphicsItem)):
                yield cls


def _qt_members(cls) -> set[str]:
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.startswith(("PySide6", "Shiboken")):
            names |= set(vars(base))
    return names


def _attributes_assigned(cls) -> set[str]:
    """Names assigned as `self.NAME = ...` anywhere in the class's own source."""
    tree = ast.parse(inspect.getsource(cls).lstrip())
    targets = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets += node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets.append(node.target)
    while any(isinstance(target, ast.Tuple) for target in targets):
        targets = [part for target in targets for part in getattr(target, "elts", [target])]
    return {
        target.attr
        for target in targets
        if isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == "self"
    }


GUI_CLASSES = sorted(_gui_classes(), key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def test_the_scan_finds_the_app_s_classes():
    names = {cls.__name__ for cls in GUI_CLASSES}
    assert {"MainWindow", "NeuronItem", "ConnectionItem", "Inspector"} <= names


@pytest.mark.parametrize("cls", GUI_CLASSES, ids=lambda cls: cls.__qualname__)
def test_no_attribute_or_method_hides_a_qt_member(cls):
    qt = _qt_members(cls)
    hidden_attributes = sorted(_attributes_assigned(cls) & qt)
    hidden_methods = sorted(
        name
        for name, value in vars(cls).items()
        if callable(value)
        and name in qt
        and name not in VIRTUAL_OVERRIDES
        and not name.startswith("__")
    )
    assert hidden_attributes == [], f"{cls.__qualname__} assigns Qt names as attributes"
    assert hidden_methods == [], f"{cls.__qualname__} hides non-virtual Qt methods"
