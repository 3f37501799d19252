"""Province-wide reference data for zone names: the gazetteer of Shanxi development zones
(``data/shanxi_zones.csv``: official name, official short names, kind, level, city, source) and the
table of Shanxi's 11 prefecture cities and their counties (``data/shanxi_places.csv``), plus the
name rules built on them. ``zone_key`` reduces any surface form of a zone name to a comparable
key: the kind word is canonicalised (经济技术开发区/经济开发区 -> 经开区,
高新技术产业开发区 -> 高新区, 综合改革示范区 -> 综改区, 一体化经济区 -> 经济区, 产业新城 -> 新城,
产业园 -> 园区 …) and the province, city and county prefixes are split off the name, so
山西清徐经济开发区, 清徐县经济开发区 and 清徐经开区 share one key. ``Gazetteer.lookup``
turns a key into a gazetteer row.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources

import pandas as pd

KINDS = (
    "economic_tech",
    "high_tech",
    "reform_pilot",
    "agri_high_tech",
    "integrated_economic_zone",
    "new_town",
    "industrial_park",
    "other",
)
LEVELS = ("national", "provincial", "city", "county", "unknown")
GAZETTEER_COLUMNS = [
    "code",
    "name",
    "short_names",
    "kind",
    "level",
    "city",
    "county",
    "approved",
    "source",
]

# Kind words as written in the news -> (canonical token, zone kind). The token is what two
# forms of one zone share (清徐经济开发区 / 清徐经开区); the kind is the contract vocabulary.
KIND_WORDS: dict[str, tuple[str, str]] = {
    "转型综合改革示范区": ("综改区", "reform_pilot"),
    "综合改革示范区": ("综改区", "reform_pilot"),
    "转型综改示范区": ("综改区", "reform_pilot"),
    "综改示范区": ("综改区", "reform_pilot"),
    "转型综改区": ("综改区", "reform_pilot"),
    "综改区": ("综改区", "reform_pilot"),
    "国家农业高新技术产业示范区": ("农高区", "agri_high_tech"),
    "农业高新技术产业示范区": ("农高区", "agri_high_tech"),
    "国家农高区": ("农高区", "agri_high_tech"),
    "农高区": ("农高区", "agri_high_tech"),
    "国家高新技术产业开发区": ("高新区", "high_tech"),  # 长治国家高新区 = 长治高新区
    "国家高新区": ("高新区", "high_tech"),
    "高新技术产业开发区": ("高新区", "high_tech"),
    "高新技术开发区": ("高新区", "high_tech"),
    "高新区": ("高新区", "high_tech"),
    "国家级经济技术开发区": ("经开区", "economic_tech"),
    "经济技术开发区": ("经开区", "economic_tech"),
    "经济开发区": ("经开区", "economic_tech"),
    "经开区": ("经开区", "economic_tech"),
    "开发区": ("开发区", "other"),
    "一体化经济区": ("经济区", "integrated_economic_zone"),
    "经济区": ("经济区", "integrated_economic_zone"),
    "产业新城": ("新城", "new_town"),
    "新城": ("新城", "new_town"),
    "工业园区": ("园区", "industrial_park"),
    "产业园区": ("园区", "industrial_park"),
    "产业园": ("园区", "industrial_park"),
    "园区": ("园区", "industrial_park"),
    "工业园": ("园区", "industrial_park"),
    "科技创新园": ("园区", "industrial_park"),
    "创新园": ("园区", "industrial_park"),
    "科技园": ("园区", "industrial_park"),
    "科创园": ("园区", "industrial_park"),
    "合作园": ("园区", "industrial_park"),
    "加工园": ("园区", "industrial_park"),
    "承接园": ("园区", "industrial_park"),
    "材料园": ("园区", "industrial_park"),
    "装备园": ("园区", "industrial_park"),
    "化工园": ("园区", "industrial_park"),
    "制造园": ("园区", "industrial_park"),
    "园中园": ("园区", "industrial_park"),  # a park inside a zone (农产品加工园中园)
    "综合保税区": ("综保区", "other"),
    "综保区": ("综保区", "other"),
    "示范区": ("示范区", "other"),
}
# Longest first, so 经济技术开发区 wins over 开发区 at the same end.
KIND_WORDS_BY_LENGTH = tuple(sorted(KIND_WORDS, key=lambda w: (-len(w), w)))
# Tokens of the 开发区 family: news often swaps these words for one zone (中北经济开发区 for
# 中北高新技术产业开发区), so a distinctive name core alone may identify a gazetteer zone.
DEV_ZONE_TOKENS = frozenset({"经开区", "高新区", "开发区"})
PROVINCE_PREFIXES = ("山西省", "山西")
_BRACKETS = re.compile('[()（）“”「」"]')


@dataclass(frozen=True)
class ZoneKey:
    """A name reduced for comparison: name core, canonical kind token, prefecture city."""

    core: str
    token: str
    city: str = ""


def _read_data(name: str) -> str:
    return resources.files("devzones").joinpath("data", name).read_text(encoding="utf-8")


@cache
def county_city() -> dict[str, str]:
    """Every Shanxi county / district / county-level city -> its prefecture city."""
    rows = csv.DictReader(io.StringIO(_read_data("shanxi_places.csv")))
    return {r["county"]: r["city"] for r in rows}


@cache
def cities() -> tuple[str, ...]:
    return tuple(sorted(set(county_city().values())))


@cache
def _county_prefixes() -> tuple[tuple[str, str, str], ...]:
    """(prefix, name kept as core, city), longest prefix first. A county is written with or
    without its 县/市/区 suffix (清徐县 / 清徐) except one-character names (祁县, 应县)."""
    out = []
    for county, city in county_city().items():
        short = county[:-1]
        kept = county if len(short) < 2 else short
        out.append((county, kept, city))
        if len(short) >= 2:
            out.append((short, kept, city))
    return tuple(sorted(out, key=lambda t: (-len(t[0]), t[0])))


# Names recur across a corpus (every article names its zone many times): remember the answers.
@lru_cache(maxsize=1 << 16)
def split_kind(name: str) -> tuple[str, str]:
    """(head, kind word) for a name ending in a kind word; (name, "") otherwise."""
    for word in KIND_WORDS_BY_LENGTH:
        if name.endswith(word):
            return name[: -len(word)], word
    return name, ""


def strip_places(head: str) -> tuple[str, str]:
    """Split province / city / county prefixes off a name head: (core, city). A place that is
    the whole head stays as the core (晋中 in 晋中经开区); the province alone leaves it empty."""
    for prefix in PROVINCE_PREFIXES:
        if head.startswith(prefix):
            head = head[len(prefix) :]
            break
    city = ""
    for c in cities():
        for prefix in (c + "市", c):
            if head.startswith(prefix):
                city, rest = c, head[len(prefix) :]
                if not rest:
                    return c, city
                head = rest
                break
        if city:
            break
    for prefix, kept, county_of in _county_prefixes():
        if head.startswith(prefix):
            rest = head[len(prefix) :]
            return (rest or kept), county_of
    return head, city


@cache
def place_names() -> frozenset[str]:
    """Province, city and county names as written, with and without 市/县/区."""
    names = set(PROVINCE_PREFIXES) | set(cities()) | {c + "市" for c in cities()}
    names |= {prefix for prefix, _, _ in _county_prefixes()}
    return frozenset(names)


def is_place(text: str) -> bool:
    return text in place_names()


@lru_cache(maxsize=1 << 16)
def zone_key(name: str) -> ZoneKey:
    """The comparable key of a zone name (see module docstring)."""
    head, word = split_kind(name)
    token = KIND_WORDS[word][0] if word else ""
    core, city = strip_places(_BRACKETS.sub("", head))
    return ZoneKey(core, token, city)


def kind_of_word(word: str) -> str:
    return KIND_WORDS[word][1] if word in KIND_WORDS else "other"


@cache
def load_gazetteer() -> pd.DataFrame:
    """The gazetteer as a DataFrame (strings, empty for unknown), one row per zone."""
    df = pd.read_csv(io.StringIO(_read_data("shanxi_zones.csv")), dtype=str).fillna("")
    return df[GAZETTEER_COLUMNS]


class Gazetteer:
    """Look zones up by key: exact (core, token), else a unique core in the 开发区 family."""

    def __init__(self, table: pd.DataFrame | None = None) -> None:
        self.table = load_gazetteer() if table is None else table
        self.rows = {r["code"]: r for r in self.table.to_dict("records")}
        self._exact: dict[tuple[str, str], str] = {}
        self._core: dict[str, set[str]] = {}
        for code in sorted(self.rows):
            for name in self.names_of(code):
                key = zone_key(name)
                self._exact.setdefault((key.core, key.token), code)
                if key.token in DEV_ZONE_TOKENS and key.core:
                    self._core.setdefault(key.core, set()).add(code)

    @cached_property
    def cores(self) -> frozenset[str]:
        """Name cores of the gazetteer's zones (中北, 风陵渡, 杏花村 …)."""
        return frozenset(zone_key(n).core for code in self.rows for n in self.names_of(code))

    def names_of(self, code: str) -> list[str]:
        row = self.rows[code]
        return [row["name"], *(s for s in row["short_names"].split("|") if s)]

    def all_names(self) -> frozenset[str]:
        return frozenset(n for code in self.rows for n in self.names_of(code))

    def lookup(self, key: ZoneKey) -> str | None:
        """The gazetteer code for a key, or None. A plain 开发区 may stand for any zone of
        the family (风陵渡开发区); 经开区/高新区 stand for another only with a distinctive,
        non-place core (中北经济开发区 = 中北高新区, but 长治经开区 is not 长治高新区)."""
        code = self._exact.get((key.core, key.token))
        if code is not None or key.token not in DEV_ZONE_TOKENS or not key.core:
            return code
        if key.token != "开发区" and is_place(key.core):
            return None
        candidates = self._core.get(key.core, set())
        return next(iter(candidates)) if len(candidates) == 1 else None


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer()
