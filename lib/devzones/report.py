"""The reports: parameter checks, the helpers the theme notebooks call, and ``devzones report``
itself. A run checks every parameter and extracts the corpus once, before any kernel starts,
streaming the tables into the run folder (never the whole corpus in memory), where the
notebooks read them instead of extracting again; executes the chosen notebooks in parallel and
exports each to a self-contained HTML page (``devzones.runner``); and writes an index. A run is
built in a hidden temporary folder and renamed into ``outputs/<YYYY-MM-DD_HHMMSS>/`` only when
complete, and ``outputs/latest`` is swapped atomically to the newest run whose notebooks all
succeeded.
"""

from __future__ import annotations

import difflib
import html
import json
import math
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pandas.api.types import is_numeric_dtype

import devzones
from devzones import tables, views
from devzones.cache import atomic_write
from devzones.corpus import LoadError
from devzones.runner import (  # noqa: F401  (the runner's names, still importable from here)
    KERNEL,
    Job,
    ThemeResult,
    execute_all,
    execute_theme,
    export_html,
)
from devzones.tables import Tables

if TYPE_CHECKING:  # charts are drawn, and workbooks written, only inside the notebooks
    from matplotlib.figure import Figure
    from xlsxwriter.worksheet import Worksheet

THEMES = ("zones", "chains", "investment")
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
DEFAULTS: dict[str, object] = {
    "focus_zone": None,
    "since": None,
    "until": None,
    "top_n": 15,
    "script": "simplified",
}
SCRIPTS = ("simplified", "traditional")
# what the theme notebooks import, some of it only on first use (tables read as datasets, styled
# tables, workbooks): loaded once in the runner for all their kernels
NOTEBOOK_IMPORTS = (
    "devzones.report",
    "devzones.plotting",
    "itables",
    "IPython.display",
    "pyarrow.dataset",
    "pandas.io.formats.style",
    "xlsxwriter",
)
# what a run's planning reads of the large tables: the keys its period filter and summary use
PLANNING_COLUMNS = {
    "zone_mentions": ["doc_id", "zone_id"],
    "investments": ["doc_id", "zone_id"],
    "chains": ["doc_id", "name"],
}
# what each theme's notebook reads of the tables it does not show: the keys its period filter,
# its summary and its views use (the other themes' sentences and fields stay on disk)
THEME_READS = {
    "zones": {"investments": PLANNING_COLUMNS["investments"], "chains": PLANNING_COLUMNS["chains"]},
    "chains": {
        "zone_mentions": [*PLANNING_COLUMNS["zone_mentions"], "story"],  # chains' carriers
        "investments": PLANNING_COLUMNS["investments"],
    },
    "investment": {
        "zone_mentions": PLANNING_COLUMNS["zone_mentions"],
        "chains": PLANNING_COLUMNS["chains"],
    },
}
TABLES_DIR = "tables"  # in a run folder: the corpus's tables, which its notebooks read
SKIPPED = "skipped.csv"  # beside them: the files the extraction skipped, and why
PAGE_LENGTH = 25  # rows per page of an interactive table; shorter tables show without paging
# rows of a table embedded in a page: years of articles make tables of 10^5 rows, pages of
# hundreds of MB no browser opens; the saved CSV and workbook keep every row
PAGE_ROWS = 2000
# data rows per worksheet (a sheet holds 1,048,576 rows with its header): a longer table goes on
# over further sheets, "<name> (2)" and on, rather than losing the rows past the limit
SHEET_ROWS = 1_048_575
# article text goes into the workbook as text: a cell that opens with "=" or holds a URL or a
# number-like string stays what it was (no formula injected from a news page, no link made)
WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


class ParameterError(ValueError):
    """A report parameter that cannot be used; raised before anything runs or is written."""


# ---------------------------------------------------------------- parameters


def _date(name: str, value: object) -> str | None:
    if value in (None, "", "None"):
        return None
    text = str(value)
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ParameterError(f"{name}: {text!r} is not a date (YYYY-MM-DD)") from None


def _top_n(value: object) -> int:
    try:
        number = int(str(value))
    except ValueError:
        number = 0
    if number < 1:
        raise ParameterError(f"top_n: {value!r} is not a positive whole number")
    return number


