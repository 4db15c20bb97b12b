"""The PyTorch script: the engine's forward pass, loss and full-batch training, in torch alone."""

import ast
import importlib.util
import json
import os
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.trainer import Trainer
from playground.export.pytorch import pytorch_script
from playground.model.dataset import Dataset
from playground.model.errors import ExportError
from playground.model.examples import example_path
from playground.model.network import Network
from playground.model.network_file import load_network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings
from tests.engine.random_networks import random_networks, samples

if os.environ.get("CI") and importlib.util.find_spec("torch") is None:
    # CI must install torch (the CPU build): there, these tests may never quietly skip.
    raise ImportError("torch is not installed, and under CI the PyTorch export must be tested")
torch = pytest.importorskip("torch")

# What the script may import: the standard library it needs and torch, never playground.
ALLOWED_IMPORTS = {"argparse", "json", "math", "os", "sys", "time", "torch"}


def exported(network: Network, name: str = "net.json") -> dict:
    """The script's namespace, as if imported as a module (main() not run)."""
    namespace = {"__name__": "exported_network"}
    # The script is ours, just generated: running it in-process is the point of the test.
    exec(compile(pytorch_script(network, name), name, "exec"), namespace)  # noqa: S102
    return namespace


def engine_losses(network: Network, epochs: int) -> tuple[list[float], list[float]]:
    trainer = Trainer(network)
    trainer.run(until_epoch=epochs)
    assert trainer.divergence is None
    return trainer.history.train_loss, trainer.history.test_loss


def full_batch(network: Network, **settings) -> Network:
    """The network trained on its whole training set as one batch an epoch."""
    network = network.copy()
    size = len(network.data.train_x)
    network.training = replace(network.training, batch_size=size, **settings)
    return network


def write_script(network: Network, folder: Path, name: str = "exported.py") -> Path:
    path = folder / name
    path.write_text(pytorch_script(network, "net.json"), encoding="utf-8")
    return path


def run_json(command: list[str], timeout: float = 120) -> dict:
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1])


