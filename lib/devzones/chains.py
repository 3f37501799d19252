"""Industry chains: chains written stage by stage (冶炼—不锈钢—冷轧板材), chains named in lists with
the count and category the text gives (8条优势特色产业链), their carrier zones, scale targets and
application fields.

Two anchors drive the search, both rare in running text: a single dash (— – － - → ─; inside a
quote with none, the doubled ——) for staged chains (and 再到 for a chain told as a ladder,
从A到B再到C) and the word 链 (产业链 / 产业链条 /
链条) for named chains. Around a dash the stages are the
punctuation-free runs it joins; a sequence is kept only when it looks like products or processes
(three or more stages, no numeric ranges, not a corridor of Shanxi places). Around 产业链 the text
to the left is read as ``[verb] A、B和C [等] [N条] [description的] [category] 产业链``; items
joined by 、 into one 产业链 form a listed group with the count the text states. Every row carries
the sentence it came from and the paragraph's carriers (依托…), scale (千亿级) and fields (…领域).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from devzones.clean import Document
from devzones.frames import schema

CHAIN_COLUMNS = [
    "doc_id",
    "story",
    "name",  # the industry, without 产业链 (特钢, 合成生物); may be empty for a staged chain
    "stages",  # staged chains: stages joined by |; empty for a chain only named
    "category",  # what the text calls the group: 优势特色, 新兴, 重点 …
    "start",  # offsets of the name (listed) or of the stages (staged) in the cleaned text
    "end",
    "kind",  # "staged" or "listed"
    "count_stated",  # the number the text gives for the group (8条), if any
    "count_found",  # names found in the group; stages for a staged chain
    "carriers",  # zones the chain relies on (依托A、B), joined by |
    "scale",  # scale targets (千亿级), joined by |
    "fields",  # application fields (…等领域), joined by |
    "evidence",  # the sentence holding the row
    "sentence_start",
    "sentence_end",
]
SCHEMA = schema(CHAIN_COLUMNS, count_stated="Int64", count_found="Int64")

# --- language rules -------------------------------------------------------------------------

_DASH = "—–－\\-→─"
_DASH_ANCHOR = re.compile(f"[{_DASH}]")
# A stage: a run free of punctuation, quotes, brackets and dashes.
_STAGE = f"[^\\s,，。;；:：!！?？、“”\"'‘’()（）\\[\\]【】《》<>「」『』|/{_DASH}]{{1,24}}"
# Stages joined by single dashes (a doubled dash —— is a sentence dash, not a chain link).
_SEP = f"[ \u3000]?(?<![{_DASH}])[{_DASH}](?![{_DASH}])[ \u3000]?"
_STAGED = re.compile(f"{_STAGE}(?:{_SEP}{_STAGE})+")
_QUOTED = re.compile(r"[“\"「]([^“”\"「」\n]{3,160})[”\"」]")
_SEP_RE = re.compile(_SEP)
# …but inside a quote that has no single dash, doubled dashes join stages too (“A——B——C”)
_DOUBLE_SEP_RE = re.compile(f"[ \u3000]?(?<![{_DASH}])——(?![{_DASH}])[ \u3000]?")
# 从A到B再到C (or “A到B再到C”): a chain told as a ladder, anchored on the rare 再到
_LADDER_ANCHOR = "再到"
_LADDER_STAGE = r"[^，,。；;：:“”\"「」\n从到的]{1,12}"
_LADDER = re.compile(
    rf"(?P<from>从)?(?P<a>{_LADDER_STAGE})到(?P<b>{_LADDER_STAGE})(?P<rest>(?:再到{_LADDER_STAGE})+)"
)
_NAMED_FIRST_STAGE = re.compile(r"[\u4e00-\u9fff]{1,8}?产业(?:链条?)?")
_MIN_STAGES = 3
_MAX_STAGE = 20
_MAX_BARE_STAGE = 12
# Where the last stage of an unquoted chain ends: 新材料|一体化发展格局, 铝型材|的产业链, 器件|项目.
_LAST_STAGE_END = re.compile(
    "的|等|全产业|产业|全链|链条|一体化|循环|发展|格局|模式|体系|项目|工程|[0-9两二三四五六七八九十]+条"
)
# A quoted sequence followed by these is called a chain (“煤—电”一体化, “…”产业链).
_CHAIN_AFTER = re.compile(r"(?:的)?(?:全)?(?:产业链|链条|一体化|产业)")
# Words of a clause, not of a product: a bare dash between such runs is a sentence dash.
_CLAUSE_WORD = re.compile("的|了|是|着|正在|将|这|我们")
_AFTER_QUOTE = re.compile(
    r"(?:的|等)?(?:[0-9两二三四五六七八九十]+[条个大])?([^\s,，。;；:：、“”]{1,10}?)"
    r"(?:产业链条|产业链|链条)"
)
_HEAD_NAME = re.compile(
    r"\s*(?:在|对于|关于)?([^\s,，。;；:：、“”]{1,14}?)(?:产业链|产业|行业|链条|(?<![延补强固建串稳畅])链)(?:方面)?[,，:：]"
)

# …and a bare 链 after a count of chains (氢能等5条链由市级领导担任链长; not 一条链, "a chain")
_CHAIN_WORD = re.compile(r"产业链条|产业链|链条|(?<=[0-9二两三四五六七八九十]条)链(?![长主条])")
# the chain or industry a clause is about (钢铁产业沿着“…”延伸)
_SUBJECT_WORD = re.compile(_CHAIN_WORD.pattern + "|产业")
# Characters that end the clause a chain name is read from (、 is a list joint, not a boundary).
_CLAUSE_END = set(',，。;；:：!！?？\n\r“”"‘’《》【】[]<>「」『』|　 \t')
# Verbs, prepositions and function words: a name starts after the last one of them.
_BOUNDARY = re.compile(
    "延伸出|延伸|延长|打造出|打造|聚焦|围绕|培育出|培育|构建起|建立起|搭建起|构建|构筑|形成|做强|做大|做优|"
    "壮大|布局|包括|牵头|承担|支持|"
    "涵盖|建设|推进|推动|加快|拓展|拓宽|完善|强化|补齐|打通|提升|带动|实施|实现|引进|引导|融入|"
    "着力|全力|积极|大力|瞄准|面向|赋能|标志着|作为|具有|重点|(?<!精)细化|成功|优化|发展|突出|梳理出|梳理|"
    "制定|设置|编制|绘制|深化|健全|畅通|稳定|保障|增强|巩固|拉长|延展|串联|贯通|整合|对接|嵌入|"
    "参与|补强|谋划|招引|聚力|紧盯|锚定|立足|依托|支撑|助力|贯穿|覆盖|开展|提高|加强|加速|"
    "按照|通过|沿着|基于|针对|根据|依据|关于|结合|精准|持续|不断|进一步|全面|深入|努力|主动|"
    "坚持|实行|推行|落实|紧扣|紧抓|抓好|加大|用好|建立|组建|成立|出台|印发|发布|明确|确定|确立|"
    "选定|摸清|拥有|具备|完整|齐全|较为|相对|唯一|涉及|进入|入选|纳入|列入|聚集|集聚|吸引|引领|"
    "牵引|推出|做精|做深|升级|转型|构成|组成|采用|新增|新建|续建|在建|开工|签约|储备|落户|入驻|"
    "今年|去年|明年|目前|当前|近年来|以来|年内|上半年|下半年|"
    "安排|调度|设立|形容|描述|现有|这样|当地|本地|推介|先画|画出|画好|盯着|盯住|包联|公布|首批|搭建|研究|解决|共建|没有|长出|共有|主攻|配齐|上述|整条|更多|建成|一次|抓|力争|举办|召开|串起|担任|拿着|拿出|找|全年|到|哪|一张|一幅|一份|以(?![及上下来外后前])|"
    "以及|及|和|与|的|了|在|对|将|把|被|为|是|向|从|由|即|该区|本区|我区|全区|该|本|这|此|其中|其|"
    "各|每|让|使|部分|等(?!离子)"
)
# a year ends a name too (到2027年光伏产业链); searched on its own, as a digit class among the
# words above would slow the whole alternation fivefold
_YEAR = re.compile(r"[0-9]{4}年[底末]?")
_CONNECTOR = re.compile("以及|及|和|与")
_JOINT = re.compile("、|以及|和|及|与|等")
_ETC = re.compile("等(?!离子)")
# where a list of chains opens after the chain word: 产业链：, 产业链具体为：, 产业链分别是：
_FIRM_WORD = re.compile("企业|公司|集团")
_LISTED_AS = re.compile("列为|确定为|定为")
_LIST_COLON = re.compile(
    r"[，,]?(?:(?:具体|分别|主要)?(?:为|是|有|包括)?[：:]|包括|分别为|分别是|具体为|主要有|即)"
)
_LIST_LEAD = re.compile("分别是|分别为|包括|具体为")
_CHAINS_COUNTED = r"([0-9]+|[一二两三四五六七八九十]+)\s*条[，,]?"  # 12条, / 十一条，
_COUNTED_LIST = re.compile(_CHAINS_COUNTED + "$")
_COUNT_AFTER = re.compile(r"(?:共|共有|达)?\s*" + _CHAINS_COUNTED)
_COUNT = re.compile(r"(等)?\s*([0-9]+|[一二两三四五六七八九十]+|几)\s*(条|个|大|项|类|支)")
# Words that qualify a group of chains rather than name one.
_CATEGORY_WORDS = (
    "战略性",
    "新兴",
    "优势",
    "特色",
    "传统",
    "重点",
    "主导",
    "支柱",
    "未来",
    "示范",
    "标志性",
    "关键",
    "核心",
    "先导",
    "基础",
    "现代",
    "首位",
    "成长型",
    "培育型",
    "成长",
    "培育",
    "接续",
    "引领",
)
# Names that are about chains in general, not one industry.
_GENERIC = {
    "产业",
    "当家",  # “当家”链条: the leading one
    "上下游",
    "全球",
    "国际",
    "国内",
    "区域",
    "本地",
    "相关",
    "完整",
    "整体",
    "全",
    "供应",
    "创新",
    "价值",
    "资金",
    "人才",
    "数据链",
    "一体化",
    "制造业",  # sectors that group chains (9条制造业产业链), not one industry
    "服务业",
}
_GENERIC_PARTS = ("新质生产力", "上下游", "供应链", "创新链", "价值链", "资金链", "人才链")
# Words that only qualify a chain (循环产业链, 一批特色细分产业链): a name made of nothing else
# names no industry.
_MODIFIER = re.compile(
    "|".join(_CATEGORY_WORDS)
    + "|循环|细分|完整|齐全|高端|新型|绿色|低碳|上游|中游|下游|配套|延伸|相关|多元|本地|区域|"
    "[一两几多数若]?(?:批|系列|干|些|条|类|个)|各类|各|全"
)
# A name ending in one of these is a project, firm or zone, not an industry.
_NOT_INDUSTRY_END = (
    "版",  # 图谱（2025版）
    "项目",
    "企业",
    "公司",
    "集团",
    "园区",
    "基地",
    "工程",
    "中心",
    "平台",
    "开发区",
    "高新区",
    "经开区",
    "示范区",
    "农高区",
    "综改区",
    "新区",
    "产业园",
    "工业园",
)
# A name opening with an aspect adverb is a verb phrase (已储备, 正在建设), not an industry.
_ADVERB_START = re.compile("^(?:已|曾|正在|仍|均|也)")
# 产业链项目/专班/基金 (产业链配套项目, 产业链招商项目): the chain word qualifies a programme, and
# the words before it are that programme's verb, zone or products (储备产业链项目), not chains.
# Before 企业/上下游/图谱 a name is read as usual (光伏产业链上下游企业 names 光伏), and so is a
# list closed by 等 before plain 项目 (投向A、B等产业链项目: projects in those chains).
_CHAIN_MODIFIES = re.compile("(?P<kind>配套|招商|重点)?(?P<work>项目|专班|基金)")
# the farthest a list of chains is read back from its chain word (16 chains run to ~90 chars)
_MAX_LIST = 160
# X产业链[将沿着]“A—B—C”: the chain word is the subject a short verb phrase away from the quote.
_MAX_PREDICATE = 4
_MAX_NAME = 10
# Single characters that name an industry on their own (铝产业链, 煤产业链).
_ONE_CHAR_INDUSTRIES = frozenset("煤钢铁铝镁铜锂硅氢钛锌镍钒锰碳焦盐酒醋茶药羊牛猪")
_LEVEL_END = re.compile(r"级$")
_COUNTED = re.compile(r"\d+[家个户项条]")
_HAVE_LACK = re.compile("有.{0,4}无")
_CLASSIFIED = re.compile(r"[另这那每首]?[一二两三四五六七八九十几多]*[条个项]")
_PUNCTUATION = re.compile(r"[。，,；;：:！？!?“”\"…]")
# 综改区新材料, 甲园区光伏: the zone that hosts the chain, not part of its name.
_ZONE_PREFIX = re.compile(
    r"^(?:.{0,10}?(?:开发区|高新区|经开区|综改区|示范区)|.{1,10}?(?:园区|新区|新城))(?=.)"
)
_TRAILING_NOTE = re.compile(r"[(（][^()（）]*[)）]$")  # 特殊钢(不锈钢)
_ENUMERATOR = re.compile(r"^[(（]?[\d一二三四五六七八九十]{1,3}[.．)）]\s*")  # (一)特钢产业链
_CHAIN_SUFFIX = re.compile(r"(产业链条|产业链|链条|产业)$")
_CN_DIGIT = dict(zip("一二两三四五六七八九", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))

_SCALE = re.compile(r"[千百万十数]+亿(?:元)?级")
_SCALE_PREFIX = re.compile(r"^[千百万十数]+亿(?:元)?级?")  # 千亿级光伏, and a bare 千亿 too
_CARRIER_LEAD = re.compile(r"依托")
_ZONE_END = re.compile(r"(开发区|高新区|经开区|示范区|农高区|经济区|新城|园区|产业园|工业园|基地)$")
_FIELD_WORD = re.compile(r"领域")
_FIELD_TRIM = re.compile(r"(等)?(?:高端|应用|重点|新兴|相关|市场)*$")
# Steps of a project or of innovation (签约—开工—投产, 研发—中试—产业化), not of an industry.
_MILESTONE = re.compile(
    r"^(招商|谋划|储备|签约|审批|开工|建设|竣工|验收|投产|达产|达效|落地|"
    r"研发|中试|孵化|转化|产业化|设计|采购|施工|销售)"
)
# A quoted sequence followed by one of these is a method or reform, not an industry chain.
_NOT_CHAIN_AFTER = re.compile(r"[^,，。;；:：“”]{0,6}?(模式|机制|改革|流程|制度|体系|理念|工作法)")
# …and so is one followed by a chain word that qualifies a service or system (“招聘—培训—就业”全链条
# 就业服务体系, “众创空间—孵化器—加速器”全链条孵化体系), unless it is an industry's
_PROCESS_AFTER = re.compile(
    r"全?链条?(?:(?!产业)[^,，。;；:：“”]){0,8}?(?:服务|孵化|体系|机制|模式)"
)
_CORRIDOR_AFTER = re.compile(r"^(沿线|一线|走廊|廊道|通道|方向|高铁|铁路|城际|公路|高速|段)")
_PLACE_SUFFIX = re.compile(r"(省|市|县|区|镇|乡)$")

# Province-wide reference data: Shanxi's prefecture cities and county-level units, plus the
# neighbouring capitals that corridors name; a dash sequence of these is a route, not a chain.
_PLACE_NAMES = """
    山西 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
    小店 迎泽 杏花岭 尖草坪 万柏林 晋源 古交 清徐 阳曲 娄烦
    平城 云冈 新荣 云州 阳高 天镇 广灵 灵丘 浑源 左云 平定 盂县
    潞州 上党 屯留 潞城 襄垣 平顺 黎城 壶关 长子 武乡 沁县 沁源
    泽州 高平 阳城 陵川 沁水 朔城 平鲁 怀仁 山阴 应县 右玉
    榆次 太谷 介休 榆社 左权 和顺 昔阳 寿阳 祁县 平遥 灵石
    盐湖 永济 河津 临猗 万荣 闻喜 稷山 新绛 绛县 垣曲 夏县 平陆 芮城
    忻府 原平 定襄 五台 代县 繁峙 宁武 静乐 神池 五寨 岢岚 河曲 保德 偏关
    尧都 侯马 霍州 曲沃 翼城 襄汾 洪洞 古县 安泽 浮山 吉县 乡宁 大宁 隰县 永和 蒲县 汾西
    离石 孝义 汾阳 文水 交城 兴县 临县 柳林 石楼 岚县 方山 中阳 交口
    北京 天津 雄安 石家庄 张家口 郑州 西安 呼和浩特 济南 京津冀 长三角 珠三角
    全省 全市 全区 全县 我省 我市 本省 本市 省内 市内 区内 县内 园区内
