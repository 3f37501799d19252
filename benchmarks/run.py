"""Benchmark harness (``make bench``): for each corpus size it generates (or reuses) the corpus,
times a cold extraction (``devzones extract --no-cache``) in a subprocess, reads that process's
peak RSS from ``wait4``, and times a bare decode + OpenCC pass over the same bytes as the floor.
It then compares time per MB and peak RSS at the largest size with 10x, ``--jobs 1`` with
``--jobs 2`` and a cache re-run with the cold run at 100x, and ``devzones report`` on the seeds
with its three notebooks replaced by empty ones, run through the report's own runner (papermill in
parallel, nbconvert export), and with one empty notebook. Each comparison is
checked against its target (PASS/FAIL, or n/a when the engine lacks the flag) and everything is
written as Markdown and CSV under ``benchmarks/results/`` with the machine, Python, date and
commit. Never part of ``make test``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import generate

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"

# Check name -> (limit, direction): "max" passes when value <= limit, "min" when >= limit.
TARGETS = {
    "extraction / floor": (8.0, "max"),
    "time per MB, largest / 10x": (1.2, "max"),
    "peak RSS, largest / 10x": (1.5, "max"),
    "time per MB, one long article": (1.2, "max"),
    "speed-up, jobs 2 over jobs 1": (1.6, "min"),
    "cache re-run / cold": (0.1, "max"),
    "report / empty-notebook floor": (1.5, "max"),
    "report / one empty notebook": (1.5, "max"),
}
CACHE_ENV = "DEVZONES_CACHE"  # where the engine keeps its per-document cache
SMALL_CORPUS_BYTES = 1_000_000  # below this, keep the fastest of three runs


# ---------------------------------------------------------------- running a measured subprocess


@dataclass(frozen=True)
class Run:
    """One finished subprocess: exit code, wall seconds, peak RSS (MB) and its output."""

    returncode: int
    wall: float
    rss_mb: float
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def failure(self) -> str:
        lines = [ln for ln in self.stderr.strip().splitlines() if ln.strip()]
        return lines[-1][:160] if lines else f"exit code {self.returncode}"


def run_measured(cmd: Sequence[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run ``cmd`` and reap it with ``wait4``: its rusage gives the peak RSS of the largest
    process in its tree (the child, or any descendant it waited for)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            proc.returncode,
            wall,
            usage.ru_maxrss / 1024,  # Linux reports kilobytes
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


@dataclass(frozen=True)
class Timing:
    """Repeated runs of one command: the fastest wall time (on a shared machine interference only
    ever adds time), the largest peak RSS, the output of the first failed run or else the
    last."""

    runs: tuple[Run, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.runs)

    @property
    def wall(self) -> float:
        return min(r.wall for r in self.runs)

    @property
    def rss_mb(self) -> float:
        return max(r.rss_mb for r in self.runs)

    @property
    def last(self) -> Run:
        """The first failed run, else the last one: what a failure note should quote."""
        return next((r for r in self.runs if not r.ok), self.runs[-1])


def child_env() -> dict[str, str]:
    """The environment for every child: this checkout's ``lib`` first on the import path."""
    env = {k: v for k, v in os.environ.items() if k != CACHE_ENV}  # each run picks its cache
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "lib"), env.get("PYTHONPATH")) if p)
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def devzones(*args: str) -> list[str]:
    return [sys.executable, "-m", "devzones.cli", *args]


def run_fresh(cmd: Sequence[str], env: dict[str, str]) -> Run:
    """Run ``cmd`` in a fresh working folder that also replaces ``{work}`` in its arguments, so
    its outputs, and a cache kept beside them, start empty."""
    with tempfile.TemporaryDirectory(prefix="devzones-bench-") as tmp:
        return run_measured([a.replace("{work}", tmp) for a in cmd], Path(tmp), env)


# ---------------------------------------------------------------- what the engine offers


def command_help(env: dict[str, str], command: str) -> str:
    """What ``devzones COMMAND --help`` prints (empty if there is no such command)."""
    run = run_measured(devzones(command, "--help"), ROOT, env)
    return run.stdout if run.ok else ""


def long_options(help_text: str) -> set[str]:
    return set(re.findall(r"--[a-z][a-z-]*", help_text))


