"""The training panels: the training dock with its loss plot, the data dock, the output view."""