def check_parameters(given: Mapping[str, object]) -> dict[str, object]:
    """The report parameters with defaults filled in and values typed; ``ParameterError`` for
    an unknown name or an unusable value."""
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise ParameterError(
            f"unknown parameter {unknown[0]!r} (known: {', '.join(DEFAULTS)}; the corpus and "
            "output folders are set with --corpus and --out)"
        )
    params = {**DEFAULTS, **given}
    script = str(params["script"])
    if script not in SCRIPTS:
        raise ParameterError(f"script: {script!r} is not one of {', '.join(SCRIPTS)}")
    since, until = _date("since", params["since"]), _date("until", params["until"])
    if since and until and since > until:
        raise ParameterError(f"since ({since}) is after until ({until})")
    focus = params["focus_zone"]
    return {
        "focus_zone": None if focus in (None, "", "None") else str(focus).strip(),
        "since": since,
        "until": until,
        "top_n": _top_n(params["top_n"]),
        "script": script,
    }


def check_themes(themes: list[str] | None) -> list[str]:
    """The chosen themes in report order (all when none are named)."""
    if not themes:
        return list(THEMES)
    unknown = [t for t in themes if t not in THEMES]
    if unknown:
        raise ParameterError(f"unknown theme {unknown[0]!r} (choose from {', '.join(THEMES)})")
    return [t for t in THEMES if t in themes]


def resolve_focus(zones: pd.DataFrame, focus: str | None) -> str | None:
    """The zone_id ``focus`` names; ``ParameterError`` with the nearest names when none does."""
    if focus is None:
        return None
    zone_id = views.find_zone(zones, focus)
    if zone_id is None:
        close = difflib.get_close_matches(focus, list(views.zone_lookup(zones)), n=3, cutoff=0.4)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise ParameterError(f"focus_zone: no zone {focus!r} in the corpus{hint}")
    return zone_id


# ---------------------------------------------------------------- loading the corpus


def load_tables(corpus_dir: str | Path, jobs: int | None = 1) -> Tables:
    """Extract the corpus (through the extraction cache, so a monthly re-run only extracts the
    new articles; ``jobs`` as for ``tables.extract_corpus``). Every row carries its sentence
    (``evidence``): the articles are not read again."""
    found = tables.extract_corpus(corpus_dir, jobs=jobs, progress=False)
    if not found.stats.documents:
        raise ParameterError(f"no readable articles in {corpus_dir}")
    return found


def extract_run_tables(
    corpus: str | Path, folder: str | Path, jobs: int | None = 1, progress: bool = False
) -> None:
    """Extract the corpus into a run's tables folder (CSV and Parquet, for the reader and for
    the run's notebooks: ``read_tables``), with the list of skipped files beside them. The tables
    are streamed to disk batch by batch (``tables.extract_to``), so a run never holds years of
    articles' rows in memory, and a re-run on an unchanged corpus copies the cached files."""
    folder = Path(folder)
    stats, errors = tables.extract_to(
        corpus, folder, jobs=jobs, progress=None if progress else False
    )
    if not stats.documents:
        raise ParameterError(f"no readable articles in {corpus}")
    skipped = pd.DataFrame(
        [(e.label, e.reason) for e in errors], columns=["file", "reason"], dtype=object
    )
    atomic_write(folder / SKIPPED, lambda p: skipped.to_csv(p, index=False, encoding="utf-8-sig"))


def _read_frame(path: Path, only: Sequence[str] | None = None) -> pd.DataFrame:
    """A Parquet table as it was in memory (only the columns ``only``, when given): columns that
    were plain objects (text with gaps) come back as objects with None in the gaps, not as
    pandas' string dtype."""
    schema = pq.read_schema(path)
    names = [c for c in schema.names if only is None or c in only]
    # Arrow's default allocator (mimalloc) keeps the scratch memory of decoding a table's many
    # row groups (one per written batch), as much again as the table; the system's hands it back
    default = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        df = pd.read_parquet(path, columns=names)
    finally:
        pa.set_memory_pool(default)
    written = schema.pandas_metadata or {}
    for column in written.get("columns", []):
        name = column["name"]
        if column.get("numpy_type") == "object" and name in df and df[name].dtype != object:
            df[name] = df[name].astype(object).where(df[name].notna(), None)
    return df


