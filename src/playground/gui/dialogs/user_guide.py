"""Help ▸ User Guide: the guide that ships in the package, with its pictures, in a window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QPixmap, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from playground.model.examples import resources_folder


def guide_path() -> Path:
    """The user guide's Markdown inside the installed package."""
    return resources_folder() / "guide" / "user-guide.md"


class UserGuideWindow(QDialog):
    """The guide as a page with pictures; it stays open beside the main window while you try things."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("NN Playground User Guide"))
        self.setModal(False)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.pictures: dict[str, QPixmap] = {}  # each picture at its own size, by its link
        path = guide_path()
        if path.is_file():
            self.browser.setSource(
                QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
            )
        else:
            self.browser.setPlainText(
                self.tr(
                    "The user guide is not installed with this copy of NN Playground ({path})."
                ).format(path=path)
            )
        # Pictures are screenshots of the whole window: shown at full size they would
        # need side-scrolling and look like the live app, so they shrink to the page.
        self.browser.viewport().installEventFilter(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(960, 760)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.browser.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_pictures()
        return False

    def fit_pictures(self) -> None:
        """Give every picture the page's width, or its own where that is narrower.

        The picture is scaled here, smoothly: the text layout would scale it by dropping pixels."""
        document = self.browser.document()
        page = self.browser.viewport().width() - 2 * document.documentMargin() - 16
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.charFormat().isImageFormat():
                    picture = fragment.charFormat().toImageFormat()
                    natural = self._picture(picture.name())
                    if natural is not None:
                        width = max(64, min(natural.width(), int(page)))
                        if picture.width() != width:
                            scaled = natural.scaledToWidth(
                                width, Qt.TransformationMode.SmoothTransformation
                            )
                            document.addResource(
                                QTextDocument.ResourceType.ImageResource,
                                QUrl(picture.name()),
                                scaled,
                            )
                            picture.setWidth(width)
                            picture.setHeight(scaled.height())
                            cursor.setPosition(fragment.position())
                            cursor.setPosition(
                                fragment.position() + fragment.length(),
                                QTextCursor.MoveMode.KeepAnchor,
                            )
                            cursor.setCharFormat(picture)
                fragments += 1
            block = block.next()

    def _picture(self, name: str) -> QPixmap | None:
        if name not in self.pictures:
            loaded = self.browser.document().resource(
                QTextDocument.ResourceType.ImageResource, QUrl(name)
            )
            if not isinstance(loaded, QPixmap) or loaded.isNull():
                return None
            self.pictures[name] = loaded
        return self.pictures[name]
