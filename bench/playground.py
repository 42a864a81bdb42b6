"""The Playground's trainer (``dlviz.playground``) against the same network in PyTorch on the CPU.

``python -m bench.playground`` (also run by ``python -m bench``) prints two tables.

1. Issue 16's target: server time to train 500 epochs of a 2-4-4-1 tanh network (inputs x₁,
   x₂; σ output, binary cross-entropy; mini-batch SGD with batch 10 and η = 0.03, TensorFlow
   Playground's defaults) on 500 points of the circle data set, and to take the page's
   snapshots: the train and test loss after every epoch and, every ``SNAPSHOT_EVERY`` epochs,
   one forward pass over a ``GRID`` × ``GRID`` grid of the plane returning every neuron's
   activation as numpy arrays (the decision surface and the neuron heatmaps). Two rows: the
   page's default split (500 points, half for training: 25 steps per epoch) and 500 training
   points (1,000 points, half for training: 50 steps per epoch). Both sides start from the same
   weights (``init_weights``), visit the same batches in the same order and compute in
   float64, so their final losses must agree to rounding: the difference is printed. Target:
   dlviz faster than PyTorch.
2. The worst legal setting the page allows: 6 hidden layers of 8 ReLU units, all 7 inputs,
   batch 1, 90 % of 500 points for training (450 steps per epoch): milliseconds per epoch
   (the page trains in ticks of a time budget, so this says how many epochs a tick holds).

Medians of ``REPEATS`` runs, one thread each: threadpoolctl limits numpy's BLAS (as
``bench/softmax.py``), ``torch.set_num_threads(1)`` PyTorch's. torch comes from
``requirements-bench.txt``; without it the PyTorch columns say so.
"""

from __future__ import annotations

import numpy as np

from bench.softmax import median_time
from dlviz import playground as pg

SEED, REPEATS = 0, 5
EPOCHS, SNAPSHOT_EVERY, GRID = 500, 10, 40
WORST_EPOCHS = 3


def ours(net: pg.Network, data: pg.Data, epochs: int, every: int | None) -> float:
    """Train ``epochs`` epochs in chunks of ``every`` (a grid snapshot after each, and one
    before); the final training loss."""
    weights = pg.init_weights(net, SEED)
    every = every or epochs
    snapshots = [pg.grid(net, weights, GRID)] if every < epochs else []
    last = np.nan
    for start in range(0, epochs, every):
        run = pg.train(net, weights, data, min(every, epochs - start), SEED, start)
        if run.diverged:
            raise RuntimeError(f"diverged at epoch {run.epochs[-1]}: the timing would be short")
        weights, last = run.weights, run.train_loss[-1]
        if every < epochs:
            snapshots.append(pg.grid(net, weights, GRID))
    return float(last)


def theirs(net: pg.Network, data: pg.Data, epochs: int, every: int | None) -> float | None:
    """The same training and snapshots in PyTorch (float64, one thread) for a classification
    network; the final training loss, or None without torch."""
    if not net.classification:
        raise ValueError("the PyTorch side is written for classification (BCE with logits)")
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    sizes = net.sizes
    activation = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid,
                  "linear": lambda z: z}[net.activation]  # fmt: skip
    F_train = torch.from_numpy(pg.features(data.X_train, net.features))
    F_test = torch.from_numpy(pg.features(data.X_test, net.features))
    y_train, y_test = torch.from_numpy(data.y_train), torch.from_numpy(data.y_test)
    axis = np.linspace(-pg.BOX, pg.BOX, GRID)
    x1, x2 = np.meshgrid(axis, axis)
    F_grid = torch.from_numpy(pg.features(np.column_stack([x1.ravel(), x2.ravel()]), net.features))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    every = every or epochs

    pairs = zip(sizes[:-1], sizes[1:], strict=True)
    layers = [torch.nn.Linear(a, b, dtype=torch.float64) for a, b in pairs]
    with torch.no_grad():
        for layer, (W, b) in zip(layers, pg.init_weights(net, SEED), strict=True):
            layer.weight.copy_(torch.from_numpy(W))
            layer.bias.copy_(torch.from_numpy(b))
    parameters = [p for layer in layers for p in layer.parameters()]
    optimizer = torch.optim.SGD(parameters, lr=net.learning_rate)

    def logits(A):
        for layer in layers[:-1]:
            A = activation(layer(A))
        return layers[-1](A)[:, 0]

    def snapshot():
        with torch.no_grad():
            A, neurons = F_grid, []
            for k, layer in enumerate(layers):
                A = layer(A)
                A = activation(A) if k < len(layers) - 1 else torch.sigmoid(A)
                neurons.append(A.T.reshape(-1, GRID, GRID).numpy())
        return neurons

    def losses():
        with torch.no_grad():
            return (loss_fn(logits(F_train), y_train).item(),
                    loss_fn(logits(F_test), y_test).item())  # fmt: skip

    n, batch = len(y_train), net.batch_size
    history = [losses()]
    snapshots = [snapshot()] if every < epochs else []
    for epoch in range(epochs):
        order = torch.from_numpy(np.random.default_rng([SEED, epoch]).permutation(n))
        Fs, ys = F_train[order], y_train[order]
        for start in range(0, n, batch):
            optimizer.zero_grad()
            loss_fn(logits(Fs[start : start + batch]), ys[start : start + batch]).backward()
            optimizer.step()
        history.append(losses())
        if (epoch + 1) % every == 0 and every < epochs:
            snapshots.append(snapshot())
    return history[-1][0]


