"""Run the extractors over a corpus and build the workbook's tables (documents, zones,
zone_mentions, investments, chains, plus any table a theme module lists in its ``EXTRA_TABLES``);
write them as CSV (UTF-8 with BOM, so Excel/WPS open them right) and Parquet, atomically. The work
is split in two: ``extract_document`` is a pure function of one file (read, clean, extract rows
with zone mentions still unresolved), so it can be cached, run in a process pool or on a dask
cluster; a pipeline then takes the results in doc_id order, makes one frame per table for every
batch of documents, and, once the zone resolver has seen every batch, resolves, links and sorts
each batch and hands it to a sink: files written chunk by chunk (``extract_to``, constant memory)
or frames in memory (``extract_corpus``). Rows are sorted by (doc_id, start, end), so a corpus
always gives the same bytes.
"""

from __future__ import annotations

import codecs
import os
import pickle
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Protocol, TextIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from devzones import chains, investment, zones
from devzones.cache import ResultCache, atomic_write, corpus_key
from devzones.clean import Document, clean_document
from devzones.corpus import (
    CorpusError,
    LoadError,
    corpus_files,
    doc_id_of,
    iter_corpus,
    name_in_corpus,
    read_document,
)
from devzones.frames import Schema

DOCUMENT_COLUMNS = [
    "doc_id",
    "title",
    "date",
    "source",
    "author",
    "script",
    "encoding",
    "chars",
    "stories",
]
TABLE_NAMES = ("documents", "zones", "zone_mentions", "investments", "chains")
ENGINES = ("local", "dask")
SORT_KEYS = ("doc_id", "start", "end")
SURFACE_SUFFIX = "zone_surface"
# Documents per batch: the unit of streaming and of frame building. Every table's dtypes are fixed
# by its schema, so the batch size shows only in how Parquet files are cut into row groups. 50
# keeps peak memory near the interpreter's own (200 cost 55 MB more for no gain in speed).
BATCH_SIZE = 50
PROGRESS_MIN_FILES = 20
POOL_CHUNK = 8  # files per task sent to a worker process
AUTO_JOBS_MIN_FILES = 20  # documents to extract before more than one process pays (--jobs auto)
AUTO_JOBS_MAX = 8  # each worker holds ~150 MB: a many-core server is not filled unless asked
DASK_SLICE = 2000  # files per dask computation


@dataclass(frozen=True)
class DocResult:
    """Everything one file contributes: its documents row and, per table, its rows as tuples in
    the table's ``SCHEMAS`` column order (``zone_mentions`` without zone_id; other tables name
    zones by ``*zone_surface``). Tuples, not frames: small, quick to pickle and to cache."""

    doc_id: str
    document: dict[str, object]
    rows: dict[str, list[tuple]]


@dataclass
class ExtractStats:
    """What a run did; ``cached`` counts documents whose results came from the cache."""

    files: int = 0
    documents: int = 0
    skipped: int = 0
    cached: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        return (
            f"{self.documents} documents ({self.cached} from cache, "
            f"{self.documents - self.cached} extracted), {self.skipped} skipped "
            f"in {self.seconds:.2f} s"
        )


@dataclass
class Tables:
    """The workbook's tables for one corpus, plus the files that were skipped."""

    documents: pd.DataFrame
    zones: pd.DataFrame
    zone_mentions: pd.DataFrame
    investments: pd.DataFrame
    chains: pd.DataFrame
    errors: list[LoadError] = field(default_factory=list)
    extra: dict[str, pd.DataFrame] = field(default_factory=dict)
    stats: ExtractStats = field(default_factory=ExtractStats)

    def items(self) -> Iterable[tuple[str, pd.DataFrame]]:
        yield from ((name, getattr(self, name)) for name in TABLE_NAMES)
        yield from sorted(self.extra.items())

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name) if name in TABLE_NAMES else self.extra[name]


class EngineError(RuntimeError):
    """An engine that cannot run here (e.g. dask not installed)."""


def document_row(doc: Document) -> dict:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "date": doc.date,
        "source": doc.source,
        "author": doc.author,
        "script": doc.script,
        "encoding": doc.encoding,
        "chars": len(doc.text),
        "stories": len(doc.stories),
    }


def documents_table(docs: Iterable[Document]) -> pd.DataFrame:
    return pd.DataFrame([document_row(d) for d in docs], columns=DOCUMENT_COLUMNS)