"""
_PLACES = frozenset(_PLACE_NAMES.split())


@dataclass(frozen=True)
class _Item:
    """A chain name with its offsets in the cleaned text."""

    name: str
    start: int
    end: int


# --- small pure helpers ---------------------------------------------------------------------


def _cn_number(s: str) -> int | None:
    """'8' -> 8, '十四' -> 14, '两' -> 2; None for vague counts such as 几."""
    if s.isdigit():
        return int(s)
    if not s or any(c not in _CN_DIGIT and c != "十" for c in s):
        return None
    if "十" not in s:
        return _CN_DIGIT[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT.get(tens, 1) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)


def is_place(s: str) -> bool:
    """A Shanxi city/county (with or without 市/县/区) or a name shaped like an admin unit."""
    if s in _PLACES:
        return True
    bare = _PLACE_SUFFIX.sub("", s)
    return bare in _PLACES or (bool(bare) and s != bare and len(s) <= 4)


def _strip_place_prefix(s: str) -> str:
    for n in (4, 3, 2):
        head = s[:n]
        if len(s) - n >= 2 and (head in _PLACES or head.rstrip("省市") in _PLACES):
            return s[n:]
    # a lone 市/省 is the place's possessive (市医药健康产业链链长办公室), 省级 its level
    lead = 2 if s[1:2] == "级" else 1
    return s[lead:] if len(s) - lead >= 2 and s[0] in "省市" else s


def _is_slogan(s: str) -> bool:
    """Number codes such as 8+6, 1+N or 一高两先三特三新 name a policy, not an industry; a word
    with a plus (铝镁+, 5G+) is an industry and what grows from it."""
    parts = re.split("[+＋]", s)
    return any(re.fullmatch(r"[0-9]+|[A-Za-z]", p) for p in parts) or (
        sum(c in _CN_DIGIT for c in s) >= 2
    )


def chain_name(raw: str, counted: bool = False) -> str:
    """A candidate chain name trimmed of chain words and qualifiers; '' when it is not one.
    ``counted``: the item is one of a list its count says are all chains (A、B、C、数据中心四条
    产业链), so an ending that usually names a facility (中心, 平台) does not rule it out."""
    name = _ENUMERATOR.sub("", _TRAILING_NOTE.sub("", raw.strip()))
    name = _CHAIN_SUFFIX.sub("", name).removesuffix("全")
    if len(name) > 2:
        name = name.removesuffix("主")  # 精细化工主链条: the main chain of 精细化工
    name = _strip_place_prefix(_ZONE_PREFIX.sub("", _SCALE_PREFIX.sub("", name)))
    if not name or len(name) > _MAX_NAME or name in _GENERIC or _LEVEL_END.search(name):
        return ""
    if len(name) < 2 and name not in _ONE_CHAR_INDUSTRIES:
        return ""
    if _DASH_ANCHOR.search(name) or name.isdigit() or _COUNTED.search(name):
        return ""  # 企业31家 (a chain's firms counted), not an industry
    if _CLASSIFIED.fullmatch(name) or _HAVE_LACK.search(name):
        return ""  # 另一条, 这条: which chain; “有产业无链条”: a slogan, not an industry
    if _PUNCTUATION.search(name):
        return ""  # “。铝”: a quote across a sentence's end
    if any(p in name for p in _GENERIC_PARTS) or not counted and name.endswith(_NOT_INDUSTRY_END):
        return ""
    if is_place(name) or _only_modifiers(name) or _ADVERB_START.match(name):
        return ""
    if _MILESTONE.fullmatch(name):  # 签约, 储备: a step of a project, not an industry
        return ""
    if _CHAIN_WORD.search(name):  # 铝镁链条沿: a name ends before the chain word
        return ""
    return name


def _only_modifiers(name: str) -> bool:
    """循环, 一批特色细分, 新兴: qualifiers of a chain with no industry word."""
    i = 0
    while i < len(name) and (m := _MODIFIER.match(name, i)) and m.end() > i:
        i = m.end()
    return i == len(name)


def _strip_category(s: str) -> tuple[str, str]:
    """Split trailing qualifiers off: '等重点' -> ('等', '重点')."""
    category = ""
    changed = True
    while changed:
        changed = False
        for word in _CATEGORY_WORDS:
            if s.endswith(word):
                s, category = s[: -len(word)], word + category
                changed = True
    return s, category


def _after_last_boundary(
    text: str, start: int, end: int, compound: bool = False, joined: bool = False
) -> int:
    """The offset just after the last verb/function word in text[start:end]; with
    ``compound``, a bare 及 stays inside the name (新能源汽车及零部件 is one industry); with
    ``joined``, every connector with a word before it does (现代医药和大健康, counted as one
    item; not 以及 opening the list)."""
    last = start
    for m in _BOUNDARY.finditer(text, start, end):
        word = m.group(0)
        inner = m.start() > last
        if not (compound and word == "及" or joined and inner and _CONNECTOR.fullmatch(word)):
            last = m.end()
    for m in _YEAR.finditer(text, last, end):
        last = m.end()
    close = max(text.rfind("）", last, end), text.rfind(")", last, end))
    if close != -1 and end - close > 2:  # X示范区（X农高区）功能食品产业链: a gloss, then the name
        last = close + 1
    return last


def _is_clause_end(text: str, i: int) -> bool:
    """text[i] ends a clause; a comma glued to a list joint (",、") is noise, not a boundary."""
    if text[i] not in _CLAUSE_END:
        return False
    glued = (i + 1 < len(text) and text[i + 1] == "、") or (i > 0 and text[i - 1] == "、")
    return not (glued and text[i] in ",，")


def _clause_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and not _is_clause_end(text, i - 1):
        i -= 1
    return i


def _clause_end(text: str, pos: int) -> int:
    i = pos
    while i < len(text) and not _is_clause_end(text, i):
        i += 1
    return i


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _split_items(
    text: str, start: int, end: int, count: int | None = None
) -> list[tuple[int, int]]:
    """Spans of the 、-separated items of text[start:end]; the last may hold 和/及 joints, unless
    the list's ``count`` says it is one item (A、B、现代医药和大健康三大产业链)."""
    spans, s, depth = [], start, 0
    for i in range(start, end):
        c = text[i]
        depth += (c in "(（") - (c in ")）")
        if c == "、" and depth <= 0:  # not inside brackets: 特色农产品加工(黄花、杂粮)
            spans.append((s, i))
            s = i + 1
    spans.append((s, end))
    if count != len(spans) > 1:  # "A、B和C": the connector joins the last item to the list
        spans[-1:] = _connected(text, *spans[-1])
    elif (
        len(spans) == 1 and (count or 0) > 1 and len(parts := _connected(text, start, end)) == count
    ):
        return parts  # A和B两条产业链
    return spans