# ------------------------------------------------------------------ the forward pass and loss


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_forward_and_loss_equal_the_engine_on_any_dag(data):
    network = data.draw(random_networks())
    x, t = data.draw(samples(network, 4))
    module = exported(network)
    model = module["Network"]()

    compiled = CompiledNetwork(network)
    run = compiled.forward(x)
    with torch.no_grad():
        z, y = model.outputs_z_and_y(torch.tensor(x))
        outputs = model(torch.tensor(x))
        losses = module["loss_per_sample"](z, y, torch.tensor(t))
    assert outputs.dtype == torch.float64
    assert outputs.shape == (4, len(network.output_ids()))
    np.testing.assert_allclose(outputs.numpy(), compiled.outputs(run), rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(
        losses.numpy(), compiled.sample_losses(run, t), rtol=1e-10, atol=1e-10
    )


@pytest.mark.parametrize("name", sorted(ACTIVATION_FUNCTIONS))
def test_each_activation_and_its_derivative_are_the_engines(name):
    """f and autograd's f' against the engine's f and f', at the kinks and far out, where
    torch's own shortcuts (softplus returning z above 20) would differ."""
    network = Network()
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("o1", "output", name, 0.0))
    network.connect("i1", "o1", 1.0)
    f = exported(network)[name]
    z = np.concatenate([np.linspace(-60.0, 60.0, 2401), [0.0, -0.0, 5e-324, 700.0, -700.0]])
    z_torch = torch.tensor(z, requires_grad=True)
    y = f(z_torch)
    (dy_dz,) = torch.autograd.grad(y.sum(), z_torch)
    activation = ACTIVATION_FUNCTIONS[name]
    expected = activation.f(z)
    np.testing.assert_allclose(y.detach().numpy(), expected, rtol=1e-14, atol=1e-300)
    # f' to round-off: where f' is far below 1, torch's y(1 − y) and 1 − y² round to 0 or to
    # a multiple of 1e-16 where the engine's σ(z)σ(−z) keeps the tiny value.
    np.testing.assert_allclose(dy_dz.numpy(), activation.df(z, expected), rtol=1e-12, atol=1e-15)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_full_batch_training_equals_the_engines_on_any_dag(data):
    """Every gradient, masked weight, dead neuron, momentum, l2 and l1 step, through the losses."""
    network = data.draw(random_networks())
    x, t = data.draw(samples(network, 5))
    network.data = Dataset(train_x=x, train_y=t, test_x=x[:2], test_y=t[:2])
    network = full_batch(
        network,
        learning_rate=data.draw(st.sampled_from([0.05, 0.3])),
        momentum=data.draw(st.sampled_from([0.0, 0.9])),
        l2=data.draw(st.sampled_from([0.0, 0.01])),
        l1=data.draw(st.sampled_from([0.0, 0.02])),
    )
    module = exported(network)
    model = module["Network"]()
    train_loss, test_loss, _ = module["train"](model, 3)

    trainer = Trainer(network)
    trainer.run(until_epoch=3)
    np.testing.assert_allclose(train_loss, trainer.history.train_loss, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(test_loss, trainer.history.test_loss, rtol=1e-9, atol=1e-9)
    # Every weight and bias too, those of neurons that reach no output (and so leave the
    # losses alone) included: the engine's trained network, exported, has the same state.
    trained = network.copy()
    trainer.store_parameters(trained)
    expected = exported(trained)["Network"]().state_dict()
    # With l1, a weight whose data gradient is exactly 0 steps by η·l1 towards 0 and can land
    # on it: exactly in the engine, within round-off in torch (its SGD adds with a fused
    # multiply-add), where sign(w) is round-off's choice. Such a weight stays within its few
    # l1 steps of 0 in both (η·l1·(3 + 2m + m²) over three epochs, at most 6·η·l1).
    settings = network.training
    kink = 6 * settings.learning_rate * settings.l1
    for key, value in model.state_dict().items():
        ours, theirs = value.numpy(), expected[key].numpy()
        if key.endswith("weight"):
            at_kink = (np.abs(ours) <= kink) & (np.abs(theirs) <= kink)
            ours, theirs = np.where(at_kink, 0.0, ours), np.where(at_kink, 0.0, theirs)
        np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-9)
    for level in model.levels():
        if hasattr(level, "mask"):  # weights without a connection stay exactly 0
            assert torch.all(level.weight[level.mask == 0] == 0)


def test_a_layered_network_is_plain_linear_layers():
    module = exported(load_network(example_path("circle")))
    model = module["Network"]()
    assert all(type(level) is torch.nn.Linear for level in model.levels())
    assert "MaskedLinear" not in module


def test_a_dag_is_one_masked_linear_per_level_never_one_op_per_connection():
    network = load_network(example_path("skip_connection"))
    network.connect("i1", "o2", 0.3)  # o2 now reads the inputs and level 1
    module = exported(network)
    model = module["Network"]()
    levels = CompiledNetwork(network).levels[1:]
    assert len(model.levels()) == len(levels) < len(network.connections)
    assert [type(level).__name__ for level in model.levels()] == ["Linear", "MaskedLinear"]
    assert model.levels()[1].mask.tolist() == [[1.0, 0.0, 1.0, 1.0, 1.0, 1.0]]


def test_the_weights_and_data_are_written_exactly():
    """Generated data is written out, every float to the bit."""
    network = load_network(example_path("spiral"))
    module = exported(network)
    model = module["Network"]()
    x, t = module["table"](module["TRAIN"])
    assert np.array_equal(x.numpy(), network.data.train_x)
    assert np.array_equal(t.numpy(), network.data.train_y)
    x_test, _ = module["table"](module["TEST"])
    assert np.array_equal(x_test.numpy(), network.data.test_x)
    compiled = CompiledNetwork(network)
    for level, engine_level in zip(model.levels(), compiled.levels[1:]):
        # A layered network's level reads the previous level in the engine's column order.
        assert np.array_equal(level.weight.detach().numpy().T, engine_level.weights)
        assert np.array_equal(level.bias.detach().numpy(), engine_level.biases)