def main() -> None:
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        _target()
        _worst()


def _target() -> None:
    print(f"\nPlayground: {EPOCHS} epochs of a 2-4-4-1 tanh network (batch 10, η = 0.03), "
          f"circle data, with the loss after every epoch and a {GRID}×{GRID} snapshot of every "
          f"neuron every {SNAPSHOT_EVERY} epochs; median of {REPEATS}, one thread")  # fmt: skip
    header = (f"{'points (train / test)':<24}{'dlviz':>10}{'PyTorch CPU':>13}{'ratio':>8}"
              f"{'µs/step dlviz':>15}{'PyTorch':>9}{'final loss dlviz':>18}{'PyTorch':>14}"
              f"{'|difference|':>14}")  # fmt: skip
    print(header)
    net = pg.Network(("x1", "x2"), (4, 4), "tanh", "classification", learning_rate=0.03,
                     batch_size=10)  # fmt: skip
    for n in (500, 1000):
        data = pg.dataset("circle", n, 0.0, 0.5, SEED)
        steps = EPOCHS * -(-len(data.y_train) // net.batch_size)
        seconds, loss = median_time(lambda: ours(net, data, EPOCHS, SNAPSHOT_EVERY), REPEATS)  # noqa: B023
        label = f"{len(data.y_train)} / {len(data.y_test)}"
        row = f"{label:<24}{seconds * 1e3:>8.0f}ms"
        their_seconds, their_loss = median_time(
            lambda: theirs(net, data, EPOCHS, SNAPSHOT_EVERY),  # noqa: B023
            REPEATS,
        )
        if their_loss is None:
            print(f"{row}{'(no torch)':>13}{'':>8}{seconds / steps * 1e6:>15.1f}")
            continue
        print(f"{row}{their_seconds * 1e3:>11.0f}ms{their_seconds / seconds:>7.1f}×"
              f"{seconds / steps * 1e6:>15.1f}{their_seconds / steps * 1e6:>9.1f}"
              f"{loss:>18.10f}{their_loss:>14.10f}{abs(loss - their_loss):>14.1e}")  # fmt: skip
    print("  (per step: the total over the SGD steps, snapshots and per-epoch losses included)")


def _worst() -> None:
    net = pg.Network(pg.FEATURES, (8,) * 6, "relu", "classification", learning_rate=0.01,
                     batch_size=1)  # fmt: skip
    data = pg.dataset("spiral", 500, 0.0, 0.9, SEED)
    seconds, _ = median_time(lambda: ours(net, data, WORST_EPOCHS, None), REPEATS)
    their_seconds, their_loss = median_time(lambda: theirs(net, data, WORST_EPOCHS, None), REPEATS)
    print(f"\n{'worst legal setting (ms per epoch)':<60}{'dlviz':>10}{'PyTorch CPU':>13}")
    label = f"6×8 ReLU, 7 inputs, batch 1, {len(data.y_train)} training points"
    mine = f"{seconds / WORST_EPOCHS * 1e3:>8.1f}ms"
    other = "(no torch)" if their_loss is None else f"{their_seconds / WORST_EPOCHS * 1e3:.1f}ms"
    print(f"{label:<60}{mine}{other:>13}")


if __name__ == "__main__":
    main()