def read_tables(folder: str | Path, only: Mapping[str, Sequence[str]] | None = None) -> Tables:
    """The tables ``extract_run_tables`` wrote, as they were: what a run's notebooks read instead
    of extracting the corpus a second time. ``only`` reads just the columns it names, by table."""
    folder = Path(folder)
    only = only or {}
    frames = {p.stem: _read_frame(p, only.get(p.stem)) for p in sorted(folder.glob("*.parquet"))}
    skipped = pd.read_csv(folder / SKIPPED, dtype=str, keep_default_na=False)
    main = {name: frames.pop(name) for name in tables.TABLE_NAMES}
    errors = [
        LoadError(Path(f), r, f) for f, r in zip(skipped["file"], skipped["reason"], strict=True)
    ]
    return Tables(**main, errors=errors, extra=frames)


def corpus_summary(found: Tables) -> dict[str, object]:
    """Counts describing a corpus, for the report's opening and the run index."""
    dates = sorted(d for d in views.col(found.documents, "date") if d)
    return {
        "articles": len(found.documents),
        "dated": len(dates),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "zones": len(found.zones),
        "zone_mentions": len(found.zone_mentions),
        "investments": len(found.investments),
        "chains": int(views.col(found.chains, "name").replace("", pd.NA).dropna().nunique()),
        "skipped": [str(e) for e in found.errors],
    }


# ---------------------------------------------------------------- inside a notebook


_EXTERNAL_LINK = re.compile(r"<a\s+href=[\"']?(?:https?:)?//[^>]*>(.*?)</a>", re.DOTALL)


def table_html(df: pd.DataFrame, table_id: str) -> str:
    """An interactive (sortable, searchable) table whose data is escaped text and whose page
    needs nothing from the network; itables' links to its own website are unwrapped."""
    import itables

    text_columns = [i for i, c in enumerate(df.columns) if not is_numeric_dtype(df[c])]
    page = itables.to_html_datatable(
        df,
        table_id=table_id,
        connected=False,
        display_logo_when_loading=False,
        maxBytes=0,
        showIndex=False,
        allow_html=False,
        classes="display compact",
        pageLength=PAGE_LENGTH,
        lengthMenu=[PAGE_LENGTH, 100, -1],
        columnDefs=[{"className": "dt-left", "targets": text_columns}],
    )
    return _EXTERNAL_LINK.sub(r"\1", page)


def _display(obj: object) -> None:
    from IPython.display import display

    display(obj)


def _write_cell(sheet: Worksheet, row: int, col: int, value: object) -> None:
    """One cell as pandas would write it: missing values and empty text blank, infinities as
    text."""
    if value is None or value is pd.NA or value is pd.NaT or value == "":
        return
    if isinstance(value, bool | np.bool_):
        sheet.write_boolean(row, col, bool(value))
    elif isinstance(value, int | float | np.integer | np.floating):
        if math.isnan(value):
            return
        if math.isinf(value):
            sheet.write_string(row, col, "inf" if value > 0 else "-inf")
        else:
            sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, str(value))


def _sheet_parts(name: str, rows: int) -> list[tuple[str, int]]:
    """The worksheets a table of ``rows`` rows is written on: (title, first row) each, titles cut
    to Excel's 31 characters."""
    parts = []
    for part, first in enumerate(range(0, max(rows, 1), SHEET_ROWS), start=1):
        suffix = f" ({part})" if part > 1 else ""
        parts.append((name[: 31 - len(suffix)] + suffix, first))
    return parts


