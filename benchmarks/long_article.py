"""One long article: the first N files of a generated corpus, decoded and joined into a single
text (a yearbook or a whole newspaper issue saved as one file), extracted by
``tables.extract_document`` at N and 8·N files. Linear code takes the same time per MB at both
lengths; a rule that rescans the document for every figure or mention shows as a growing ratio.
Run as a subprocess by ``run.py``; prints one JSON line: bytes and seconds at each length.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from devzones import tables
from devzones.corpus import corpus_files, doc_id_of, read_document


def time_lengths(corpus: Path, files: int) -> list[dict]:
    paths = tables.corpus_order(corpus_files(corpus), corpus)[: files * 8]
    texts = [read_document(p, doc_id_of(p, corpus)).text for p in paths]
    found = []
    with tempfile.TemporaryDirectory(prefix="devzones-long-") as tmp:
        article = Path(tmp) / "long.txt"
        for n in (files, files * 8):
            article.write_text("\n".join(texts[:n]), encoding="utf-8")
            t0 = time.perf_counter()
            tables.extract_document(article, tmp)
            seconds = time.perf_counter() - t0
            found.append({"files": n, "bytes": article.stat().st_size, "seconds": seconds})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a generated corpus folder (corpora/xN)")
    parser.add_argument("--files", type=int, default=60, help="files in the shorter article")
    args = parser.parse_args()
    print(json.dumps(time_lengths(args.corpus, args.files)))


if __name__ == "__main__":
    main()
