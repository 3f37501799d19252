"""Zones: find development-zone mentions by their shape (a name ending in a kind word such as
经济技术开发区, 高新区, 示范区, 产业新城, 产业园区), resolve every surface form to one zone with the
gazetteer and general alias rules, and read relations the text states (a park inside a zone, a
zone's start-up area, a zone's leading industries).

Finding: the scanner looks only at the rare anchor characters 区/园/城, takes the longest kind word
ending there and expands LEFT over the name to its boundary: punctuation, a function word, verb or
determiner (在/的/和/位于/打造 …), or the end of an enclosing zone name (阳曲产业园区 inside
山西转型综合改革示范区阳曲产业园区 becomes a child with a parent). Gazetteer names and names the
article itself quotes or declares (简称“X”) are trusted over those stop rules. Generic phrases
(全省开发区, 各开发区, 该开发区, 省级开发区, 6大专业化产业园区), a city's zones taken together
(吕梁市开发区, 两市开发区), parks named as funded or listed projects (某产业园项目总投资…,
◆某产业园项目), quoted slogans (“园区事园区办”) and company names are rejected.

Resolving: short forms are tied to their full name inside the article (a bare 示范区 after
山西综改示范区, 精细化工循环产业园 after 清徐精细化工循环产业园, a declared 简称, a former name
in 某高新区（原某园区）); every other
mention gets a ``ZoneKey`` (canonical kind token + name core + city, see ``gazetteer``) that is
looked up in the gazetteer, else grouped corpus-wide into a zone of its own. zone_id is the
gazetteer code, else ``Z`` + a short hash of the key, so it is stable across runs and corpora.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from operator import itemgetter

import pandas as pd

from devzones.clean import Document
from devzones.frames import distinct_sorted, records, schema
from devzones.gazetteer import (
    DEV_ZONE_TOKENS,
    KIND_WORDS,
    KIND_WORDS_BY_LENGTH,
    ZoneKey,
    cities,
    default_gazetteer,
    is_place,
    kind_of_word,
    split_kind,
    strip_places,
    zone_key,
)

MENTION_COLUMNS = ["doc_id", "story", "surface", "start", "end"]
MENTION_EXTRA_COLUMNS = [
    "kind",
    "kind_word",
    "sentence_start",
    "sentence_end",
    "parent",
    "antecedent",
    "evidence",
]
ZONE_COLUMNS = ["zone_id", "name", "aliases", "kind", "level", "city"]
ZONE_EXTRA_COLUMNS = ["in_gazetteer", "source", "mentions", "documents"]
# *_zone_surface columns are linked to zone ids by the tables step
RELATION_COLUMNS = [
    "doc_id",
    "story",
    "parent_zone_surface",
    "child_zone_surface",
    "relation",
    "start",
    "end",
]
INDUSTRY_COLUMNS = [
    "doc_id",
    "story",
    "zone_surface",
    "zone_start",
    "industry",
    "cue",
    "start",
    "end",
]
MENTION_SCHEMA = schema(MENTION_COLUMNS + MENTION_EXTRA_COLUMNS)
RELATION_SCHEMA = schema(RELATION_COLUMNS)
INDUSTRY_SCHEMA = schema(INDUSTRY_COLUMNS, zone_start="int64")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_ANCHOR = re.compile("[区园城]")
_MAX_HEAD = 18  # longest name head (before the kind word) we accept without a trusted name
_CJK = re.compile(r"[\u3400-\u9fff]")

# Words that end a name when met walking left: prepositions, conjunctions, particles,
# determiners' verbs, and verbs that take a zone as object. Language rules, not names.
_STOP_WORDS = _words(
    """规划 走访 观摩 察看 查看 开建 动工 竣工 加速 全面 大力 着力 努力 力争 确保 争取 计划 预计 拟
    已 年来 近年来 在 于 的 和 与 及 或 以 为 是 将 把 对 向 从 由 到 了 着 过 之 等 并 被 让 使 除
    给 跟 且 而 又 也 就 都 还 再 赴 往 即 至 公司 集团 企业 负责 管理 进入 深入 离开 覆盖 遍布
    扩大 运营 招商 开发 拥有 据悉 经过 来自 位于 地处 坐落 落地 落户 入驻 进驻 依托 打造 建设
    推进 推动 围绕 加快 布局 设在 作为 成为 包括 包含 涵盖 聚焦 培育 服务 融入 助力 支持 对接
    参观 考察 调研 视察 走进 来到 前往 实施 启动 开工 签约 投产 举行 举办 召开 发布 印发 出台
    编制 完成 谋划 创建 共建 建成 新建 扩建 引进 吸引 带动 辐射 对标 牵引 提升 优化 强化 加强
    深化 加大 全力 积极 集中 力量 正在 已经 目前 当前 今年 去年 近日 以来 其中 同时 此外 另外
    通过 按照 根据 立足 结合 关于 针对 随着 截至 伴随 毗邻 紧邻 联动 协同 携手 合力 获评 入选
    列入 纳入 晋升 升级 升格 更名 整合 合并 隶属 所属 彰显 展现 体现 展示 发挥 宣布 批复 获批
    批准 设立 成立 揭牌 挂牌 申报 申建 筹建 规划建设 重点建设 加快建设 要求 表示 指出 强调 希望
    鼓励 带领 组织 帮助 督促 指导 考核 评选 认定 命名 授予 获得 荣获 下辖 管辖 下设 设有 建有
    现有 共有 形成 组建 新增 分为 涉及 会场 完善 健全 做强 做大 做优 做实 壮大 规范 改善 改造
    提质 扩容 盘活 激活 用好 抓好 管好 美化 亮化 绿化 同意 托管 并入 划入 归入 迁入 安排 在建 拟建
    实现 说起 谈起 提起 说到 谈到 不出 了解 驶出 驶入 驶离 运出 运往 迁出 迁入 搬出 搬入 走出 竞得
    拍得 摘得 争创 加上 离不开 投入 借助 避免 进出 我们 他们 咱们 年度 承担 激发 现辖 如今 现在
    过去 此前 以往 当时 曾经 接入 满足 上半年 下半年 前三季度 距离 距 解决 协调 承建 届时 开展
    选择 选定 直达 到达 访 看待 如何 您 引入 结果 租用 打通 勾勒出 勾勒 符合 请问 问 统筹 形容 描述
    这样 已投资 补齐 有没有 没有 冲刺
    一季度 二季度 三季度 四季度"""
)
_KIND_WORD_RE = re.compile("|".join(KIND_WORDS_BY_LENGTH))
_STOP_LENGTHS = sorted({len(w) for w in _STOP_WORDS}, reverse=True)

# Words that, alone or together, make a name head generic (全省开发区, 省级开发区, 特色园区).
_GENERIC = _words(
    """全省 全市 全县 全区 全国 我省 我市 我县 我区 本省 本市 本县 本区 该 各 各个 各类 各级 此 这
    这个 这些 那 其 其他 其它 相关 有关 所有 上述 多个 若干 一批 首批 省级 市级 县级 国家级 国家
    同一
    省 市 县 区 级 类 专业化 专业 特色 重点 优秀 先进 现代 现代化 新型 新兴 传统 大型 小型 综合
    合作 示范 承接 产业 产业转移 转移 飞地 厂房 工业 农业 转型 升级 县城 城市 开放 创新 高质量
    发展 配套
    优势 主导 中心 核心 新 老 大 小 开发 建设 高新 高新技术 经济 科技 特别 重大 百强 千亿 百亿
    亿元 产值 等 标准化 智慧 生态 绿色 低碳 数字 国际 临空 物流 边境 跨境 海关 保税 特殊 一般
    功能 主题 专门 集聚 聚集 双创 我国 首个 首家 京津冀 长三角 珠三角 粤港澳 东部 中部 西部 东北
    沿海 沿黄 周边 省内 省外 国内 国外 境外 海外 以上 以下 上 下 内 外 前 后 一流 全部 更多 零碳
    近零碳 循环 循环化 化工 智能 智能化 数字化 信息化 平安 美丽 安全 文明 示范性 生态化 节约型
    花园式 飞地 重要 主要 骨干 龙头 标杆 样板 合规 成熟 隔壁 附近 邻近 当地 本地 外地 县域 市域
    承载 跨省 跨市 跨区域 创新型 试点 低效 闲置 僵尸 部分 个别"""
)
_INDUSTRY_OF_GENERIC_WORDS = ("数字经济",)  # 数字经济产业园: a park of the digital economy
_LOCAL_DETERMINERS = tuple(a + b for a in "我本该" for b in "省市县区")
# A head opening with a level or scope word names a designation, not a zone (省级…示范区).
_DESIGNATION_OPENERS = ("国家", "全国", "全省", "全市", "省级", "市级", "县级", "各")
_DASHES = re.compile(r"[—–－\-→]")
# how a park is run or built, not its name, even right after its zone (某开发区飞地园区: an
# enclave; 某开发区标准化厂房园区: rented standard workshops; 智慧园区: a management system)
_PARK_TYPES = ("飞地", "厂房", "智慧")
_DETERMINERS = ("其他", "其它", "其余", "各", "各类", "各个", "各级", "所有")
_OFFICE_ENDINGS = ("中心", "局", "厅", "部", "委", "院", "所", "处", "司", "会", "站", "校")
_FACILITY_CENTRES = ("数据中心", "算力中心")  # 秦家山数据中心园区: a park of data centres
_NUMERAL_MEASURE = re.compile(
    r"[0-9一二三四五六七八九十两几数百千万首多]+[个大类家条批座项亿万位名]"
)
_COMPANY = re.compile(r"有限公司|有限责任公司|股份|集团|公司")
_COMPANY_ENDINGS = ("公司", "集团")
# What may stand between a place and a plain 开发区 meaning the place's zones (see _is_collective)
_COLLECTIVE_REST = re.compile(
    r"(?:[两二三四五六七八九十几][市县区地]?|[市县区地]|全[省市县区]|各|所有|多个|若干|部分|一些|大地"
    r"|其他|其它|其余)?"
    r"(?:县域|市域内?|域内|境内)?"  # 吕梁市县域开发区, 长治市域内开发区
    r"(?:[省市县区]级)?"  # 大同各县级开发区
    r"(?:\d{4}年|今年|去年|本年|全年|年度)?"
    r"(?:第?[一二三四1-4]季度|前三季度|[上下]半年|[一二三四五六七八九十]{1,2}月份?)?各?"
)
# A park name followed by 项目 and money in the same sentence names an investment project.
# (某产业园（一期）项目, 某产业园扩建项目: a phase or a building verb may stand before 项目)
_PROJECT_WORD = (
    r"(?:[(（][一二三四五六七八九0-9]期[)）])?(?:建设|扩建|新建|续建|改扩建|技改|运营)?项目"
)
# … or with its investment in brackets right after it (推进某产业园（总投资35亿元）)
_FUNDED_PROJECT = re.compile(
    "(?:"
    + _PROJECT_WORD
    + r"[^。；;!！?？\n]{0,40}?|[(（](?:总|计划|预计)?)(?:投资|[0-9.]+[万亿]元)"
)
# … or named as an item: a list line (◆某产业园项目), a table cell, 某产业园项目。, 某产业园等项目
_PROJECT_ITEM = re.compile(
    _PROJECT_WORD + r"(?=$|[\s。；;，,、：:)）]|总投资)|等(?:[0-9]+个)?项目", re.M
)
# … but not when its projects are counted (入驻某产业园项目达30个: the park holds them)
_PROJECT_COUNT = re.compile(r"项目(?:数量)?(?:达到?|共|有|超过?)?[0-9一二三四五六七八九十百千]+个")
_PHASE = re.compile(r"[一二三四五六七八九0-9]期")
# a park's phase that is a project: named as one (二期项目, 一期工程, 三期标准化厂房) or an item
# of a list of projects (包括A产业园二期、B产业园等项目); 某产业园二期开园 still names the park
_PHASED_PROJECT = re.compile(
    r"[一二三四五六七八九0-9首]期(?:[^，。；\n]{0,8}?(?:项目|工程|厂房)|、)"
)
# a quoted name holds no clause or list punctuation (“研发在农谷、转化在开发区” is a slogan),
# nor a dash (“众创空间—孵化器—加速器—产业园” is a ladder)
_QUOTED = re.compile(r"[“「\"]([^“”「」\"\n、，,。；;：:！!？?—]{2,25})[”」\"]")
_ROAD_AFTER = re.compile(r"大道|大街|(?:路|街)(?:\d|[东西南北中]段|口|号)")
_SITE_AFTER = re.compile(r"网(?:站|[^\u4e00-\u9fff]|$)")  # 山西开发区网: a website
_FORMER_NAME = re.compile(
    r"(?P<open>[(（])(?:原名?|原称|前身为?)|原为|原名为?"
    r"|前身[为是](?:[0-9]{4}年(?:[0-9]{1,2}月)?(?:经[\u4e00-\u9fff]{1,8})?(?:设立|成立|批准设立)的)?"
    r"|[。，,]?由原"  # 平遥经济技术开发区。由原平遥工业园区升级设立
)
# A更名为B: A is B's former name
_RENAMED = re.compile(r"(?:正式)?更名为")
# a quoted title after an award verb (获评全省“十佳开发区”) names an honour, not a zone
_AWARD_BEFORE = re.compile(
    r"(?:获评|荣获|评为|获得|授予|入选)(?:全国|全省|全市|省级|国家级|年度)?$"
)
_ABBREV_DECL = re.compile(r"[(（](?:以下)?简称[“\"「]?([^”\"」)）,，。]{2,12})[”\"」]?[)）]")
_CLOSING_QUOTES = '”」"'
_MAX_SLOGAN = 10
_QUOTED_WORD = re.compile(r"[“「\"][\u3400-\u9fff]{2,8}[”」\"]$")
_PLACE_PAREN = re.compile(r"[(（]([\u3400-\u9fff]{2,4})[)）]$")

# Kinds whose zones are named after a place (晋中国家农高区, 山西综改示范区).
_PLACE_NAMED_TOKENS = frozenset({"示范区", "农高区", "综改区"})
_MAX_VERB_HEAD = 4  # a longer non-place head before 示范区 names another designation
# Bare kind words that stand for a zone already named in the article.
_BARE_COREF = {
    "示范区": {"综改区", "农高区", "示范区"},
    "综改示范区": {"综改区"},
    "综改区": {"综改区"},
    "农高区": {"农高区"},
    "国家农高区": {"农高区"},
    "高新区": {"高新区"},
    "经开区": {"经开区", "开发区"},
    "经济区": {"经济区"},
}


@dataclass
class _Mention:
    start: int
    end: int
    kind_word: str
    parent_end: int | None = None
    antecedent: str = ""
    parent: str = ""
    trusted: bool = False
    company: bool = False

    def surface(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class _Context:
    text: str
    trusted: frozenset[str] = field(default_factory=frozenset)
    max_trusted: int = 0
    # spans of quoted honours (see _AWARD_BEFORE) and slogans (see _is_slogan): not names
    not_names: tuple[tuple[int, int], ...] = ()


# ---------------------------------------------------------------- finding mentions


# kind words by their last character, longest first: only those can end where that one stands
_KIND_WORDS_BY_LAST = {
    last: tuple(w for w in KIND_WORDS_BY_LENGTH if w[-1] == last)
    for last in {w[-1] for w in KIND_WORDS_BY_LENGTH}
}


def _kind_word_ending_at(text: str, end: int) -> str:
    """The longest kind word ending at ``end`` ('' when none)."""
    for word in _KIND_WORDS_BY_LAST.get(text[end - 1 : end] if end > 0 else "", ()):
        if end - len(word) >= 0 and text.startswith(word, end - len(word)):
            return word
    return ""


def _is_anchor_context_ok(text: str, end: int, word: str) -> bool:
    """Reject kind words that are part of a longer word (新城区, 经济区域, 产业园 of 产业园区)."""
    nxt = text[end : end + 1]
    if nxt == "域":
        return False
    if word.endswith("城") and nxt in ("区", "镇", "市", "县", "乡"):
        return False
    if _ROAD_AFTER.match(text, end) or _SITE_AFTER.match(text, end):
        return False  # 开发区大道188号, 开发区网: a road or a website named after the zone
    # 产业园 of 产业园区, 加工园 of 加工园中园
    return not (word.endswith("园") and (nxt == "区" or text.startswith("中园", end)))


def _stop_word_ending_at(text: str, i: int) -> bool:
    if text[i - 1] in "年月日号" and i >= 2 and text[i - 2].isdigit():
        return True  # a date: 2023年XX产业园
    if text[i - 1] == "后" and i >= 2 and _stop_word_ending_at(text, i - 1):
        return True  # 托管后, 整合后: after a verb, not part of a name
    return any(i - n >= 0 and text[i - n : i] in _STOP_WORDS for n in _STOP_LENGTHS)


def _place_ending_at(text: str, i: int) -> int:
    """Length of the longest place name (two characters or more) ending at ``i``, else 0."""
    for n in (4, 3, 2):
        if i - n >= 0 and is_place(text[i - n : i]):
            return n
    return 0


def _quote_open_before(text: str, i: int) -> int | None:
    """Start of a short quoted word ending at ``i`` (the closing quote is text[i-1])."""
    m = _QUOTED_WORD.search(text, max(0, i - 10), i)
    return m.start() if m and m.end() == i else None


def _place_paren_before(text: str, i: int) -> int | None:
    """Start of a bracketed place name ending at ``i`` (中国电科(山西)电子…), else None."""
    m = _PLACE_PAREN.search(text, max(0, i - 6), i)
    if m and m.end() == i and is_place(m.group(1)) and m.start() > 0:
        return m.start()
    return None


def _rule_start(text: str, kind_start: int) -> tuple[int, int | None, bool]:
    """Walk left from the kind word to the name's start: (start, parent_end, too_long)."""
    i = kind_start
    after_place = False  # the step before took a place name
    while i > 0:
        if kind_start - i >= _MAX_HEAD:
            return i, None, True
        if i < kind_start and text[i - 1] in "区园城" and _kind_word_ending_at(text, i):
            return _after_dots(text, i, kind_start), i, False
        c = text[i - 1]
        if c in _CLOSING_QUOTES and i < kind_start:  # a quoted brand: “长三角”精细化工产业园
            j = _quote_open_before(text, i)
            if j is None:
                break
            i = j
            continue
        if c in ")）":
            j = _place_paren_before(text, i)
            if j is None:
                break
            i = j
            continue
        if not (_CJK.match(c) or c == "·" or c.isascii() and c.isalpha()):
            break
        place = _place_ending_at(text, i)
        if place:  # a place name is part of the name even if it holds a stop word (和顺, 大同)
            i -= place
            after_place = True
            continue
        if _stop_word_ending_at(text, i):
            # 建设有机旱作…园: a stop word (设有) that overlaps one ending before it (建设) is
            # a misreading, and the name starts after the earlier one; before a place the
            # later one stands (整合并入阳泉…)
            two = i >= 2 and text[i - 2 : i] in _STOP_WORDS and not after_place
            overlap = two and any(
                text[i - 1 - n : i - 1] in _STOP_WORDS for n in _STOP_LENGTHS if 2 <= n < i
            )
            i -= overlap
            break
        after_place = False
        i -= 1
    return _after_dots(text, i, kind_start), None, False


