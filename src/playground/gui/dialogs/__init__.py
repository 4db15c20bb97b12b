"""Modal dialogs of the editor."""
