"""Exports for lecture notes: the whole trace as one HTML page, the canvas at this step as PNG.

The page holds, for every step, the formulas with their numbers (hovering a
number in a browser shows it in full, as in the app) and a picture of the
canvas at that step, embedded, so the file travels alone.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from playground.gui.backward.canvas_overlay import CanvasOverlay
from playground.gui.backward.formula_panel import frame_html
from playground.gui.backward.frames import MEAN, UPDATE
from playground.gui.backward.legend import legend_html
from playground.gui.backward.minibatch_html import MeanFormulas
from playground.gui.backward.summary_html import SummaryFormulas
from playground.gui.backward.trace_session import TraceSession
from playground.gui.canvas.scene import NetworkScene

PICTURE_SCALE = 2.0  # pixels per scene unit: sharp on a projector and in print
LONGEST_SIDE = 1600  # pixels; a big network is drawn smaller rather than into a huge file
PNG_QUALITY = 80  # Qt's PNG "quality" trades compression for speed; the pictures are line art
MARGIN = 24.0
PAGE_STYLE = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; max-width: 1100px;
       margin: 2em auto; color: #202020; line-height: 1.35; }
section { border-top: 1px solid #d0d0d0; padding-top: 1em; margin-top: 2em; page-break-inside: avoid; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; }
img { max-width: 100%; border: 1px solid #e0e0e0; }
span[title] { border-bottom: 1px dotted #b0b0b0; }
th { text-align: right; padding: 2px 8px; } td { padding: 1px 6px; }
"""


def canvas_picture(
    scene: NetworkScene, overlay: CanvasOverlay, scale: float = PICTURE_SCALE, forward: bool = True
) -> QImage:
    """The network with the overlay as it is now, on white, with the legend underneath."""
    selected = scene.selectedItems()
    for item in selected:
        item.setSelected(False)
    source = overlay.rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    scale = min(scale, LONGEST_SIDE / max(source.width(), source.height(), 1.0))
    legend = QTextDocument()
    legend.setHtml(legend_html(scale, forward))
    legend.setTextWidth(max(200.0, source.width() * scale - 2 * MARGIN))
    legend_height = legend.size().height() + MARGIN
    width = max(1, round(source.width() * scale))
    height = max(1, round(source.height() * scale + legend_height))
    image = QImage(width, height, QImage.Format.Format_RGB32)  # opaque: the fast path of QPainter
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(
        painter,
        QRectF(0, 0, width, source.height() * scale),
        source,
        Qt.AspectRatioMode.KeepAspectRatio,
    )
    painter.translate(QPointF(MARGIN, source.height() * scale))
    legend.drawContents(painter)
    painter.end()
    for item in selected:
        item.setSelected(True)
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", PNG_QUALITY)
    buffer.close()
    return bytes(data)


def trace_page(session: TraceSession, overlay: CanvasOverlay, redraw: Callable[[], None]) -> str:
    """The whole trace as an HTML page, one section per step; the canvas is left as it was."""
    trace, network = session.trace, session.network
    if trace is None:
        raise ValueError(
            session.problem
            or QCoreApplication.translate("TraceExport", "there is no trace to export")
        )
    sample = session.sample.describe(network)
    if session.forward_steps:
        title = QCoreApplication.translate(
            "TraceExport", "Forward and backward pass of {sample} through “{network}”"
        )
    else:
        title = QCoreApplication.translate(
            "TraceExport", "Backward pass of {sample} through “{network}”"
        )
    title = title.format(
        sample=sample,
        network=network.name or QCoreApplication.translate("TraceExport", "the network"),
    )
    sections = []
    try:
        for number, frame in enumerate(session.frames):
            trace = session.trace_for(frame)
            overlay.show(network, trace, frame, session.digits)
            image = canvas_picture(overlay.scene, overlay, forward=session.forward_steps)
            picture = base64.b64encode(png_bytes(image)).decode("ascii")
            if frame.kind == UPDATE:
                batch_size = len(session.traces) if session.minibatch is not None else 0
                body = SummaryFormulas(
                    network, trace, session.digits, all_rows=True, batch_size=batch_size
                ).update(False, loss_after=True)
            elif frame.kind == MEAN and session.minibatch is not None:
                body = MeanFormulas(
                    network, session.minibatch, session.digits, all_rows=True
                ).html()
            else:
                body = frame_html(
                    network,
                    trace,
                    frame,
                    session.digits,
                    session.describe_frame(frame),
                    minibatch=session.minibatch,
                    notation=session.notation,
                    every_term=True,
                )
            label = html.escape(session.label_of(frame))
            alt = QCoreApplication.translate("TraceExport", "the canvas at {step}")
            alt = html.escape(alt.format(step=session.label_of(frame)))
            sections.append(
                f'<section id="step-{number}"><h2>{label}</h2>'
                f'<img alt="{alt}" src="data:image/png;base64,{picture}">'
                f"<div class='formulas'>{body}</div></section>"
            )
    finally:
        redraw()
    # The translator gives the page's language code with the rest of its words.
    language = QCoreApplication.translate("TraceExport", "en", "the HTML page's language code")
    hover = QCoreApplication.translate("TraceExport", "Hover a number to see all its digits.")
    return (
        f"<!DOCTYPE html><html lang='{language}'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{PAGE_STYLE}</style></head><body><h1>{html.escape(title)}</h1>"
        f"<p>{legend_html(forward=session.forward_steps)}</p><p>{hover}</p>"
        + "".join(sections)
        + "</body></html>"
    )


def export_trace_html(
    path: str | Path, session: TraceSession, overlay: CanvasOverlay, redraw: Callable[[], None]
) -> None:
    """Write the trace page to `path` (UTF-8)."""
    Path(path).write_text(trace_page(session, overlay, redraw), encoding="utf-8")


def export_canvas_png(
    path: str | Path, scene: NetworkScene, overlay: CanvasOverlay, forward: bool = True
) -> None:
    """Write the canvas at the current step to `path` as PNG."""
    if not canvas_picture(scene, overlay, forward=forward).save(str(path), "PNG", PNG_QUALITY):
        raise OSError(
            QCoreApplication.translate("TraceExport", "could not write {path}").format(path=path)
        )