def extract_cmd(
    corpus: Path, flags: set[str], *, jobs: int | None, cache: bool, engine: str | None
) -> tuple[list[str], list[str]]:
    """``devzones extract`` with the options asked for, and the options left out because the
    engine does not offer them."""
    wanted = []
    if jobs:
        wanted.append(["--jobs", str(jobs)])
    if not cache:
        wanted.append(["--no-cache"])
    if engine:
        wanted.append(["--engine", engine])
    cmd = devzones("extract", str(corpus), "--out", "{work}/out")
    for option in wanted:
        if option[0] in flags:
            cmd.extend(option)
    return cmd, [option[0] for option in wanted if option[0] not in flags]


def engine_seconds(stdout: str) -> float | None:
    """The time the extract command reports for itself ('... in 1.20 s'), if it does."""
    match = re.search(r" in (\d+(?:\.\d+)?) s\b", stdout)
    return float(match.group(1)) if match else None


def reported_seconds(timing: Timing) -> float | None:
    """The fastest of the times the runs reported for themselves, if they report any."""
    found = [s for s in (engine_seconds(r.stdout) for r in timing.runs) if s is not None]
    return min(found) if found else None


def documents_read(stdout: str) -> int | None:
    """The document count the extract command prints ('N documents -> OUT')."""
    match = re.search(r"(\d+) documents", stdout)
    return int(match.group(1)) if match else None


# ---------------------------------------------------------------- results


@dataclass
class Results:
    """Every figure of one benchmark run, as rows for the tables and the CSV."""

    meta: dict
    sizes: list[dict] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)
    stages: list[dict] = field(default_factory=list)

    def check(self, name: str, value: float | None, detail: str, note: str = "") -> None:
        limit, direction = TARGETS[name]
        if value is None:
            result = "n/a"
        elif direction == "max":
            result = "PASS" if value <= limit else "FAIL"
        else:
            result = "PASS" if value >= limit else "FAIL"
        target = f"{'<=' if direction == 'max' else '>='} {limit:g}"
        measured = "n/a" if value is None else f"{value:.2f}"
        self.checks.append(
            {
                "check": name,
                "detail": detail,
                "measured": measured,
                "target": target,
                "result": result,
                "note": note,
            }
        )
        print(f"  {result:4}  {name} [{detail}]: {measured} (target {target}) {note}".rstrip())

    def run(self, what: str, size: int | None, timing: Timing | None, note: str = "") -> None:
        row = {"run": what, "size": f"{size}x" if size else "", "note": note}
        if timing is not None:
            row |= {
                "wall_s": f"{timing.wall:.3f}",
                "peak_rss_mb": f"{timing.rss_mb:.0f}",
                "repeats": len(timing.runs),
                "ok": timing.ok,
            }
        self.runs.append(row)


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def cpu_model() -> str:
    text = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    match = re.search(r"model name\s*:\s*(.+)", text)
    return match.group(1).strip() if match else platform.processor()


def machine_info(args: argparse.Namespace) -> dict:
    dirty = "+dirty" if git("status", "--porcelain", "--untracked-files=no") else ""
    return {
        "date_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": git("rev-parse", "--short", "HEAD") + dirty,
        "branch": git("rev-parse", "--abbrev-ref", "HEAD"),
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_avg_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "quick": args.quick,
        "sizes": ",".join(f"{s}x" for s in args.sizes),
        "jobs": args.jobs,
        "corpus_seed": args.seed,
        "seeds_bytes": generate.seeds_total_bytes(),
    }


def markdown_table(rows: list[dict], columns: list[str]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(r.get(c, "")) for c in columns) + " |" for r in rows]
    return "\n".join(lines)


SIZE_COLUMNS = [
    "size",
    "files",
    "MB",
    "docs",
    "flags",
    "wall_s",
    "net_s",
    "engine_s",
    "MB_per_s",
    "s_per_MB",
    "peak_rss_mb",
    "floor_s",
    "floor_MB_per_s",
    "ratio",
    "engine_ratio",
    "gross_ratio",
    "note",
]
CSV_COLUMNS = [
    "date_utc",
    "commit",
    "cores",
    "python",
    "quick",
    "section",
    "name",
    "size",
    "value",
    "target",
    "result",
    "note",
]