def _after_dots(text: str, i: int, kind_start: int) -> int:
    """A name does not open with a middle dot (开发区·园区: a separator)."""
    while i < kind_start and text[i] == "·":
        i += 1
    return i


def _marks_former_name(text: str, start: int, kind_start: int) -> bool:
    """The head opens with 原 (formerly) right after a bracket, a quote or a word such as 由: a
    place follows it, or 原 does not open a place name (原平)."""
    if not (
        text.startswith("原", start)
        and start > 0
        and (text[start - 1] in '(（“"「、，,；;' or _stop_word_ending_at(text, start))
        and kind_start - start > 2
    ):
        return False
    if any(is_place(text[start + 1 : start + 1 + n]) for n in (2, 3, 4)):
        return True  # 原平遥工业园区: formerly 平遥…, though 原平 is a city too
    return not _place_ending_at(text, start + 2) and not is_place(text[start : start + 3])


def _trusted_start(ctx: _Context, end: int) -> int | None:
    """Start of the longest trusted name (gazetteer or quoted in the article) ending at end."""
    for n in range(min(ctx.max_trusted, end), 1, -1):
        if ctx.text[end - n : end] in ctx.trusted:
            return end - n
    return None


def _is_generic(head: str) -> bool:
    """True when the head is only scope, level and quality words (全省, 省级, 特色, 专业化); an
    industry spelt with them (数字经济) is not."""
    if any(w in head for w in _INDUSTRY_OF_GENERIC_WORDS):
        return False
    i = 0
    while i < len(head):
        for n in range(min(5, len(head) - i), 0, -1):
            if head[i : i + n] in _GENERIC:
                i += n
                break
        else:
            return False
    return True


