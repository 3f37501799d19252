"""The report build's floor: execute ``empty.ipynb`` (one parameters cell) with papermill and
convert it to HTML with nbconvert, the same path ``devzones report`` takes for its notebooks, so
the ratio report / floor shows what the report's own work costs beyond starting a kernel and
rendering a page. Run as a subprocess by ``run.py``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import papermill
from nbconvert import HTMLExporter

NOTEBOOK = Path(__file__).resolve().parent / "empty.ipynb"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the executed notebook")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    executed = args.out / NOTEBOOK.name
    papermill.execute_notebook(
        str(NOTEBOOK), str(executed), parameters={"corpus": "seeds"}, progress_bar=False
    )
    html, _ = HTMLExporter().from_filename(str(executed))
    executed.with_suffix(".html").write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