def write_results(results: Results) -> tuple[Path, Path]:
    meta = results.meta
    stamp = meta["date_utc"].replace(":", "").replace("-", "")
    stem = f"{stamp}_{meta['commit'].replace('+', '-')}{'_quick' if meta['quick'] else ''}"
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    md_path, csv_path = RESULTS_DIR / f"{stem}.md", RESULTS_DIR / f"{stem}.csv"
    md = [
        f"# devzones benchmark, {meta['date_utc']}",
        "",
        "\n".join(f"- {k}: {v}" for k, v in meta.items()),
        "",
        "## Checks",
        "",
        markdown_table(results.checks, ["check", "detail", "measured", "target", "result", "note"]),
        "",
        "## Extraction by corpus size (cold: --no-cache; net = wall - CLI start-up)",
        "",
        markdown_table(results.sizes, SIZE_COLUMNS),
        "",
        "## Other runs",
        "",
        markdown_table(
            results.runs, ["run", "size", "wall_s", "peak_rss_mb", "repeats", "ok", "note"]
        ),
        "",
        "## Where extraction time goes (one process, stage by stage; x floor = seconds over the",
        "OpenCC floor's seconds on the same bytes)",
        "",
        markdown_table(results.stages, STAGE_COLUMNS),
        "",
    ]
    md_path.write_text("\n".join(md), encoding="utf-8")
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        ident = [meta["date_utc"], meta["commit"], meta["cores"], meta["python"], meta["quick"]]
        for row in results.sizes:
            for name in SIZE_COLUMNS[1:-1]:
                writer.writerow(
                    [
                        *ident,
                        "size",
                        name,
                        row["size"],
                        row.get(name, ""),
                        "",
                        "",
                        row.get("note", ""),
                    ]
                )
        for row in results.runs:
            writer.writerow(
                [
                    *ident,
                    "run",
                    row["run"],
                    row["size"],
                    row.get("wall_s", ""),
                    "",
                    "ok" if row.get("ok") else "",
                    row["note"],
                ]
            )
        for row in results.checks:
            writer.writerow(
                [
                    *ident,
                    "check",
                    row["check"],
                    row["detail"],
                    row["measured"],
                    row["target"],
                    row["result"],
                    row["note"],
                ]
            )
    return md_path, csv_path


# ---------------------------------------------------------------- the benchmark steps


@dataclass
class Context:
    args: argparse.Namespace
    env: dict[str, str]
    flags: set[str]
    startups: list[float]  # wall times of `devzones extract --help`, taken throughout
    results: Results
    net: dict[int, float] = field(default_factory=dict)  # size -> net cold seconds (jobs=args.jobs)
    rss: dict[int, float] = field(default_factory=dict)
    mb: dict[int, float] = field(default_factory=dict)
    engine: dict[int, float] = field(default_factory=dict)  # size -> engine's own seconds

    def sample_startup(self) -> None:
        """Time ``devzones extract --help``: interpreter start-up plus the CLI's imports."""
        self.startups.append(run_measured(devzones("extract", "--help"), ROOT, self.env).wall)

    @property
    def startup(self) -> float:
        """The fastest start-up seen so far, subtracted from wall times to give net times."""
        return min(self.startups)

    @property
    def noise(self) -> float:
        """Net times below this are start-up jitter, not work: the interquartile range of the
        start-up samples, at least 50 ms."""
        q1, _, q3 = statistics.quantiles(self.startups, n=4)
        return max(0.05, q3 - q1)


def repeats_for(manifest: dict, args: argparse.Namespace) -> int:
    if args.repeat:
        return args.repeat
    return 3 if manifest["bytes"] < SMALL_CORPUS_BYTES and not args.quick else 1


def run_floor(size: int, env: dict[str, str]) -> tuple[float, float]:
    """One floor run over corpus ``xN``: seconds of its conversion loop, and of its process."""
    corpus, manifest = generate.corpus_dir(size), generate.manifest_path(size)
    run = run_measured(
        [sys.executable, str(BENCH_DIR / "floor.py"), str(corpus), str(manifest)], ROOT, env
    )
    if not run.ok:
        raise RuntimeError(f"floor.py failed on {size}x: {run.failure()}")
    return json.loads(run.stdout)["seconds"], run.wall