def load_documents(corpus: str | Path) -> tuple[list[Document], list[LoadError]]:
    """Load and clean every readable article under ``corpus``."""
    docs: list[Document] = []
    errors: list[LoadError] = []
    for item in iter_corpus(corpus):
        if isinstance(item, LoadError):
            errors.append(item)
        else:
            docs.append(clean_document(item))
    return docs, errors


# --- per document -------------------------------------------------------------------------

THEMES = (zones, chains, investment)


def schemas() -> dict[str, Schema]:
    """Every per-document table's schema: the contract's three, then each theme's extras."""
    found = {
        "zone_mentions": zones.MENTION_SCHEMA,
        "investments": investment.SCHEMA,
        "chains": chains.SCHEMA,
    }
    for module in THEMES:
        found |= {name: spec[0] for name, spec in getattr(module, "EXTRA_TABLES", {}).items()}
    return found


def document_rows(doc: Document) -> dict[str, list[dict]]:
    """Every theme's rows for one cleaned document; zone mentions are not resolved yet."""
    mentions = zones.mention_rows(doc)
    found = {
        "zone_mentions": mentions,
        "investments": investment.rows(doc, mentions),
        "chains": chains.rows(doc),
    }
    for module in THEMES:
        for name, (_, extract) in getattr(module, "EXTRA_TABLES", {}).items():
            found[name] = extract(doc, mentions)
    return found


def document_result(doc: Document) -> DocResult:
    specs = schemas()
    values = {name: specs[name].values(rows) for name, rows in document_rows(doc).items()}
    return DocResult(doc.doc_id, document_row(doc), values)


def extract_document(path: str | Path, root: str | Path | None = None) -> DocResult:
    """Read, clean and extract one file of the corpus folder ``root`` (which names it: see
    ``doc_id_of``; by default its folder). Pure: the result depends on the file, its name and
    the code only. Raises ``CorpusError``/``OSError`` for a file that cannot be read."""
    path = Path(path)
    doc_id = doc_id_of(path, Path(root)) if root is not None else None
    return document_result(clean_document(read_document(path, doc_id)))


def _extract_or_error(path: str | Path, root: str | Path) -> DocResult | LoadError:
    """``extract_document`` that turns any failure into a ``LoadError``: one bad file, or one
    extractor bug on an odd file, must not stop a run over thousands."""
    path = Path(path)
    name = name_in_corpus(path, Path(root))
    try:
        return extract_document(path, root)
    except (CorpusError, OSError) as exc:
        return LoadError(path, str(exc).removeprefix(f"{path.name}: "), name)
    except Exception as exc:
        return LoadError(path, f"extraction failed ({type(exc).__name__}: {exc})", name)


# --- corpus level -------------------------------------------------------------------------


def _concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate, skipping empty frames; all empty gives the first frame's (empty) columns."""
    full = [f for f in frames if not f.empty]
    if not full:
        return frames[0].iloc[0:0] if frames else pd.DataFrame()
    return full[0].reset_index(drop=True) if len(full) == 1 else pd.concat(full, ignore_index=True)


def _sorted(df: pd.DataFrame, keys: Sequence[str] = SORT_KEYS) -> pd.DataFrame:
    present = [k for k in keys if k in df.columns]
    return df.sort_values(present, kind="stable", ignore_index=True) if present else df


def unique_forms(zone_table: pd.DataFrame) -> dict[str, str]:
    """Names and aliases that belong to exactly one zone, with that zone's id."""
    owners: dict[str, set[str]] = {}
    forms = zip(zone_table["zone_id"], zone_table["name"], zone_table["aliases"], strict=True)
    for zone_id, name, aliases in forms:
        for form in [name, *str(aliases or "").split("|")]:
            if form:
                owners.setdefault(form, set()).add(zone_id)
    return {form: ids.pop() for form, ids in owners.items() if len(ids) == 1}


