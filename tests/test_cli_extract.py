"""`devzones extract` on the seeds: the contract files, byte-identical re-runs, the cache, job
counts and engines that agree, and bad input reported without stopping the run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from devzones import cli

CONTRACT = {
    "documents": ["doc_id", "title", "date", "source", "script", "chars"],
    "zones": ["zone_id", "name", "aliases", "kind", "level", "city"],
    "zone_mentions": ["doc_id", "zone_id", "surface", "start", "end"],
    "investments": [
        "doc_id",
        "project",
        "company",
        "zone_id",
        "amount_yuan",
        "measure",
        "status",
        "start",
        "end",
    ],
    "chains": ["doc_id", "name", "stages", "category"],
}


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DEVZONES_CACHE", str(folder))
    return folder


def run(capsys: pytest.CaptureFixture, *argv: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def output_bytes(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_extract_seeds_writes_the_contract_tables(
    seeds_dir: Path, seed_docs: dict, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run(capsys, "extract", seeds_dir, "--out", out)
    assert code == 0, stderr
    assert "5 documents (0 from cache, 5 extracted), 0 skipped" in stdout
    for name, required in CONTRACT.items():
        raw = (out / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{name}.csv has no BOM"
        csv = pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False)
        assert set(required) <= set(csv.columns), name
        parquet = pd.read_parquet(out / f"{name}.parquet")
        assert list(parquet.columns) == list(csv.columns) and len(parquet) == len(csv), name
    documents = pd.read_csv(out / "documents.csv", encoding="utf-8-sig")
    assert documents["doc_id"].tolist() == sorted(seed_docs)
    assert documents["chars"].tolist() == [len(seed_docs[d].text) for d in sorted(seed_docs)]
    assert not list(out.glob(".*")), "temporary files left behind"


def test_rerun_hits_the_cache_and_gives_identical_bytes(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert run(capsys, "extract", seeds_dir, "--out", tmp_path / "first")[0] == 0
    code, stdout, _ = run(capsys, "extract", seeds_dir, "--out", tmp_path / "second")
    assert code == 0
    assert "5 documents (5 from cache, 0 extracted)" in stdout
    code, stdout, _ = run(capsys, "extract", seeds_dir, "--out", tmp_path / "third", "--no-cache")
    assert "(0 from cache, 5 extracted)" in stdout
    first = output_bytes(tmp_path / "first")
    assert len(first) == 14  # 7 tables, CSV + Parquet
    assert output_bytes(tmp_path / "second") == first
    assert output_bytes(tmp_path / "third") == first


def test_jobs_2_equals_jobs_1(seeds_dir: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "extract", seeds_dir, "--out", tmp_path / "one", "--no-cache")
    code, _, stderr = run(
        capsys, "extract", seeds_dir, "--out", tmp_path / "two", "--jobs", 2, "--no-cache"
    )
    assert code == 0, stderr
    assert output_bytes(tmp_path / "two") == output_bytes(tmp_path / "one")


def test_dask_engine_equals_local(seeds_dir: Path, tmp_path: Path, capsys) -> None:
    pytest.importorskip("dask.distributed", reason="dask is an optional extra: pip install .[dask]")
    run(capsys, "extract", seeds_dir, "--out", tmp_path / "local", "--no-cache")
    code, _, stderr = run(
        capsys, "extract", seeds_dir, "--out", tmp_path / "dask", "--engine", "dask", "--no-cache"
    )
    assert code == 0, stderr
    assert output_bytes(tmp_path / "dask") == output_bytes(tmp_path / "local")


def test_bad_files_are_named_and_skipped(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(next(iter(sorted(seeds_dir.glob("*.txt")))), corpus)
    (corpus / "blank.txt").write_bytes(b"")
    code, stdout, stderr = run(capsys, "extract", corpus, "--out", tmp_path / "out")
    assert code == 0
    assert "skipped blank.txt: " in stderr
    assert "1 documents" in stdout and "1 skipped" in stdout

    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / "blank.txt").write_bytes(b"  \n")
    code, _, stderr = run(capsys, "extract", only_bad, "--out", tmp_path / "out2")
    assert code == 1
    assert "skipped blank.txt" in stderr


def test_missing_corpus_folder_exits_2_naming_it(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "no-such-folder"
    code, _, stderr = run(capsys, "extract", missing, "--out", tmp_path / "out")
    assert code == 2
    assert str(missing) in stderr
    assert not (tmp_path / "out").exists()


def test_scheduler_without_dask_engine_is_refused(seeds_dir: Path, tmp_path: Path, capsys) -> None:
    code, _, stderr = run(
        capsys, "extract", seeds_dir, "--out", tmp_path / "o", "--scheduler", "tcp://x:8786"
    )
    assert code == 2 and "--engine dask" in stderr


def test_jobs_must_be_positive(seeds_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["extract", str(seeds_dir), "--out", str(tmp_path / "o"), "--jobs", "0"])
    assert exit_info.value.code == 2
