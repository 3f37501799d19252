"""The notebook runner behind ``devzones report``: each notebook is executed with papermill in its
own worker process on this venv's kernel (on Linux a kernel forked from a process that loaded
the notebooks' modules once: ``devzones.kernels``), all of them in parallel, and exported to one
self-contained HTML page (code hidden, images and table scripts embedded, nothing fetched when
the page opens). It knows nothing of corpora or tables and imports neither pandas nor the
extractors itself (the caller names what its notebooks import), so the benchmark's
empty-notebook floor runs exactly this path with empty notebooks.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tqdm import tqdm

import devzones

if TYPE_CHECKING:
    from nbconvert import HTMLExporter

KERNEL = "python3"
LIB_DIR = Path(devzones.__file__).resolve().parents[1]
VENV_JUPYTER = Path(sys.prefix) / "share" / "jupyter"


@dataclass
class ThemeResult:
    theme: str
    ok: bool
    seconds: float
    error: str | None = None


@dataclass(frozen=True)
class Job:
    """One notebook to run: its theme (the name of its executed copy, page and output folder),
    the notebook file and the parameters papermill injects."""

    theme: str
    notebook: Path
    parameters: Mapping[str, object] = field(default_factory=dict)


# ---------------------------------------------------------------- loading the executor


@contextmanager
def _without_iri_parser() -> Iterator[None]:
    """Import inside this block without jsonschema's IRI format checker. papermill and nbconvert
    validate notebooks with jsonschema, which, when rfc3987-syntax is installed (JupyterLab
    brings it), compiles that package's Earley grammar on import: about a second, for a format
    the notebook schema never uses. The block only hides the module; it stays importable."""
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        yield
        return
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        yield
    finally:
        del sys.modules["rfc3987_syntax"]


_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block extra_css -%}
<style>
body { font-family: system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", sans-serif; }
</style>
{%- endblock extra_css -%}
"""


@cache
def html_exporter() -> HTMLExporter:
    """The exporter every page is made with (built once per process): no code, no prompts,
    images inline, and none of the lab template's CDN scripts (require.js, MathJax, mermaid,
    widgets)."""
    import jinja2

    with _without_iri_parser():
        from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"devzones.html.j2": _TEMPLATE})],
        template_file="devzones.html.j2",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )


def load_executor(preload: Sequence[str] = ()) -> None:
    """Import papermill and nbconvert and ready the exporter (its templates compiled, its page
    parsing warmed up on an empty notebook) in this process, so that worker processes forked
    from it share all of that instead of each paying for it. Where kernels are forked (see
    ``devzones.kernels``), the kernel and the ``preload`` modules the notebooks import are
    loaded here too."""
    with _without_iri_parser():
        import nbformat
        import papermill  # noqa: F401

    exporter = html_exporter()
    exporter.from_notebook_node(nbformat.v4.new_notebook(), resources={"metadata": {"name": ""}})
    from devzones import kernels

    if kernels.can_fork():
        kernels.preload(preload)