@dataclass(frozen=True)
class ZoneLookup:
    """Which zone a surface form names: first the zone of its first resolved mention in the same
    document, else the one zone that has it as its name or an alias (ambiguous forms get none)."""

    in_doc: dict[tuple[str, str], str]
    unique: dict[str, str]

    @classmethod
    def build(
        cls, mentions: pd.DataFrame, zone_table: pd.DataFrame, unique: dict[str, str] | None = None
    ) -> ZoneLookup:
        resolved = _sorted(mentions.dropna(subset=["zone_id"]))
        in_doc: dict[tuple[str, str], str] = {}
        cols = (resolved[c].tolist() for c in ("doc_id", "surface", "zone_id"))
        for key in zip(*cols, strict=True):
            in_doc.setdefault(key[:2], key[2])
        return cls(in_doc, unique_forms(zone_table) if unique is None else unique)

    def zone_id(self, doc_id: str, surface: str) -> str | None:
        return self.in_doc.get((doc_id, surface), self.unique.get(surface))


def link_zones(df: pd.DataFrame, lookup: ZoneLookup) -> pd.DataFrame:
    """Give every ``<x>zone_surface`` column a ``<x>zone_id`` column next to it (filling only the
    gaps when the extractor already set some ids)."""
    surfaces = [c for c in df.columns if c.endswith(SURFACE_SUFFIX)]
    if not surfaces:
        return df
    df = df.copy()
    for col in surfaces:
        target = col.removesuffix(SURFACE_SUFFIX) + "zone_id"
        pairs = zip(df["doc_id"].tolist(), df[col].tolist(), strict=True)
        ids = pd.Series(
            [lookup.zone_id(d, s) for d, s in pairs],
            index=df.index,
            dtype="str",
        )
        if target in df.columns:
            df[target] = df[target].where(df[target].notna(), ids)
        else:
            df.insert(df.columns.get_loc(col) + 1, target, ids)
    return df