class Report:
    """One theme's report inside its notebook: the filtered tables, the theme's views in the
    reader's script, and display helpers that also save every table and figure shown. The tables
    are read from ``tables_dir`` (a run's ``tables`` folder) when given, else extracted from
    ``corpus_dir``."""

    def __init__(
        self,
        theme: str,
        corpus_dir: str | Path,
        output_dir: str | Path,
        focus_zone: str | None = None,
        since: str | None = None,
        until: str | None = None,
        top_n: int = 15,
        script: str = "simplified",
        tables_dir: str | Path | None = None,
    ) -> None:
        given = {"focus_zone": focus_zone, "since": since, "until": until, "top_n": top_n}
        self.params = check_parameters({**given, "script": script})
        self.theme = check_themes([theme])[0]
        self.corpus_dir = Path(corpus_dir)
        self.output_dir = Path(output_dir)
        # a run hands its notebooks the tables it extracted (of the other themes' tables only
        # the keys: their sentences are the bulk, at any size); on its own a notebook extracts
        self.everything = (
            read_tables(tables_dir, only=THEME_READS[self.theme])
            if tables_dir
            else load_tables(self.corpus_dir)
        )
        self.tables = views.filter_period(
            self.everything, self.params["since"], self.params["until"]
        )
        self.focus = resolve_focus(self.everything.zones, self.params["focus_zone"])
        found = views.THEME_VIEWS[self.theme](self.tables, self.focus, self.params["top_n"])
        self.views = {name: self.script(df) for name, df in found.items()}
        self.shown: dict[str, pd.DataFrame] = {}
        self.figures: list[str] = []
        self._init_tables()

    def script(self, df: pd.DataFrame) -> pd.DataFrame:
        return views.in_script(df, str(self.params["script"]))

    def text(self, value: str) -> str:
        return views.in_script_text(value, str(self.params["script"]))

    def _init_tables(self) -> None:
        """Embed the table library in the notebook once (offline mode: no CDN at view time)."""
        import itables

        itables.options.display_logo_when_loading = False
        itables.init_notebook_mode(all_interactive=False, connected=False)

    def account(self) -> str:
        """HTML: what the corpus holds and how this report narrows it."""
        s = corpus_summary(self.tables)
        e = html.escape
        span = f"dated {s['first_date']} to {s['last_date']}" if s["dated"] else "none dated"
        undated = s["articles"] - s["dated"]
        lines = [
            f"This report reads <b>{s['articles']} articles</b> from the folder "
            f"<code>{e(self.corpus_dir.name)}</code> ({span}"
            + (f"; {undated} without a date" if s["dated"] and undated else "")
            + f"). They name <b>{s['zones']} zones</b> ({s['zone_mentions']} mentions), "
            f"<b>{s['investments']} investment figures</b> and <b>{s['chains']} industry "
            "chains</b>."
        ]
        since, until = self.params["since"], self.params["until"]
        if since or until:
            lines.append(
                f"Only articles dated from {since or 'the start'} to {until or 'the end'} are "
                f"read (of {len(self.everything.documents)} in the folder; undated ones are left "
                "out)."
            )
        if self.focus:
            name = views.zone_names(self.everything.zones)[self.focus]
            lines.append(f"Every table below is narrowed to <b>{e(self.text(name))}</b>.")
        if s["skipped"]:
            lines.append("Files skipped: " + "; ".join(e(x) for x in s["skipped"]) + ".")
        return "".join(f"<p>{line}</p>" for line in lines)

    def intro(self) -> None:
        from IPython.display import HTML

        _display(HTML(self.account()))

    def table(self, name: str, df: pd.DataFrame | None = None) -> None:
        """Show a view (or ``df``) as an interactive table, its first ``PAGE_ROWS`` rows, and keep
        it whole for the output folder."""
        from IPython.display import HTML

        df = self.views[name] if df is None else df
        self.shown[name] = df
        if df.empty:
            _display(HTML("<p><i>Nothing found for this table.</i></p>"))
            return
        _display(HTML(table_html(df.head(PAGE_ROWS), f"{self.theme}_{name}")))
        if len(df) > PAGE_ROWS:
            sheets = len(_sheet_parts(name, len(df)))
            on = f" (on {sheets} sheets)" if sheets > 1 else ""
            _display(
                HTML(
                    f"<p><i>The first {PAGE_ROWS:,} of {len(df):,} rows; every row is in "
                    f"<code>{name}.csv</code> and <code>{self.theme}.xlsx</code>{on} in this "
                    "report's folder.</i></p>"
                )
            )

    def figure(self, fig: Figure | None, name: str) -> None:
        """Show a chart (from ``devzones.plotting``) and save it as ``<name>.png``."""
        from IPython.display import HTML, Image

        from devzones.plotting import png

        if fig is None:
            _display(HTML("<p><i>Nothing to chart.</i></p>"))
            return
        data = png(fig)
        path = self.output_dir / f"{name}.png"
        atomic_write(path, lambda p: Path(p).write_bytes(data))
        self.figures.append(path.name)
        _display(Image(data=data, format="png"))

    def save(self) -> list[str]:
        """Write every table shown as CSV (UTF-8 with BOM) and all of them as one workbook with
        a sheet per table; return the file names written (figures included)."""
        out = self.output_dir
        written = []
        for name, df in self.shown.items():
            atomic_write(
                out / f"{name}.csv", lambda p, d=df: d.to_csv(p, index=False, encoding="utf-8-sig")
            )
            written.append(f"{name}.csv")
        atomic_write(out / f"{self.theme}.xlsx", self._write_workbook)
        return [*written, f"{self.theme}.xlsx", *self.figures]

    def _write_workbook(self, path: str) -> None:
        """A sheet per table shown, written row by row in XlsxWriter's constant-memory mode: a
        workbook of 10^5 rows is streamed to disk, not built in memory first."""
        import xlsxwriter

        book = xlsxwriter.Workbook(path, {"constant_memory": True, **WORKBOOK_OPTIONS})
        try:
            header = book.add_format({"bold": True, "border": 1})
            for name, df in (self.shown or {"empty": pd.DataFrame()}).items():
                for title, first in _sheet_parts(name, len(df)):
                    sheet = book.add_worksheet(title)
                    sheet.write_row(0, 0, [str(c) for c in df.columns], header)
                    rows = df.iloc[first : first + SHEET_ROWS].itertuples(index=False, name=None)
                    for r, row in enumerate(rows, start=1):
                        for c, value in enumerate(row):
                            _write_cell(sheet, r, c, value)
        finally:
            book.close()

    def files(self) -> None:
        """Save, then list the files written (names only: the folder moves when a run ends)."""
        from IPython.display import HTML

        names = self.save()
        items = "".join(f"<li><code>{html.escape(n)}</code></li>" for n in names)
        _display(HTML(f"<p>Written to this report's folder:</p><ul>{items}</ul>"))


