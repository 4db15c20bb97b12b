"""The example networks bundled in `resources/examples`, found from any kind of install."""

from importlib import resources
from pathlib import Path

EXAMPLES_PACKAGE = "playground.resources.examples"
DEFAULT_EXAMPLE = "spiral"


def example_names() -> list[str]:
    """Names of the bundled examples (file names without `.json`), sorted."""
    folder = resources.files(EXAMPLES_PACKAGE)
    return sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json"))


def example_path(name: str) -> Path:
    """The path of a bundled example file."""
    path = resources.files(EXAMPLES_PACKAGE) / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(f"there is no bundled example named {name!r}")
    return Path(str(path))


def schema_path() -> Path:
    """The JSON Schema of the network file format."""
    return Path(str(resources.files("playground.resources") / "network.schema.json"))