def test_awkward_ids_and_names_stay_in_their_comments():
    network = Network(name='a """name"""\nwith\\N{lines}')
    for neuron_id, role in (('i"""\n', "input"), ("h\\N{x}\r", "hidden"), ("o'#", "output")):
        activation = None if role == "input" else "tanh"
        network.add_neuron(Neuron(neuron_id, role, activation, None if role == "input" else 0.5))
    network.connect('i"""\n', "h\\N{x}\r", 0.25)
    network.connect("h\\N{x}\r", "o'#", -1.5)
    module = exported(network, 'odd"""\nname.json')
    assert module["INPUT_NEURONS"] == ['i"""\n']
    assert module["OUTPUT_NEURONS"] == ["o'#"]
    value = module["Network"]()(torch.tensor([[2.0]], dtype=torch.float64))
    assert value.item() == pytest.approx(np.tanh(-1.5 * np.tanh(0.5 + 0.25 * 2.0) + 0.5))


def test_a_network_without_an_output_neuron_is_refused():
    network = Network()
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("h1", "hidden", "tanh", 0.0))
    network.connect("i1", "h1", 1.0)
    with pytest.raises(ExportError, match="no output neuron"):
        pytorch_script(network, "net.json")


def test_a_network_without_data_exports_and_says_it_has_nothing_to_train_on(capsys):
    network = load_network(example_path("xor"))
    network.data = None
    module = exported(network)
    assert module["Network"]()(torch.zeros((3, 2), dtype=torch.float64)).shape == (3, 1)
    assert module["main"]([]) == 1
    assert "no training data" in capsys.readouterr().err


def test_the_script_imports_only_torch_and_the_standard_library():
    script = pytorch_script(load_network(example_path("skip_connection")), "net.json")
    imported = set()
    for node in ast.walk(ast.parse(script)):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert imported <= ALLOWED_IMPORTS


# ------------------------------------------------------------------ the script as users run it


def test_the_script_runs_without_playground_and_trains_like_playground_train(tmp_path):
    """`python script --epochs 5 --json` against `playground train --epochs 5 --json`."""
    network = full_batch(load_network(example_path("xor")))
    from playground.model.network_file import save_network

    save_network(network, tmp_path / "xor.json")
    script = write_script(network, tmp_path)
    # playground cannot be imported by the script, even though it is installed here.
    blocked = (
        "import runpy, sys; sys.modules['playground'] = None; "
        f"sys.argv = [{str(script)!r}] + sys.argv[1:]; runpy.run_path(sys.argv[0], "
        "run_name='__main__')"
    )
    out = tmp_path / "trained.pt"
    ours = run_json([sys.executable, "-c", blocked, "--epochs", "5", "--json", "--out", str(out)])
    theirs = run_json(
        [sys.executable, "-m", "playground", "train", str(tmp_path / "xor.json"), "--epochs", "5"]
        + ["--json"]
    )
    assert ours.keys() == theirs.keys()
    assert ours["epochs"] == 5
    np.testing.assert_allclose(ours["train_loss"], theirs["train_loss"], rtol=0, atol=1e-9)
    assert ours["test_loss"] == theirs["test_loss"] == []
    assert ours["out"] == str(out)
    state = torch.load(out)
    assert set(state) == {"level_1.weight", "level_1.bias", "level_2.weight", "level_2.bias"}


def test_l1_trains_like_playground_train(tmp_path):
    """The script adds L1·Σ|w| to its loss; `playground train` steps by l1·sign(w): the same."""
    from playground.model.network_file import save_network

    network = full_batch(load_network(example_path("xor")), momentum=0.5, l1=0.01)
    save_network(network, tmp_path / "xor.json")
    script = write_script(network, tmp_path)
    assert "L1 = 0.01" in script.read_text(encoding="utf-8")
    ours = run_json([sys.executable, str(script), "--epochs", "5", "--json"])
    theirs = run_json(
        [sys.executable, "-m", "playground", "train", str(tmp_path / "xor.json"), "--epochs", "5"]
        + ["--json"]
    )
    np.testing.assert_allclose(ours["train_loss"], theirs["train_loss"], rtol=0, atol=1e-9)
    # And L1 did something: without it the losses are others.
    without = engine_losses(full_batch(network, l1=0.0), 5)[0]
    assert np.max(np.abs(np.array(without) - ours["train_loss"])) > 1e-6


