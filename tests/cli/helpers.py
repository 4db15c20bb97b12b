"""Running the command line for real, in a fresh interpreter, as a user would."""

import json
import os
import subprocess
import sys
from pathlib import Path

from playground.model.examples import example_path

REPOSITORY = Path(__file__).resolve().parents[2]

__all__ = ["REPOSITORY", "example_path"]


def example_document(name: str) -> dict:
    return json.loads(example_path(name).read_text(encoding="utf-8"))


def run_playground(
    *args: str, cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """`python -m playground ARGS` in a fresh interpreter, on the installed package, as a user would run it."""
    environment = dict(os.environ)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "playground", *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=cwd or REPOSITORY,
        env=environment,
        timeout=120,
    )


def run_python(code: str, *args: str) -> subprocess.CompletedProcess:
    """A short Python program in a fresh interpreter that can import the project."""
    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        env=environment,
        timeout=120,
    )
