"""Undo commands: each changes only the model, then tells the document what changed."""