def bench_size(ctx: Context, size: int) -> None:
    args = ctx.args
    manifest = generate.ensure_corpus(size, args.seed)
    corpus = generate.corpus_dir(size)
    mb = manifest["bytes"] / 1e6
    repeats = repeats_for(manifest, args)
    cmd, missing = extract_cmd(corpus, ctx.flags, jobs=args.jobs, cache=False, engine=args.engine)
    print(f"{size}x: {manifest['files']} files, {mb:.2f} MB; extracting ({repeats} run(s))")
    # Extraction and floor alternate, so both see the machine under the same load.
    runs, floors = [], []
    for _ in range(repeats):
        ctx.sample_startup()
        floors.append(run_floor(size, ctx.env))
        runs.append(run_fresh(cmd, ctx.env))
        if not runs[-1].ok:
            break
    extraction = Timing(tuple(runs))
    floor_s, floor_wall = min(f[0] for f in floors), min(f[1] for f in floors)
    row = {
        "size": f"{size}x",
        "files": manifest["files"],
        "MB": f"{mb:.2f}",
        "floor_s": f"{floor_s:.3f}",
        "floor_MB_per_s": f"{mb / floor_s:.1f}",
        "flags": " ".join(cmd[cmd.index("--out") + 2 :]),
    }
    if missing:
        row["note"] = "engine lacks " + ", ".join(missing)
    if not extraction.ok:
        row["note"] = f"extraction failed: {extraction.last.failure()}"
        ctx.results.sizes.append(row)
        ctx.results.check("extraction / floor", None, f"{size}x", "extraction failed")
        return
    net = extraction.wall - ctx.startup
    engine_s = reported_seconds(extraction)
    if engine_s is not None:
        ctx.engine[size] = engine_s
    row |= {
        "docs": documents_read(extraction.last.stdout),
        "engine_s": "" if engine_s is None else f"{engine_s:.3f}",
        "engine_ratio": "" if engine_s is None else f"{engine_s / floor_s:.1f}",
        "wall_s": f"{extraction.wall:.3f}",
        "peak_rss_mb": f"{extraction.rss_mb:.0f}",
        "gross_ratio": f"{extraction.wall / floor_wall:.1f}",
    }
    if row["docs"] is not None and row["docs"] < manifest["files"]:
        read = f"read {row['docs']} of {manifest['files']} files"
        row["note"] = "; ".join(filter(None, (row.get("note"), read)))
    ctx.results.sizes.append(row)
    print(
        f"  wall {extraction.wall:.2f}s (start-up {ctx.startup:.2f}s), peak RSS "
        f"{extraction.rss_mb:.0f} MB; floor {floor_s:.3f}s ({mb / floor_s:.1f} MB/s)"
    )
    if net < ctx.noise:
        row["net_s"] = f"<{ctx.noise:.2f}"
        note = f"net wall time within start-up noise ({ctx.noise:.2f}s)"
        if engine_s is None:
            ctx.results.check("extraction / floor", None, f"{size}x", note)
        else:  # fall back on the engine's own timing, which start-up does not blur
            note += f"; engine's own timing, {mb / engine_s:.2f} MB/s"
            ctx.results.check("extraction / floor", engine_s / floor_s, f"{size}x", note)
        return
    ctx.net[size], ctx.rss[size], ctx.mb[size] = net, extraction.rss_mb, mb
    row |= {
        "net_s": f"{net:.3f}",
        "MB_per_s": f"{mb / net:.2f}",
        "s_per_MB": f"{net / mb:.3f}",
        "ratio": f"{net / floor_s:.1f}",
    }
    ctx.results.check("extraction / floor", net / floor_s, f"{size}x", f"{mb / net:.2f} MB/s net")


def bench_scaling(ctx: Context) -> None:
    """Time per MB and peak RSS at the largest size measured (1000x in a full run) against 10x.
    The note gives the same time ratio from the engine's own timings, which start-up noise on the
    short 10x run does not blur."""
    base, top = 10, max(ctx.net, default=0)
    if base not in ctx.net or top <= base:
        note = "needs measured net times at 10x and a larger size"
        ctx.results.check("time per MB, largest / 10x", None, "", note)
        ctx.results.check("peak RSS, largest / 10x", None, "", note)
        return
    per_mb = {s: ctx.net[s] / ctx.mb[s] for s in (base, top)}
    note = f"{per_mb[top]:.3f} vs {per_mb[base]:.3f} s/MB"
    if base in ctx.engine and top in ctx.engine:
        engine_per_mb = {s: ctx.engine[s] / ctx.mb[s] for s in (base, top)}
        note += f"; engine's own timing: {engine_per_mb[top] / engine_per_mb[base]:.2f}"
    ctx.results.check(
        "time per MB, largest / 10x", per_mb[top] / per_mb[base], f"{top}x vs {base}x", note
    )
    ctx.results.check(
        "peak RSS, largest / 10x",
        ctx.rss[top] / ctx.rss[base],
        f"{top}x vs {base}x",
        f"{ctx.rss[top]:.0f} vs {ctx.rss[base]:.0f} MB",
    )