def _connected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of text[start:end] split at its 和/及 connectors."""
    spans = []
    for m in _CONNECTOR.finditer(text, start, end):
        spans.append((start, m.start()))
        start = m.end()
    return [*spans, (start, end)]


def _item(text: str, start: int, end: int, counted: bool = False) -> _Item | None:
    while start < end and text[start] in " \u3000,，":
        start += 1
    while end > start and text[end - 1] in " \u3000,，":
        end -= 1
    raw = text[start:end]
    name = chain_name(raw, counted)
    if not name:
        return None
    offset = start + raw.find(name)
    return _Item(name, offset, offset + len(name))


# --- staged chains --------------------------------------------------------------------------


def _stage_ok(stage: str, quoted: bool) -> bool:
    """A product or process: short, not a number, date, URL or clause."""
    longest = _MAX_STAGE if quoted else _MAX_BARE_STAGE
    return (
        0 < len(stage) <= longest
        and not re.search(r"\d{3,}|://|@", stage)
        and not re.fullmatch(r"[\d.]+[年月日号期个%]*", stage)
        and (quoted or not _CLAUSE_WORD.search(stage))
    )


def _starts_with_place(stage: str) -> bool:
    """雄安协同, 忻州东部: a place with a short word after it."""
    return any(stage[:n] in _PLACES and len(stage) - n <= 2 for n in (2, 3, 4))


def _is_corridor(stages: list[str], text: str, end: int) -> bool:
    """A route through places (阳曲—定襄—原平 沿线), not a product chain."""
    places = sum(is_place(s) or _starts_with_place(s) or bool(_ZONE_END.search(s)) for s in stages)
    return places * 2 >= len(stages) or (places > 0 and bool(_CORRIDOR_AFTER.match(text[end:])))


def _looks_like_chain(
    stages: list[str], quoted: bool, text: str, end: int, about_chains: bool = False
) -> bool:
    """``about_chains``: the sentence names a chain before the sequence (光伏产业链实现“…”全流程),
    so a method word after it (流程, 体系) does not make it a method."""
    # two stages make a chain only when quoted and called one: “煤—电”产业链
    shortest = 2 if quoted and _CHAIN_AFTER.match(text, end) else _MIN_STAGES
    if len(stages) < shortest or not all(_stage_ok(s, quoted) for s in stages):
        return False
    if sum(bool(re.search(r"[\u4e00-\u9fff]", s)) for s in stages) * 2 < len(stages):
        return False  # URLs, codes and English words joined by hyphens
    if sum(bool(_MILESTONE.search(s)) for s in stages) * 2 >= len(stages):
        return False
    method = quoted and not about_chains and _NOT_CHAIN_AFTER.match(text, end)
    if method and not _CHAIN_AFTER.match(text, end):
        return False
    if quoted and not about_chains and _PROCESS_AFTER.match(text, end):
        return False
    return not _is_corridor(stages, text, end)


def _trim_last_stage(text: str, start: int, end: int) -> int:
    """Cut what follows the last stage of a bare chain (chain words, verbs); a 及 inside it
    joins two products (铝型材及铝制品) and stays."""
    m = _LAST_STAGE_END.search(text, start, end)
    end = m.start() if m else end
    verb = next((v for v in _BOUNDARY.finditer(text, start, end) if v[0] != "及"), None)
    return verb.start() if verb else end


def _stage_spans(text: str, start: int, end: int, quoted: bool) -> list[tuple[int, int]]:
    """Split text[start:end] at single dashes (in a quote without one, at doubled dashes);
    outside quotes, trim verbs and chain words."""
    sep = _SEP_RE if not quoted or _SEP_RE.search(text, start, end) else _DOUBLE_SEP_RE
    cuts = [(m.start(), m.end()) for m in sep.finditer(text, start, end)]
    bounds = [start] + [e for _, e in cuts]
    ends = [s for s, _ in cuts] + [end]
    spans = list(zip(bounds, ends, strict=True))
    if not quoted:
        s0, e0 = spans[0]
        s0 = _after_last_boundary(text, s0, e0)
        named = _NAMED_FIRST_STAGE.match(text, s0, e0)  # 杂粮产业种质资源—…: the chain, then
        spans[0] = (named.end() if named and named.end() < e0 else s0, e0)
        sl, el = spans[-1]
        spans[-1] = (sl, _trim_last_stage(text, sl, el))
    sl, el = spans[-1]
    while el > sl and text[el - 1] in "等 ":  # “A—B—C等” lists the last stage with 等
        el -= 1
    spans[-1] = (sl, el)
    return [_strip_span(text, a, b) for a, b in spans]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _quoted_chains(text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """Quoted runs “A—B—C” inside [lo, hi) whose whole content is a dash sequence."""
    found = []
    for m in _QUOTED.finditer(text, lo, hi):
        s, e = m.span(1)
        dashed = _SEP_RE.search(text, s, e) or len(_DOUBLE_SEP_RE.findall(text, s, e)) >= 2
        if dashed and not re.search(r"[,，。;；:：]", m.group(1)):
            found.append((s, e, True))
    return found


def _bare_chains(text: str, lo: int, hi: int, taken: list[tuple[int, int, bool]]):
    """Unquoted A—B—C runs inside [lo, hi) that do not overlap a quoted chain."""
    for m in _STAGED.finditer(text, lo, hi):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in taken):
            yield (m.start(), m.end(), False)


def _ladder_chains(text: str, lo: int, hi: int) -> list[tuple[list[tuple[int, int]], bool]]:
    """Stage spans of the ladders in [lo, hi) (从制氢到加氢站再到燃料电池汽车), with whether each is
    the whole of a quote; an unquoted ladder must open with 从, and every stage is a word of two
    characters or more. Read only in a sentence that speaks of a chain."""
    found = []
    for m in _LADDER.finditer(text, lo, hi):
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        quoted = bool(before and after) and before in '“"「' and after in '”"」'
        if not (quoted or m["from"]):
            continue
        spans = [m.span("a"), m.span("b")]
        pos = m.start("rest")
        for step in m["rest"].split(_LADDER_ANCHOR)[1:]:
            pos += len(_LADDER_ANCHOR)
            spans.append((pos, pos + len(step)))
            pos += len(step)
        if not quoted:
            sl, el = spans[-1]
            spans[-1] = (sl, _trim_last_stage(text, sl, el))
        spans = [_strip_span(text, a, b) for a, b in spans]
        if all(b - a >= 2 for a, b in spans):  # not 从小到大再到强: a manner, not products
            found.append((spans, quoted))
    return found


def _subject_name(text: str, start: int, end: int) -> str:
    """The chain named as the subject of the clause in text[start:end] that ends at a quote:
    铝镁链条沿“…”, 光伏产业链将沿着“…” and 钢铁产业沿着“…” name 铝镁, 光伏 and 钢铁."""
    subject = None
    for m in _SUBJECT_WORD.finditer(text, start, end):
        subject = m
    if subject is None or end - subject.end() > _MAX_PREDICATE:
        return ""
    return chain_name(text[_after_last_boundary(text, start, subject.start()) : subject.start()])


def _staged_name(doc: Document, start: int, end: int, quoted: bool, listed: list[_Item]) -> str:
    """The chain's industry, from the first of: just before the quote (半导体“装备—…”), just
    after it (“…”煤化工产业链), the head of its sentence or paragraph (特钢产业,依托…), or a chain
    named earlier in the same sentence."""
    text = doc.text
    if quoted:
        before = start - 1
        cs = _clause_start(text, before, max(0, before - 30))
        if name := _subject_name(text, cs, before) or chain_name(
            text[_after_last_boundary(text, cs, before) : before]
        ):
            return name
        after = _AFTER_QUOTE.match(text, end + 1, min(len(text), end + 14))
        if after:
            a, b = after.span(1)  # “…”打造白酒全产业链: the name starts after the verb
            if name := chain_name(text[_after_last_boundary(text, a, b) : b]):
                return name
    ss, _ = doc.sentence_span(start)
    for lo in (ss, _paragraph(text, start)[0]):
        head = _HEAD_NAME.match(text, lo, start)
        if head:
            a, b = head.span(1)
            if name := chain_name(text[_after_last_boundary(text, a, b) : b]):
                return name
    earlier = [it for it in listed if ss <= it.start and it.end <= start]
    return earlier[-1].name if earlier else ""


def staged_chains(doc: Document, listed: list[_Item]) -> list[dict]:
    """Rows for chains written stage by stage, each chain once per document; ``listed`` are the
    chain names found in the text, a fallback for naming a chain."""
    rows, seen = [], set()
    text = doc.text
    anchors = [m.start() for m in _DASH_ANCHOR.finditer(text)]
    ladders = _find_all(text, _LADDER_ANCHOR)
    for lo, hi in sorted({doc.sentence_span(p) for p in anchors + ladders}):
        quoted = _quoted_chains(text, lo, hi)
        found = [
            (s, e, q, _stage_spans(text, s, e, q))
            for s, e, q in quoted + list(_bare_chains(text, lo, hi, quoted))
        ]
        if any(lo <= p < hi for p in ladders) and _CHAIN_WORD.search(text, lo, hi):
            found += [(sp[0][0], sp[-1][1], q, sp) for sp, q in _ladder_chains(text, lo, hi)]
        for s, e, q, spans in sorted(found):
            stages = [text[a:b].strip() for a, b in spans]
            close = e + 1 if q else e
            about_chains = q and _CHAIN_WORD.search(text, lo, s) is not None
            if not _looks_like_chain(stages, q, text, close, about_chains) or tuple(stages) in seen:
                continue
            seen.add(tuple(stages))
            rows.append(
                {
                    "name": _staged_name(doc, s, e, q, listed),
                    "stages": "|".join(stages),
                    "category": "",
                    "start": spans[0][0],
                    "end": spans[-1][1],
                    "kind": "staged",
                    "count_stated": None,
                    "count_found": len(stages),
                }
            )
    return rows


def _find_all(text: str, word: str) -> list[int]:
    found, pos = [], text.find(word)
    while pos != -1:
        found.append(pos)
        pos = text.find(word, pos + 1)
    return found


# --- listed chains --------------------------------------------------------------------------


@dataclass
class _Group:
    """Chain names joined into one phrase, with the count and category the text gives."""

    items: list[_Item]
    count: int | None = None
    category: str = ""
    end: int = 0  # end of the last chain word read into the group


def _read_left(text: str, start: int, end: int) -> tuple[list[_Item], int | None, str, bool]:
    """Parse '[verb] A、B [等] [N条] [desc的] [category]' in text[start:end].

    Returns (items, stated count, category, whether the name next to the chain word is valid).
    """
    if end > start and text[end - 1] in "、和及与":  # another noun joined on: 产业定位和“8+6”产业链
        return [], None, "", False
    count, own = None, None
    counts = list(_COUNT.finditer(text, start, end))
    closing = counts[-1] if counts else _last_etc(text, start, end)
    if closing:  # A、B等 / A、B 8条 [desc的] [category]: the list ends here
        count = _cn_number(closing.group(2)) if counts else None
        desc = max(closing.end(), text.rfind("的", closing.end(), end) + 1)
        category = text[desc:end].strip()
        head, qualifier = _strip_category(category)
        if head:  # 2条钢铁产业链: without a list before the count, these words name the chain
            own = (desc, desc + len(head), qualifier)
        end = closing.start()
        if head and _FIRM_WORD.search(text, closing.end(), desc):
            end = start  # 以富士康等龙头企业为引领的光机电产业链: the list names firms
    else:
        head, category = _strip_category(text[start:end])
        end = start + len(head)
    while end > start and text[end - 1] in "等 ":
        end -= 1
    if end > start and text[end - 1] in "、和及与":
        return [], count, category, False
    spans = _split_items(text, start, end, count)
    joined = len(spans) == count  # the last item keeps its 和 (see _split_items)
    if len(spans) == 1 and count and count > 1 and closing and not closing.group(1):
        spans = []  # 市领导分别担任14条产业链链长: one phrase before a count of many names none
    elif len(spans) == 1:  # no list: the name is what follows the last verb or joint
        cut = _after_last_boundary(text, start, end, compound=True)
        spans = [*_paired(text, start, cut), (cut, end)]
    elif (cut := _after_last_boundary(text, *spans[-1], True, joined)) > spans[-1][0]:
        spans = [(cut, end)]  # A、B的完整产业链: the list qualifies the chain, it does not name it
    else:  # the list opens after the last verb in it (A区、B区围绕C、D等产业链: C and D)
        opens = [
            i
            for i, span in enumerate(spans)
            if _after_last_boundary(text, *span, True, joined) > span[0]
        ]
        spans = spans[opens[-1] if opens else 0 :]
        s0, e0 = spans[0]
        spans[0] = (_after_last_boundary(text, s0, e0, joined=joined), e0)
    every = len(spans) == count  # still the whole counted list
    items = [it for a, b in spans if (it := _item(text, a, b, counted=every))]
    if not items and count and (listed := _listed_as(text, start, end, count)):
        return listed, count, category, True
    if not items and own and (it := _item(text, _after_last_boundary(text, *own[:2]), own[1])):
        return [it], count, own[2], True
    adjacent_ok = bool(spans) and _item(text, *spans[-1]) is not None
    # a count that matches the list (A、B、C、D四条产业链) says every item names a chain, even
    # when one of them is not read as a name
    counted = count is not None and (end == start or count == len(spans))
    return items, count, category, adjacent_ok or counted


def _paired(text: str, start: int, cut: int) -> list[tuple[int, int]]:
    """新型储能和氢能产业链: the span of the name joined by 和/与 before the chain's own name
    (which starts at ``cut``), when it reads as an industry by itself; else none."""
    if cut - start < 3 or text[cut - 1] not in "和与":
        return []
    lo = _after_last_boundary(text, start, cut - 1, compound=True)
    first = text[lo : cut - 1]
    ok = first and chain_name(first) == first and "产业" not in first and len(first) <= 8
    return [(lo, cut - 1)] if ok else []


def _listed_as(text: str, start: int, end: int, count: int) -> list[_Item]:
    """将A、B、C列为…三条产业链: the list before 列为 (定为, 确定为) names the chains when it has
    as many items as the count says."""
    verb = max(_LISTED_AS.finditer(text, start, end), key=lambda m: m.start(), default=None)
    if verb is None:
        return []
    lo = _after_last_boundary(text, start, verb.start())
    spans = _split_items(text, lo, verb.start(), count)
    items = [it for a, b in spans if (it := _item(text, a, b, counted=True))]
    return items if len(spans) == count == len(items) else []


def _read_right(text: str, pos: int, count: int) -> list[_Item]:
    """N条产业链：A、B和C. The list after a colon names the chains when it has as many items as
    the count says (a colon opens other things too: 产业链：链长…)."""
    colon = _LIST_COLON.match(text, pos)
    if colon is None:
        return []
    start = end = colon.end()
    while end < len(text) and text[end] not in "。;；，,\n" and end - start < _MAX_LIST:
        end += 1
    spans = _split_items(text, start, end, count)
    items = [it for a, b in spans if (it := _item(text, a, b, counted=True))]
    return items if len(spans) == count == len(items) else []


def _quoted_list(text: str, start: int, end: int) -> tuple[list[_Item], int, str] | None:
    """打造“A、B、C、D”四条新能源产业链: a count right after a closing quote counts the quoted
    list, whose items name the chains when there are as many as it says."""
    count_at = _COUNT.match(text, start, end)
    if start == 0 or text[start - 1] != "”" or count_at is None or count_at.group(1):
        return None
    open_ = text.rfind("“", max(0, start - _MAX_LIST), start - 1)
    count = _cn_number(count_at.group(2))
    if open_ < 0 or count is None or count < 2:
        return None
    spans = _split_items(text, open_ + 1, start - 1, count)
    items = [it for a, b in spans if (it := _item(text, a, b, counted=True))]
    if len(spans) != count or len(items) != count:
        return None
    desc = max(count_at.end(), text.rfind("的", count_at.end(), end) + 1)
    return items, count, text[desc:end].strip()


def _last_etc(text: str, start: int, end: int) -> re.Match | None:
    """The last 等 in text[start:end] with words after it (A、B等新能源), not 等离子."""
    found = None
    for m in _ETC.finditer(text, start, end):
        found = m
    return found if found and found.end() < end else None


def _quoted_left(text: str, pos: int) -> tuple[int, int] | None:
    """The text to read when a quote ends right before the chain word at ``pos``: the quoted
    name (打造“X”产业链), or, for a policy code (A、B等“3+N”产业链), the clause before it."""
    if pos == 0 or text[pos - 1] != "”":
        return None
    open_ = text.rfind("“", max(0, pos - 14), pos - 1)
    if open_ < 0:
        return None
    if not _is_slogan(text[open_ + 1 : pos - 1]):
        return open_ + 1, pos - 1
    return _clause_start(text, open_, max(0, open_ - 80)), open_


def listed_groups(text: str) -> list[_Group]:
    """Chain names read to the left of every 产业链/链条. A chain word whose left text opens
    with a joint (、/和/等…) right after the previous one continues that group, as in
    A产业链、B产业链等6条示范产业链."""
    groups: list[_Group] = []
    current: _Group | None = None  # the group the previous chain word closed, if any
    for m in _CHAIN_WORD.finditer(text):
        a = m.start()
        whole = a > 0 and text[a - 1] == "全"
        listed_before = _strip_category(text[max(0, a - 8) : a])[0].endswith("等")
        if (work := _CHAIN_MODIFIES.match(text, m.end())) and not (
            work["work"] == "项目" and not work["kind"] and listed_before
        ):
            current = None  # 产业链项目: chain work, not a chain (but A、B等重点产业链项目 lists)
            continue
        floor = max(current.end if current else 0, a - _MAX_LIST)
        start = _clause_start(text, a, floor)
        joint = _JOINT.match(text, start, a) if current and start == current.end else None
        if joint:
            start = joint.end()
        left = _quoted_left(text, a) if start == a else None
        if quoted := _quoted_list(text, start, a - whole):
            groups.append(_Group(*quoted, m.end()))
            current = None
            continue
        if (after := _COUNT_AFTER.match(text, m.end())) and (
            right := _read_right(text, after.end(), _cn_number(after[1]) or 0)
        ):  # 工业产业链12条，包括A、B…: the count, then the list it counts
            groups.append(_Group(right, _cn_number(after[1]), "", m.end()))
            current = None
            continue
        items, count, category, ok = _read_left(text, *(left or (start, a - whole)))
        if not items and count and (right := _read_right(text, m.end(), count)):
            groups.append(_Group(right, count, category, m.end()))
            current = None
            continue
        # 全产业链 is the whole of a chain (延伸光伏全产业链); only a counted or 等 list before
        # it names chains (杂粮、中药材等5条农业全产业链)
        listed = count or _last_etc(text, start, a - 1) or text[a - 2 : a - 1] == "等"
        if whole and (len(items) < 2 or not listed):
            ok = False
        if not ok:
            current = None
            continue
        if joint and current:
            current.items.extend(items)
            current.count = count if count is not None else current.count
            current.category = category or current.category
        else:
            current = _Group(items, count, category)
            groups.append(current)
        current.end = m.end()
    groups += _counted_lists(text, {it.start for g in groups for it in g.items})
    return [g for g in groups if g.items]


def _counted_lists(text: str, taken: set[int]) -> list[_Group]:
    """开发区承担其中11条，分别是：A、B…和K: a count of chains with no chain word after it, then
    the list it counts, in a sentence about chains (产业链 within the clauses before)."""
    found = []
    for lead in _LIST_LEAD.finditer(text):  # a rare anchor first, then the count before it
        m = _COUNTED_LIST.search(text, max(0, lead.start() - 8), lead.start())
        count = _cn_number(m[1]) if m else None
        if not count or count < 2 or "链" not in text[max(0, m.start() - 40) : m.start()]:
            continue
        right = _read_right(text, m.end(), count)
        if right and not any(it.start in taken for it in right):
            found.append(_Group(right, count, "", m.end()))
    return found


# --- context: carriers, scale, fields -------------------------------------------------------


def carrier_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the zones named after 依托 in text[start:end] (依托A、B, …)."""
    found: list[tuple[int, int]] = []
    for m in _CARRIER_LEAD.finditer(text, start, end):
        stop = min(_clause_end(text, m.end()), end)
        for a, b in _split_items(text, m.end(), stop):
            a, b = _strip_span(text, a, b)
            etc = text.find("等", a, b)  # 依托A、B等园区: the list ends at 等
            b = etc if etc >= 0 else b
            if _ZONE_END.search(text, a, b):
                found.append((a, b))
    return found