class _Spill:
    """Each batch's frames, set aside between the passes: in memory, or pickled in a folder so
    that a large corpus never has to fit in memory."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._held: dict[str, dict[str, pd.DataFrame]] = {}

    def put(self, key: str, frames: dict[str, pd.DataFrame]) -> None:
        if self.folder is None:
            self._held[key] = frames
        else:
            (self.folder / f"{key}.pkl").write_bytes(pickle.dumps(frames, protocol=5))

    def get(self, key: str) -> dict[str, pd.DataFrame]:
        if self.folder is None:
            return self._held.pop(key)
        path = self.folder / f"{key}.pkl"
        frames = pickle.loads(path.read_bytes())
        path.unlink()
        return frames


class Sink(Protocol):
    """Where finished tables go, one sorted chunk at a time (chunks come in doc_id order)."""

    def write(self, name: str, chunk: pd.DataFrame) -> None: ...


class _FrameSink:
    """Collects the chunks and concatenates them into whole tables."""

    def __init__(self) -> None:
        self.chunks: dict[str, list[pd.DataFrame]] = {}

    def write(self, name: str, chunk: pd.DataFrame) -> None:
        self.chunks.setdefault(name, []).append(chunk)

    def frames(self) -> dict[str, pd.DataFrame]:
        return {name: _concat(chunks) for name, chunks in self.chunks.items()}


class _Pipeline:
    """Gathers per-document results in doc_id order, turns every ``BATCH_SIZE`` documents' rows
    into one frame per table and sets it aside; ``finish`` then resolves zones batch by batch,
    links every table to zone ids and hands each batch's sorted chunk to a sink. Memory holds one
    batch, the documents rows and the zone statistics, whatever the corpus size (with a folder
    to spill to)."""

    def __init__(self, spill: Path | None = None) -> None:
        self.schemas = schemas()
        self.documents: list[dict[str, object]] = []
        self.errors: list[LoadError] = []
        self.resolver = zones.Resolver()
        self._spill = _Spill(spill)
        self._pending: dict[str, list[tuple]] = {name: [] for name in self.schemas}
        self._in_batch: list[str] = []
        self._batches = 0

    def add(self, item: DocResult | LoadError) -> None:
        if isinstance(item, LoadError):
            self.errors.append(item)
            return
        # a batch holds whole doc_ids, so that sorting batch by batch sorts the whole table
        if len(self._in_batch) >= BATCH_SIZE and item.doc_id != self._in_batch[-1]:
            self.flush()
        self.documents.append(item.document)
        for name, values in item.rows.items():
            self._pending[name].extend(values)
        self._in_batch.append(item.doc_id)

    def flush(self) -> None:
        if not self._in_batch and self._batches:
            return
        frames = {name: self.schemas[name].frame(v) for name, v in self._pending.items()}
        self.resolver.learn(frames["zone_mentions"])
        self._spill.put(f"b{self._batches:06d}", frames)
        self._pending = {name: [] for name in self.schemas}
        self._in_batch = []
        self._batches += 1

    def finish(self, sink: Sink) -> ExtractStats:
        self.flush()
        keys = [f"b{i:06d}" for i in range(self._batches)]
        for key in keys:  # resolving counts the zones' statistics, so every batch comes first
            frames = self._spill.get(key)
            frames["zone_mentions"] = self.resolver.resolve(frames["zone_mentions"])
            self._spill.put(key, frames)
        zone_table = self.resolver.zones()
        unique = unique_forms(zone_table)
        sink.write("documents", _sorted(pd.DataFrame(self.documents, columns=DOCUMENT_COLUMNS)))
        sink.write("zones", _sorted(zone_table, ("zone_id",)))
        for key in keys:
            frames = self._spill.get(key)
            mentions = frames.pop("zone_mentions")
            lookup = ZoneLookup.build(mentions, zone_table, unique)
            sink.write("zone_mentions", _sorted(mentions))
            for name, df in frames.items():
                sink.write(name, _sorted(link_zones(df, lookup)))
        return ExtractStats(
            files=len(self.documents) + len(self.errors),
            documents=len(self.documents),
            skipped=len(self.errors),
        )

    def tables(self) -> Tables:
        sink = _FrameSink()
        stats = self.finish(sink)
        frames = sink.frames()
        return Tables(
            **{name: frames.pop(name) for name in TABLE_NAMES},
            errors=list(self.errors),
            extra=frames,
            stats=stats,
        )


def build_tables(docs: list[Document], errors: list[LoadError] | None = None) -> Tables:
    """Extract every theme from cleaned documents and resolve zones across the corpus."""
    pipeline = _Pipeline()
    for doc in sorted(docs, key=lambda d: d.doc_id):
        pipeline.add(document_result(doc))
    pipeline.errors.extend(errors or [])
    return pipeline.tables()


# --- engines ------------------------------------------------------------------------------

Runner = Callable[[list[Path], Path], Iterable[DocResult | LoadError]]


@contextmanager
def _local_engine(jobs: int) -> Iterator[Runner]:
    """In-process for one job, else a process pool fed in chunks; results come back in order."""
    if jobs == 1:
        yield lambda paths, root: map(_extract_or_error, paths, repeat(root))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # every file is queued at once, so workers never wait while this process builds frames
        yield lambda paths, root: pool.map(
            _extract_or_error, paths, repeat(root), chunksize=POOL_CHUNK
        )


def _import_dask():
    try:
        import dask.bag as bag
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineError(
            "the dask engine needs the optional dask extra: pip install -e '.[dask]'"
        ) from exc
    return bag, Client, LocalCluster


@contextmanager
def _dask_client(jobs: int, scheduler: str | None):
    """A client of the scheduler at ``scheduler``, or of a local cluster of worker processes."""
    _, Client, LocalCluster = _import_dask()
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # dashboard on any free port: never clash with another cluster on the default 8787
    with (
        LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@contextmanager
def _dask_engine(jobs: int, scheduler: str | None) -> Iterator[Runner]:
    """The same per-document function over a dask.bag of paths. With a remote scheduler the
    corpus must be on a file system the workers can read."""
    bag, _, _ = _import_dask()
    with _dask_client(jobs, scheduler) as client:
        workers = len(client.scheduler_info()["workers"]) or jobs

        def run(paths: list[Path], root: Path) -> Iterator[DocResult | LoadError]:
            for start in range(0, len(paths), DASK_SLICE):  # results held: one slice's
                part = [str(p) for p in paths[start : start + DASK_SLICE]]
                items = bag.from_sequence(part, npartitions=min(len(part), 2 * workers))
                yield from client.compute(items.map(_extract_or_error, str(root))).result()

        yield run


def _engine(engine: str, jobs: int, scheduler: str | None):
    if engine == "local":
        return _local_engine(jobs)
    return _dask_engine(jobs, scheduler)


def check_engine(engine: str) -> None:
    """Fail early and clearly on an unknown engine, or on dask when the extra is missing."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "dask":
        _import_dask()


