"""Plane geometry the canvas and the overlay share: whether a segment passes through a box."""

from PySide6.QtCore import QLineF, QRectF


def crosses(line: QLineF, rect: QRectF) -> bool:
    """Whether the segment `line` passes through `rect` (Liang–Barsky clipping)."""
    return segment_crosses(
        line.x1(),
        line.y1(),
        line.dx(),
        line.dy(),
        rect.left(),
        rect.top(),
        rect.right(),
        rect.bottom(),
    )


def segment_crosses(
    x0: float, y0: float, dx: float, dy: float, left: float, top: float, right: float, bottom: float
) -> bool:
    """`crosses` on plain numbers: the segment from (x0, y0) along (dx, dy), and a box's edges."""
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
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
