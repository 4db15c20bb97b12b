"""What users install is what we test: the suite runs against the installed package,
which holds every module and resource of the source tree, and its command opens the app."""

import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

import pytest

import playground

REPOSITORY = Path(__file__).resolve().parents[1]
SOURCE = REPOSITORY / "src" / "playground"
INSTALLED = Path(playground.__file__).resolve().parent


def _files(folder: Path) -> set[str]:
    """Every file below `folder` that a package carries, relative to it."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def _installed_command() -> Path:
    """The `playground` script that pip put beside this interpreter."""
    folder = Path(sys.executable).parent
    for name in ("playground", "playground.exe"):
        if (folder / name).is_file():
            return folder / name
    pytest.fail(f"no playground command beside {sys.executable}: is the package installed?")


@pytest.mark.skipif(
    not os.environ.get("CI"),
    reason="CI tests the installed wheel; a developer may test an editable install",
)
def test_in_ci_the_suite_imports_the_installed_package_not_the_checkout():
    assert "site-packages" in INSTALLED.parts, f"playground was imported from {INSTALLED}"
    assert not INSTALLED.is_relative_to(REPOSITORY / "src")


def test_the_installed_package_holds_every_module_and_resource_of_the_source_tree():
    if INSTALLED == SOURCE.resolve():
        pytest.skip("an editable install is the source tree itself: nothing to compare")
    missing = sorted(_files(SOURCE) - _files(INSTALLED))
    assert not missing, f"the installed package at {INSTALLED} lacks: {', '.join(missing)}"


def test_the_version_is_the_installed_distribution_s():
    assert playground.__version__ == importlib.metadata.version("nn-playground")


def _run_installed(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(cwd / "config"))
    return subprocess.run(
        [str(_installed_command()), *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_the_installed_command_prints_its_version(tmp_path):
    result = _run_installed("--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"playground {playground.__version__}"


def test_the_installed_command_opens_the_window_from_outside_the_checkout(tmp_path):
    result = _run_installed("--smoke", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "opened and painted" in result.stdout and "Spiral" in result.stdout
    # The smoke run leaves the user's settings alone: it quits without closing the window.
    assert not (tmp_path / "config").exists() or not any((tmp_path / "config").rglob("*.conf"))


def test_the_installed_command_opens_a_file_named_on_the_command_line(tmp_path):
    network = tmp_path / "mine.json"
    network.write_bytes((INSTALLED / "resources" / "examples" / "xor.json").read_bytes())
    result = _run_installed("--smoke", "mine.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "“XOR with a 2-2-1 sigmoid network”" in result.stdout
