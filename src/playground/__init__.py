"""NN Playground: build a neural network by hand and watch it learn."""

__version__ = "0.1.0"
