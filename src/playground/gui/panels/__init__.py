"""Dock panels around the canvas, each its own class."""
