"""The report build's floor: ``devzones report`` with its notebooks replaced by ``empty.ipynb``
(only the parameters cell the theme notebooks open with). It runs them through the report's own
runner, ``devzones.runner.execute_all``: one worker process per notebook, all in parallel,
papermill on the same kernel with the same parameters, and the same HTML export. So the ratio
report / floor shows what the report's own work costs (reading the corpus, its tables, charts,
workbooks) beyond starting kernels and rendering pages. ``--notebooks 3`` (the default) is the
report's three notebooks; ``--notebooks 1`` is the older one-notebook figure. The runner imports
neither pandas nor the extractors, so neither is counted here. Run as a subprocess by ``run.py``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from devzones.runner import Job, execute_all, exit_without_teardown

NOTEBOOK = Path(__file__).resolve().parent / "empty.ipynb"
THEMES = ("zones", "chains", "investment")  # the report's notebooks, in its order
# what devzones report passes each notebook with its default parameters
PARAMETERS = {"focus_zone": None, "since": None, "until": None, "top_n": 15, "script": "simplified"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the executed notebooks")
    parser.add_argument(
        "--notebooks", type=int, choices=(1, 2, 3), default=3, help="how many (default 3)"
    )
    parser.add_argument("--corpus", default="seeds", help="the corpus_dir parameter passed")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    jobs = [
        Job(
            theme,
            NOTEBOOK,
            {**PARAMETERS, "corpus_dir": args.corpus, "output_dir": theme, "tables_dir": "tables"},
        )
        for theme in THEMES[: args.notebooks]
    ]
    failed = [r for r in execute_all(jobs, args.out) if not r.ok]
    if failed:
        raise SystemExit(f"empty notebook failed: {failed[0].error}")
    exit_without_teardown(0)  # as the devzones command ends


if __name__ == "__main__":
    main()