def _head_verdict(head: str, before: str, word: str, in_zone: bool) -> str:
    """'keep', 'reject' (generic, counted, designation, an office's 园区) or 'bare'. Zones
    called 示范区/农高区/综改区 are named after a place; with any other short head the kind word
    stands alone, as in 充分发挥农高区优势, and is read as the zone the article is about. A park
    written right after its zone (…开发区数字经济产业园) is named by the zone: plain heads pass."""
    if before and before[-1].isalnum() and not _CJK.match(before[-1]):
        return "reject"  # cut at a number or symbol: 6大…园区, Ⅲ型…产业园
    generic = _is_generic(head)
    if _NUMERAL_MEASURE.search(head) or generic and (not in_zone or head.endswith(_PARK_TYPES)):
        return "reject"
    if head.endswith(_DETERMINERS):
        return "reject"  # 晋中其他园区, 朔州各园区: the place's parks together, not one
    if head.endswith("进") and len(head) > 1:
        return "reject"  # 质量服务进园区: a campaign into the parks, not a park
    if head.endswith("类") or head.endswith("型") and not head.endswith("新型"):
        return "reject"  # （六）改革示范类园区, 陆港型产业园区: a class or type (not 漳泽新型…)
    if _PHASE.fullmatch(head) or head.endswith("·") or len(_DASHES.findall(head)) >= 2:
        # 一期园区: a phase of a park named before; 经济·园区: a page section; 众创空间—孵化器—
        # 加速器—产业园: the steps of a sequence
        return "reject"
    office = head.endswith(_OFFICE_ENDINGS) and not head.endswith(_FACILITY_CENTRES)
    if head.startswith(_DESIGNATION_OPENERS) or office:
        return "reject"
    if _token(word) == "开发区" and (not _names_a_place(head) or _is_collective(head)):
        return "reject"  # a plain 开发区 is named after its place (风陵渡开发区)
    if _token(word) in _PLACE_NAMED_TOKENS:
        core, _ = strip_places(head)
        if not (is_place(head) or not core or is_place(core)):
            return "bare" if len(head) <= _MAX_VERB_HEAD else "reject"
    if len(head) == 1 and not in_zone:  # 据高新区, 了解园区: one character is a word's end
        return "bare" if word in _BARE_COREF else "reject"
    return "keep"