def usable_cores() -> int:
    """The cores this process may run on (a container's or a batch job's limit, not the
    machine's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def jobs_for(jobs: int | None, files: int) -> int:
    """Worker processes for ``files`` documents to extract: ``jobs`` as given, or (None) one per
    usable core, up to ``AUTO_JOBS_MAX``, once there are enough documents to repay starting them,
    else one."""
    if jobs is not None:
        return jobs
    return min(usable_cores(), AUTO_JOBS_MAX) if files >= AUTO_JOBS_MIN_FILES else 1


@contextmanager
def _lazy_engine(engine: str, jobs: int | None, scheduler: str | None) -> Iterator[Runner]:
    """Start the pool or cluster only when some document is not in the cache: a fully cached
    run should not pay for worker start-up (nor, with ``jobs`` None, a run with a few new
    documents for more than one process)."""
    check_engine(engine)
    with ExitStack() as stack:
        started: list[Runner] = []

        def run(paths: list[Path], root: Path) -> Iterable[DocResult | LoadError]:
            if not paths:
                return []
            if not started:
                workers = jobs_for(jobs, len(paths))
                started.append(stack.enter_context(_engine(engine, workers, scheduler)))
            return started[0](paths, root)

        yield run


def show_progress(files: int, stream: TextIO = sys.stderr) -> bool:
    """A progress bar only for a person watching a long run."""
    return files > PROGRESS_MIN_FILES and stream.isatty()


def _file_keys(store: ResultCache | None, files: list[Path], root: Path) -> dict[Path, str]:
    """Each readable file's cache key; an unreadable file gets none and is left to the
    extractor, which reports it."""
    keys: dict[Path, str] = {}
    for path in files if store is not None else []:
        with suppress(OSError):
            keys[path] = store.key(path, root)
    return keys


def corpus_order(files: Iterable[Path], root: Path) -> list[Path]:
    """Files in doc_id order (see ``doc_id_of``), so that batches, and the tables' rows, come
    out sorted."""
    return sorted(files, key=lambda p: doc_id_of(p, root))


def _open_cache(cache: bool | str | Path) -> ResultCache | None:
    return None if cache is False else ResultCache.open(None if cache is True else cache)


def _feed(
    pipeline: _Pipeline,
    root: Path,
    files: list[Path],
    store: ResultCache | None,
    keys: dict[Path, str],
    *,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    progress: bool | None,
) -> int:
    """Extract every file into ``pipeline`` (from the cache ``store`` where ``keys`` find a
    stored result); return how many documents came from the cache."""
    cached = 0
    bar = tqdm(
        total=len(files),
        unit="doc",
        file=sys.stderr,
        disable=not (show_progress(len(files)) if progress is None else progress),
    )
    hits = {p for p in files if p in keys and store is not None and store.has(keys[p])}
    with bar, _lazy_engine(engine, jobs, scheduler) as run:
        extracted = iter(run([p for p in files if p not in hits], root))
        for path in files:
            item = store.get(keys[path]) if path in hits else None
            if item is not None:
                cached += 1
            else:  # not stored, or an unreadable entry: extract it now
                item = _extract_or_error(path, root) if path in hits else next(extracted)
                if path in keys and isinstance(item, DocResult):
                    store.put(keys[path], item)
            pipeline.add(item)
            bar.update()
    return cached


def extract_corpus(
    corpus: str | Path,
    *,
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
    cache: bool | str | Path = True,
    progress: bool | None = None,
) -> Tables:
    """Load, clean and extract a whole folder of articles into tables in memory.

    ``jobs`` worker processes (1: in this process; None: see ``jobs_for``), ``engine`` "local"
    or "dask" (with ``scheduler`` an address, else a local cluster), ``cache`` True for the
    default cache folder, a folder, or False; ``progress`` None shows a bar when stderr is a
    terminal and the corpus is large. The tables are the same whatever the engine, job count or
    cache state. For a corpus too large for memory, ``extract_to`` writes the same tables batch
    by batch.
    """
    began = time.perf_counter()
    root = Path(corpus)
    files = corpus_order(corpus_files(root), root)
    store = _open_cache(cache)
    keys = _file_keys(store, files, root)
    pipeline = _Pipeline()
    options = dict(jobs=jobs, engine=engine, scheduler=scheduler, progress=progress)
    cached = _feed(pipeline, root, files, store, keys, **options)
    tables = pipeline.tables()
    tables.stats.cached = cached
    tables.stats.seconds = time.perf_counter() - began
    return tables


def extract_to(
    corpus: str | Path,
    out: str | Path,
    *,
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
    cache: bool | str | Path = True,
    progress: bool | None = None,
) -> tuple[ExtractStats, list[LoadError]]:
    """``extract_corpus`` straight to ``out/<table>.csv`` and ``.parquet``, in constant memory:
    each batch's frames wait in a spill folder inside ``out`` between the passes, and every table
    is written chunk by chunk. Each file appears whole (renamed into place at the end); a run
    that fails leaves the previous files as they were."""
    began = time.perf_counter()
    root = Path(corpus)
    files = corpus_order(corpus_files(root), root)  # a missing corpus fails before out is made
    check_engine(engine)
    out = Path(out)
    store = _open_cache(cache)
    keys = _file_keys(store, files, root)
    run_key = corpus_key(keys[p] for p in files) if store and len(keys) == len(files) else None
    if run_key and (record := store.restore(run_key, out)) is not None:
        errors = [LoadError(root / name, reason, name) for name, reason in record["skipped"]]
        stats = ExtractStats(len(files), record["documents"], len(errors), record["documents"])
        stats.seconds = time.perf_counter() - began
        return stats, errors
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".spill-", dir=out) as spill:
        pipeline = _Pipeline(Path(spill))
        options = dict(jobs=jobs, engine=engine, scheduler=scheduler, progress=progress)
        cached = _feed(pipeline, root, files, store, keys, **options)
        with _FileSink(out) as sink:
            stats = pipeline.finish(sink)
    if run_key:
        skipped = [[e.label, e.reason] for e in pipeline.errors]
        record = {"documents": stats.documents, "skipped": skipped}
        store.keep(run_key, out, sink.file_names(), record)
    stats.cached = cached
    stats.seconds = time.perf_counter() - began
    return stats, pipeline.errors


# --- output -------------------------------------------------------------------------------


def write_table(df: pd.DataFrame, out: Path, name: str) -> None:
    atomic_write(out / f"{name}.csv", lambda p: df.to_csv(p, index=False, encoding="utf-8-sig"))
    atomic_write(out / f"{name}.parquet", lambda p: df.to_parquet(p, index=False))


def write_tables(tables: Tables, out: str | Path) -> None:
    out = Path(out)
    for name, df in tables.items():
        write_table(df, out, name)


class _TableFile:
    """One table's CSV (UTF-8 with BOM) and Parquet files, written chunk by chunk under temporary
    names: the CSV rows of each chunk, the Parquet rows as one row group per chunk."""

    def __init__(self, out: Path, name: str, first: pd.DataFrame) -> None:
        self.targets = [out / f"{name}.csv", out / f"{name}.parquet"]
        tag = f"{os.getpid()}.{secrets.token_hex(4)}"
        self.temps = [p.with_name(f".{p.name}.{tag}.tmp") for p in self.targets]
        self.schema = pa.Schema.from_pandas(first, preserve_index=False)
        self.csv = open(self.temps[0], "wb")  # noqa: SIM115 (closed in close)
        self.csv.write(codecs.BOM_UTF8 + first.iloc[0:0].to_csv(index=False).encode())
        self.parquet = pq.ParquetWriter(self.temps[1], self.schema)
        self.rows = 0

    def write(self, chunk: pd.DataFrame) -> None:
        if chunk.empty and self.rows:
            return
        self.csv.write(chunk.to_csv(index=False, header=False).encode())
        table = pa.Table.from_pandas(chunk, schema=self.schema, preserve_index=False)
        self.parquet.write_table(table)
        self.rows += len(chunk)

    def close(self, keep: bool) -> None:
        self.csv.close()
        self.parquet.close()
        for temp, target in zip(self.temps, self.targets, strict=True):
            if keep:
                os.replace(temp, target)
            else:
                temp.unlink(missing_ok=True)


class _FileSink:
    """Streams every table to its files; all of them are renamed into place only when the whole
    run succeeded."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.files: dict[str, _TableFile] = {}

    def write(self, name: str, chunk: pd.DataFrame) -> None:
        if name not in self.files:
            self.files[name] = _TableFile(self.out, name, chunk)
        self.files[name].write(chunk)

    def file_names(self) -> list[str]:
        return [t.name for table in self.files.values() for t in table.targets]

    def __enter__(self) -> _FileSink:
        return self

    def __exit__(self, kind, *_) -> None:
        for table in self.files.values():
            table.close(keep=kind is None)
