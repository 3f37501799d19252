"""The report build's floor: execute ``empty.ipynb`` (one parameters cell) with papermill and
export it to HTML with ``devzones.report.export_html``, the same path ``devzones report`` takes
for each of its notebooks, so the ratio report / floor shows what the report's own work costs
beyond starting a kernel and rendering a page. Run as a subprocess by ``run.py``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import papermill

NOTEBOOK = Path(__file__).resolve().parent / "empty.ipynb"


def export(executed: Path, target: Path) -> None:
    from devzones.report import export_html

    export_html(executed, target, "empty")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the executed notebook")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    executed = args.out / NOTEBOOK.name
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(executed),
        parameters={"corpus": "seeds"},
        kernel_name="python3",
        cwd=str(args.out),
        progress_bar=False,
    )
    export(executed, executed.with_suffix(".html"))


if __name__ == "__main__":
    main()
