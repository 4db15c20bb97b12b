"""The example networks and other files bundled in the package's `resources/` folder."""

from importlib import resources
from pathlib import Path

DEFAULT_EXAMPLE = "spiral"


def resources_folder() -> Path:
    """`playground/resources/`, wherever the package is installed."""
    return Path(str(resources.files("playground"))) / "resources"


def example_names() -> list[str]:
    """Names of the bundled examples (file names without `.json`), sorted."""
    return sorted(p.stem for p in (resources_folder() / "examples").glob("*.json"))


def example_path(name: str) -> Path:
    """The path of a bundled example file."""
    path = resources_folder() / "examples" / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(f"there is no bundled example named {name!r}")
    return path


def schema_path() -> Path:
    """The JSON Schema of the network file format."""
    return resources_folder() / "network.schema.json"
