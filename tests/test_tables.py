"""The extraction engine: the per-document step is pure, the corpus-level step links zones, and
the tables are the same whatever the cache state, batch size, job count or engine."""

from __future__ import annotations

import shutil
import sys
import time
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devzones import chains, tables, zones
from devzones.cache import ResultCache
from devzones.clean import clean_document
from devzones.corpus import parse_document
from devzones.frames import schema

CONTRACT_TABLES = ("documents", "zones", "zone_mentions", "investments", "chains")


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache folder (never the repository's)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("DEVZONES_CACHE", str(folder))
    return folder


@pytest.fixture
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    """The seeds plus a shortened copy of each (the first half of its lines): ten documents."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(path, folder / path.name)
        lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
        half = "".join(lines[: max(1, len(lines) // 2)])
        (folder / f"{path.stem}_half.txt").write_text(half, encoding="utf-8")
    return folder


def assert_same_tables(a: tables.Tables, b: tables.Tables) -> None:
    assert [name for name, _ in a.items()] == [name for name, _ in b.items()]
    for (name, left), (_, right) in zip(a.items(), b.items(), strict=True):
        pd.testing.assert_frame_equal(left, right, obj=name)


def written_bytes(result: tables.Tables, out: Path) -> dict[str, bytes]:
    tables.write_tables(result, out)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_extract_document_is_the_cleaned_seed_with_unresolved_mentions(
    seeds_dir: Path, seed_docs: dict
) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        result = tables.extract_document(path)
        doc = seed_docs[path.stem]
        assert result.doc_id == doc.doc_id
        assert result.document == tables.document_row(doc)
        assert {"zone_mentions", "investments", "chains"} <= set(result.rows)
        mentions = tables.schemas()["zone_mentions"].frame(result.rows["zone_mentions"])
        assert "zone_id" not in mentions.columns and len(mentions) > 0
        for row in mentions.itertuples():
            assert doc.text[row.start : row.end] == row.surface


def test_extract_corpus_equals_build_tables_on_seeds(seeds_dir: Path) -> None:
    streamed = tables.extract_corpus(seeds_dir, cache=False)
    docs, errors = tables.load_documents(seeds_dir)
    assert_same_tables(streamed, tables.build_tables(docs, errors))
    assert list(streamed.documents["doc_id"]) == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    assert streamed.stats.documents == 5 and streamed.stats.skipped == 0


def test_link_zones_prefers_the_documents_own_mention_then_a_unique_alias() -> None:
    mentions = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "surface": ["高新区", "高新区", "开发区"],
            "start": [30, 5, 0],
            "end": [33, 8, 3],
            "zone_id": ["z2", "z1", None],
        }
    )
    zone_table = pd.DataFrame(
        {
            "zone_id": ["z1", "z2", "z3"],
            "name": ["甲高新技术产业开发区", "乙经济技术开发区", "丙经济技术开发区"],
            "aliases": ["甲高新区|高新区", "乙经开区|经开区", "丙经开区|经开区"],
        }
    )
    rows = pd.DataFrame(
        {
            "doc_id": ["a", "b", "b", "b"],
            "zone_surface": ["高新区", "乙经开区", "经开区", None],
            "parent_zone_surface": ["甲高新区", None, None, "高新区"],
            "start": [1, 2, 3, 4],
        }
    )
    linked = tables.link_zones(rows, tables.ZoneLookup.build(mentions, zone_table))
    assert list(linked.columns) == [
        "doc_id",
        "zone_surface",
        "zone_id",
        "parent_zone_surface",
        "parent_zone_id",
        "start",
    ]
    # "a": the first mention of 高新区 in document order (offset 5) decides; 经开区 is ambiguous.
    assert linked["zone_id"].fillna("-").tolist() == ["z1", "z2", "-", "-"]
    assert linked["parent_zone_id"].fillna("-").tolist() == ["z1", "-", "-", "z1"]


def test_link_zones_keeps_ids_the_extractor_already_set() -> None:
    mentions = pd.DataFrame(columns=["doc_id", "surface", "start", "end", "zone_id"])
    zone_table = pd.DataFrame({"zone_id": ["z1"], "name": ["甲开发区"], "aliases": [""]})
    rows = pd.DataFrame(
        {"doc_id": ["a", "a"], "zone_surface": ["甲开发区", "甲开发区"], "zone_id": ["z9", None]}
    )
    lookup = tables.ZoneLookup.build(mentions, zone_table)
    assert tables.link_zones(rows, lookup)["zone_id"].tolist() == ["z9", "z1"]


def test_extra_tables_of_a_theme_module_are_linked_and_written(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def first_sentence(doc, mentions) -> list[dict]:
        start, end = doc.sentences[0]
        return [{"doc_id": doc.doc_id, "zone_surface": doc.text[start:end], "start": start}]

    spec = (schema(["doc_id", "zone_surface", "start"]), first_sentence)
    monkeypatch.setattr(zones, "EXTRA_TABLES", {"first_sentences": spec}, raising=False)
    result = tables.extract_corpus(seeds_dir, cache=False)
    extra = result["first_sentences"]
    assert list(extra.columns) == ["doc_id", "zone_surface", "zone_id", "start"]
    assert extra["doc_id"].tolist() == result.documents["doc_id"].tolist()
    files = written_bytes(result, tmp_path / "out")
    assert {"first_sentences.csv", "first_sentences.parquet"} <= set(files)


def test_cache_is_reused_invalidated_by_content_and_survives_corruption(
    corpus: Path, private_cache: Path, tmp_path: Path
) -> None:
    cold = tables.extract_corpus(corpus)
    assert (cold.stats.documents, cold.stats.cached) == (10, 0)
    warm = tables.extract_corpus(corpus)
    assert warm.stats.cached == 10
    assert_same_tables(cold, warm)
    assert written_bytes(cold, tmp_path / "cold") == written_bytes(warm, tmp_path / "warm")

    edited = corpus / "004_1da46b55b94cd9e7_half.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    assert tables.extract_corpus(corpus).stats.cached == 9

    other_code = ResultCache(private_cache, "0" * 64)
    assert other_code.get(other_code.key(edited, corpus)) is None

    for entry in private_cache.rglob("*.pkl"):
        entry.write_bytes(b"truncated")
    repaired = tables.extract_corpus(corpus)
    assert repaired.stats.cached == 0
    assert tables.extract_corpus(corpus).stats.cached == 10


def test_an_unwritable_cache_warns_and_the_run_goes_on(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("DEVZONES_CACHE", str(blocker))
    with pytest.warns(UserWarning, match="cannot write the devzones cache"):
        result = tables.extract_corpus(seeds_dir)
    assert result.stats.documents == 5


def test_a_renamed_copy_is_extracted_under_its_own_name(corpus: Path) -> None:
    tables.extract_corpus(corpus)
    path = next(corpus.glob("*.txt"))
    shutil.copy(path, corpus / "renamed.txt")
    result = tables.extract_corpus(corpus)
    assert (result.stats.documents, result.stats.cached) == (11, 10)
    assert {"renamed", path.stem} <= set(result.documents["doc_id"])


def test_a_fully_cached_run_starts_no_workers(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = tables.extract_corpus(seeds_dir)

    def no_engine(*args):
        raise AssertionError("a worker pool was started for a fully cached corpus")

    monkeypatch.setattr(tables, "_engine", no_engine)
    warm = tables.extract_corpus(seeds_dir, jobs=2)
    assert warm.stats.cached == 5
    assert_same_tables(cold, warm)


def test_batching_and_jobs_do_not_change_a_byte(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = written_bytes(tables.extract_corpus(corpus, cache=False), tmp_path / "one")
    monkeypatch.setattr(tables, "BATCH_SIZE", 3)
    small_batches = tables.extract_corpus(corpus, cache=False)
    assert written_bytes(small_batches, tmp_path / "batched") == reference
    pooled = tables.extract_corpus(corpus, jobs=2, cache=False)
    assert written_bytes(pooled, tmp_path / "pooled") == reference
    monkeypatch.setattr(tables, "AUTO_JOBS_MIN_FILES", 2)  # this corpus's 10 files: a pool
    auto = tables.extract_corpus(corpus, jobs=None, cache=False)
    assert written_bytes(auto, tmp_path / "auto") == reference


def test_jobs_by_default_one_per_core_only_when_enough_files_need_extracting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cores = tables.usable_cores()
    assert cores >= 1
    assert tables.jobs_for(None, tables.AUTO_JOBS_MIN_FILES) == min(cores, tables.AUTO_JOBS_MAX)
    monkeypatch.setattr(tables, "usable_cores", lambda: 64)
    assert tables.jobs_for(None, 10_000) == tables.AUTO_JOBS_MAX  # a big server, not asked
    assert tables.jobs_for(None, tables.AUTO_JOBS_MIN_FILES - 1) == 1  # a monthly re-run's few
    assert tables.jobs_for(3, 1) == 3  # as asked


def csv_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def test_streaming_to_files_equals_the_tables_in_memory(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_memory = tables.extract_corpus(corpus, cache=False)
    reference = written_bytes(in_memory, tmp_path / "memory")
    monkeypatch.setattr(tables, "BATCH_SIZE", 3)  # four batches, spilled and written one by one
    stats, errors = tables.extract_to(corpus, tmp_path / "streamed", cache=False)
    assert (stats.documents, errors) == (10, [])
    streamed = tmp_path / "streamed"
    assert csv_bytes(streamed) == {k: v for k, v in reference.items() if k.endswith(".csv")}
    for name, df in in_memory.items():
        pd.testing.assert_frame_equal(pd.read_parquet(streamed / f"{name}.parquet"), df, obj=name)
    assert not list(streamed.glob(".*")), "spill folder or temporary files left behind"


def test_a_batch_never_splits_one_doc_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # named without their corpus root, two files of one stem share a doc_id: rows sort together
    for folder, text in (("a", "甲开发区今年签约项目。"), ("b", "乙开发区今年签约项目。")):
        (tmp_path / "c" / folder).mkdir(parents=True)
        (tmp_path / "c" / folder / "same.txt").write_text(text, encoding="utf-8")
    (tmp_path / "c" / "first.txt").write_text("丙开发区今年签约项目。", encoding="utf-8")
    monkeypatch.setattr(tables, "BATCH_SIZE", 1)
    pipeline = tables._Pipeline()
    for path in ("first.txt", "a/same.txt", "b/same.txt"):
        pipeline.add(tables.extract_document(tmp_path / "c" / path))
    assert pipeline._batches == 1 and pipeline._in_batch == ["same", "same"]  # first | same same


def test_files_of_one_name_in_two_folders_are_two_documents(tmp_path: Path) -> None:
    """A folder per month, each with its 001.txt: the doc_id is the path under the corpus."""
    corpus = tmp_path / "c"
    for month, zone in (
        ("2024-01", "清徐经济开发区"),
        ("2024-02", "晋中国家农业高新技术产业示范区"),
    ):
        (corpus / month).mkdir(parents=True)
        (corpus / month / "001.txt").write_text(f"{zone}今年签约项目。", encoding="utf-8")
    (corpus / "flat.txt").write_text("太原经济技术开发区今年签约项目。", encoding="utf-8")
    (corpus / "2024-02" / "002.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 20)
    found = tables.extract_corpus(corpus, cache=False)
    assert [str(e).split(":")[0] for e in found.errors] == ["2024-02/002.txt"]
    assert list(found.documents["doc_id"]) == ["2024-01/001", "2024-02/001", "flat"]
    by_doc = found.zone_mentions.groupby("doc_id")["surface"].apply(list).to_dict()
    assert by_doc == {
        "2024-01/001": ["清徐经济开发区"],
        "2024-02/001": ["晋中国家农业高新技术产业示范区"],
        "flat": ["太原经济技术开发区"],
    }
    _, errors = tables.extract_to(corpus, tmp_path / "out", cache=False)
    assert [e.label for e in errors] == ["2024-02/002.txt"]
    written = pd.read_csv(tmp_path / "out" / "documents.csv", encoding="utf-8-sig")
    assert list(written["doc_id"]) == list(found.documents["doc_id"])


def test_a_cached_run_restores_the_files_and_names_the_skipped_again(
    corpus: Path, tmp_path: Path, private_cache: Path
) -> None:
    (corpus / "blank.txt").write_bytes(b"")
    cold, cold_errors = tables.extract_to(corpus, tmp_path / "cold")
    assert cold.cached == 0 and [str(e) for e in cold_errors] == ["blank.txt: empty file"]
    assert list(private_cache.rglob("runs/*/run.json"))
    warm, warm_errors = tables.extract_to(corpus, tmp_path / "warm")
    assert (warm.documents, warm.cached, warm.skipped) == (10, 10, 1)
    assert [str(e) for e in warm_errors] == [str(e) for e in cold_errors]
    assert output(tmp_path / "warm") == output(tmp_path / "cold")
    # one changed byte is a different corpus: a new run, and only that document is re-extracted
    edited = corpus / "004_1da46b55b94cd9e7_half.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    again, _ = tables.extract_to(corpus, tmp_path / "edited")
    assert (again.documents, again.cached) == (10, 9)


def output(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_failing_run_leaves_the_previous_files(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    tables.extract_to(corpus, out, cache=False)
    before = output(out)

    real, calls = tables.link_zones, []

    def broken(*args):  # fails halfway through writing the second batch
        calls.append(1)
        if len(calls) > 6:
            raise RuntimeError("disk full")
        return real(*args)

    monkeypatch.setattr(tables, "BATCH_SIZE", 3)
    monkeypatch.setattr(tables, "link_zones", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        tables.extract_to(corpus, out, cache=False)
    assert output(out) == before


def test_dask_on_a_scheduler_address_equals_local(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="dask is an optional extra: pip install -e .[dask]")
    distributed = pytest.importorskip("dask.distributed", reason="dask.distributed not installed")
    reference = written_bytes(tables.extract_corpus(corpus, cache=False), tmp_path / "local")
    # Worker threads in this process keep the test quick; the CLI test runs worker processes.
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0"
    ) as cluster:
        result = tables.extract_corpus(
            corpus, engine="dask", scheduler=cluster.scheduler_address, cache=False
        )
    assert written_bytes(result, tmp_path / "dask") == reference


def test_unknown_engine_is_refused(seeds_dir: Path) -> None:
    with pytest.raises(tables.EngineError, match="unknown engine 'spark'"):
        tables.extract_corpus(seeds_dir, engine="spark", cache=False)


def test_missing_dask_is_a_clear_error(seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # makes `import dask.bag` fail
    with pytest.raises(tables.EngineError, match=r"pip install -e '\.\[dask\]'"):
        tables.extract_corpus(seeds_dir, engine="dask", cache=False)


def test_an_extractor_failure_skips_that_document_only(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = "002_90b2ec0d50a39f48"
    real = chains.rows

    def flaky(doc):
        if doc.doc_id == victim:
            raise ValueError("odd layout")
        return real(doc)

    monkeypatch.setattr(chains, "rows", flaky)
    result = tables.extract_corpus(seeds_dir, cache=False)
    assert victim not in set(result.documents["doc_id"])
    assert result.stats.documents == 4
    assert [str(e) for e in result.errors] == [
        f"{victim}.txt: extraction failed (ValueError: odd layout)"
    ]


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_bar_only_for_a_terminal_and_a_large_corpus() -> None:
    assert tables.show_progress(500, _Stream(tty=True))
    assert not tables.show_progress(500, _Stream(tty=False))
    assert not tables.show_progress(5, _Stream(tty=True))


def test_contract_tables_are_always_present(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = tables.extract_corpus(empty, cache=False)
    assert [name for name, _ in result.items()][:5] == list(CONTRACT_TABLES)
    assert "zone_id" in result.investments.columns


def test_only_the_newest_runs_are_kept(
    corpus: Path, tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("devzones.cache.KEPT_RUNS", 2)
    edited = corpus / "004_1da46b55b94cd9e7_half.txt"
    for month in range(3):
        edited.write_text(f"第{month}个月的新段落。\n", encoding="utf-8")
        tables.extract_to(corpus, tmp_path / f"out{month}")
        time.sleep(0.01)  # distinct modification times
    assert len(list(private_cache.rglob("runs/*/run.json"))) == 2
    warm, _ = tables.extract_to(corpus, tmp_path / "again")
    assert warm.cached == 10 and output(tmp_path / "again") == output(tmp_path / "out2")


# --- robustness: any cut, splice and insertion of seed text extracts, and rows point into it ---

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PIECES = ("开发区", "经开区", "产业园", "亿元", "万元", "—", "、", "“", "”", "（", "）", "项目")
PIECES += ("分别", "一期", "产业链", "\n", "。", "总投资", "该公司", "原", "等", "更名为")
PIECES += ("（以下简称“开发区”）", "12个", "1.5")


@cache
def _seed_texts() -> tuple[str, ...]:
    docs, _ = tables.load_documents(SEEDS)
    return tuple(d.text for d in docs)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_any_splice_of_the_seeds_extracts_with_rows_inside_the_text(data) -> None:
    texts = _seed_texts()
    head, tail = data.draw(st.sampled_from(texts)), data.draw(st.sampled_from(texts))
    text = (
        head[: data.draw(st.integers(0, len(head)))] + tail[data.draw(st.integers(0, len(tail))) :]
    )
    for at, piece in data.draw(st.lists(st.tuples(st.floats(0, 1), st.sampled_from(PIECES)))):
        cut = int(at * len(text))
        text = text[:cut] + piece + text[cut:]
    doc = clean_document(parse_document("t", Path("t.txt"), text, "utf-8"))
    result = tables.document_result(doc)  # raising here is the failure this test looks for
    for name, rows in result.rows.items():
        columns = tables.schemas()[name].columns
        if "start" in columns:
            at_start, at_end = columns.index("start"), columns.index("end")
            assert all(0 <= r[at_start] <= r[at_end] <= len(doc.text) for r in rows), name
