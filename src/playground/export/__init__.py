"""Bridges to where users go next: a PyTorch script and an ONNX model out, an ONNX model in.

Reads the model, imports no Qt; `torch` is never needed to write a script, and `onnx` (an
optional extra) is imported only when an ONNX model is written or read.
"""

from playground.model.errors import ExportError
from playground.model.network import Network

FORMATS = ("pytorch", "onnx")


def onnx_missing() -> str | None:
    """Why ONNX models cannot be written or read here (the extra is missing), or None."""
    from playground.export.onnx_export import onnx_missing as missing

    return missing()


def exported_bytes(network: Network, form: str, source_name: str) -> bytes:
    """The network as a PyTorch script ("pytorch") or an ONNX model ("onnx"); ExportError
    when it cannot be, or when the onnx extra is missing."""
    if form == "pytorch":
        from playground.export.pytorch import pytorch_script

        return pytorch_script(network, source_name).encode("utf-8")
    missing = onnx_missing()
    if missing:
        raise ExportError(missing)
    from playground.export.onnx_export import onnx_model_bytes

    return onnx_model_bytes(network, source_name)


def imported_network(path: str) -> Network:
    """The network an ONNX model holds; ExportError when it cannot be read or the extra is missing."""
    missing = onnx_missing()
    if missing:
        raise ExportError(missing)
    from playground.export.onnx_import import network_from_onnx

    return network_from_onnx(path)