# ---------------------------------------------------------------- the runner


@dataclass
class RunPlan:
    """The checked themes, corpus folder and parameters of a run."""

    themes: list[str]
    corpus: Path
    params: dict[str, object]


def plan_run(
    themes: list[str] | None,
    corpus: str | Path,
    given: Mapping[str, object],
    notebooks_dir: Path | None = None,
) -> RunPlan:
    """Check themes, parameters, corpus folder and notebooks; ``ParameterError`` on the first
    problem. (The focus zone is checked once the corpus is extracted: ``run_summary``.)"""
    notebooks_dir = notebooks_dir or NOTEBOOKS
    chosen = check_themes(themes)
    params = check_parameters(given)
    corpus = Path(corpus).resolve()
    if not corpus.is_dir():
        raise ParameterError(f"corpus folder not found: {corpus}")
    missing = [t for t in chosen if not (notebooks_dir / f"{t}.ipynb").is_file()]
    if missing:
        raise ParameterError(f"notebook not found: {notebooks_dir / missing[0]}.ipynb")
    return RunPlan(chosen, corpus, params)


def run_summary(folder: str | Path, params: Mapping[str, object]) -> dict[str, object]:
    """Check the focus zone against a run's tables (``ParameterError`` when it names no zone)
    and count what the run covers, reading of the large tables only ``PLANNING_COLUMNS``."""
    found = read_tables(folder, only=PLANNING_COLUMNS)
    resolve_focus(found.zones, params["focus_zone"])  # type: ignore[arg-type]
    in_period = views.filter_period(found, params["since"], params["until"])  # type: ignore[arg-type]
    return corpus_summary(in_period)


def _stamp_dir(out_root: Path, now: datetime) -> Path:
    base = now.strftime("%Y-%m-%d_%H%M%S")
    target, n = out_root / base, 1
    while target.exists():
        n += 1
        target = out_root / f"{base}_{n}"
    return target


def point_latest(out_root: Path, run_dir: Path) -> None:
    """Swap ``out_root/latest`` to ``run_dir`` in one rename (readers never see it missing)."""
    tmp = out_root / f".latest-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(run_dir.name, target_is_directory=True)
    os.replace(tmp, out_root / "latest")


