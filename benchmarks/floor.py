"""The extraction floor: decode every file of a generated corpus with the encoding its manifest
records and convert it Traditional -> Simplified with OpenCC, the least work any extraction of
that corpus has to do. Run as a subprocess by ``run.py``; prints one JSON line with the files,
bytes and characters handled and the seconds the loop took (interpreter start-up and imports
excluded, so the figure can be compared with the extraction's time net of its start-up).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import opencc


def convert_corpus(corpus: Path, articles: list[dict]) -> dict:
    converter = opencc.OpenCC("t2s")
    start = time.perf_counter()
    nbytes = chars = 0
    for article in articles:
        data = (corpus / article["name"]).read_bytes()
        chars += len(converter.convert(data.decode(article["encoding"])))
        nbytes += len(data)
    seconds = time.perf_counter() - start
    return {"files": len(articles), "bytes": nbytes, "chars": chars, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a generated corpus folder (corpora/xN)")
    parser.add_argument("manifest", type=Path, help="its manifest (corpora/xN.json)")
    args = parser.parse_args()
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    print(json.dumps(convert_corpus(args.corpus, manifest["articles"])))


if __name__ == "__main__":
    main()