def _is_collective(head: str) -> bool:
    """The head before a plain 开发区 makes it all the zones of a place: a city written with
    市 (吕梁市开发区; a zone is written 晋城开发区), two cities (晋城、运城两市开发区), 各 or a
    time phrase (朔州市各开发区, 朔州市第二季度开发区)."""
    place = next((head[:n] for n in range(len(head), 1, -1) if is_place(head[:n])), "")
    rest = head[len(place) :]
    if not rest:
        return place[:-1] in cities() and place.endswith("市") or place in ("山西", "山西省")
    while place and (more := _more_places(rest)):  # 侯马曲沃两开发区, 晋城、运城两市开发区
        rest = rest[len(more) :]
    return bool(_COLLECTIVE_REST.fullmatch(rest))


def _more_places(rest: str) -> str:
    """The place (with a 、/和 before it) that opens ``rest``, or ''."""
    lead = 1 if rest[:1] in "、和与及" else 0
    return next(
        (
            rest[: lead + n]
            for n in range(len(rest) - lead, 1, -1)
            if is_place(rest[lead : lead + n])
        ),
        "",
    )


def _names_a_place(head: str) -> bool:
    """The head opens with a Shanxi place, or its core is a gazetteer zone's (风陵渡)."""
    core, city = strip_places(head)
    return bool(city) or core in default_gazetteer().cores


def _names_a_company(text: str, start: int, end: int) -> bool:
    """The kind word opens a company name (晋中农高区建设运营集团有限公司) or the zone is a
    company's own park (某某有限公司“长三角”…产业园)."""
    right = end
    while right < min(len(text), end + 10) and _CJK.match(text[right]):
        if text[right] in _STOP_WORDS:
            break
        right += 1
    # (a firm named with its own place after the zone is in the zone: 保德经济开发区山西保新…公司)
    own_place = any(is_place(text[end : end + n]) for n in (2, 3, 4))
    if not own_place and (_COMPANY.search(text[end:right]) or text.startswith("有限", right)):
        return True
    left = re.sub(r"[“\"「][^“”\"「」]{1,8}[”\"」]$", "", text[max(0, start - 14) : start])
    return left.endswith(_COMPANY_ENDINGS)


def _find_in_doc(ctx: _Context) -> list[_Mention]:
    text = ctx.text
    found: list[_Mention] = []
    for m in _ANCHOR.finditer(text):
        end = m.end()
        word = _kind_word_ending_at(text, end)
        if not word or not _is_anchor_context_ok(text, end, word):
            continue
        kind_start = end - len(word)
        if word == "园区" and _kind_word_ending_at(text, kind_start):
            continue  # 某经开区园区企业: the zone's own grounds, not a park inside it
        rule, parent_end, too_long = _rule_start(text, kind_start)
        trusted = _trusted_start(ctx, end)
        if trusted is not None and (rule >= trusted or not is_place(text[rule:trusted])):
            start, parent_end, too_long = trusted, None, False
        else:
            start = rule
        if too_long:
            continue
        if trusted != start and text.startswith(_LOCAL_DETERMINERS, start):
            start += 2  # 我市XX产业园: the determiner is not part of the name
        if any(a <= start and end <= b for a, b in ctx.not_names):
            continue
        if _marks_former_name(text, start, kind_start):
            start += 1  # （原某产业园）: 原 says "formerly", the name follows it
        head = text[start:kind_start]
        mention = _Mention(start, end, word, parent_end, trusted=trusted == start)
        if word == "经济区" and not mention.trusted and head + "一体化" not in text:
            continue  # 中原经济区 and the like are regions; X经济区 is short for X一体化经济区
        if head and not mention.trusted:
            before = text[max(0, start - 1) : start]
            verdict = _head_verdict(head, before, word, in_zone=parent_end is not None)
            if verdict == "reject":
                continue
            if verdict == "bare":
                mention.start, mention.parent_end, head = kind_start, None, ""
        if not head and word not in _BARE_COREF:
            continue
        if _PHASED_PROJECT.match(text, end):  # 某产业园二期项目, …产业园二期、…等项目: a project
            continue
        if (
            _token(word) == "园区"
            and not _PROJECT_COUNT.match(text, end)
            and (_FUNDED_PROJECT.match(text, end) or _PROJECT_ITEM.match(text, end))
        ):
            continue  # 某产业园项目计划投资18亿元: a project, not a zone
        mention.company = _names_a_company(text, mention.start, end)
        found.append(mention)
    return found