STAGE_COLUMNS = ["size", "stage", "seconds", "share", "MB_per_s", "x_floor"]


def bench_stages(ctx: Context, size: int = 10) -> None:
    """Seconds per stage of extraction at ``size`` (``stages.py``), set against the floor."""
    if size not in ctx.args.sizes:
        return
    corpus = generate.corpus_dir(size)
    run = run_measured([sys.executable, str(BENCH_DIR / "stages.py"), str(corpus)], ROOT, ctx.env)
    if not run.ok:
        ctx.results.run("stages.py", size, Timing((run,)), run.failure())
        return
    found = json.loads(run.stdout)
    floor_s, _ = run_floor(size, ctx.env)
    mb, total = found["bytes"] / 1e6, sum(found["seconds"].values())
    for stage, seconds in [*found["seconds"].items(), ("total", total)]:
        ctx.results.stages.append(
            {
                "size": f"{size}x",
                "stage": stage,
                "seconds": f"{seconds:.3f}",
                "share": f"{seconds / total:.0%}",
                "MB_per_s": f"{mb / seconds:.1f}",
                "x_floor": f"{seconds / floor_s:.1f}",
            }
        )
    print(
        f"  stages at {size}x: "
        + ", ".join(f"{r['stage']} {r['seconds']}s" for r in ctx.results.stages)
    )


