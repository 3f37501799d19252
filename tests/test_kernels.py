"""Kernels forked from the report runner: the notebook sees what a new kernel would (its folder,
its environment, the inline matplotlib backend) plus the modules loaded once before the fork."""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat

from devzones import kernels, runner

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}

PROBE = """
import json, os, sys
import matplotlib
with open("probe.json", "w") as f:
    json.dump({
        "preloaded": "devzones.plotting" in sys.modules,
        "cwd": os.getcwd(),
        "parent": os.environ.get("JPY_PARENT_PID"),
        "backend": matplotlib.get_backend(),
        "pid": os.getpid(),
    }, f)
"""


def _notebook(path, *sources: str) -> None:
    cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC}), path)


def test_a_notebook_runs_in_a_forked_kernel_that_looks_like_a_new_one(tmp_path) -> None:
    _notebook(tmp_path / "probe.ipynb", PROBE)
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    job = runner.Job("zones", tmp_path / "probe.ipynb")
    (result,) = runner.execute_all([job], run_dir, preload=("devzones.plotting",))

    assert result.ok, result.error
    probe = json.loads((run_dir / "probe.json").read_text())
    assert probe["preloaded"] is True  # imported once before the fork, not by the notebook
    assert probe["cwd"] == str(run_dir)
    assert probe["parent"] not in (None, "0")
    assert probe["backend"] == "module://matplotlib_inline.backend_inline"
    assert (run_dir / "zones.html").is_file()


FORKS = """
import io, sys
from pathlib import Path
from tqdm import tqdm
from devzones import runner

with tqdm(total=1, file=io.StringIO()) as bar:
    bar.update()
assert tqdm.monitor is not None and tqdm.monitor.is_alive()
contexts = []
real = runner.get_context
runner.get_context = lambda method: contexts.append(method) or real(method)
job = runner.Job("zones", Path(sys.argv[1]))
(result,) = runner.execute_all([job], Path(sys.argv[2]))
assert result.ok, result.error
print(contexts)
"""


def test_workers_are_forked_after_a_progress_bar(tmp_path) -> None:
    """A progress bar leaves tqdm's monitor thread running; the runner stops it rather than
    falling back to spawning workers that each import papermill and nbconvert again. Run in a
    process of its own: this test process has threads of other tests."""
    _notebook(tmp_path / "empty.ipynb", "")
    done = subprocess.run(
        [sys.executable, "-c", FORKS, str(tmp_path / "empty.ipynb"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['fork']"


def test_a_kernel_that_dies_fails_its_notebook_only(tmp_path) -> None:
    _notebook(tmp_path / "dies.ipynb", "import os\nos._exit(3)", "print('never reached')")
    _notebook(tmp_path / "lives.ipynb", "x = 1")
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    jobs = [
        runner.Job("zones", tmp_path / "dies.ipynb"),
        runner.Job("chains", tmp_path / "lives.ipynb"),
    ]
    dies, lives = runner.execute_all(jobs, run_dir)
    assert not dies.ok and "Dead" in (dies.error or "")
    assert lives.ok, lives.error


def test_an_unused_forked_kernel_exits_when_closed() -> None:
    child = kernels.ForkedKernel()
    assert child.poll() is None  # waiting for its command line
    child.close()
    assert child.returncode == 0


def test_only_this_pythons_own_launcher_is_forked() -> None:
    argv = ["-f", "kernel.json", "--IPKernelApp.log_level=ERROR"]
    own = [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", *argv]
    assert kernels._own_launcher(own) == argv
    assert kernels._own_launcher(["/nonexistent/python", "-m", "ipykernel_launcher", *argv]) is None
    assert kernels._own_launcher([sys.executable, "-m", "other_kernel", *argv]) is None