def _declared_aliases(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Mentions for `(简称“X”)` declarations and every later occurrence of X."""
    out: list[_Mention] = []
    taken = {(m.start, m.end) for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}  # a set: long texts repeat X
    for m in mentions:
        decl = _ABBREV_DECL.match(text, m.end)
        if not decl:
            continue
        alias = decl.group(1)
        full = m.surface(text)
        pos = decl.start(1)
        while pos != -1:
            span = (pos, pos + len(alias))
            free = span not in taken and pos not in covered
            if free and (pos == decl.start(1) or _stands_alone(text, alias, span[1])):
                out.append(_Mention(pos, pos + len(alias), split_kind(alias)[1], antecedent=full))
                taken.add(span)
            pos = text.find(alias, pos + len(alias))
    return out


def _former_names(text: str, mentions: list[_Mention]) -> None:
    """某高新区（原某产业园区）, 某园区原为某工业园区: the second zone is the first under its
    former name, here and wherever else the article uses that name; in 某开发区更名为某经开区 the
    first is. ``mentions`` are in text order."""
    former: dict[str, str] = {}
    for a, b in zip(mentions, mentions[1:], strict=False):
        said = _FORMER_NAME.fullmatch(text, a.end, b.start)
        if said and (not said["open"] or text[b.end : b.end + 1] in ")）"):
            former.setdefault(b.surface(text), a.antecedent or a.surface(text))
        elif _RENAMED.fullmatch(text, a.end, b.start):
            former.setdefault(a.surface(text), b.antecedent or b.surface(text))
    for m in mentions:
        if not m.antecedent and m.surface(text) in former:
            m.antecedent = former[m.surface(text)]


def _stands_alone(text: str, alias: str, end: int) -> bool:
    """A declared short name without a kind word (简称“太忻”) counts only where it is not the
    start of a longer word (太忻经济一体化发展促进中心)."""
    nxt = text[end : end + 1]
    return bool(split_kind(alias)[1]) or not _CJK.match(nxt) or nxt in _STOP_WORDS


def _token(word: str) -> str:
    return KIND_WORDS[word][0] if word in KIND_WORDS else ""


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _abbreviates(short: str, long: str) -> bool:
    """``short`` is a short form of ``long`` with the same kind token: a proper suffix
    (精细化工循环产业园 of 清徐精细化工循环产业园) or the same name with characters dropped,
    keeping both ends (中国电科(山西)电子信息创新产业园 of …电子信息科技创新产业园; 甲乙合作产业园
    of 甲市乙县合作产业园, two places cut to a character each)."""
    s_head, s_word = split_kind(short)
    l_head, l_word = split_kind(long)
    if not s_word or _token(s_word) != _token(l_word) or not 2 <= len(s_head) < len(l_head):
        return False
    if l_head.endswith(s_head):
        return True
    return (
        len(s_head) >= 4
        and s_head[0] == l_head[0]
        and s_head[-2:] == l_head[-2:]
        and _is_subsequence(s_head, l_head)
    )


def _link_short_forms(text: str, mentions: list[_Mention]) -> None:
    """Tie bare kind words and shortened names to the full name used in the same article.
    ``mentions`` are in text order, so a bare word takes the last full name seen before it."""
    gaz = default_gazetteer()
    surfaces = sorted({m.surface(text) for m in mentions}, key=lambda s: (-len(s), s))
    last_named: dict[str, tuple[int, str]] = {}  # kind token -> (end, surface) seen last
    longer_of: dict[str, str] = {}
    for m in mentions:
        surface = m.surface(text)
        if surface == m.kind_word:
            seen = [last_named[t] for t in _BARE_COREF.get(m.kind_word, ()) if t in last_named]
            if seen and not m.antecedent:
                m.antecedent = max(seen)[1]
            continue
        last_named[_token(m.kind_word)] = (m.end, surface)
        if m.antecedent or m.parent_end is not None:
            continue
        if surface not in longer_of:
            own = gaz.lookup(zone_key(surface))
            longer = None if own else next((s for s in surfaces if _abbreviates(surface, s)), "")
            longer_of[surface] = longer or ""
        m.antecedent = longer_of[surface]


def _drop_unresolvable(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Bare kind words with no antecedent survive only when the gazetteer knows them as a
    province-wide short name (综改区); company parks go, with every mention of the same name."""
    gaz = default_gazetteer()
    company_names = {m.surface(text) for m in mentions if m.company}
    kept = []
    for m in mentions:
        surface = m.surface(text)
        if surface in company_names:
            continue
        if surface == m.kind_word and not m.antecedent and not gaz.lookup(zone_key(surface)):
            continue
        kept.append(m)
    return kept


def _set_parents(text: str, mentions: list[_Mention]) -> None:
    by_end = {m.end: m for m in mentions}
    for m in mentions:
        if m.parent_end is not None and m.parent_end in by_end:
            m.parent = by_end[m.parent_end].surface(text)


@cache
def _gazetteer_names() -> frozenset[str]:
    return default_gazetteer().all_names()


def _context(text: str) -> _Context:
    """Names trusted over the stop rules: the gazetteer's and those the article quotes."""
    quotes = [q for q in _QUOTED.finditer(text) if _CJK.match(q.group(1))]
    not_names = tuple(
        q.span()
        for q in quotes
        if _AWARD_BEFORE.search(text, max(0, q.start() - 8), q.start()) or _is_slogan(q.group(1))
    )
    quoted = {q.group(1) for q in quotes if q.span() not in not_names}
    quoted = {q for q in quoted if split_kind(q)[1] and _quoted_head_names(split_kind(q)[0])}
    trusted = _gazetteer_names() | frozenset(quoted)
    return _Context(text, trusted, max(len(n) for n in trusted), not_names)


def _quoted_head_names(head: str) -> bool:
    """A quoted zone name's head names something: not only scope words, kind words and symbols
    (“综保区+开发区”), and not a verb (“不出园区”: without leaving the park), unless it opens
    with a place."""
    if _is_generic(head) or not _CJK.search(_KIND_WORD_RE.sub("", head)) or "+" in head:
        return False  # (“链长+链主+专班+基金+园区”: a policy's parts, joined)
    if head.endswith("进"):
        return False  # “质量服务进园区”: a campaign into the parks
    return _names_a_place(head) or not any(head.startswith(w) for w in _STOP_WORDS)


def _is_slogan(quoted: str) -> bool:
    """A short quoted phrase that goes on past a kind word and names no place is a slogan
    (“园区事园区办”, “不出园区办成事”), not a zone's name."""
    return (
        len(quoted) <= _MAX_SLOGAN
        and any(_kind_word_ending_at(quoted, m.end()) for m in _ANCHOR.finditer(quoted))
        and not split_kind(quoted)[1]
        and not _names_a_place(quoted)
    )


def mention_rows(doc: Document) -> list[dict]:
    """Zone mentions in one document as rows (unresolved: no zone_id yet), in text order."""
    text = doc.text
    mentions = _find_in_doc(_context(text))
    mentions += _declared_aliases(text, mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    _former_names(text, mentions)
    _set_parents(text, mentions)
    _link_short_forms(text, mentions)
    mentions = _drop_unresolvable(text, mentions)
    rows = []
    for m in mentions:
        s_start, s_end = doc.sentence_span(m.start)
        rows.append(
            {
                "doc_id": doc.doc_id,
                "story": doc.story_at(m.start),
                "surface": m.surface(text),
                "start": m.start,
                "end": m.end,
                "kind": kind_of_word(m.kind_word),
                "kind_word": m.kind_word,
                "sentence_start": s_start,
                "sentence_end": s_end,
                "parent": m.parent,
                "antecedent": m.antecedent,
                # the sentence itself, as investments and chains give theirs: a reader checks
                # the mention against it without the article at hand
                "evidence": text[s_start:s_end].strip(),
            }
        )
    return rows


def find_mentions(doc: Document) -> pd.DataFrame:
    """Zone mentions in one document (unresolved: no zone_id yet)."""
    return MENTION_SCHEMA.frame(mention_rows(doc))


# ---------------------------------------------------------------- resolving


def _zone_id_for_key(key: ZoneKey) -> str:
    digest = hashlib.sha1(f"{key.core}|{key.token}|{key.city}".encode()).hexdigest()
    return "Z" + digest[:8]


def _fill_cities(keys: Iterable[ZoneKey]) -> dict[ZoneKey, ZoneKey]:
    """A key without a city joins the one key of the same name and kind that has a city."""
    with_city: dict[tuple[str, str], set[str]] = {}
    for k in keys:
        if k.city:
            with_city.setdefault((k.core, k.token), set()).add(k.city)
    out = {}
    for k in keys:
        found = with_city.get((k.core, k.token), set())
        out[k] = replace(k, city=next(iter(found))) if not k.city and len(found) == 1 else k
    return out


def _merge_plain_kind(keys: Iterable[ZoneKey]) -> list[ZoneKey]:
    """A plain 开发区 joins the one zone of the same name that spells its kind out
    (风陵渡开发区 -> 风陵渡经济开发区); each key is returned mapped, in input order."""
    keys = list(keys)
    specific: dict[tuple[str, str], set[ZoneKey]] = {}
    for k in keys:
        if k.token in DEV_ZONE_TOKENS and k.token != "开发区":
            specific.setdefault((k.core, k.city), set()).add(k)
    out = []
    for k in keys:
        found = specific.get((k.core, k.city), set()) if k.token == "开发区" else set()
        out.append(next(iter(found)) if len(found) == 1 else k)
    return out


_TOKEN_KIND = {token: kind for token, kind in KIND_WORDS.values()}


def _mention_key(surface: str, parent: str) -> ZoneKey:
    """The key a mention stands for, given its parent: a park of a zone is in the zone's city
    (from the parent's name, else from the gazetteer: 中北高新区 is in 太原)."""
    key = zone_key(surface)
    parent_city = _city_of(parent) if parent else ""
    return replace(key, city=parent_city) if not key.city and parent_city else key


@cache
def _city_of(name: str) -> str:
    key = zone_key(name)
    if key.city:
        return key.city
    gaz = default_gazetteer()
    code = gaz.lookup(key)
    return gaz.rows[code]["city"] if code is not None else ""


def _best_name(names: Iterable[str]) -> str:
    """The fullest form: the longest kind word, then the longest name, then the name itself
    (so ties break the same way on every run)."""
    return max(names, key=lambda n: (len(split_kind(n)[1]), len(n), n))


def _county_zone_name(name: str) -> str:
    """大同市阳高经济技术开发区 -> 阳高经济技术开发区: a prefecture city written before one of
    its counties only locates the county's zone (the full form stays an alias)."""
    for city in cities():
        if name.startswith(city + "市"):
            rest = name[len(city) + 1 :]
            _, county_city = strip_places(split_kind(rest)[0])
            return rest if county_city == city and rest != split_kind(rest)[1] else name
    return name


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


@dataclass
class _ZoneStats:
    surfaces: set[str] = field(default_factory=set)  # forms that name it, not a bare 示范区
    composites: set[str] = field(default_factory=set)  # parent + surface (X示范区Y产业园区)
    seen: set[str] = field(default_factory=set)  # every form, bare ones too
    documents: int = 0
    last_doc: str | None = None  # rows come grouped by document: count each once
    mentions: int = 0


class Resolver:
    """``resolve`` in passes, so that a corpus never has to be in memory at once: ``learn`` from
    every batch of mentions (the names that stand for a zone themselves, which together decide
    how keys without a city are completed), then ``resolve`` each batch (whole documents: a short
    form takes the zone of its full name in the same document), then ``zones`` gives the table of
    every zone resolved. The result does not depend on how the corpus is cut into batches, as
    long as no document is split between two."""

    def __init__(self) -> None:
        self.gaz = default_gazetteer()
        self._pairs: set[tuple[str, str]] = set()  # (surface, parent) of self-standing mentions
        self._zone_of_pair: dict[tuple[str, str], str] | None = None
        self._key_of_zone: dict[str, ZoneKey] = {}
        self._stats: dict[str, _ZoneStats] = {}

    def learn(self, mentions: pd.DataFrame) -> None:
        cols = [mentions[c].tolist() if c in mentions else [""] * len(mentions) for c in _PAIRS]
        for surface, parent, antecedent in zip(*cols, strict=True):
            if not _text(antecedent):
                self._pairs.add((surface, _text(parent)))

    def _zone_ids(self) -> dict[tuple[str, str], str]:
        """Mentions that name a zone themselves: its gazetteer code, else a key of their own."""
        if self._zone_of_pair is None:
            codes: dict[tuple[str, str], str] = {}
            raw: dict[tuple[str, str], ZoneKey] = {}
            for pair in self._pairs:
                key = _mention_key(*pair)
                if code := self.gaz.lookup(key):
                    codes[pair] = code
                else:
                    raw[pair] = key
            filled = _fill_cities(set(raw.values()))
            merged = dict(zip(filled, _merge_plain_kind(filled.values()), strict=True))
            self._zone_of_pair = codes
            for pair, key in raw.items():
                k = merged[key]
                self._zone_of_pair[pair] = _zone_id_for_key(k)
                self._key_of_zone[self._zone_of_pair[pair]] = k
        return self._zone_of_pair

    def resolve(self, mentions: pd.DataFrame) -> pd.DataFrame:
        """The batch's mentions that resolve, with their zone_id, sorted by document and place."""
        zone_ids = self._zone_ids()
        order = ["doc_id", "start", "end", "surface"]
        ordered = mentions.sort_values(order, kind="mergesort")
        names, values = list(ordered.columns), [ordered[c].tolist() for c in ordered.columns]
        rows = [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]
        for r in rows:
            for col in ("parent", "antecedent"):
                r[col] = _text(r.get(col))
        zone_of = {
            i: zone_ids[(r["surface"], r["parent"])]
            for i, r in enumerate(rows)
            if not r["antecedent"]
        }
        # short forms take the zone of the full name in the same article
        by_doc_surface: dict[tuple[str, str], str] = {}
        for i, r in enumerate(rows):
            if i in zone_of:
                by_doc_surface.setdefault((r["doc_id"], r["surface"]), zone_of[i])
        for _ in range(3):  # antecedents of antecedents
            for i, r in enumerate(rows):
                if i not in zone_of and (r["doc_id"], r["antecedent"]) in by_doc_surface:
                    zone_of[i] = by_doc_surface[(r["doc_id"], r["antecedent"])]
                    by_doc_surface.setdefault((r["doc_id"], r["surface"]), zone_of[i])
        resolved = [dict(r, zone_id=zone_of[i]) for i, r in enumerate(rows) if i in zone_of]
        for r in resolved:
            self._count(r)
        return schema([*mentions.columns, "zone_id"]).frame(resolved)

    def _count(self, row: dict) -> None:
        stats = self._stats.setdefault(row["zone_id"], _ZoneStats())
        surface, parent = row["surface"], row["parent"]
        if surface not in KIND_WORDS:
            stats.surfaces.add(surface)
        if parent and surface:
            stats.composites.add(parent + surface)
        stats.seen.add(surface)
        if row["doc_id"] != stats.last_doc:
            stats.documents += 1
            stats.last_doc = row["doc_id"]
        stats.mentions += 1

    def zones(self) -> pd.DataFrame:
        """One row per zone resolved so far, by zone_id."""
        records = []
        for zone_id, stats in sorted(self._stats.items()):
            forms = stats.surfaces | stats.composites
            if zone_id in self.gaz.rows:
                row = self.gaz.rows[zone_id]
                name = row["name"]
                known = set(self.gaz.names_of(zone_id))
                kind, level, city = row["kind"], row["level"], row["city"]
                in_gaz, source = True, row["source"]
            else:
                key = self._key_of_zone[zone_id]
                name = _county_zone_name(_best_name(forms or stats.seen))
                known = set()
                kind, level, city = _TOKEN_KIND.get(key.token, "other"), "unknown", key.city
                in_gaz, source = False, "corpus"
            aliases = sorted((forms | known) - {name}, key=lambda a: (len(a), a))
            records.append(
                {
                    "zone_id": zone_id,
                    "name": name,
                    "aliases": "|".join(aliases),
                    "kind": kind,
                    "level": level,
                    "city": city,
                    "in_gazetteer": in_gaz,
                    "source": source,
                    "mentions": stats.mentions,
                    "documents": stats.documents,
                }
            )
        return pd.DataFrame(records, columns=ZONE_COLUMNS + ZONE_EXTRA_COLUMNS)


_PAIRS = ("surface", "parent", "antecedent")


def resolve(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Corpus-wide: give every mention a zone_id; return (zones, mentions with zone_id)."""
    resolver = Resolver()
    resolver.learn(mentions)
    resolved = resolver.resolve(mentions)
    return resolver.zones(), resolved


# ---------------------------------------------------------------- relations and industries

# "Y 位于 X" / "X 内的 Y": what lies between a park and the zone holding it.
_INSIDE_AFTER = re.compile(r"^(位于|地处|坐落于|坐落在|处于|落户|落户于)$")
_INSIDE_BEFORE = re.compile(r"^(内|中|里)?的?$")
_START_AREA = re.compile(
    r"(作为|为|是|列为|定位为)(?P<parent_gap>[^,，。；;]{0,30}?)的?(启动区|起步区|先行区|先导区)"
)
_START_AREA_WORDS = ("启动区", "起步区", "先行区", "先导区")
_UMBRELLA_KINDS = ("integrated_economic_zone", "reform_pilot", "high_tech", "economic_tech")
_LIST_SEPARATORS = re.compile("、")
_LAST_JOINT = re.compile("(?<=[\u3400-\u9fff]{2})[和及](?=[\u3400-\u9fff]{2})")
_INDUSTRY_LIST = re.compile(
    r"(?P<cue>围绕|聚焦|重点发展|重点培育|大力发展|着力发展|主攻|培育)"
    r"(?P<list>[^。；;！？!?\n,，]{2,150}?)"
    r"(?P<count>等|等?[0-9一二三四五六七八九十]+[大个条项类]?(?:方面的)?)"
    r"(?P<term>主导产业|产业集群|支柱产业|重点产业|首位产业|战略性新兴产业|产业)"
)
_INDUSTRY_ONE = re.compile(
    r"以(?P<item>[^,，。；;、以为]{2,15})为(?:一大|首位|核心|主要)?"
    r"(?P<cue>主导产业|首位产业|支柱产业|重点培育产业|重点产业)"
)
_INDUSTRY_STATED = re.compile(
    r"(?P<cue>主导产业|首位产业|支柱产业)(?:主要)?(?:为|是|包括|有)[:：]?"
    r"(?P<list>[^。；;！？!?\n,，]{2,150}?)(?:等(?:产业)?)?(?=[。；;,，\n]|$)"
)
_MAX_ZONE_GAP = 150  # how far before a cue a zone mention may stand in its paragraph


def _mention_spans(mentions: Sequence[Mapping]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, surface, kind, parent) of a document's mention rows, in text order."""
    spans = [
        (m["start"], m["end"], m["surface"], m.get("kind") or "", m.get("parent") or "")
        for m in mentions
    ]
    return sorted(spans, key=lambda s: (s[0], s[1]))


def _relation_row(doc: Document, parent: str, child: str, relation: str, span) -> dict:
    return {
        "doc_id": doc.doc_id,
        "story": doc.story_at(span[0]),
        "parent_zone_surface": parent,
        "child_zone_surface": child,
        "relation": relation,
        "start": span[0],
        "end": span[1],
    }


def _start_area_parent(doc: Document, spans, child, gap: tuple[int, int]):
    """The zone a start-up area belongs to: one named in the phrase itself (作为X的起步区),
    else the nearest umbrella zone (一体化经济区, 综改区 …) in the sentence, else before it."""
    inside = [s for s in spans if gap[0] <= s[0] and s[1] <= gap[1] and s[2] != child[2]]
    if inside:
        return inside[-1]
    s_start, s_end = doc.sentence_span(child[0])
    umbrellas = [s for s in spans if s[3] in _UMBRELLA_KINDS and s[2] != child[2]]
    same = [s for s in umbrellas if s_start <= s[0] < s_end]
    if same:
        return min(same, key=lambda s: abs(s[0] - child[0]))
    before = [s for s in umbrellas if s[1] <= s_start]
    return before[-1] if before else None


def relation_rows(doc: Document, mentions: Sequence[Mapping]) -> list[dict]:
    """Relations between zones that the text states: a park inside a zone ("part_of": 山西转型
    综合改革示范区阳曲产业园区, Y位于X, X内的Y) and a zone's start-up area ("start_area":
    将Y作为X的启动区/起步区). ``mentions`` are this document's ``mention_rows``."""
    text = doc.text
    spans = _mention_spans(mentions)
    rows = []
    for i, child in enumerate(spans):
        if child[4]:
            parent = next((s for s in spans if s[1] == child[0] and s[2] == child[4]), None)
            if parent:
                rows.append(
                    _relation_row(doc, parent[2], child[2], "part_of", (parent[0], child[1]))
                )
        for other in spans[i + 1 : i + 3]:
            between = text[child[1] : other[0]]
            if _INSIDE_AFTER.match(between):  # child 位于 other
                rows.append(_relation_row(doc, other[2], child[2], "part_of", (child[0], other[1])))
            elif _INSIDE_BEFORE.match(between) and between and other[3] == "industrial_park":
                rows.append(_relation_row(doc, child[2], other[2], "part_of", (child[0], other[1])))
        m = _START_AREA.match(text, child[1], min(len(text), child[1] + 40))
        if m:
            parent = _start_area_parent(doc, spans, child, m.span("parent_gap"))
            if parent:
                span = (min(child[0], parent[0]), max(m.end(), parent[1]))
                rows.append(_relation_row(doc, parent[2], child[2], "start_area", span))
    return distinct_sorted(rows, key=lambda r: (r["start"], r["end"], r["child_zone_surface"]))


def relations(doc: Document, mentions: pd.DataFrame) -> pd.DataFrame:
    """``relation_rows`` of a document, given its ``find_mentions`` frame, as a frame."""
    return RELATION_SCHEMA.frame(relation_rows(doc, records(mentions)))


def _zone_before(text: str, spans, pos: int):
    """The zone mention nearest before ``pos`` in the same paragraph, within reach. ``spans``
    are in text order, so a bisection finds it however long the document."""
    low = max(text.rfind("\n", 0, pos) + 1, pos - _MAX_ZONE_GAP)
    i = bisect_right(spans, pos, key=itemgetter(0))
    while i and spans[i - 1][0] >= low:
        i -= 1
        if spans[i][1] <= pos:
            return spans[i]
    return None


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the list items in text[start:end], split at 、 and at a 和/及 that joins the
    last two items (A、B和C)."""
    bounds = [start, *(x for m in _LIST_SEPARATORS.finditer(text, start, end) for x in m.span())]
    bounds.append(end)
    pieces = list(zip(bounds[::2], bounds[1::2], strict=True))
    last_start, last_end = pieces[-1]
    joint = _LAST_JOINT.search(text, last_start, last_end)
    if len(pieces) > 1 and joint:
        pieces[-1:] = [(last_start, joint.start()), (joint.end(), last_end)]
    return [
        (a, b)
        for a, b in pieces
        if 2 <= b - a <= 14 and _CJK.match(text[a]) and not _NUMERAL_MEASURE.search(text, a, b)
    ]


def industry_rows(doc: Document, mentions: Sequence[Mapping]) -> list[dict]:
    """Leading industries the text states for a zone: lists after 围绕/聚焦/重点发展 that end in
    …等N大主导产业/产业集群, 主导产业为A、B和C, and 以X为主导产业. Each industry is one row
    with its own offsets; the zone is the nearest mention before the cue in its paragraph."""
    text = doc.text
    spans = _mention_spans(mentions)
    rows = []

    def add(zone, item_span, cue):
        rows.append(
            {
                "doc_id": doc.doc_id,
                "story": doc.story_at(item_span[0]),
                "zone_surface": zone[2],
                "zone_start": zone[0],
                "industry": text[item_span[0] : item_span[1]],
                "cue": cue,
                "start": item_span[0],
                "end": item_span[1],
            }
        )

    for m in _INDUSTRY_LIST.finditer(text):
        items = _items(text, *m.span("list"))
        zone = _zone_before(text, spans, m.start())
        if zone and (len(items) >= 2 or m.group("count") != "等"):
            for span in items:
                add(zone, span, m.group("cue") + "…" + m.group("term"))
    for m in _INDUSTRY_ONE.finditer(text):
        zone = _zone_before(text, spans, m.start())
        if zone:
            add(zone, m.span("item"), m.group("cue"))
    for m in _INDUSTRY_STATED.finditer(text):
        zone = _zone_before(text, spans, m.start())
        if zone:
            for span in _items(text, *m.span("list")):
                add(zone, span, m.group("cue"))
    return distinct_sorted(rows, key=lambda r: (r["start"], r["end"]))


def industries(doc: Document, mentions: pd.DataFrame) -> pd.DataFrame:
    """``industry_rows`` of a document, given its ``find_mentions`` frame, as a frame."""
    return INDUSTRY_SCHEMA.frame(industry_rows(doc, records(mentions)))


# Per-document tables beyond the contract's, picked up by devzones.tables: name -> (schema, rows
# of one document given its mention rows).
EXTRA_TABLES = {
    "zone_relations": (RELATION_SCHEMA, relation_rows),
    "zone_industries": (INDUSTRY_SCHEMA, industry_rows),
}
