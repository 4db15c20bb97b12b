"""The network drawn on a QGraphicsScene, and the tools that edit it through the document."""