def bench_long_article(ctx: Context) -> None:
    """Time per MB of one article made of many files (``long_article.py``), 8x against 1x its
    length: a document's cost must grow linearly too, not only a corpus's."""
    size = comparison_size(ctx)
    corpus = generate.corpus_dir(size)
    files = min(60, sum(1 for _ in corpus.rglob("*.txt")) // 8)
    cmd = [sys.executable, str(BENCH_DIR / "long_article.py"), str(corpus), "--files", str(files)]
    run = run_measured(cmd, ROOT, ctx.env)
    if not run.ok:
        ctx.results.run("long_article.py", size, Timing((run,)), run.failure())
        return
    short, long = json.loads(run.stdout)
    per_mb = [r["seconds"] / (r["bytes"] / 1e6) for r in (short, long)]
    for r, s_per_mb in zip((short, long), per_mb, strict=True):
        mb = r["bytes"] / 1e6
        note = f"{r['files']} files as one, {mb:.2f} MB: {r['seconds']:.2f}s, {s_per_mb:.3f} s/MB"
        ctx.results.run("extract one long article", size, None, note)
    detail = f"{long['files']} vs {short['files']} files of {size}x"
    note = f"{per_mb[1]:.3f} vs {per_mb[0]:.3f} s/MB"
    ctx.results.check("time per MB, one long article", per_mb[1] / per_mb[0], detail, note)


def comparison_size(ctx: Context) -> int:
    """100x for the jobs and cache comparisons, or the largest size when 100x is not run."""
    return 100 if 100 in ctx.args.sizes else max(ctx.args.sizes)


JOBS_REPEATS = 2


def bench_jobs(ctx: Context) -> None:
    """Cold runs with ``--jobs 1`` and ``--jobs 2``, ``JOBS_REPEATS`` of each, alternating; the
    fastest of each counts (one run each was seen to swing the ratio by 0.1 on 2 cores)."""
    name, size = "speed-up, jobs 2 over jobs 1", comparison_size(ctx)
    if "--jobs" not in ctx.flags:
        ctx.results.check(name, None, f"{size}x", "engine has no --jobs")
        return
    commands = {
        jobs: extract_cmd(
            generate.corpus_dir(size), ctx.flags, jobs=jobs, cache=False, engine=ctx.args.engine
        )[0]
        for jobs in (1, 2)
    }
    runs: dict[int, list[Run]] = {1: [], 2: []}
    for _ in range(1 if ctx.args.quick else JOBS_REPEATS):
        for jobs, cmd in commands.items():
            runs[jobs].append(run_fresh(cmd, ctx.env))
    net: dict[int, float] = {}
    for jobs, done in runs.items():
        timing = Timing(tuple(done))
        net[jobs] = timing.wall - ctx.startup
        what = f"extract --jobs {jobs} --no-cache"
        ctx.results.run(
            what, size, timing, f"net {net[jobs]:.2f}s" if timing.ok else timing.last.failure()
        )
        if not timing.ok:
            ctx.results.check(name, None, f"{size}x", f"--jobs {jobs} failed")
            return
    if min(net.values()) < ctx.noise:
        ctx.results.check(name, None, f"{size}x", "net times within start-up noise")
        return
    ctx.results.check(name, net[1] / net[2], f"{size}x", f"net {net[1]:.2f}s vs {net[2]:.2f}s")


def bench_cache(ctx: Context) -> None:
    """A run that fills the cache, then the same run again, against the cold --no-cache run."""
    name, size = "cache re-run / cold", comparison_size(ctx)
    if "--no-cache" not in ctx.flags or size not in ctx.net:
        note = (
            "engine has no --no-cache"
            if "--no-cache" not in ctx.flags
            else "no measurable cold run"
        )
        ctx.results.check(name, None, f"{size}x", note)
        return
    cmd, _ = extract_cmd(
        generate.corpus_dir(size), ctx.flags, jobs=ctx.args.jobs, cache=True, engine=ctx.args.engine
    )
    # Both runs share one working folder and one cache folder.
    with tempfile.TemporaryDirectory(prefix="devzones-bench-cache-") as tmp:
        cmd = [a.replace("{work}", tmp) for a in cmd]
        env = ctx.env | {CACHE_ENV: str(Path(tmp) / "cache")}
        first = run_measured(cmd, Path(tmp), env)
        second = run_measured(cmd, Path(tmp), env) if first.ok else first
        monthly = _one_new_article(cmd, Path(tmp), env) if second.ok else second
    for what, run in (("fills the cache", first), ("re-run on the cache", second)):
        ctx.results.run(f"extract ({what})", size, Timing((run,)), "" if run.ok else run.failure())
    hits = re.search(r"(\d+) from cache", monthly.stdout)
    ctx.results.run(
        "extract (re-run with one new article)",
        size,
        Timing((monthly,)),
        f"net {monthly.wall - ctx.startup:.2f}s; {hits[1] if hits else '?'} documents from cache"
        if monthly.ok
        else monthly.failure(),
    )
    cold, limit = ctx.net[size], TARGETS[name][0]
    if not second.ok:
        ctx.results.check(name, None, f"{size}x", "cached run failed")
        return
    if cold * limit < ctx.noise:
        note = f"cold run ({cold:.2f}s net) too short to resolve {limit:g}x against start-up noise"
        ctx.results.check(name, None, f"{size}x", note)
        return
    warm = max(second.wall - ctx.startup, 0.0)
    hits = re.search(r"(\d+) from cache", second.stdout)
    note = f"net {warm:.2f}s vs cold {cold:.2f}s (filling run {first.wall - ctx.startup:.2f}s)"
    ctx.results.check(
        name, warm / cold, f"{size}x", note + (f"; {hits[1]} documents from cache" if hits else "")
    )


def _one_new_article(cmd: list[str], work: Path, env: dict[str, str]) -> Run:
    """The monthly case: the cached corpus plus one article it has not seen."""
    corpus = Path(cmd[cmd.index("extract") + 1])
    grown = work / "grown"
    shutil.copytree(corpus, grown)
    shutil.copy(next(iter(sorted((ROOT / "seeds").glob("*.txt")))), grown / "new-article.txt")
    return run_measured([str(grown) if a == str(corpus) else a for a in cmd], work, env)


def report_cmd(help_text: str) -> list[str] | None:
    """``devzones report`` on the seeds into the working folder, written the way its ``--help``
    says it takes the corpus (positional or ``--corpus``) and the output folder."""
    if not help_text:
        return None
    seeds = str(ROOT / "seeds")
    cmd = devzones("report", *(["--corpus", seeds] if "--corpus" in help_text else [seeds]))
    return cmd + (["--out", "{work}/report"] if "--out" in help_text else [])


def bench_report(ctx: Context) -> None:
    """``devzones report`` on the seeds against the empty-notebook floors: the report's runner
    with three empty notebooks (the report's own three replaced), and with one. Whole processes,
    the fastest of three runs of each, alternating."""
    repeats = 1 if ctx.args.quick else 3
    cmd = report_cmd(command_help(ctx.env, "report"))
    if cmd is None:
        for name in ("report / empty-notebook floor", "report / one empty notebook"):
            ctx.results.check(name, None, "seeds", "no report command yet")
        return
    floor = [sys.executable, str(BENCH_DIR / "notebook_floor.py"), "--out", "{work}/nb"]
    commands = {"report": cmd, "floor": floor, "one": [*floor, "--notebooks", "1"]}
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            runs[name].append(run_fresh(command, ctx.env))
    timing = {name: Timing(tuple(done)) for name, done in runs.items()}
    labels = {
        "report": "devzones report seeds",
        "floor": "three empty notebooks (report runner: papermill + nbconvert)",
        "one": "one empty notebook (report runner: papermill + nbconvert)",
    }
    for name, label in labels.items():
        t = timing[name]
        ctx.results.run(label, None, t, "" if t.ok else t.last.failure())
    report = timing["report"]
    for name, check in (
        ("floor", "report / empty-notebook floor"),
        ("one", "report / one empty notebook"),
    ):
        floor_timing = timing[name]
        if not (report.ok and floor_timing.ok):
            ctx.results.check(check, None, "seeds", "a run failed")
            continue
        ctx.results.check(
            check,
            report.wall / floor_timing.wall,
            "seeds",
            f"{report.wall:.1f}s vs {floor_timing.wall:.1f}s",
        )


def bench_report_at_scale(ctx: Context) -> None:
    """``devzones report`` on the largest corpus up to 100x, cold (its extraction included) and
    again on its cache: for sizing, not checked against a target."""
    sizes = [s for s in ctx.args.sizes if s <= 100 and generate.corpus_dir(s).is_dir()]
    help_text = command_help(ctx.env, "report")
    if not sizes or "--corpus" not in help_text:
        return
    size = max(sizes)
    with tempfile.TemporaryDirectory(prefix="devzones-bench-report-") as tmp:
        cmd = devzones("report", "--corpus", str(generate.corpus_dir(size)), "--out", tmp)
        env = ctx.env | {CACHE_ENV: str(Path(tmp) / "cache")}
        cold = run_measured(cmd, Path(tmp), env)
        warm = run_measured(cmd, Path(tmp), env) if cold.ok else cold
    for what, run in (("cold", cold), ("on the extraction cache", warm)):
        label = f"devzones report ({what})"
        ctx.results.run(label, size, Timing((run,)), "" if run.ok else run.failure())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=generate.parse_sizes,
        default=None,
        help="corpus sizes in multiples of the seeds (default 1,10,100,1000; 1,10 with --quick)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="--jobs for the size sweep (default 1)")
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default=None,
        help="pass --engine to every extraction (default: the engine's own)",
    )
    parser.add_argument(
        "--repeat", type=int, default=0, help="runs per size (default: 3 below 1 MB, else 1)"
    )
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED, help="corpus seed")
    parser.add_argument("--skip-report", action="store_true", help="skip the report comparison")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="development run: sizes 1,10, one run each, comparisons at the "
        "largest size; results are marked quick",
    )
    args = parser.parse_args(argv)
    if args.sizes is None:
        args.sizes = [1, 10] if args.quick else [1, 10, 100, 1000]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    env = child_env()
    flags = long_options(command_help(env, "extract"))
    if not flags:
        print("devzones extract is not available", file=sys.stderr)
        return 2
    results = Results(machine_info(args))
    results.meta["extract_flags"] = " ".join(sorted(flags - {"--help", "--out"}))
    ctx = Context(args, env, flags, [], results)
    for _ in range(5):
        ctx.sample_startup()
    print(f"devzones extract start-up {ctx.startup:.2f}s; flags {results.meta['extract_flags']}")
    for size in args.sizes:
        bench_size(ctx, size)
    bench_scaling(ctx)
    bench_stages(ctx)
    bench_long_article(ctx)
    bench_jobs(ctx)
    bench_cache(ctx)
    if not args.skip_report:
        bench_report(ctx)
        bench_report_at_scale(ctx)
    results.meta["load_avg_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results.meta["cli_startup_s"] = (
        f"{ctx.startup:.3f} (noise {ctx.noise:.3f}, {len(ctx.startups)} samples)"
    )
    md_path, csv_path = write_results(results)
    print(f"results: {md_path.relative_to(ROOT)}, {csv_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
