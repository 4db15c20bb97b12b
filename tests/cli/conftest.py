"""Fixtures for the command-line tests: bundled examples copied into a scratch folder."""

import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import example_path


@pytest.fixture
def example_copy(tmp_path):
    """A function that copies a bundled example into tmp_path and returns the copy's path."""

    def copy(name: str) -> Path:
        target = tmp_path / f"{name}.json"
        shutil.copyfile(example_path(name), target)
        return target

    return copy


@pytest.fixture
def two_two_two(example_copy) -> Path:
    return example_copy("two_two_two")