def export_html(notebook: Path, target: Path, title: str) -> None:
    """The executed notebook as one self-contained page (see ``html_exporter``)."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    body, _ = html_exporter().from_notebook_node(nb, resources={"metadata": {"name": title}})
    target.write_text(body, encoding="utf-8")


# ---------------------------------------------------------------- running notebooks


def execute_theme(
    notebook: str, run_dir: str, theme: str, parameters: dict, preload: Sequence[str] = ()
) -> ThemeResult:
    """Run one notebook in its own process and export it; a failure is recorded, not raised,
    and the executed copy (with the failing cell) is kept and exported all the same. The copy is
    written when the notebook ends or a cell fails, so a kernel that dies mid-run leaves none
    (its error is still recorded)."""
    with _without_iri_parser():
        import papermill

    from devzones import kernels

    # the kernel imports this very library and runs on this venv's kernelspec, even when the
    # user has another "python3" kernelspec of their own (JUPYTER_PATH is searched first)
    for name, first in (("PYTHONPATH", LIB_DIR), ("JUPYTER_PATH", VENV_JUPYTER)):
        os.environ[name] = os.pathsep.join(p for p in (str(first), os.environ.get(name)) if p)
    started = time.monotonic()
    executed = Path(run_dir) / f"{theme}.ipynb"
    error = None
    # forked now, while this worker has one thread and no event loop
    forked = kernels.fork_kernel(preload) if kernels.can_fork() else None
    manager = kernels.ForkedKernelManager if forked else None
    try:
        papermill.execute_notebook(
            notebook,
            executed,
            parameters=parameters,
            kernel_name=KERNEL,
            cwd=run_dir,
            progress_bar=False,
            # written once at the end (and on a failing cell), not after every cell: a notebook
            # with its table library embedded is a megabyte of JSON per save
            request_save_on_cell_execute=False,
            # stopped at once when the last cell is done (every file it writes is written by
            # then): a graceful shutdown waits on the kernel, at times for seconds
            shutdown_kernel="immediate",
            # the kernel is local and its messages signed, so its plain-TCP warning is noise;
            # it keeps no input history (parallel kernels would share one SQLite file)
            extra_arguments=["--IPKernelApp.log_level=ERROR", "--HistoryManager.enabled=False"],
            **({"kernel_manager_class": manager} if manager else {}),
        )
    except papermill.PapermillExecutionError as exc:
        error = f"{exc.ename}: {exc.evalue}"
    except Exception as exc:  # a kernel that dies or never starts fails this theme only
        error = f"{type(exc).__name__}: {exc}"
    finally:
        if forked:
            forked.close()
    if executed.exists():
        try:
            export_html(executed, Path(run_dir) / f"{theme}.html", theme)
        except Exception as exc:
            error = error or f"HTML export failed: {type(exc).__name__}: {exc}"
    return ThemeResult(theme, error is None, round(time.monotonic() - started, 1), error)


def execute_all(
    jobs: Sequence[Job], run_dir: Path, progress: bool = False, preload: Sequence[str] = ()
) -> list[ThemeResult]:
    """Run every job in parallel worker processes (one each) with ``run_dir`` as the working
    folder; the results come back in the order of ``jobs``. ``preload``: modules the notebooks
    import, loaded once for all their kernels where kernels are forked."""
    # On Linux the workers are forked after the executor is loaded here, so they share its
    # imports and compiled templates instead of each paying for them; a process already
    # running other threads (a host application) is not forked. tqdm's monitor thread, left
    # by an earlier progress bar, only tunes bar refresh rates: it is stopped, not counted.
    load_executor(preload)
    if tqdm.monitor is not None:
        tqdm.monitor.exit()
    fork = sys.platform == "linux" and threading.active_count() == 1
    context = get_context("fork" if fork else "spawn")
    results: dict[str, ThemeResult] = {}
    with ProcessPoolExecutor(len(jobs), mp_context=context) as pool:
        futures = [
            pool.submit(
                execute_theme, str(j.notebook), str(run_dir), j.theme, dict(j.parameters), preload
            )
            for j in jobs
        ]
        bar = tqdm(total=len(futures), desc="report", unit="notebook", disable=not progress)
        for future in as_completed(futures):
            result = future.result()
            results[result.theme] = result
            bar.set_postfix_str(f"{result.theme} {'ok' if result.ok else 'FAILED'}")
            bar.update()
        bar.close()
    return [results[j.theme] for j in jobs]


def exit_without_teardown(code: int) -> NoReturn:
    """Run the exit handlers, flush, and end the process without freeing every module: after a
    report (pandas, matplotlib, IPython, nbconvert loaded) that teardown takes 0.3 s of 3.5 s,
    once every file is written and closed."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe or stream: nothing left to say
            stream.flush()
    os._exit(code)
