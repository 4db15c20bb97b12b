"""The fixed words of the file format: roles, activations, losses, generators."""

ROLES = ("input", "hidden", "output")

# The order is the order menus show them in.
ACTIVATIONS = (
    "linear",
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "elu",
    "softplus",
    "swish",
    "sin",
)

LOSSES = ("squared_error", "binary_cross_entropy")

CLASSIFICATION_GENERATORS = ("circle", "xor", "gauss", "spiral")
REGRESSION_GENERATORS = ("plane", "multi_gauss", "sine")
GENERATORS = CLASSIFICATION_GENERATORS + REGRESSION_GENERATORS

DEFAULT_ACTIVATION = "tanh"
