"""Where extraction time goes: read (decode and parse), clean (rules and OpenCC), zone mentions,
investment, chains, zone relations and industries, timed stage by stage over every file of a
generated corpus in one process, plus the corpus-level step (build the batch frames, resolve
zones, link, sort and write) timed as ``devzones extract`` does it. Run as a subprocess by
``run.py``; prints one JSON line: the corpus bytes and seconds per stage.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from devzones import chains, investment, tables, zones
from devzones.clean import clean_document
from devzones.corpus import CorpusError, corpus_files, doc_id_of, read_document

STAGES = ("read", "clean", "zone mentions", "investment", "chains", "relations, industries")


def time_stages(corpus: Path) -> dict:
    seconds = dict.fromkeys(STAGES, 0.0)
    files = tables.corpus_order(corpus_files(corpus), corpus)
    results = []
    for path in files:
        t0 = time.perf_counter()
        try:
            raw = read_document(path, doc_id_of(path, corpus))
        except (CorpusError, OSError):
            continue
        t1 = time.perf_counter()
        doc = clean_document(raw)
        t2 = time.perf_counter()
        mentions = zones.mention_rows(doc)
        t3 = time.perf_counter()
        investment.rows(doc, mentions)
        t4 = time.perf_counter()
        chains.rows(doc)
        t5 = time.perf_counter()
        zones.relation_rows(doc, mentions)
        zones.industry_rows(doc, mentions)
        t6 = time.perf_counter()
        marks = (t0, t1, t2, t3, t4, t5, t6)
        for stage, a, b in zip(STAGES, marks[:-1], marks[1:], strict=True):
            seconds[stage] += b - a
        results.append(tables.document_result(doc))
    with tempfile.TemporaryDirectory(prefix="devzones-stages-") as out:
        t0 = time.perf_counter()
        pipeline = tables._Pipeline(Path(out))
        for result in results:
            pipeline.add(result)
        with tables._FileSink(Path(out)) as sink:
            pipeline.finish(sink)
        seconds["corpus level"] = time.perf_counter() - t0
    return {"bytes": sum(p.stat().st_size for p in files), "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a generated corpus folder (corpora/xN)")
    print(json.dumps(time_stages(parser.parse_args().corpus)))


if __name__ == "__main__":
    main()
