"""Words the libraries we build on show in our window, given to Qt's translation with ours.

pyqtgraph asks `QCoreApplication.translate` for its own menu words under its own
contexts; listing them here lets `tools/update_translations.py` extract them into our
.ts, so a plot's right-click menu speaks the user's language too. Nothing calls this
module: lupdate reads it.
"""

from playground.translation import QT_TRANSLATE_NOOP

PYQTGRAPH_WORDS = (
    QT_TRANSLATE_NOOP("GraphicsScene", "Export..."),
    QT_TRANSLATE_NOOP("ViewBox", "View All"),
    QT_TRANSLATE_NOOP("ViewBox", "ViewBox options"),
    QT_TRANSLATE_NOOP("ViewBox", "Mouse Mode"),
    QT_TRANSLATE_NOOP("PlotItem", "Plot Options"),
)
