"""Plane geometry the canvas and the overlay share: whether a segment passes through a box."""

from PySide6.QtCore import QLineF, QRectF


def crosses(line: QLineF, rect: QRectF) -> bool:
    """Whether the segment `line` passes through `rect` (Liang–Barsky clipping)."""
    x0, y0, dx, dy = line.x1(), line.y1(), line.dx(), line.dy()
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x0 - rect.left()),
        (dx, rect.right() - x0),
        (-dy, y0 - rect.top()),
        (dy, rect.bottom() - y0),
    ):
        if p == 0:
            if q < 0:
                return False  # parallel to this edge and outside it
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True
