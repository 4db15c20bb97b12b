"""On Linux, `playground` names the system libraries Qt's platform plugin lacks, in one line."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from playground import system_libraries
from playground.cli import main
from playground.system_libraries import (
    PACKAGES,
    chosen_platforms,
    missing_libraries,
    plugin_file,
    remedy,
)
from tests.cli.helpers import run_playground

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Linux's dynamic linker"
)


@pytest.fixture
def plugin_lacking_a_library(tmp_path) -> Path:
    """A real shared library linked against `libnnpg-absent.so.0`, which is then deleted:
    exactly what a plugin looks like on a machine that lacks one of its libraries."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or shutil.which("ldd") is None:
        pytest.skip("needs a C compiler and ldd to make a library with a missing dependency")
    absent = tmp_path / "libnnpg-absent.so"
    (tmp_path / "absent.c").write_text("int absent(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int absent(void);\nint plugin(void) { return absent(); }\n")
    subprocess.run(
        [
            compiler,
            "-shared",
            "-fPIC",
            "-Wl,-soname,libnnpg-absent.so.0",
            "-o",
            str(absent),
            str(tmp_path / "absent.c"),
        ],
        check=True,
    )
    plugin = tmp_path / "libqxcb.so"
    subprocess.run(
        [
            compiler,
            "-shared",
            "-fPIC",
            "-o",
            str(plugin),
            str(tmp_path / "plugin.c"),
            f"-L{tmp_path}",
            "-lnnpg-absent",
        ],
        check=True,
    )
    absent.unlink()
    return plugin


@linux_only
def test_ldd_names_the_library_a_plugin_cannot_find(plugin_lacking_a_library):
    assert missing_libraries(plugin_lacking_a_library) == ["libnnpg-absent.so.0"]


@linux_only
def test_a_library_with_everything_it_needs_lacks_nothing():
    assert missing_libraries(Path(sys.executable).resolve()) == []


@linux_only
def test_the_app_names_a_missing_library_in_one_line_and_opens_no_window(
    plugin_lacking_a_library, monkeypatch, capsys
):
    monkeypatch.setattr(system_libraries, "plugin_file", lambda platform: plugin_lacking_a_library)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    opened = []
    monkeypatch.setattr("playground.gui.app.run_app", lambda *args, **kwargs: opened.append(args))
    assert main([]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("playground: Qt's xcb platform plugin needs")
    assert "libnnpg-absent.so.0" in lines[0] and "apt-file search" in lines[0]
    assert opened == []


@linux_only
def test_on_this_machine_the_real_xcb_plugin_is_checked_before_qt_aborts(tmp_path):
    plugin = plugin_file("xcb")
    missing = missing_libraries(plugin) if plugin is not None else None
    if not missing:
        pytest.skip("this machine has every library of the xcb plugin")
    # No X server is needed: the check runs before Qt is loaded.
    result = run_playground(cwd=tmp_path, env={"DISPLAY": ":99", "QT_QPA_PLATFORM": ""})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"playground: {remedy('xcb', missing)}"]


def test_the_remedy_names_the_packages_of_debian_and_fedora():
    message = remedy("xcb", ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert (
        "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 (Debian, Ubuntu)" in message
    )
    assert "sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms (Fedora)" in message
    assert "\n" not in message


def test_a_package_that_provides_several_missing_libraries_is_named_once():
    message = remedy("xcb", ["libxcb-randr.so.0", "libxcb-shape.so.0"])
    assert "dnf install libxcb (Fedora)" in message


def test_every_system_library_the_xcb_plugin_links_directly_has_its_packages_named():
    plugin = plugin_file("xcb")
    readelf = shutil.which("readelf")
    if plugin is None or readelf is None:
        pytest.skip("no xcb plugin, or no readelf to list what it links")
    needed: set[str] = set()
    for library in (plugin, plugin.parents[2] / "lib" / "libQt6XcbQpa.so.6"):
        listing = subprocess.run(
            [readelf, "-d", str(library)], capture_output=True, text=True, check=True
        )
        needed |= {
            line.split("[")[1].rstrip("]")
            for line in listing.stdout.splitlines()
            if "(NEEDED)" in line
        }
    # Qt's own libraries come with PySide6; the C and C++ runtimes with every Linux that runs Python.
    runtime = {
        "libc.so.6",
        "libm.so.6",
        "libstdc++.so.6",
        "libgcc_s.so.1",
        "libpthread.so.0",
        "libdl.so.2",
    }
    system = {name for name in needed if not name.startswith(("libQt6", "libicu"))} - runtime
    assert system, "readelf listed nothing: the test would prove nothing"
    assert sorted(system - set(PACKAGES)) == []


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, ["xcb"]),
        ({"QT_QPA_PLATFORM": "offscreen"}, ["offscreen"]),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, ["wayland", "xcb"]),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, ["xcb"]),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, ["wayland", "xcb"]),
        ({"WAYLAND_DISPLAY": "wayland-0"}, ["xcb"]),
    ],
)
def test_the_platforms_checked_are_those_qt_would_try(environment, expected):
    assert chosen_platforms(environment) == expected