def run_report(
    plan: RunPlan,
    out_root: str | Path,
    notebooks_dir: Path | None = None,
    progress: bool = True,
    jobs: int | None = 1,
) -> tuple[Path, list[ThemeResult]]:
    """Extract the corpus (``jobs`` as for ``tables.extract_to``), check the focus zone, execute
    the planned notebooks in parallel and write the run folder; return it and the result of
    each theme. ``ParameterError`` (no readable article, no such zone) leaves nothing behind."""
    out_root = Path(out_root)
    made = not out_root.exists()
    out_root.mkdir(parents=True, exist_ok=True)
    started = datetime.now()
    work = Path(tempfile.mkdtemp(prefix=".run-", dir=out_root))
    try:
        extract_run_tables(plan.corpus, work / TABLES_DIR, jobs, progress)
        summary = run_summary(work / TABLES_DIR, plan.params)
        notebooks_dir = notebooks_dir or NOTEBOOKS
        jobs = [
            Job(
                theme,
                notebooks_dir / f"{theme}.ipynb",
                {
                    **plan.params,
                    "corpus_dir": str(plan.corpus),
                    "output_dir": theme,
                    "tables_dir": TABLES_DIR,
                },
            )
            for theme in plan.themes
        ]
        results = execute_all(jobs, work, progress, preload=NOTEBOOK_IMPORTS)
        record = {
            "started": started.isoformat(timespec="seconds"),
            "corpus": str(plan.corpus),
            "parameters": plan.params,
            "summary": summary,
            "themes": [asdict(r) for r in results],
            "version": devzones.__version__,
        }
        (work / "run.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        (work / "index.html").write_text(index_html(record), encoding="utf-8")
        target = _stamp_dir(out_root, started)
        work.chmod(0o755)
        work.rename(target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        if made:  # a run stopped before it began leaves no folder either
            with suppress(OSError):
                out_root.rmdir()
        raise
    if all(r.ok for r in results):
        try:
            point_latest(out_root, target)
        except OSError as exc:  # e.g. a real folder named "latest": the run itself is complete
            print(
                f"devzones report: could not point latest at {target.name}: {exc}", file=sys.stderr
            )
    return target, results


def index_html(record: Mapping) -> str:
    """The run's front page: each theme's report (or failure), the parameters, the corpus."""
    e = html.escape
    rows = []
    for r in record["themes"]:
        theme = e(r["theme"])
        status = "ok" if r["ok"] else f"FAILED: {e(r['error'] or '')}"
        rows.append(
            f'<tr class="{"ok" if r["ok"] else "failed"}"><td><a href="{theme}.html">{theme}</a>'
            f'</td><td>{status}</td><td><a href="{theme}.ipynb">notebook</a></td>'
            f'<td><a href="{theme}/">tables &amp; figures</a></td><td>{r["seconds"]} s</td></tr>'
        )
    params = "".join(
        f"<tr><th>{e(k)}</th><td>{e('' if v is None else str(v))}</td></tr>"
        for k, v in {"corpus": record["corpus"], **record["parameters"]}.items()
    )
    summary = "".join(
        f"<tr><th>{e(k)}</th><td>{e('; '.join(v) if isinstance(v, list) else str(v))}</td></tr>"
        for k, v in record["summary"].items()
    )
    failed = sum(not r["ok"] for r in record["themes"])
    verdict = f"{failed} report(s) failed" if failed else "all reports ran"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>devzones reports {e(record["started"])}</title>
<style>
body {{ font-family: system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", sans-serif; max-width: 60em; margin: 2em auto; }}
table {{ border-collapse: collapse; margin-bottom: 1.5em; }}
th, td {{ border: 1px solid #ccc; padding: 0.3em 0.7em; text-align: left; }}
tr.failed td {{ background: #fde8e8; }}
</style></head><body>
<h1>devzones reports</h1>
<p>Run started {e(record["started"])} (devzones {e(record["version"])}): {verdict}.
Raw tables for the whole corpus: <a href="tables/">tables/</a>.</p>
<h2>Reports</h2>
<table><tr><th>theme</th><th>status</th><th>executed</th><th>output</th><th>time</th></tr>
{"".join(rows)}</table>
<h2>Parameters</h2><table>{params}</table>
<h2>Corpus</h2><table>{summary}</table>
</body></html>
"""
