"""File > Export > PyTorch Script / ONNX Model and File > Import ONNX Model, through the menus."""

import os

import pytest
from PySide6.QtWidgets import QFileDialog

from playground.export import onnx_missing


def save_to(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def open_from(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_export_pytorch_script_writes_the_network_s_weights(window, tmp_path, monkeypatch):
    path = tmp_path / "net"
    save_to(monkeypatch, path)
    window.action_by_name["export_pytorch"].trigger()
    script = (tmp_path / "net.py").read_text(encoding="utf-8")
    compile(script, "net.py", "exec")
    for connection in window.document.network.connections:
        assert repr(connection.weight) in script
    assert "Exported" in window.statusBar().currentMessage()


@pytest.fixture
def needs_onnx():
    if onnx_missing():
        if os.environ.get("CI"):
            pytest.fail("CI must test the ONNX menus: " + onnx_missing())
        pytest.skip(onnx_missing())


def test_an_exported_model_imports_as_a_new_unsaved_network(
    needs_onnx, window, tmp_path, monkeypatch
):
    model = tmp_path / "two.onnx"
    save_to(monkeypatch, model)
    window.action_by_name["export_onnx"].trigger()
    assert model.exists()
    original = window.document.network.copy()
    window.files.new()
    open_from(monkeypatch, model)
    window.action_by_name["import_onnx"].trigger()
    imported = window.document.network
    assert [n.id for n in imported.neurons] == [n.id for n in original.neurons]
    assert len(imported.connections) == len(original.connections)
    assert window.document.is_dirty and window.document.path is None
    assert set(window.scene.neuron_items) == {n.id for n in original.neurons}
    window.document.undo_stack.setClean()


def test_without_the_onnx_extra_the_menu_says_what_to_install(qtbot, monkeypatch):
    message = 'writing ONNX models needs the onnx package: pip install "nn-playground[onnx]"'
    monkeypatch.setattr("playground.gui.menus.onnx_missing", lambda: message)
    from playground.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    for name in ("export_onnx", "import_onnx"):
        action = window.action_by_name[name]
        assert not action.isEnabled()
        assert "needs the onnx extra" in action.text()
        assert 'pip install "nn-playground[onnx]"' in action.statusTip()
    assert window.action_by_name["export_pytorch"].isEnabled()