def carriers(text: str, start: int, end: int) -> list[str]:
    """Zones named after 依托 in text[start:end], each once, in text order."""
    return list(dict.fromkeys(text[a:b] for a, b in carrier_spans(text, start, end)))


def scales(text: str, start: int, end: int) -> list[str]:
    """Scale targets such as 千亿级 / 百亿级 in text[start:end]."""
    found: list[str] = []
    for m in _SCALE.finditer(text, start, end):
        if m.group(0) not in found:
            found.append(m.group(0))
    return found


def fields(text: str, start: int, end: int) -> list[str]:
    """Application fields listed before …领域 in text[start:end]."""
    found: list[str] = []
    for m in _FIELD_WORD.finditer(text, start, end):
        cs = _clause_start(text, m.start(), max(start, m.start() - 80))
        head = _FIELD_TRIM.sub("", text[cs : m.start()])
        spans = _split_items(text, cs, cs + len(head))
        if len(spans) < 2:
            continue  # a single word before 领域 is usually 'this field', not a list
        s0, e0 = spans[0]
        spans[0] = (_after_last_boundary(text, s0, e0), e0)
        for a, b in spans:
            name = text[a:b].strip()
            if 2 <= len(name) <= _MAX_NAME and name not in found:
                found.append(name)
    return found


