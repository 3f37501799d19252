"""Generate the benchmark corpora: article-sized files (2-15 KB) mixing paragraphs of the project's
``seeds/`` with paragraphs written from templates (dates, zone names from the repository's
gazetteer or a built-in list of Shanxi places and kind words, amounts, companies, projects and
industry chains from ``vocab.py``), dressed as the web pages and newspaper scans the project reads:
page furniture, repeated paragraphs, Traditional script (OpenCC s2t), pinyin annotations such as
``區(qū)`` with doubled punctuation, CRLF line ends, and encodings UTF-8, UTF-8 with BOM, GB18030,
Big5 (Traditional only) and UTF-16. A corpus of size N holds about N times the seeds' total bytes
and is written to ``benchmarks/corpora/xN/`` with a manifest ``xN.json`` beside it (each file's
encoding and script). Every file draws from its own RNG seeded by (seed, file number), so output is
deterministic and a smaller corpus is a prefix of a larger one.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import shutil
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import opencc
import vocab

GENERATOR_VERSION = 1
BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
SEEDS_DIR = ROOT / "seeds"
GAZETTEER_DIR = ROOT / "lib" / "devzones" / "data"
CORPORA_DIR = BENCH_DIR / "corpora"
DEFAULT_SEED = 20240905
MIN_BYTES, MAX_BYTES = 2_000, 15_000
FILES_PER_FOLDER = 1000

_PINYIN = re.compile(r"(\S)\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)")
_NOT_BODY = re.compile(r"来源|作者|编辑|当前的位置|http")
# Encodings by script, with weights; Big5 only carries Traditional text.
ENCODINGS = {
    "simplified": (("utf-8", 50), ("utf-8-sig", 15), ("gb18030", 20), ("utf-16", 15)),
    "traditional": (
        ("utf-8", 35),
        ("utf-8-sig", 10),
        ("big5", 30),
        ("gb18030", 10),
        ("utf-16", 15),
    ),
}
# Rough encoded bytes per character, to aim each article at its size before encoding it.
BYTES_PER_CHAR = {"utf-8": 2.75, "utf-8-sig": 2.75, "gb18030": 2.0, "big5": 2.0, "utf-16": 2.0}
# How much pinyin annotations grow an article's bytes (ASCII letters cost 2 bytes in UTF-16).
PINYIN_GROWTH = {"utf-8": 1.33, "utf-8-sig": 1.33, "gb18030": 1.5, "big5": 1.5, "utf-16": 1.8}


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


# ---------------------------------------------------------------- inputs: seeds and gazetteer


def seed_files(seeds_dir: Path = SEEDS_DIR) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


def seeds_total_bytes(seeds_dir: Path = SEEDS_DIR) -> int:
    """1x: the seeds' total size on disk."""
    return sum(p.stat().st_size for p in seed_files(seeds_dir))


def harvest_pinyin(texts: list[str]) -> dict[str, str]:
    """Character -> pinyin, as the annotated seeds write it (``區(qū)``); first reading wins."""
    readings: dict[str, str] = {}
    for text in texts:
        for char, reading in _PINYIN.findall(text):
            readings.setdefault(char, reading)
    return dict(sorted(readings.items()))


def normalise_seed(text: str) -> str:
    """Seed text as plain Simplified: annotations dropped, doubled punctuation undone."""
    text = _converter("t2s").convert(_PINYIN.sub(r"\1", text))
    for doubled, single in ((",,", ","), (",、", "、"), (",。", "。"), (",;", ";")):
        text = text.replace(doubled, single)
    return text


def seed_paragraphs(texts: list[str]) -> tuple[str, ...]:
    """Body paragraphs of the seeds (long lines with a full stop, not header or furniture lines
    such as 来源/作者), deduplicated."""
    seen: dict[str, None] = {}
    for text in texts:
        for line in normalise_seed(text).splitlines():
            line = line.strip()
            if len(line) >= 30 and "。" in line and not _NOT_BODY.search(line):
                seen.setdefault(line, None)
    return tuple(seen)


