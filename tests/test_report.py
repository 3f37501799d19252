"""The report runner and the notebook helpers: parameters are checked before any kernel starts
(exit 2, nothing written), a broken notebook fails alone (exit 1, its executed copy kept, the
index marking it, ``latest`` left alone), a run's notebooks read the tables the run wrote instead
of extracting again, and a theme's tables are saved as CSV with BOM and as one workbook. Only
the failure test starts kernels (two tiny notebooks)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pyarrow
import pytest

from devzones import cli, report, views

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--theme", "maps"], "unknown theme 'maps'"),
        (["-p", "colour", "red"], "unknown parameter 'colour'"),
        (["-p", "output_dir", "x"], "unknown parameter 'output_dir'"),
        (["-p", "since", "2024-02-30"], "since: '2024-02-30' is not a date"),
        (["-p", "until", "24/05/01"], "until: '24/05/01' is not a date"),
        (["-p", "since", "2024-05-01", "-p", "until", "2024-01-01"], "is after until"),
        (["-p", "top_n", "0"], "top_n: '0' is not a positive whole number"),
        (["-p", "script", "cyrillic"], "script: 'cyrillic' is not one of"),
        (["--corpus", "no-such-folder"], "corpus folder not found"),
        (["--corpus", "."], "no readable articles"),
        (["-p", "focus_zone", "火星经济技术开发区"], "focus_zone: no zone '火星经济技术开发区'"),
    ],
)
def test_bad_parameters_exit_2_before_anything_is_written(
    args, message, tmp_path, seeds_dir, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    argv = ["report", "--corpus", str(seeds_dir), "--out", str(out), *args]
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_parameters_are_typed_and_defaulted() -> None:
    params = report.check_parameters({"top_n": "5", "since": "2024-01-01", "focus_zone": "None"})
    assert params == {
        "focus_zone": None,
        "since": "2024-01-01",
        "until": None,
        "top_n": 5,
        "script": "simplified",
    }
    assert report.check_themes(["investment", "zones"]) == ["zones", "investment"]


def test_a_focus_zone_may_be_written_in_traditional_script(seeds_dir) -> None:
    found = report.load_tables(seeds_dir)
    name = found.zones["name"].iloc[0]
    traditional = views.in_script(found.zones.head(1), "traditional")["name"].iloc[0]
    assert report.resolve_focus(found.zones, traditional) == report.resolve_focus(found.zones, name)


def _notebook(path: Path, *sources: str) -> None:
    cells = [nbformat.v4.new_code_cell("corpus_dir = output_dir = None")]
    cells[0].metadata["tags"] = ["parameters"]
    cells += [nbformat.v4.new_code_cell(s) for s in sources]
    nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})
    nbformat.write(nb, path)


def test_a_failing_notebook_fails_alone(tmp_path, seeds_dir, capsys) -> None:
    notebooks, out = tmp_path / "notebooks", tmp_path / "out"
    notebooks.mkdir()
    _notebook(
        notebooks / "zones.ipynb",
        "from pathlib import Path\nPath(output_dir).mkdir()\n"
        "(Path(output_dir) / 'done.txt').write_text(str(top_n))\n"
        "tables = sorted(p.name for p in Path(tables_dir).glob('*.parquet'))\n"
        "(Path(output_dir) / 'tables.txt').write_text(' '.join(tables))",
    )
    _notebook(
        notebooks / "chains.ipynb",
        "raise RuntimeError('deliberately broken')",
        "print('never reached')",
    )
    argv = ["report", "--corpus", str(seeds_dir), "--out", str(out), "--notebooks", str(notebooks)]
    assert cli.main([*argv, "--theme", "zones", "chains", "-p", "top_n", "7"]) == 1
    printed = capsys.readouterr().out
    assert "chains      FAILED" in printed and "RuntimeError: deliberately broken" in printed

    (run,) = [p for p in out.iterdir()]  # no temporary folder left, no `latest`
    assert (run / "zones" / "done.txt").read_text() == "7"
    # the notebook was pointed at the tables the run wrote before starting it
    assert "zones.parquet" in (run / "zones" / "tables.txt").read_text().split()
    executed = nbformat.read(run / "chains.ipynb", as_version=4)
    failing = next(c for c in executed.cells if c.source.startswith("raise"))
    assert failing.outputs[0]["ename"] == "RuntimeError"
    assert not any(o for c in executed.cells if "never reached" in c.source for o in c.outputs)
    assert "deliberately broken" in (run / "chains.html").read_text(encoding="utf-8")
    index = (run / "index.html").read_text(encoding="utf-8")
    assert 'class="failed"' in index and "FAILED: RuntimeError: deliberately broken" in index
    record = json.loads((run / "run.json").read_text())
    assert [(t["theme"], t["ok"]) for t in record["themes"]] == [("zones", True), ("chains", False)]
    assert record["parameters"]["top_n"] == 7


def test_latest_is_swapped_to_the_newest_run(tmp_path) -> None:
    for name in ("2024-01-01_000000", "2024-01-02_000000"):
        (tmp_path / name).mkdir()
        report.point_latest(tmp_path, tmp_path / name)
        assert (tmp_path / "latest").resolve() == (tmp_path / name).resolve()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2024-01-01_000000",
        "2024-01-02_000000",
        "latest",
    ]


def test_index_escapes_what_it_shows() -> None:
    record = {
        "started": "2024-01-01T00:00:00",
        "version": "0",
        "corpus": "/data/<b>corpus</b>",
        "parameters": {"focus_zone": "<script>alert(1)</script>"},
        "summary": {"skipped": ["a.txt: <img src=x onerror=alert(1)>"]},
        "themes": [{"theme": "zones", "ok": False, "seconds": 1.0, "error": "E: <i>x</i>"}],
    }
    page = report.index_html(record)
    assert "<script>alert" not in page and "<img src=x" not in page and "<i>x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_report_saves_each_table_as_csv_with_bom_and_one_workbook(seeds_dir, tmp_path) -> None:
    rep = report.Report("investment", seeds_dir, tmp_path / "out", top_n=3, script="traditional")
    for name in rep.views:
        rep.table(name)
    written = rep.save()
    assert written == [f"{name}.csv" for name in rep.views] + ["investment.xlsx"]
    for name in rep.views:
        assert (tmp_path / "out" / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    book = openpyxl.load_workbook(tmp_path / "out" / "investment.xlsx")
    assert book.sheetnames == list(rep.views)
    assert len(rep.views["totals_by_zone"]) <= 3
    zones = set(rep.views["projects"]["zone"]) - {views.NO_ZONE}
    assert zones and zones == {views.in_script_text(z, "traditional") for z in zones}


def test_a_long_table_shows_its_first_rows_and_saves_them_all(
    seeds_dir, tmp_path, monkeypatch
) -> None:
    shown, notes = [], []
    monkeypatch.setattr(report, "PAGE_ROWS", 5)
    monkeypatch.setattr(report, "table_html", lambda df, table_id: shown.append(len(df)) or "")
    monkeypatch.setattr(report, "_display", lambda obj: notes.append(getattr(obj, "data", "")))
    rep = report.Report("zones", seeds_dir, tmp_path / "out")
    whole = len(rep.views["sentences"])
    assert whole > 5
    rep.table("sentences")
    rep.save()
    assert shown == [5]
    assert f"The first 5 of {whole:,} rows" in notes[-1] and "sentences.csv" in notes[-1]
    saved = pd.read_csv(tmp_path / "out" / "sentences.csv", encoding="utf-8-sig")
    assert len(saved) == whole


def test_a_table_longer_than_a_worksheet_goes_on_over_further_sheets(
    seeds_dir, tmp_path, monkeypatch
) -> None:
    notes = []
    monkeypatch.setattr(report, "SHEET_ROWS", 3)
    monkeypatch.setattr(report, "PAGE_ROWS", 2)
    monkeypatch.setattr(report, "_display", lambda obj: notes.append(getattr(obj, "data", "")))
    rep = report.Report("zones", seeds_dir, tmp_path / "out")
    long = pd.DataFrame({"n": range(7), "sentence": [f"第{i}句" for i in range(7)]})
    rep.table("a_name_of_exactly_31_characters", long)
    rep.save()
    assert "(on 3 sheets)" in notes[-1]
    book = openpyxl.load_workbook(tmp_path / "out" / "zones.xlsx")
    titles = ["a_name_of_exactly_31_characters", "a_name_of_exactly_31_charac (2)"]
    titles.append("a_name_of_exactly_31_charac (3)")
    assert book.sheetnames == titles
    parts = [[[c.value for c in row] for row in book[t].iter_rows()] for t in titles]
    assert [len(p) for p in parts] == [4, 4, 2]  # each with its header
    assert all(p[0] == ["n", "sentence"] for p in parts)
    assert [row for p in parts for row in p[1:]] == long.values.tolist()


def test_the_workbook_keeps_article_text_as_text(seeds_dir, tmp_path) -> None:
    rep = report.Report("zones", seeds_dir, tmp_path / "out")
    text = ['=HYPERLINK("http://x")', "http://example.com/a", "007", "太原经开区"]
    rep.table("odd", pd.DataFrame({"sentence": text}))
    rep.save()
    sheet = openpyxl.load_workbook(tmp_path / "out" / "zones.xlsx")["odd"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == text
    assert {c.data_type for c in cells} == {"s"}  # no formula, no number
    assert not any(c.hyperlink for c in cells)


def test_the_workbook_writes_numbers_as_numbers_and_gaps_as_blanks(seeds_dir, tmp_path) -> None:
    rep = report.Report("zones", seeds_dir, tmp_path / "out")
    df = pd.DataFrame(
        {
            "count": pd.array([3, None], dtype="Int64"),
            "amount": [2.5, float("nan")],
            "staged": [True, False],
            "note": ["", None],
            "big": [float("inf"), 1e12],
        }
    )
    rep.table("mixed", df)
    rep.save()
    sheet = openpyxl.load_workbook(tmp_path / "out" / "zones.xlsx")["mixed"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows == [
        ["count", "amount", "staged", "note", "big"],
        [3, 2.5, True, None, "inf"],
        [None, None, False, None, 1e12],
    ]


def test_table_html_escapes_cells_and_links_nowhere() -> None:
    import pandas as pd

    df = pd.DataFrame({"sentence": ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>"]})
    page = report.table_html(df, "t")
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "https://" not in page and "http://" not in page


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("theme", report.THEMES)
def test_notebook_code_runs_with_every_parameter_set(theme, seeds_dir, tmp_path) -> None:
    """The notebook's own cells, executed here without a kernel, with a focus zone written in
    Traditional script, Traditional display, a date range and a small top_n."""
    found = report.load_tables(seeds_dir)
    counts = views.mention_counts(found.zone_mentions).sort_values("mentions", ascending=False)
    zone = views.zone_names(found.zones)[counts["zone_id"].iloc[0]]
    nb = nbformat.read(report.NOTEBOOKS / f"{theme}.ipynb", as_version=4)
    namespace: dict = {}
    for cell in (c for c in nb.cells if c.cell_type == "code"):
        exec(cell.source, namespace)  # the parameters cell first, then our values over it
        if "parameters" in cell.metadata.get("tags", []):
            namespace.update(
                corpus_dir=str(seeds_dir),
                output_dir=str(tmp_path / theme),
                focus_zone=views.in_script_text(zone, "traditional"),
                since="2020-01-01",
                until="2030-12-31",
                top_n=2,
                script="traditional",
            )
    rep = namespace["rep"]
    assert rep.focus == counts["zone_id"].iloc[0]
    assert set(rep.shown) == set(rep.views)
    assert (tmp_path / theme / f"{theme}.xlsx").is_file()


def test_a_runs_streamed_tables_read_back_as_extracted_in_memory(seeds_dir, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02 not an article \xff\xfe")
    found = report.load_tables(corpus)
    assert found.errors  # the unreadable file is skipped, and must be reported as such
    report.extract_run_tables(corpus, tmp_path / "tables", jobs=2)
    pool = pyarrow.default_memory_pool().backend_name
    back = report.read_tables(tmp_path / "tables")
    # the tables are decoded with the system's allocator; the kernel's own stays as it was
    assert pyarrow.default_memory_pool().backend_name == pool
    assert [name for name, _ in back.items()] == [name for name, _ in found.items()]
    for name, df in found.items():
        pd.testing.assert_frame_equal(back[name], df, check_exact=True)
        assert list(back[name].dtypes) == list(df.dtypes), name
    assert [str(e) for e in back.errors] == [str(e) for e in found.errors]
    assert report.corpus_summary(back) == report.corpus_summary(found)
    # planning reads only a few columns of the large tables, and counts the same
    params = report.check_parameters({"since": "2022-04-01"})
    in_period = views.filter_period(found, "2022-04-01", None)
    assert 0 < len(in_period.documents) < len(found.documents)
    assert report.run_summary(tmp_path / "tables", params) == report.corpus_summary(in_period)


@pytest.mark.parametrize("theme", report.THEMES)
def test_a_notebook_given_the_runs_tables_does_not_extract(theme, seeds_dir, tmp_path) -> None:
    """With ``tables_dir`` the report shows exactly what extracting would, and never reads the
    corpus: here the corpus folder is empty, which extracting would refuse."""
    report.extract_run_tables(seeds_dir, tmp_path / "tables")
    (tmp_path / "empty").mkdir()
    given = {"focus_zone": None, "top_n": 5, "script": "traditional"}
    read = report.Report(
        theme, tmp_path / "empty", tmp_path / "a", **given, tables_dir=tmp_path / "tables"
    )
    extracted = report.Report(theme, seeds_dir, tmp_path / "b", **given)
    assert list(read.views) == list(extracted.views)
    for name, df in extracted.views.items():
        pd.testing.assert_frame_equal(read.views[name], df, check_exact=True)
    with pytest.raises(report.ParameterError, match="no readable articles"):
        report.Report(theme, tmp_path / "empty", tmp_path / "c")


def test_the_runner_loads_without_pandas_or_the_iri_grammar() -> None:
    """The benchmark floor runs this very runner: it must not import what only the report's own
    work needs, and must skip the second-long IRI grammar jsonschema would otherwise build."""
    code = (
        "import sys\n"
        "from devzones import runner\n"
        "runner.load_executor()\n"
        "assert 'papermill' in sys.modules and 'nbconvert' in sys.modules\n"
        "print(sorted(m for m in ('pandas', 'devzones.tables', 'rfc3987_syntax') "
        "if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