@pytest.mark.parametrize(
    "name, settings",
    [
        ("spiral", {"momentum": 0.9, "l2": 0.01}),
        ("sine", {"momentum": 0.9, "l1": 0.001, "l2": 0.001}),
        ("skip_connection", {"momentum": 0.5, "l2": 0.003, "learning_rate": 0.2}),
        ("sine", {}),
    ],
)
def test_full_batch_train_loss_equals_the_engines_to_1e_9(tmp_path, name, settings):
    network = full_batch(load_network(example_path(name)), **settings)
    ours = run_json(
        [sys.executable, str(write_script(network, tmp_path)), "--epochs", "5"] + ["--json"]
    )
    train_loss, test_loss = engine_losses(network, 5)
    assert ours["epochs"] == 5
    np.testing.assert_allclose(ours["train_loss"], train_loss, rtol=0, atol=1e-9)
    np.testing.assert_allclose(ours["test_loss"], test_loss, rtol=0, atol=1e-9)


@pytest.mark.skipif(
    not hasattr(TrainingSettings(), "update_biases"), reason="update_biases is not a setting yet"
)
def test_fixed_biases_stay_fixed_and_train_like_the_engine():
    network = full_batch(load_network(example_path("skip_connection")), momentum=0.5, l2=0.01)
    network.training = replace(network.training, update_biases=False)
    for neuron in network.neurons:
        if not neuron.is_input:
            network.set_bias(neuron.id, 0.25)
    module = exported(network)
    model = module["Network"]()
    train_loss, _, _ = module["train"](model, 4)
    np.testing.assert_allclose(train_loss, engine_losses(network, 4)[0], rtol=0, atol=1e-9)
    assert all(torch.all(level.bias == 0.25) for level in model.levels())


def test_divergence_exits_1_and_writes_nothing(tmp_path):
    network = full_batch(load_network(example_path("sine")), learning_rate=1e150)
    out = tmp_path / "trained.pt"
    done = subprocess.run(
        [sys.executable, str(write_script(network, tmp_path)), "--out", str(out)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "The loss became" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _torchrun(script: Path, *arguments: str) -> dict:
    command = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node=2"]
    command += [f"--master_port={_free_port()}", str(script), *arguments]
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    reports = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(reports) == 1, done.stdout  # rank 0 alone reports
    assert "training on 2 processes (DistributedDataParallel, gloo)" in done.stderr
    return json.loads(reports[0])


def test_torchrun_trains_with_ddp_and_takes_the_same_steps(tmp_path):
    """Two processes, each on its share of every minibatch (odd and empty shares too), and a
    level that feeds no output; the losses are the one-process run's."""
    network = load_network(example_path("skip_connection"))
    # A neuron on a level of its own that no output reads: DDP sees parameters without gradient.
    network.add_neuron(Neuron("dead", "hidden", "relu", 0.1))
    network.connect("o1", "dead", 0.7)
    # 25 samples in batches of 8: the last batch of each epoch is 1 sample, and one process's
    # share of it is empty.
    network.training = replace(network.training, batch_size=8, momentum=0.5, l2=0.01, l1=0.003)
    script = write_script(network, tmp_path)
    arguments = ("--epochs", "4", "--json")
    alone = run_json([sys.executable, str(script), *arguments])
    together = _torchrun(script, *arguments)
    np.testing.assert_allclose(together["train_loss"], alone["train_loss"], rtol=0, atol=1e-9)
    np.testing.assert_allclose(together["test_loss"], alone["test_loss"], rtol=0, atol=1e-9)

    full = full_batch(load_network(example_path("spiral")), momentum=0.9)
    together = _torchrun(write_script(full, tmp_path, "full.py"), "--epochs", "3", "--json")
    np.testing.assert_allclose(together["train_loss"], engine_losses(full, 3)[0], atol=1e-9)