def gazetteer_names(folder: Path = GAZETTEER_DIR) -> tuple[str, ...]:
    """Zone names and short names from the repository's gazetteer CSVs (rows with a ``name``
    column; empty if there is none)."""
    names: set[str] = set()
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                for key in ("name", "zone_name", "名称"):
                    if row.get(key):
                        names.add(row[key].strip())
                        break
                aliases = row.get("short_names") or row.get("aliases") or ""
                names.update(a.strip() for a in re.split(r"[|;、]", aliases))
    return tuple(sorted(n for n in names if len(n) >= 3))


def builtin_zone_names() -> tuple[str, ...]:
    """Place x kind word, for when the repository has no gazetteer yet."""
    names = [place + kind for place in vocab.PLACES for kind in vocab.ZONE_KINDS]
    return tuple(names) + vocab.PROVINCE_ZONES


def inputs_digest(seed: int, size: int) -> str:
    """Changes whenever anything the corpus is made from changes, so stale corpora are rebuilt."""
    h = hashlib.sha256(f"{GENERATOR_VERSION}:{seed}:{size}".encode())
    sources = [*seed_files(), *sorted(GAZETTEER_DIR.glob("*.csv"))]
    for path in [*sources, BENCH_DIR / "vocab.py", Path(__file__).resolve()]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class Material:
    """Everything articles are built from, loaded once per corpus."""

    paragraphs: tuple[str, ...]
    zones: tuple[str, ...]
    zone_source: str
    pinyin: dict[str, str]


def load_material() -> Material:
    texts = [p.read_text(encoding="utf-8-sig") for p in seed_files()]
    zones = gazetteer_names()
    source = "gazetteer" if zones else "built-in"
    return Material(
        seed_paragraphs(texts), zones or builtin_zone_names(), source, harvest_pinyin(texts)
    )


