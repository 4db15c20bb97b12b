"""Before Qt starts on Linux: name the system libraries its platform plugin cannot find.

Qt's xcb plugin links against a dozen X11 libraries that a fresh Linux machine
may lack (libxcb-cursor0, libxcb-icccm4, ...). Without them Qt prints a long
message about plugins and aborts. This module asks the dynamic linker (`ldd`)
which libraries the chosen plugin cannot resolve, before any Qt library is
loaded, so that `playground` can say in one line what to install. It imports
no Qt: it only reads file names and runs `ldd`.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from playground.model.errors import PlaygroundError

# The library a plugin asks for → the package that provides it on Debian/Ubuntu and on Fedora.
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
}

# `ldd` writes one line per library; those it cannot resolve read "libfoo.so.1 => not found".
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


def chosen_platforms(environ: Mapping[str, str]) -> list[str]:
    """The Qt platform plugins Qt will try, in order, as it chooses them from the environment."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        # "wayland;xcb" is a list of fall-backs; "xcb:option=value" carries options.
        return [name.split(":")[0] for name in chosen.split(";") if name.split(":")[0]]
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def plugin_file(platform: str) -> Path | None:
    """The shared library of a Qt platform plugin in the installed PySide6, if there is one."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"
    candidates = sorted(folder.glob(f"libq{platform}.so")) + sorted(
        folder.glob(f"libq{platform}-*.so")
    )
    return candidates[0] if candidates else None


def missing_libraries(library: Path) -> list[str] | None:
    """The libraries `library` needs, directly or through others, that the linker cannot find.

    None when that cannot be known (no `ldd` on this machine, or it failed).
    """
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        result = subprocess.run(
            [ldd, str(library)], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return list(dict.fromkeys(_NOT_FOUND.findall(result.stdout)))


def remedy(platform: str, missing: list[str]) -> str:
    """One sentence naming the missing libraries and the commands that install them."""
    known = [name for name in missing if name in PACKAGES]
    unknown = [name for name in missing if name not in PACKAGES]
    message = (
        f"Qt's {platform} platform plugin needs system libraries that this machine lacks: "
        f"{', '.join(missing)}."
    )
    if known:
        debian = " ".join(dict.fromkeys(PACKAGES[name][0] for name in known))
        fedora = " ".join(dict.fromkeys(PACKAGES[name][1] for name in known))
        message += (
            f" Install them with: sudo apt install {debian} (Debian, Ubuntu)"
            f" or: sudo dnf install {fedora} (Fedora)."
        )
    if unknown:
        message += (
            f" For {', '.join(unknown)}, install the package that provides it"
            " (apt-file search NAME, or dnf provides '*/NAME')."
        )
    return message


def check_platform_libraries(environ: Mapping[str, str], platform: str) -> None:
    """Raise a one-line PlaygroundError when no platform plugin Qt would try can load.

    Off Linux, or when it cannot be told, it says nothing and lets Qt try.
    """
    if not platform.startswith("linux"):
        return
    first_failure: tuple[str, list[str]] | None = None
    for name in chosen_platforms(environ):
        plugin = plugin_file(name)
        if plugin is None:
            return
        missing = missing_libraries(plugin)
        if not missing:
            return
        first_failure = first_failure or (name, missing)
    if first_failure is not None:
        raise PlaygroundError(remedy(*first_failure))