# --- rows -----------------------------------------------------------------------------------


def _scope(doc: Document, start: int, staged: bool) -> tuple[int, int]:
    """Where a chain's carriers, scale and fields are read: a staged chain's paragraph (特钢产业,
    依托…), a listed chain's sentence."""
    return _paragraph(doc.text, start) if staged else doc.sentence_span(start)


def _context(doc: Document, start: int, staged: bool) -> dict:
    """Sentence evidence plus the carriers, scale and fields stated around a chain."""
    text = doc.text
    ss, se = doc.sentence_span(start)
    lo, hi = _scope(doc, start, staged)
    return {
        "carriers": "|".join(carriers(text, lo, hi)),
        "scale": "|".join(scales(text, lo, hi)),
        "fields": "|".join(fields(text, lo, hi)),
        "evidence": text[ss:se],
        "sentence_start": ss,
        "sentence_end": se,
    }


def _listed_name(item: _Item, group: _Group) -> str:
    """An item that is only a modifier takes the group's head noun: 铝基、镁基两条新材料产业链
    name 铝基新材料 and 镁基新材料 (X基 is "X-based", never an industry on its own)."""
    head = group.category
    if item.name.endswith("基") and head and not any(w in head for w in _CATEGORY_WORDS):
        return item.name + head
    return item.name


def _listed_rows(groups: list[_Group]) -> list[dict]:
    rows = []
    for group in groups:
        for item in group.items:
            rows.append(
                {
                    "name": _listed_name(item, group),
                    "stages": "",
                    "category": group.category,
                    "start": item.start,
                    "end": item.end,
                    "kind": "listed",
                    "count_stated": group.count,
                    "count_found": len(group.items),
                }
            )
    return rows


def rows(doc: Document) -> list[dict]:
    """Chain rows found in one document, in text order."""
    groups = listed_groups(doc.text)
    listed = [item for group in groups for item in group.items]
    found = []
    for row in staged_chains(doc, listed) + _listed_rows(groups):
        row.update(_context(doc, row["start"], row["kind"] == "staged"))
        row.update(doc_id=doc.doc_id, story=doc.story_at(row["start"]))
        found.append(row)
    return sorted(found, key=lambda r: (r["start"], r["kind"]))


def extract(doc: Document) -> pd.DataFrame:
    """Chain rows found in one document, as a frame."""
    return SCHEMA.frame(rows(doc))