# ---------------------------------------------------------------- templated text


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals (三十, 二十五)."""
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else vocab.CN_DIGITS[tens]) + "十" if tens else ""
    return head + (vocab.CN_DIGITS[ones] if ones or not tens else "")


def amount(rng: random.Random) -> str:
    """A money figure as news writes it: 12.5亿元, 约8000万元, 三十亿元, 5至8亿元."""
    qualifier = rng.choice(vocab.AMOUNT_QUALIFIERS)
    roll = rng.random()
    if roll < 0.25:
        return f"{qualifier}{rng.randrange(500, 9900, 100)}万元"
    if roll < 0.35:
        return f"{qualifier}{cn_number(rng.randint(2, 99))}亿元"
    if roll < 0.45:
        low = rng.randint(1, 40)
        return f"{low}{rng.choice('至到—')}{low + rng.randint(1, 20)}亿元"
    value = rng.choice((f"{rng.randint(1, 300)}", f"{rng.uniform(0.5, 120):.1f}"))
    return f"{qualifier}{value}亿元"


def month_day(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def person(rng: random.Random) -> str:
    given = "".join(rng.choice(vocab.GIVEN_CHARS) for _ in range(rng.randint(1, 2)))
    return rng.choice(vocab.SURNAMES) + given


def company(rng: random.Random) -> str:
    place = rng.choice(("山西", "", rng.choice(vocab.PLACES)))
    brand = "".join(rng.sample(vocab.BRAND_CHARS, 2))
    return place + brand + rng.choice(vocab.COMPANY_TRADES) + rng.choice(vocab.COMPANY_FORMS)


def project(rng: random.Random) -> str:
    cap = rng.choice((1, 2, 3, 5, 10, 20, 30, 50))
    return rng.choice(vocab.PROJECT_FORMS).format(cap=cap, product=rng.choice(vocab.PRODUCTS))


# How to draw each kind of template field; ``zone``, ``chain`` and ``stages`` need more context.
DRAWS: dict[str, Callable[[random.Random], str]] = {
    "company": company,
    "project": project,
    "amount": amount,
    "md": month_day,
    "category": lambda rng: rng.choice(vocab.CHAIN_CATEGORIES),
    "place": lambda rng: rng.choice(vocab.PLACES),
    "year": lambda rng: str(rng.randint(2019, 2025)),
    "pct": lambda rng: f"{rng.uniform(2, 45):.1f}",
    "jobs": lambda rng: str(rng.randrange(50, 3000, 10)),
    "n": lambda rng: str(rng.randint(3, 60)),
    "ordinal": lambda rng: rng.choice("一二三四"),
}


class Fields(dict):
    """Template fields drawn on first use, so a field repeated in one template keeps its value.
    ``{chain}`` and ``{stages}`` share one chain; ``{chain2}`` etc. draw others."""

    def __init__(self, rng: random.Random, material: Material) -> None:
        super().__init__()
        self.rng = rng
        self.material = material
        self.chain = rng.choice(vocab.CHAINS)

    def __missing__(self, key: str) -> str:
        self[key] = self._draw(key)
        return self[key]

    def _draw(self, key: str) -> str:
        rng = self.rng
        if key == "chain":
            return self.chain[0]
        if key == "stages":
            stages = self.chain[1]
            start = rng.randint(0, max(0, len(stages) - 3))
            return rng.choice(("—", "—", "-", "——", "→")).join(stages[start:])
        kind = key.rstrip("0123456789")
        if kind == "chain":
            return rng.choice(vocab.CHAINS)[0]
        if kind == "zone":
            return rng.choice(self.material.zones)
        return DRAWS[kind](rng)


TEMPLATES = (
    "{md}，{zone}举行{year}年第{ordinal}批重点项目集中签约活动，共签约项目{n}个，总投资{amount}。",
    "{company}{project}落户{zone}，项目总投资{amount}，达产后可实现年产值{amount2}，"
    "新增就业岗位{jobs}个。",
    "{zone}围绕{chain}，着力构建“{stages}”的完整链条，目前已集聚上下游企业{n}家，"
    "产业链配套率达到{pct}%。",
    "{year}年，{zone}完成固定资产投资{amount}，同比增长{pct}%；规模以上工业增加值增长{pct2}%，"
    "营业收入突破{amount2}。",
    "全省{n}条{category}产业链中，{zone}承担{chain}、{chain2}的“链主”企业培育任务，"
    "{year}年链上企业产值有望达到{amount}。",
    "在{zone}，{company}的生产车间内一派繁忙景象。企业负责人介绍，{project}一期已于{md}投产，"
    "二期计划投资{amount}，预计{year}年底建成。",
    "{zone}管委会相关负责人表示，下一步将持续深化“承诺制+标准地+全代办”改革，"
    "力争全年新签约项目{n}个以上，完成固定资产投资{amount}。",
    "据了解，此次集中开工的项目包括{project}、{project2}、{project3}等，总投资{amount}，"
    "涉及{chain}、{chain2}等领域。",
    "{md}上午，{company}与{zone}签订投资协议，双方将合作建设{project}，计划总投资{amount}，"
    "建成后年销售收入可达{amount2}。",
    "作为{place}转型发展的主阵地，{zone}聚焦{chain}，引进{company}等龙头企业，"
    "带动{n}家配套企业入驻，形成了“{stages}”一体化发展格局。",
)


def template_paragraph(rng: random.Random, material: Material) -> str:
    return rng.choice(TEMPLATES).format_map(Fields(rng, material))


# ---------------------------------------------------------------- one article


def title(rng: random.Random, material: Material) -> str:
    slogan = rng.choice(vocab.TITLE_SLOGANS)
    return rng.choice(
        (f"{rng.choice(material.zones)}：{slogan}", rng.choice(vocab.PLACES) + slogan, slogan)
    )


def header(rng: random.Random, headline: str) -> str:
    """Web-page or newspaper-page header lines above the body."""
    year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    hour, minute = rng.randint(6, 22), rng.randint(0, 59)
    source, author = rng.choice(vocab.SOURCES), person(rng)
    style = rng.randrange(4)
    if style == 0:
        return (
            f"您当前的位置 : {rng.choice(vocab.SITES)} >> {rng.choice(vocab.COLUMNS)}\n\n"
            f"{headline}\n\n来源:{source} 作者:{author} "
            f"{year}年{month:02d}月{day:02d}日 {hour:02d}:{minute:02d}\n\n"
        )
    if style == 1:
        return (
            f"首页>{rng.choice(vocab.COLUMNS)}> 正文\n{headline}\n"
            f"{year}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{rng.randint(0, 59):02d} "
            f"来源:{source}   作者:{author}  责任编辑:{person(rng)}\n\n"
        )
    if style == 2:
        return f"{headline}\n\n{year}年{month}月{day}日 来源：{source}\n\n"
    return (
        f"\n\n{rng.choice(vocab.PAPER_TITLES)}\n\n专刊\n\n{year}年第{rng.randint(1, 52)}期\n\n"
        f"{headline}\n\n——{rng.choice(vocab.SUBHEADINGS)}\n\n"
    )


def furniture(rng: random.Random) -> str:
    line = rng.choice(vocab.FURNITURE)
    return line.format(
        editor=person(rng),
        author=person(rng),
        source=rng.choice(vocab.SOURCES),
        num=rng.randrange(10**17),
    )


def body(rng: random.Random, material: Material, budget: int, limit: int) -> list[str]:
    """Paragraphs (about half from the seeds, half from templates) until ``budget`` characters,
    never passing ``limit``."""
    paragraphs: list[str] = []
    used = 0
    while used < budget:
        para = paragraph(rng, material, paragraphs)
        if used + len(para) > limit:
            if paragraphs:
                break
            para = para[:limit]
        paragraphs.append(para)
        used += len(para) + 2
    return paragraphs


def paragraph(rng: random.Random, material: Material, previous: list[str]) -> str:
    roll = rng.random()
    if roll < 0.08:
        return rng.choice(vocab.SUBHEADINGS)
    if roll < 0.12:
        return furniture(rng)
    if roll < 0.15 and previous:  # pages repeat a paragraph now and then
        return rng.choice(previous)
    if roll < 0.18:  # a second story on the same page
        lead = template_paragraph(rng, material)
        return f"{title(rng, material)}\n\n{rng.choice(vocab.SOURCES)} 近日，{lead}"
    if roll < 0.6:
        return rng.choice(material.paragraphs)
    return "".join(template_paragraph(rng, material) for _ in range(rng.randint(1, 3)))


def annotate_pinyin(text: str, readings: dict[str, str]) -> str:
    """Write a reading after every annotated character, as some converted pages do: 區(qū)."""
    return text.translate({ord(c): f"{c}({r})" for c, r in readings.items()})


def double_punctuation(text: str, rng: random.Random) -> str:
    """Full-width commas become ASCII, and some punctuation gets a stray comma before it."""

    def one(m: re.Match[str]) -> str:
        mark = "," if m.group() == "，" else m.group()
        return "," + mark if rng.random() < 0.5 else mark

    return re.sub("[，、。]", one, text)


@dataclass(frozen=True)
class Article:
    name: str
    encoding: str
    script: str
    pinyin: bool
    crlf: bool
    chars: int
    bytes: int


def choose(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    names, weights = zip(*weighted, strict=True)
    return rng.choices(names, weights)[0]


def make_article(number: int, seed: int, material: Material) -> tuple[Article, bytes]:
    """Article ``number`` of every corpus made with ``seed``: its description and its bytes."""
    rng = random.Random(f"{seed}:{number}")
    script = "traditional" if rng.random() < 0.35 else "simplified"
    pinyin = script == "traditional" and rng.random() < 0.4
    encoding = choose(rng, ENCODINGS[script])
    if pinyin and encoding == "big5":  # Big5 has no tone-marked letters
        encoding = "utf-8"
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    indent = rng.choice(("", "  ", "\u3000\u3000"))
    headline = title(rng, material)
    head = header(rng, headline)
    per_char = BYTES_PER_CHAR[encoding] * (PINYIN_GROWTH[encoding] if pinyin else 1)
    budget, limit = (int(n / per_char) - len(head) for n in (target, 0.97 * MAX_BYTES))
    paragraphs = body(rng, material, budget, limit)
    text = head + "\n\n".join(indent + p for p in paragraphs) + "\n"
    if script == "traditional":  # Big5 pages use Taiwan forms (為, 群), others OpenCC's (爲, 羣)
        text = _converter("s2tw" if encoding == "big5" else "s2t").convert(text)
    if pinyin:
        text = double_punctuation(annotate_pinyin(text, material.pinyin), rng)
    crlf = rng.random() < 0.1
    if crlf:
        text = text.replace("\n", "\r\n")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # a character outside Big5: such pages are served as GB18030
        encoding = "gb18030"
        data = text.encode(encoding)
    digest = hashlib.sha1(data).hexdigest()[:12]
    name = f"{number // FILES_PER_FOLDER:03d}/{number:06d}_{digest}.txt"
    return Article(name, encoding, script, pinyin, crlf, len(text), len(data)), data


# ---------------------------------------------------------------- corpora


def corpus_dir(size: int, root: Path = CORPORA_DIR) -> Path:
    return root / f"x{size}"


def manifest_path(size: int, root: Path = CORPORA_DIR) -> Path:
    return root / f"x{size}.json"


def read_manifest(size: int, root: Path = CORPORA_DIR) -> dict | None:
    path = manifest_path(size, root)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def summarise(articles: list[Article]) -> dict:
    sizes = [a.bytes for a in articles]
    return {
        "files": len(articles),
        "bytes": sum(sizes),
        "file_bytes": {"min": min(sizes), "median": statistics.median(sizes), "max": max(sizes)},
        "encodings": dict(sorted(Counter(a.encoding for a in articles).items())),
        "scripts": dict(sorted(Counter(a.script for a in articles).items())),
        "pinyin_annotated": sum(a.pinyin for a in articles),
        "crlf": sum(a.crlf for a in articles),
    }


def generate(size: int, seed: int = DEFAULT_SEED, root: Path = CORPORA_DIR) -> dict:
    """Write corpus ``xN`` (about N x the seeds' bytes) and its manifest; return the manifest."""
    material = load_material()
    target = size * seeds_total_bytes()
    final, tmp = corpus_dir(size, root), root / f".x{size}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    articles: list[Article] = []
    total = 0
    while total < target:
        article, data = make_article(len(articles), seed, material)
        path = tmp / article.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        articles.append(article)
        total += article.bytes
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "digest": inputs_digest(seed, size),
        "seed": seed,
        "size": size,
        "target_bytes": target,
        "zone_names": material.zone_source,
        **summarise(articles),
        "articles": [asdict(a) for a in articles],
    }
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    manifest_path(size, root).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return manifest


