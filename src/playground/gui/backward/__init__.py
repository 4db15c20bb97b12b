"""The backward step-through: one sample's chain rule, one neuron at a time, on the canvas."""
