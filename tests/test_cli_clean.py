"""``devzones clean CORPUS --out DIR`` on the seeds plus bad files written into a tmp corpus."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from devzones.clean import Document
from devzones.cli import main

REQUIRED = ["doc_id", "title", "date", "source", "author", "script", "chars", "stories"]


@pytest.fixture()
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    return folder


def test_clean_writes_texts_and_documents(
    corpus: Path, tmp_path: Path, seed_docs: dict[str, Document], capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "out"
    assert main(["clean", str(corpus), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "empty.txt: empty file" in captured.err
    assert "binary.txt: binary data" in captured.err
    assert "5 documents cleaned, 2 skipped" in captured.out

    for doc_id, doc in seed_docs.items():
        assert (out / f"{doc_id}.txt").read_text(encoding="utf-8") == doc.text
    assert sorted(p.name for p in out.glob("*.txt")) == sorted(f"{i}.txt" for i in seed_docs)

    table = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype={"date": str})
    assert set(REQUIRED) <= set(table.columns)
    rows = table.set_index("doc_id")
    assert sorted(rows.index) == sorted(seed_docs)
    for doc_id, doc in seed_docs.items():
        assert rows.loc[doc_id, "chars"] == len(doc.text)
        assert rows.loc[doc_id, "script"] == doc.script
        assert rows.loc[doc_id, "stories"] == len(doc.stories)
    assert rows.loc["004_1da46b55b94cd9e7", "title"] == "太忻一体化经济区建设出台系列措施"
    assert rows.loc["004_1da46b55b94cd9e7", "date"] == "2022-05-19"
    assert rows.loc["002_90b2ec0d50a39f48", "stories"] == 4


def test_clean_with_nothing_readable_exits_1(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    assert main(["clean", str(folder), "--out", str(tmp_path / "out")]) == 1
    assert "empty.txt: empty file" in capsys.readouterr().err


def test_clean_missing_folder_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["clean", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "not found" in capsys.readouterr().err


def test_the_command_flushes_its_output_and_keeps_its_exit_status(
    corpus: Path, tmp_path: Path
) -> None:
    """The command ends without interpreter teardown: what it printed, the files it wrote and
    its exit status must all survive that."""
    command = [sys.executable, "-m", "devzones.cli", "clean", str(corpus)]
    done = subprocess.run(
        [*command, "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith(f"5 documents cleaned, 2 skipped -> {tmp_path / 'out'}")
    assert "skipped empty.txt" in done.stderr
    assert len(list((tmp_path / "out").glob("*.txt"))) == 5
    missing = subprocess.run(
        [sys.executable, "-m", "devzones.cli", "clean", str(tmp_path / "nowhere"), "--out", "x"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 2 and "corpus folder not found" in missing.stderr
    helped = subprocess.run(
        [sys.executable, "-m", "devzones.cli", "--help"], capture_output=True, text=True, timeout=60
    )
    assert helped.returncode == 0 and helped.stdout.startswith("usage: devzones")
    misused = subprocess.run(
        [sys.executable, "-m", "devzones.cli", "clean"], capture_output=True, text=True, timeout=60
    )
    assert misused.returncode == 2 and "required" in misused.stderr