def ensure_corpus(size: int, seed: int = DEFAULT_SEED, root: Path = CORPORA_DIR) -> dict:
    """The manifest of an up-to-date corpus ``xN``, generating it only when missing or stale."""
    manifest = read_manifest(size, root)
    if (
        manifest
        and manifest["digest"] == inputs_digest(seed, size)
        and corpus_dir(size, root).is_dir()
    ):
        return manifest
    return generate(size, seed, root)


def describe(manifest: dict) -> str:
    fb = manifest["file_bytes"]
    return (
        f"x{manifest['size']}: {manifest['files']} files, {manifest['bytes'] / 1e6:.2f} MB "
        f"(file {fb['min']}-{fb['max']} B, median {fb['median']:.0f}); "
        f"encodings {manifest['encodings']}; scripts {manifest['scripts']}; "
        f"pinyin {manifest['pinyin_annotated']}; crlf {manifest['crlf']}; "
        f"zones {manifest['zone_names']}"
    )


def parse_sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[1, 10, 100, 1000])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=CORPORA_DIR)
    parser.add_argument("--force", action="store_true", help="regenerate even when up to date")
    args = parser.parse_args(argv)
    for size in args.sizes:
        manifest = (generate if args.force else ensure_corpus)(size, args.seed, args.out)
        print(describe(manifest))


if __name__ == "__main__":
    main()
