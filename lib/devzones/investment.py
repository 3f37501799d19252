"""Investment facts: money figures (亿元/万元/万亿元, Chinese numerals,
qualifiers, ranges) typed by measure and status, with the project, company, zone,
capacity, jobs and event date they belong to.

Each figure found by ``money.find_amounts`` (plus figures after 投资 that omit 元,
as in 投资过百亿) is read in its sentence. The nearest cue word to its left decides
what it measures (总投资 -> total, 年度计划投资 -> annual_plan, 完成投资 ->
completed, 专项资金/资助 -> fund, 年产值 -> output_value); money that measures
something else (生产总值, 销售, 税, 合同金额 …) yields no row, nor does a rate
(每平方米200元); a fund named right after the figure (安排2亿元扶持资金, 给予80万元的补助)
makes it a fund. A count of projects
before a total (重大项目485个, 总投资…) or a collective (力争全年签约项目, 甲县开发区签约
项目) makes it an aggregate. The project is the name before a bracketed figure
(X生产线（投资2亿元）), else the nearest name before the figure in its sentence (a
quoted name, the noun phrase before 项目 — Latin words and short glosses kept, as in
Mini LED or 异质结（HJT） —, works or a phased park opening a clause, or the clause
holding a count; with 分别 the i-th of as many joined projects or list items for the i-th
figure), else the works right after it (投资36亿元的X项目, 出资1.2亿元建设了X中心), else
the project an earlier sentence named (该项目总投资…). A name after 是 describes the
project before it (是全省重大项目) unless the 是 names or enumerates (最大的是X, 一是X).
A figure whose subject is a zone or an area is labelled by it and its cue (全区完成固定资产
投资), never by a project carried from another paragraph. A project table pasted as text
(项目名称 … 总投资(亿元), or cells split by | that carry their unit) gives a figure per money
cell, its unit and measure read from the column header.
Everything is decided by general cue words; nothing is fitted to one article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import chain, repeat
from operator import attrgetter

import pandas as pd

from devzones.clean import Document
from devzones.frames import records, schema
from devzones.money import UNITS, Amount, amount_without_yuan, chinese_to_int, find_amounts

INVESTMENT_COLUMNS = [
    "doc_id",
    "story",
    "project",
    "company",
    "zone_surface",
    "amount_yuan",
    "measure",
    "status",
    "start",
    "end",
    "amount_low",
    "amount_high",
    "qualifier",
    "unit",
    "capacity",
    "jobs",
    "event_date",
    "project_count",
    "evidence",
    "sentence_start",
    "sentence_end",
]

SCHEMA = schema(
    INVESTMENT_COLUMNS,
    amount_yuan="float64",
    amount_low="float64",
    amount_high="float64",
    jobs="Int64",
    project_count="Int64",
)
_KIND = {"aggregate": "total"}  # one figure may be read as either when it is restated

SKIP = "skip"  # a money cue that is not investment (GDP, sales, tax …)

# What an investment is spent on (完成基础设施投资, 工业投资完成…)
_INVEST_KIND = r"(?:固定资产|基础设施|工业|技改|技术改造|民间|产业)"
# Cue words, most specific first: at one position the first alternative that matches wins, so
# 年度计划投资 is read before 计划投资 and 生产总值 before 产值.
MEASURE_CUES: list[tuple[str, str]] = [
    (
        r"(?:年度|全年|年内|当年|年)计划(?:完成)?(?:固定资产)?投资|年度投资计划"
        r"|计划(?:年内|全年|今年|当年)?完成(?:固定资产)?投资",
        "annual_plan",
    ),
    (
        rf"(?:累计|全年|年内|已)?完成(?:开发区|园区|项目)?{_INVEST_KIND}?投资|{_INVEST_KIND}?投资完成|到位资金|累计投资"
        r"|(?:累计|已)(?:完成)?投入(?:资金)?",
        "completed",
    ),
    (
        r"生产总值|GDP|增加值|(?:工业|产业|行业|园区|集群|制造业)总?产值|产业规模|注册资本|注册资金",
        SKIP,
    ),
    (r"年?产值", "output_value"),
    (
        r"产业基金|投资基金|基金|预算内投资|专项债|资助|奖励|奖补|补贴|补助|贴息|创新券"
        r"|(?:专项|扶持|引导|配套|财政|预算内|债券|发展|创新|科技|创业|保障|启动|建设|惠企)资金"
        r"|资金池|专项经费",
        "fund",
    ),
    (
        r"总投资|计划投资|投资总?(?:金?额|规模)?|总投入|投入(?:资金)?|造价|(?:共同|联合)出资"
        r"|(?:签约|协议)(?:投资)?总?金?额|项目总金?额|(?<=[，,])总金额",  # 签约项目21个，总金额…
        "total",
    ),
    (
        r"营业收入|营业额|营收|收入|收益|销售|利润|利税|税|进出口|出口|进口|外贸|贸易|合同|订单"
        r"|交易|成交|资产|出让|中标|股本"
        r"|零售|消费|财政|存款|贷款|融资|授信|市值|估值|价格|价值|单价|工资|薪|成本|费用|节约"
        r"|节省|损失|罚|亩均(?:投资|税收|产出)?|强度|经费(?:投入)?|单体(?:投资)?(?:规模)?",
        SKIP,
    ),
]
_MEASURE_RE = re.compile("|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(MEASURE_CUES)))
# Cues that may follow the figure (给予20万元创业资助, 3亿元的投资).
_TAIL_KINDS = {"fund", "total", SKIP}

STATUS_CUES: list[tuple[str, str]] = [
    (r"(?:谋划|计划|拟|规划)(?:建设|实施|开工)", "planned"),
    (r"开工建设", "started"),
    (r"竣工|全面建成", "completed"),
    (r"建成投产|投产|运营|达产|投用|投入使用", "operating"),
    (r"建成", "completed"),
    (r"开工|奠基|开建|启动建设", "started"),
    (r"签约|签署|落地|引进|入驻", "signed"),
    (r"在建|建设(?!项目)|推进|加快|施工|续建", "under_construction"),
    (r"谋划|计划(?!(?:完成)?投资)|拟|储备|在谈|规划|安排", "planned"),
]
_STATUS_RE = re.compile("|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(STATUS_CUES)))

_NUM = r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+"
# A count of projects: 项目485个, 132个项目, 8个签约项目, 重点推进项目共14项, 工程383个.
# 项目数量达120个, 35家企业, 3座加氢站 and 道路项目9条 too (not 4条道路…工程, one project);
# 第一个项目 is an ordinal, not a count.
_COUNT_RE = re.compile(
    rf"(?:项目|工程)[^，,；;。、\d]{{0,4}}?(?P<a>{_NUM})(?:多|余)?[个项]"
    rf"|(?<!第)(?P<b>{_NUM})(?:多|余)?[个项](?:[^，,；;。、]{{0,8}}?)(?:项目|工程|签约事项)"
    rf"|(?:企业|公司)[^，,；;。、\d]{{0,4}}?(?P<c>{_NUM})(?:多|余)?家"
    rf"|(?<!第)(?P<d>{_NUM})(?:多|余)?家(?:[^，,；;。]{{0,16}}?)(?:企业|公司)"
    rf"|(?<!第)(?P<e>{_NUM})[座处](?:[^，,；;。、]{{0,6}}?)(?:站|厂|中心|基地|电站)"
    rf"|道路(?:项目)?(?P<f>{_NUM})条|(?<!第)(?P<g>{_NUM})条(?:支路|道路)(?=总?投资)"
)
_COUNTED_HEAD = re.compile(rf"(?<!第)(?P<n>{_NUM})(?:多|余)?[个项]$")  # 26个项目
_COUNT_WORDS = re.compile(r"共计|总计|合计|共|有|达|[个项家]")
_ASIDE = re.compile(r"[（(][^）)]*[%％][^）)]*[）)]")  # (占全省的12%): a share, not a name
_CLAUSE_BREAK = "，,；;。！？!?：:\n"
_CLAUSE_BREAK_RE = re.compile(f"[{_CLAUSE_BREAK}]")
# An industry as the subject of an output figure: 全年医药产业实现产值… is a sector's output.
_SECTOR_OUTPUT = re.compile(
    r"(?:产业(?:集群|链)?|链)(?:累计|共)?(?:实现|完成|达到|达)?(?:工业)?总?产值"
)
# output already produced (2023年实现产值38亿元), unless the clause says it is expected: the
# contract's output_value is a project's expected 产值 (建成后可实现年产值60亿元)
_REALISED_OUTPUT = re.compile(r"(?:实现|完成)年?产值|产值首次")
_EXPECTED = re.compile(r"预计|可|将|后|力争|有望|达产|建成|投产|目标")
_NP_STOP_CHARS = _CLAUSE_BREAK + '、（）()“”"「」《》 \u3000的在将是由对与把向从于了'
_NP_STOP_WORDS = (
    "分别为",
    "分别是",
    "建设",
    "新建",
    "打造",
    "投资",
    "建成",
    "推动",
    "推进",
    "实施",
    "谋划",
    "签约",
    "签署",
    "开工",
    "实现",
    "发布",
    "成立",
    "设立",
    "获得",
    "争取",
    "安排",
    "给予",
    "依托",
    "今年",
    "目前",
    "近日",
    "此外",
    "其中",
    "同时",
    "以及",
    "作为",
    "成为",
    "为了",
    "包括",
    "来到",  # a tour's stops: 观摩团来到X项目, 走进, 前往, 察看, 走访
    "走进",
    "前往",
    "察看",
    "走访",
    "抓好",
    "抓实",
    "加快",
)
_NP_STOP_RE = re.compile(f"[{re.escape(_NP_STOP_CHARS)}]|{'|'.join(_NP_STOP_WORDS)}")
# Company names hold words such as 建设 and 投资 (山西建设投资集团), so fewer words end them;
# a firm brought in is named after 引进 (经开区引进X有限公司)
_COMPANY_STOP_RE = re.compile(
    f"[{re.escape(_NP_STOP_CHARS)}]|引进|引入|"
    + "|".join(w for w in _NP_STOP_WORDS if w not in {"建设", "新建", "打造", "投资", "建成"})
)
# Words that say nothing about which project is meant; a name made only of them is not a name.
_GENERIC = re.compile(
    r"全省|全市|全区|全县|省级|市级|重大|重点|转型|产业|建设|工程|该|本|此|这个|这些|这|一批|大|新"
    r"|签约|开工|投产|在建|续建|新建|招商引资|亿元以上|等|各类|各|第一个|一个|个|优质|更多|储备"
    r"|在谈|落地|集中|首批|投资|类|其他|批|年度|全年|所有|已|[^\u4e00-\u9fffA-Za-z]+"
)
_PROJECT_GROUP = re.compile("集群|群")
_PROJECT_EVENT = re.compile("(?:推介|洽谈|对接|发布|路演)(?:会|大会|活动)?")
_PROJECT_WORK = re.compile(
    "建设(?![成的])|(?:年内|当年|全年)?(?:开工率|落地率|履约率|投产率)|工作|服务|招引|推进"
)
_CLUSTER = re.compile("(?:集群|项目群)$")
_PLURAL = re.compile(r"全省|全市|全区|全县|一批|这些|各类|各|所有|年度|全年|等|多个")
# 签约项目, 开工项目 … as a head noun name a collective (all the projects signed, started …) when
# only areas, periods and target words stand before them: 力争全年签约项目, 甲县开发区签约项目.
_COLLECTIVE_HEAD = re.compile(
    r"(?:集中)?(?:签约|开工|投产|竣工|落地|在谈|储备|在建|续建|招商引资|招商|重点|重大)$"
)
# 今年以来签约的项目, 新开工的项目: the projects a verb picks out, not one of them
_PICKED_BY_VERB = re.compile(r"(?:签约|开工|投产|落地|引进|竣工|入驻)的$")
_SCOPE_WORDS = re.compile(
    r"力争|确保|预计|计划|争取|今年|明年|去年|上半年|下半年|全年|年度|[一二三四]季度|\d+(?:至\d+)?月"
    r"|\d{4}年|[\u4e00-\u9fff]{0,10}?(?:开发区|高新区|经开区|示范区|农高区|园区|[省市县区])"
    r"|[两二三四五六七八九十\d]+[省市县区地个]|各|新|已|共|累计|、"
)
_MAYBE_INSIDE = frozenset(" （()）在")  # stop characters that a name may hold (see _inside_name)
_LATIN_SPACE = re.compile(r"[A-Za-z] [A-Za-z]")
# A gloss: a word, then a short bracket holding a Latin term or a 2-6 character one, and the
# name going on after it.
_GLOSS = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9][（(](?:[A-Za-z][A-Za-z0-9+\-. ]{0,11}|[\u4e00-\u9fff]{2,6})[）)]"
    r"[\u4e00-\u9fffA-Za-z0-9]"
)
_BUILD_VERB = re.compile(r"(?:用于)?(?:实施|建设|新建|打造|建成)[了的]?")
# …新建标准化厂房8.6万平方米 ending a clause: the works, then their size
_BUILT_WORKS = re.compile(
    r"(?:新建|建设|建成|扩建|改造)了?"
    r"(?P<works>[\u4e00-\u9fff0-9]{1,16}?(?:厂房|管网|管廊|道路|设施|中心|平台|基地|工程))"
    r"(?:[0-9.]+万?(?:平方米|亩|公里|千米|座|栋))?$"
)
# …一是加快X产业园建设 ending a clause: the works being pushed on
_WORKS_UNDERWAY = re.compile(
    r"(?:加快|推进|推动|启动)(?P<works>[\u4e00-\u9fff0-9]{2,20}?"
    r"(?:产业园|园区|基地|厂房|中心|平台|工程))(?:项目)?建设$"
)
_WORKS_END = re.compile(
    r"(?:项目|工程|中心|平台|基地|产业园|生产线|工厂|电站|厂房|管网|管廊|设施)$"
)
_ITEM_NUMBER = r"\d{1,2}[.．、]|[（(][\d一二三四五六七八九十]{1,3}[)）]"  # 1. / （二）
_ENUMERATOR = re.compile(rf"\s*(?:{_ITEM_NUMBER}|[一二三四五六七八九十]是|[▲■◆●])?\s*")
_ZONE_REACH = 60  # how far back a batch named without its area looks for the zone
_LOCATED = ("位于", "地处", "坐落于", "坐落在")  # a zone after these is where, not who
_ZONE_JOINERS = {"、", "和", "及", "与", "以及"}  # between zones a 分别 list gives figures to
_FACILITIES = ("中心", "平台", "装置", "基地")
_DISCOURSE = ("其中", "此外", "另外", "同时")
_OPENER = re.compile(
    rf"工程(?!项目)|{'|'.join(_FACILITIES)}"
    r"|(?:产业园|园区|园|厂房)[一二三四五六七八九十]期(?:标准化厂房|厂房)?"
)
_BARE_PARK_PHASE = re.compile(r"(?:园区|产业园|园)(?P<phase>[一二三四五六七八九十]期)")
_PHASE_OPEN = re.compile(
    r"(?:其中|项目|目前|到目前|截至目前)?(?P<phase>[一二三四五六七八九十首]期)(?:工程|项目)?"
)
_MOTTO = re.compile(r"(?:建设)?为(?:第一|主要|主)?(?:中心|王|抓手|引领|主线|核心|导向|支撑|牵引)")
_FIRM_ANAPHOR = re.compile(r"(?:该|这家|此|其)(?:公司|企业|集团)")
_FIRM_REACH = 300  # how far back 该公司 looks for the firm it names (two or three sentences)
_INTRODUCES = re.compile(r"分别为|分别是|即|包括")
_LOWER_BOUNDS = ("超过", "达到", "不低于", "不少于", "高于")
_OVER = ("超", "超过", "逾", "过", "高于", "不低于", "不少于")
_COUNTED_CLASS = re.compile(r"的?(?:项目|企业)[0-9一二三四五六七八九十]+[个家]")
_LEVERAGE = re.compile(r"撬动|带动(?:社会|民间|企业)")
_AIM = re.compile(r"力争|确保|争取|预计|目标")
_CORRECTION = re.compile(r"应为|应是|应更正为|更正为|有误")
# (X产业园一期标准化厂房18万平方米全部竣工: the size, then the time and the status)
_WHEN = re.compile(
    r"(?:(?:全长|总长|长)?约?[0-9.]+万?(?:平方米|亩|公里|千米))?"
    r"(?:于[0-9]{4}年(?:[0-9]{1,2}月)?(?:底|末)?)?"
    r"(?:近日|日前|近期|目前|现已|已经|已|正在|正式|顺利|全面|全部)*"
)
_JOINED_ITEM = re.compile(r"项目(?:和|及|与|、)")
_JOINER = re.compile(r"以及|和|及|与|、")
# 是 that names or enumerates what follows (最大的是, 重点是, 分别是, 一是, 其二是)
_NAMING_IS = re.compile(
    rf"(?:的|重点|主要|分别|包括|即|(?:^|(?<=[{_CLAUSE_BREAK}其第]))[一二三四五六七八九十]|站)是$"
)
_DESCRIBED = ("项目", "这", "此", "它")  # subjects whose predicate describes them: 该项目是…
_PROJECT_END = re.compile(r"(?:项目|基地|产业园|园区|工厂|生产线|资金|基金|计划|工程|园)$")
_SUBJECT_NOUN = re.compile(r"(?:生产线|基地|产业园|园区|工厂|中心|电站|工程|平台|装置)$")
_QUOTE = re.compile(r"[“\"「]([^”\"」\n]{2,40})[”\"」]")
_COMPANY_RE = re.compile(
    r"集团(?:股份)?有限(?:责任)?公司|股份有限公司|有限责任公司|有限公司|集团|公司"
)
_BY_COMPANY = re.compile(r"由([^，,；;。、\s的]{2,24}?)(?:投资|建设|开发|承建)")
# A short firm name opening a clause and investing: 泰山玻纤投资70亿元, 某某能源投建…
_INVEST_VERB = re.compile(r"投资(?=[\d一二两三四五六七八九十超近约逾过达]|建)|投建")
_SHORT_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,6}")
_NOT_A_FIRM = re.compile(
    r"区|市|县|省|园|城|镇|村|今年|全年|目前|累计|计划|预计|共|总|项目|企业|政府|社会|我们|已|将|拟|新"
    r"|年|月|季度|期|完成|按照|实际|同比|其中"
)
_CAPACITY_RE = re.compile(
    r"(?:年产能?|产能)?(?:\d+(?:\.\d+)?)(?:GWh|GW|MWh|MW|万千瓦时|万千瓦|千瓦|万吨|吨|万台|台|万套"
    r"|万件|亿只|万只|万辆|辆|万片)"
)
_JOBS_RE = re.compile(
    rf"就业(?:岗位|人员|人数)?(?:约|近|超过|超|达)?(?P<a>{_NUM})(?:多|余)?(?:人|个|名)"
    rf"|(?P<b>{_NUM})(?:多|余)?个?就业岗位|(?P<c>{_NUM})(?:多|余)?[人名](?:实现)?就业"
)
_DATE_RE = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
# 投资10亿元以上的重点项目, 5亿元以上的工业项目: a size class (an industry or kind may lead)
# 均 (each) before a bound: the figure every one of several reaches
_EACH_RE = re.compile(r"均(?:超过|超|达到|达|在|突破|不低于|高于)?$")
_THRESHOLD_RE = re.compile(
    r"的?(?:[\u4e00-\u9fff]{0,4}?[业类型])?(?:重大|重点|大)?(?:项目|工程|企业|开发区|园区)"
    r"|的[“”\u4e00-\u9fff]{1,10}?(?:项目|工程|企业)"  # 10亿元以上的延链补链项目, …的“链主”项目
    r"|的(?=[，,；;。、])"  # 投资额2000万元以上的,给予…: "those of at least X"
    r"|且[\u4e00-\u9fff]{1,16}?的(?=[，,；;。])"  # 1亿元以上且当年竣工投产的, …
)
_FUND_WORDS = r"基金|资金|资助|奖励|奖补|补贴|补助|贴息|创新券"  # the head word of a fund's name
_FUND_RE = re.compile(_FUND_WORDS)
_RECIPIENT_END = re.compile(rf"[{_CLAUSE_BREAK}]|给予|奖励|补助|补贴|按|根据|一次性")
_FUND_ANAPHOR = re.compile(r"(?:该|此|这|本)[只支笔项]?$")  # 该基金, 此项资金
# A fund named right after its figure: 2亿元产业扶持资金, 30万元至80万元的补助. A verb in
# between (5亿元用于奖励) means the figure is something else spent on it.
_TAIL_FUND = re.compile(rf"的?(?P<name>[^，,；;。、\s\d的]{{0,10}}(?:{_FUND_WORDS})池?)")
_TAIL_FUND_VERB = re.compile(
    r"用于|获得|争取|安排|给予|带动|撬动|吸引|申请|兑现|发放|拨付|(?<!项目)建设|实施"
)
_PER_UNIT_RE = re.compile(r"每(?!年)[^，,。；;]{0,6}$")
_PER_RECIPIENT = re.compile(r"每(?:个|家|项|户|位)")  # 每个项目奖励不超过…: a grant's cap
_CARRY_SENTENCES = 6  # how far back an unnamed figure may look for the project it belongs to
# A zone or an administrative area as the subject: its figures are not the last project's.
_AREA_RE = re.compile(r"开发区|高新区|经开区|示范区|全区|全市|全省|全县|我市|我省|我区|全域")
# Where the words after a quoted name stop being part of it (“长三角”精细化工产业园, 计划投资…).
_SUFFIX_END = re.compile(r"是|将|已|正|于|在|计划|总投资|投资")
# Where a name after 的 stops (…的X项目正式开工).
_NAME_END = re.compile(r"正式|顺利|已经|已|开工|签约|落地|投产|建成|中$")


@dataclass(frozen=True)
class Candidate:
    """Something a figure may belong to: a named project, a counted batch, or 该项目."""

    start: int
    end: int
    label: str
    kind: str  # "project", "batch" (a counted or plural set of projects) or "anaphor"
    company: str | None = None
    count: int | None = None


def _last(matches: Iterator[re.Match]) -> re.Match | None:
    m = None
    for m in matches:  # noqa: B007 - keep the last one
        pass
    return m


def _number(text: str) -> int | None:
    if text[0].isdigit():
        return int(float(text))
    return chinese_to_int(text)


def measure_cue(text: str, last: bool = True) -> str | None:
    """The measure named by the last (or first) cue word in ``text``; SKIP for non-investment."""
    matches = list(_MEASURE_RE.finditer(text))
    if not matches:
        return None
    m = matches[-1] if last else matches[0]
    return MEASURE_CUES[int(m.lastgroup[1:])][1]


def status_cue(text: str, last: bool = True) -> str | None:
    matches = list(_STATUS_RE.finditer(text))
    if not matches:
        return None
    m = matches[-1] if last else matches[0]
    return STATUS_CUES[int(m.lastgroup[1:])][1]


def _clause_start(text: str, pos: int, floor: int) -> int:
    n = len(_CLAUSE_BREAK)  # map over rfind: the whole search stays in C
    last = max(map(text.rfind, _CLAUSE_BREAK, repeat(floor, n), repeat(pos, n)))
    return max(floor, last + 1)


def _quote_or_clause_start(text: str, pos: int, floor: int) -> int:
    """Where the clause holding ``pos`` starts, or the quote it is in (“签约项目总投资…”)."""
    start = _clause_start(text, pos, floor)
    quote = text.rfind("“", start, pos)
    return quote + 1 if quote != -1 and text.find("”", quote, pos) == -1 else start


def _clause_end(text: str, pos: int, ceil: int) -> int:
    m = _CLAUSE_BREAK_RE.search(text, pos, ceil)
    return m.start() if m else max(pos, ceil)


def _np_start(
    text: str,
    end: int,
    floor: int,
    limit: int = 40,
    head_noun: bool = True,
    stops: re.Pattern = _NP_STOP_RE,
) -> int:
    """Where the noun phrase ending at ``end`` begins: after the last stop character or word."""
    lo = start = max(floor, end - limit)
    for m in stops.finditer(text, lo, end):
        if m[0] in _MAYBE_INSIDE and _inside_name(text, m.start(), lo, end):
            continue
        # a verb right before a head noun is part of the name (签约项目); further left it ends it
        if not (head_noun and m.end() == end and len(m[0]) > 1):
            start = m.end()
    return start


def _inside_name(text: str, pos: int, lo: int, hi: int) -> bool:
    """True when the stop character at ``pos`` belongs to a name: 在 of 在建/在谈, a space
    between two Latin words (Mini LED, 4GW TOPCon) or a bracket of a gloss right after a word
    (异质结（HJT）电池, SiC（碳化硅）衬底, 华睿（深圳）新能源), unless the gloss is a zone's
    short name (X经济技术开发区（X经开区）)."""
    char = text[pos]
    if char == "在":
        return text.startswith(("在建", "在谈"), pos)  # 在建项目: a status word, not 在 X
    if char == " ":
        return pos > 0 and _LATIN_SPACE.fullmatch(text, pos - 1, pos + 2) is not None
    if char in "（(":
        opening = pos
    elif char in "）)":
        opening = max(text.rfind("（", lo, pos), text.rfind("(", lo, pos))
    else:
        return False
    m = _GLOSS.match(text, opening - 1) if opening > 0 else None  # the name may go on past hi
    return m is not None and _AREA_RE.search(m[0]) is None


def is_generic(name: str) -> bool:
    """True when a name holds only generic words, figures and signs (重点项目, 该项目,
    全省重大转型项目, 57.2%)."""
    return len(_GENERIC.sub("", name.replace("项目", ""))) < 2


def _is_collective(name: str) -> bool:
    """True for 签约/开工/投产… before 项目 with only areas and periods before it (全年签约,
    甲县开发区签约, 东山、西河两市开发区签约): all such projects, not one."""
    m = _COLLECTIVE_HEAD.search(name)
    return m is not None and not _SCOPE_WORDS.sub("", name[: m.start()])


def _picked_by_verb(text: str, lo: int, start: int) -> bool:
    """True when a bare 项目 follows 签约的/开工的… (今年以来签约的项目): a set of projects."""
    return _PICKED_BY_VERB.search(text, max(lo, start - 3), start) is not None


def _after_predicate(text: str, start: int, lo: int) -> bool:
    """True when a name is the predicate of 是 in its clause, a description of the project named
    before (是全省重大项目, 该项目…，是…最大的工业项目, 这是…的外资项目), unless the 是 names
    or enumerates (投资额最大的是X项目, 重点是X项目, 一是X项目)."""
    k = text.rfind("是", lo, start)
    if k == -1:  # the common case, decided without finding the clause
        w = text.rfind("项目为", lo, start)  # 该项目为今年3月签约项目: described the same way
        return (
            w != -1
            and text.endswith(("该", "此", "这个"), lo, w)
            and w >= _clause_start(text, start, lo)
        )
    c0 = _clause_start(text, start, lo)
    if k < c0 or _NAMING_IS.search(text, c0, k + 1):
        return False
    if k == start - 1:
        return True
    return k == c0 or text.endswith(_DESCRIBED, c0, k)


def split_company(name: str) -> tuple[str | None, str]:
    """Split a leading company name off a project phrase: (company, rest). A firm referred back
    to (该公司年产10GW…项目) is dropped from the name."""
    m = _last(_COMPANY_RE.finditer(name))
    if m is None or m.start() < 2:
        back = _FIRM_ANAPHOR.match(name)
        return None, name[back.end() :] if back and back.end() < len(name) else name
    return name[: m.end()], name[m.end() :]


def _names_none(name: str) -> bool:
    return not name or is_generic(name)


def _project_candidates(text: str, lo: int, hi: int, batches: bool) -> list[Candidate]:
    """Named projects, 该项目 and (when ``batches``) counted batches in ``text[lo:hi]``, one
    sentence. Batches matter only where a figure follows, so other sentences skip that scan."""
    found: list[Candidate] = []
    pos = text.find("项目", lo, hi)
    while pos != -1:
        if _MOTTO.match(text, pos + 2):  # 坚持以项目建设为中心, 项目为王: a motto, not a project
            pos = text.find("项目", pos + 2, hi)
            continue
        start = _after_joined_item(text, _np_start(text, pos, lo), pos)
        name = text[start:pos]
        if _PROJECT_EVENT.match(text, pos + 2) or (
            _PROJECT_WORK.match(text, pos + 2)
            and _names_none(text[_np_start(text, pos, lo, head_noun=False) : pos])
        ):
            pass  # 全力推进项目建设, 招商引资项目推介会: the work of projects or an event
        elif not _after_predicate(text, start, lo):
            company, rest = split_company(name)
            label = f"{rest}项目"
            collective = _is_collective(rest)
            if counted := _COUNTED_HEAD.search(rest):  # 潇河产业园区26个项目集中开工 (a headline)
                clause = text[_quote_or_clause_start(text, pos, lo) : pos + 2]
                count = _number(counted["n"])
                found.append(Candidate(start, pos + 2, clause, "batch", count=count))
            elif group := _PROJECT_GROUP.match(text, pos + 2):  # X项目集群: many projects
                found.append(Candidate(start, group.end(), label + group[0], "batch"))
            elif not is_generic(rest) and not collective:
                found.append(Candidate(start, pos + 2, label, "project", company))
            elif (
                _PLURAL.search(name)
                or collective
                or (not name and _picked_by_verb(text, lo, start))
            ):
                clause = text[_quote_or_clause_start(text, pos, lo) : pos + 2]
                found.append(Candidate(start, pos + 2, clause, "batch"))
            elif name or start == lo or text[start - 1] in _CLAUSE_BREAK:
                # 该项目, 大项目, or 项目 opening a clause; not “项目为王” inside a slogan
                found.append(Candidate(start, pos + 2, label, "anaphor"))
        pos = text.find("项目", pos + 2, hi)
    first = _clause_end(text, lo, hi)
    if not found and (m := _SUBJECT_NOUN.search(text, lo, first)) and m.end() == first:
        # a sentence opening with a facility (X公司年产10万吨电池材料生产线，总投资5亿元)
        start = _np_start(text, m.end(), lo, head_noun=False)
        company, rest = split_company(text[start : m.end()])
        if not is_generic(rest):
            found.append(Candidate(start, m.end(), rest, "project", company))
    for cand in _clause_openers(text, lo, hi):
        if not any(c.start < cand.end and cand.start < c.end for c in found):
            found.append(cand)
    for m in _QUOTE.finditer(text, lo, hi):
        cand = _quoted_candidate(text, m, lo, hi)
        if cand:
            found = [c for c in found if not (cand.start <= c.start < cand.end)]
            found.append(cand)
    for m in _COUNT_RE.finditer(text, lo, hi) if batches else ():
        count = _number(next(n for n in m.groups() if n))
        if count is None or count < 2 or _INTRODUCES.match(text, m.end()):
            continue  # (两个项目分别为A项目和B项目: the count introduces the projects it names)
        c0 = _clause_start(text, m.start(), lo)
        c1 = _clause_end(text, m.end(), hi)
        if (cue := _MEASURE_RE.search(text, m.end(), c1)) is not None:
            c1 = cue.start()  # 30个招商引资项目 总投资额…: the label stops at the money cue
        firms = m["c"] or m["d"]
        massed = text.find("集中", m.end(), c1) >= 0  # 与5家企业集中签约X项目: one each
        if (
            firms
            and not massed
            and any(c.kind == "project" and m.end() <= c.start < c1 for c in found)
        ):
            continue  # 与两家企业签订了X项目合作协议: the partners of one named project
        if firms and massed:  # the firms are listed before their count; the batch is what
            c0 = m.start("c" if m["c"] else "d")  # they sign
        label = _ASIDE.sub("", text[c0:c1]).strip()
        if is_generic(_COUNT_WORDS.sub("", label)) and c0 > lo:
            # 第二批重点项目集中开工，共开工项目16个: the clause before says which batch
            p0 = _clause_start(text, c0 - 1, lo)
            before = text[p0 : c0 - 1]
            if len(before) > 4 and "元" not in before and not _COUNT_RE.search(before):
                label = f"{before}，{label}"
                c0 = p0
        found = [c for c in found if not (c0 <= c.start < c1)]
        found.append(Candidate(c0, m.end(), label, "batch", count=count))
    return sorted(found, key=lambda c: (c.end, c.start))


def _clause_openers(text: str, lo: int, hi: int) -> Iterator[Candidate]:
    """Works and phased parks opening a clause, then a cue, a status or the clause end: 其中，X区
    东区道路及综合管网工程总投资…, X市大数据产业园二期开工建设，…总投资…; a facility (中心,
    平台, 装置) only before a cue or a status (园区应急救援中心投资1.12亿元), as a clause that ends
    with one is often what a project builds (…，配套热处理及检测中心)."""
    for m in _OPENER.finditer(text, lo, hi):
        c0 = _clause_start(text, m.start(), lo)
        start = _np_start(text, m.end(), c0, head_noun=False)
        # the works after 的 (今年新上的干熄焦余热发电改造工程投资…), or a list item after 、
        # when its own figure follows (A项目投资6500万元、B工程投资3800万元)
        item = start != c0 and text.startswith("、", start - 1)
        said = text[c0:start] in _DISCOURSE  # 其中X基地总投资…
        if start != c0 and not item and not said and not text.startswith("的", start - 1):
            continue
        c0 = start
        after = m.end()
        then = _WHEN.match(text, after).end()  # X产业园二期近日竣工: the time, then the status
        ends = then == _clause_end(text, then, hi) and m[0] not in _FACILITIES and not item
        status = _STATUS_RE.match(text, then) and not item
        if ends or _MEASURE_RE.match(text, then) or status:
            company, rest = split_company(text[c0:after])
            if rest in _FACILITIES:  # …服务平台揭牌运行，平台总投资…: the one named before
                rest = _facility_named_before(text, rest, lo, c0) or rest
            # not X园区重点工程 (a collective), nor 二期工程 (a phase of the project named before)
            if not is_generic(_SCOPE_WORDS.sub("", rest)) and not _PHASE_OPEN.fullmatch(rest):
                yield Candidate(c0, after, rest, "project", company)


def _facility_named_before(text: str, word: str, lo: int, hi: int) -> str | None:
    """The name ending in ``word`` (平台, 中心) last before ``hi`` in the sentence, if any."""
    k = text.rfind(word, lo, hi)
    if k == -1:
        return None
    end = k + len(word)
    start = _np_start(text, end, _clause_start(text, k, lo), head_noun=False)
    return text[start:end] if end - start > len(word) else None


def _after_joined_item(text: str, start: int, end: int) -> int:
    """Where a name ending at ``end`` starts when an earlier project is joined to it (A项目和B项目:
    B's name starts after 和)."""
    for m in _JOINED_ITEM.finditer(text, start, end):
        start = m.end()
    return start


def _quoted_candidate(text: str, m: re.Match, lo: int, hi: int) -> Candidate | None:
    """A quoted name with the words around it: 泰山玻纤“年产60万吨…”项目, X公司“长三角”产业园."""
    suffix_end = m.end()
    while suffix_end < hi and text[suffix_end] not in _NP_STOP_CHARS and suffix_end - m.end() < 12:
        suffix_end += 1
    suffix = text[m.end() : suffix_end]
    cut = suffix.find("项目")
    if cut != -1:
        suffix = suffix[: cut + 2]
    elif (k := _SUFFIX_END.search(suffix)) is not None:
        suffix = suffix[: k.start()]
    if not (_PROJECT_END.search(f"{m[1]}{suffix}") or "年产" in m[1]):
        return None  # “项目为王”: a slogan, not a name
    start = _np_start(text, m.start(), lo, limit=24, head_noun=False)
    if _after_predicate(text, start, lo):
        return None  # 是吕梁市“十四五”重点工程: a description of the project named before
    company, prefix = split_company(text[start : m.start()])
    label = f"{prefix}“{m[1]}”{suffix}" if prefix or suffix else m[1]
    return Candidate(start, m.end() + len(suffix), label, "project", company)


def _tail_project(text: str, cands: list[Candidate], end: int, hi: int) -> Candidate | None:
    """The name right after a figure, in its clause: 投资36亿元的X项目, 投资10亿元建设X项目,
    总投资3.5亿元、面积…的标准化厂房."""
    stop = _clause_end(text, end, hi)
    built = _built_after(text, end, hi)
    if built is not None:  # 投资12亿元实施X大道东延、Y管廊等配套工程: the whole list
        start, name = built
        company, rest = split_company(name)
        return Candidate(start, stop, rest, "project", company)
    after = [c for c in cands if end <= c.start < stop and c.kind == "project"]
    if after:
        return after[0]
    de = text.rfind("的", end, stop)
    if de == -1 or de - end > 20:
        return None
    name = _NAME_END.split(text[de + 1 : stop])[0]
    company, rest = split_company(name)
    if len(rest) < 2 or is_generic(rest):
        return None
    return Candidate(de + 1, de + 1 + len(name), rest, "project", company)


def _corrected(text: str, amount: Amount, lo: int) -> bool:
    """The figure is quoted as printed in error (更正：“总投资56亿元”应为“总投资65亿元”)."""
    close = text.find("”", amount.end, amount.end + 8)
    return (
        close != -1
        and _CORRECTION.match(text, close + 1) is not None
        and text.rfind("“", lo, amount.start) > text.rfind("”", lo, amount.start)
    )


def _not_expected_output(text: str, amount: Amount, lo: int) -> bool:
    """The 产值 before ``amount`` is a sector's (医药产业实现产值…, 光伏链产值…), one already
    produced (去年实现产值42亿元) or a trait of a kind of firm or park (培育产值超50亿元的链主企业),
    not a project's expected output."""
    at = amount.start
    if text.startswith("的", amount.end) and text.find("项目", amount.end, amount.end + 16) < 0:
        return True
    clause = _clause_start(text, at, lo)
    if _SECTOR_OUTPUT.search(text, clause, at):
        return True
    return bool(_REALISED_OUTPUT.search(text, clause, at)) and not _EXPECTED.search(
        text, clause, at
    )


def _built_after(text: str, end: int, hi: int) -> tuple[int, str] | None:
    """(start, name) of the works a figure is spent on when a verb of building follows it and a
    works noun ends its clause (出资1.2亿元建设了X检测服务中心, 投资12亿元实施X等配套工程)."""
    m = _BUILD_VERB.match(text, end, hi)
    if m is None:  # most figures: no need to find the clause's end
        return None
    stop = _clause_end(text, end, hi)
    if m.end() > stop or not _WORKS_END.search(text, m.end(), stop):
        return None
    name = text[m.end() : stop]
    return None if is_generic(_SCOPE_WORDS.sub("", name)) else (m.end(), name)


def _companies(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(start, name) of the companies in ``text[lo:hi]``: …有限公司/集团, or X in 由X投资; a
    firm referred back to (该公司) is the one named last before it."""
    found = []
    for m in _COMPANY_RE.finditer(text, lo, hi):
        start = _np_start(text, m.start(), lo, limit=24, stops=_COMPANY_STOP_RE)
        if m.start() - start >= 2:
            found.append((start, text[start : m.end()]))
        elif _FIRM_ANAPHOR.fullmatch(text, start, m.end()) and (
            firm := _antecedent_firm(text, start)
        ):
            found.append((start, firm))
    named = [(m.start(1), m[1]) for m in _BY_COMPANY.finditer(text, lo, hi)]
    for m in _INVEST_VERB.finditer(
        text, lo, hi
    ):  # 泰山玻纤投资70亿元: a short name opens the clause
        start = _clause_start(text, m.start(), lo)
        if _SHORT_NAME.fullmatch(text, start, m.start()):
            named.append((start, text[start : m.start()]))
    for start, name in named:
        if not any(s <= start < s + len(n) for s, n in found) and not _NOT_A_FIRM.search(name):
            found.append((start, name))
    return sorted(found)


def _antecedent_firm(text: str, pos: int) -> str | None:
    """The company named last before ``pos`` (within ``_FIRM_REACH`` characters), which 该公司
    at ``pos`` refers to."""
    lo = max(0, pos - _FIRM_REACH)
    for m in reversed(list(_COMPANY_RE.finditer(text, lo, pos))):
        start = _np_start(text, m.start(), lo, limit=24, stops=_COMPANY_STOP_RE)
        if m.start() - start >= 2:
            return text[start : m.end()]
    return None


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def jobs_in(sentence: str) -> int | None:
    """Jobs a sentence promises: 带动就业150人, 提供就业岗位700个, 带动1000余人就业."""
    m = _JOBS_RE.search(sentence)
    return _number(m["a"] or m["b"] or m["c"]) if m else None


def capacity_in(*texts: str) -> str | None:
    """The first capacity (年产56GW, 1GWh, 10万吨) in the texts, in order."""
    for t in texts:
        if t and (m := _CAPACITY_RE.search(t)):
            return m[0]
    return None


def event_date(text: str, lo: int, pos: int, year: str | None) -> str | None:
    """The last M月D日 in ``text[lo:pos]`` as ISO, with the year it gives or ``year``."""
    m = _last(_DATE_RE.finditer(text, lo, pos))
    if m is None:
        return None
    y = m["y"] or year
    if not y:
        return None
    month, day = int(m["m"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{int(y):04d}-{month:02d}-{day:02d}"


class _Mentions:
    """A document's zone mentions as (start, end, surface) sorted by position, so the many range
    questions asked per figure (which mentions lie in this clause?) cost a bisection, not a
    DataFrame filter."""

    def __init__(self, mentions: Sequence[Mapping]) -> None:
        self.items = sorted((m["start"], m["end"], m["surface"]) for m in mentions)
        self.starts = [start for start, _, _ in self.items]

    def inside(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The mentions wholly inside ``[lo, hi)``, in order."""
        found = []
        i = bisect_left(self.starts, lo)  # not islice, which walks the skipped items
        while i < len(self.items) and self.items[i][0] <= hi:
            if self.items[i][1] <= hi:
                found.append(self.items[i])
            i += 1
        return found


def _nearest_zone(mentions: _Mentions, pos: int, lo: int, hi: int) -> str | None:
    """The mention in ``[lo, hi)`` nearest ``pos`` (ties: the earlier one)."""
    inside = mentions.inside(lo, hi)
    if not inside:
        return None
    return min((s - pos if s >= pos else abs(pos - e), s, name) for s, e, name in inside)[2]


def _zone(
    doc: Document, mentions: _Mentions, pos: int, sent: tuple[int, int], prev_end: int
) -> str | None:
    """The zone named in the figure's own list item (位于X的A项目（…）、位于Y的B项目（…）: after
    the previous figure and the last 、), else the mention nearest the figure in its sentence,
    else the last one before it in the paragraph (the paragraph's lead often names the zone)."""
    item = max(
        prev_end, doc.text.rfind("、", prev_end, pos) + 1, _clause_start(doc.text, pos, prev_end)
    )
    zone = _nearest_zone(mentions, pos, item, pos) or _nearest_zone(mentions, pos, *sent)
    para = _paragraph_start(doc.text, sent[0])
    if zone is None and para < sent[0]:
        zone = _nearest_zone(mentions, sent[0], para, sent[0])
    return zone


def _names_area(text: str, mentions: _Mentions, lo: int, hi: int) -> bool:
    """True when ``text[lo:hi]`` names a zone or an administrative area as its subject, not
    only as where a project stands (…项目。位于X经开区，总投资…)."""
    zones = [(s, e) for s, e, _ in mentions.inside(lo, hi)]
    words = [m.span() for m in _AREA_RE.finditer(text, lo, hi)]
    words = [(s, e) for s, e in words if not any(a <= s and e <= b for a, b in zones)]
    return any(not text.endswith(_LOCATED, lo, s) for s, _ in zones + words)


def _area_scope(text: str, mentions: _Mentions, s0: int, pos: int, carry: _Owner) -> int | None:
    """Where the area a figure belongs to is named: its sentence, or its paragraph when no
    project of this paragraph carries (X经开区实现营业收入…；全年完成固定资产投资…)."""
    if _names_area(text, mentions, s0, pos):
        return s0
    para = _paragraph_start(text, s0)
    carried_in = carry.sentence is None or carry.sentence[0] < para
    return para if carried_in and _names_area(text, mentions, para, pos) else None


def _areas(
    text: str, mentions: _Mentions, lo: int, hi: int, words: bool = True
) -> list[tuple[int, int]]:
    """(start, end) of the zone mentions and (if ``words``) area words (全区, 开发区) in
    ``text[lo:hi]``."""
    found = [m.span() for m in _AREA_RE.finditer(text, lo, hi)] if words else []
    return found + [(s, e) for s, e, _ in mentions.inside(lo, hi)]


def _area_label(
    text: str,
    mentions: _Mentions,
    s0: int,
    lo: int,
    pos: int,
    zone_span: tuple[int, int] | None = None,
) -> str | None:
    """An area's figure is labelled by the area and the cue: 全区完成固定资产投资 when the area
    opens the figure's clause, else the last zone (or area word) named before plus the cue
    (X经开区依托…，前三季度完成投资 -> X经开区完成投资); ``zone_span``: the zone a 分别 list
    gives the figure to."""
    cue = _last(_MEASURE_RE.finditer(text, s0, pos))
    if cue is None:
        return None
    if zone_span is not None:
        return f"{text[slice(*zone_span)]}{cue[0]}"
    c0 = _clause_start(text, cue.start(), s0)
    subject = min((a for a, _ in _areas(text, mentions, c0, cue.start())), default=None)
    if subject is not None and cue.start() - subject <= 12:
        return text[subject : cue.end()]
    # outside the clause a zone's name is the subject more often than 全市 (占全市的一半)
    spans = _areas(text, mentions, lo, cue.start(), words=False) or _areas(
        text, mentions, lo, cue.start()
    )
    if not spans:
        return cue[0]
    a, b = max(spans, key=lambda span: (span[1], -span[0]))
    return f"{text[a:b]}{cue[0]}"


def _refined(
    text: str,
    mentions: _Mentions,
    amount: Amount,
    owner: _Owner,
    area_label: str | None,
    measure: str,
    lo: int,
) -> _Owner:
    """The owner with a sharper label: a phase that opens the figure's clause (一期投资24亿元 ->
    …项目一期), or, with no project named (一期总投资…) or only 园区一期, the phase of the park the
    paragraph named last; an unowned completed or planned figure named by its cue (固定资产投资
    完成128.6亿元 in a list of indicators)."""
    phase = _phase_of(text, amount, lo)
    bare = _BARE_PARK_PHASE.fullmatch(owner.project or "")
    if bare or phase and (owner.project in (None, area_label) or owner.batch):
        park = _last_park(text, mentions, amount.start)
        if park is not None:
            label = park + (bare["phase"] if bare else phase)
            return replace(owner, project=label, batch=False, count=None)
    elif phase and owner.project and not owner.batch and phase not in owner.project:
        return replace(owner, project=owner.project + phase)
    if owner.project is None and measure in ("completed", "annual_plan"):
        return replace(owner, project=_cue_in_clause(text, amount, lo))
    return owner


def _area_indicator(text: str, amount: Amount, lo: int, cand: Candidate) -> bool:
    """The figure is an area's 固定资产投资, in a clause after the one naming ``cand``."""
    c0 = _clause_start(text, amount.start, lo)
    return cand.end <= c0 and text.find("固定资产投资", c0, amount.start) != -1


def _batch_of_zone(text: str, mentions: _Mentions, owner: _Owner, cand: Candidate) -> _Owner:
    """（二）榆次工业园区。实施重点项目27个… / X开发区围绕…，实施项目28个: a batch named without
    its area is the batch of the zone named just before it in the paragraph."""
    label = owner.project or ""
    if _AREA_RE.search(label) or any(
        n in label for _, _, n in mentions.inside(cand.start, cand.end)
    ):
        return owner
    # from the line before when the batch opens its own (a heading such as （二）X园区 above it)
    lo = max(_paragraph_start(text, max(cand.start - 1, 0)), cand.start - _ZONE_REACH)
    before = mentions.inside(lo, cand.start)
    if not before:
        return owner
    start, _, zone = before[-1]
    # only the zone the clause is about: it opens its clause, after at most an enumerator
    opener = text[_clause_start(text, start, lo) : start]
    return replace(owner, project=zone + label) if _ENUMERATOR.fullmatch(opener) else owner


def _works_owner(
    text: str,
    amount: Amount,
    lo: int,
    owner: _Owner,
    cand: Candidate | None,
    area_label: str | None,
) -> _Owner:
    """X经开区今年新建标准化厂房8.6万平方米，总投资2.4亿元: when the figure's clause is only its
    cue and the clause before ends with works being built, the figure is theirs (X经开区标准化
    厂房), not the area's, a batch's named earlier (园区已入驻企业63家，…) or a project's carried
    from an earlier sentence."""
    c0 = _clause_start(text, amount.start, lo)
    cue = _MEASURE_RE.search(text, c0, amount.start)
    if c0 <= lo or cue is None or cue.start() - c0 > 2 or cue.end() != amount.start:
        return owner
    p0 = _clause_start(text, c0 - 1, lo)
    m = _BUILT_WORKS.search(text, p0, c0 - 1) or _WORKS_UNDERWAY.search(text, p0, c0 - 1)
    if m is None or is_generic(m["works"]) or cand and cand.kind != "anaphor" and cand.end > p0:
        return owner  # (项目总投资…: 项目 is the works)
    if owner.project is not None and owner.project == area_label:
        return replace(owner, project=area_label.removesuffix(cue[0]) + m["works"])
    if owner.project is None or owner.batch or not owner.named:  # nearer than a carried one
        return _Owner(m["works"], named=True, sentence=owner.sentence)
    return owner


def _figure_zone(
    doc: Document,
    mentions: _Mentions,
    amount: Amount,
    sent: tuple[int, int],
    prev_end: int,
    owner: _Owner,
    listed: tuple[Candidate, int] | None,
    zone_span: tuple[int, int] | None,
) -> str | None:
    """The zone a figure belongs to: the one named in its list item (位于X的A项目和位于Y的B项目),
    the i-th of the zones 分别 gives figures to, else the zone around the figure, else the one
    in the sentence that named its project."""
    zone = _zone(doc, mentions, amount.start, sent, prev_end)
    if listed is not None:
        item, item_lo = listed
        zone = _nearest_zone(mentions, item.start, item_lo, item.end) or zone
    if zone_span is not None:
        zone = _nearest_zone(mentions, zone_span[0], *zone_span) or zone
    if zone is None and owner.sentence is not None:
        zone = _nearest_zone(mentions, owner.sentence[1], *owner.sentence)
    return zone


def _last_park(text: str, mentions: _Mentions, pos: int) -> str | None:
    """The park (…园, …园区) named last in the paragraph before ``pos``."""
    names = [n for _, _, n in mentions.inside(_paragraph_start(text, pos), pos)]
    return next((n for n in reversed(names) if n.endswith(("园", "园区"))), None)


def _phase_of(text: str, amount: Amount, lo: int) -> str | None:
    """The phase that opens the figure's clause (其中一期投资9.8亿元, 二期计划投资…), if any."""
    if text.find("期", lo, amount.start) == -1:  # most figures: no phase word before them
        return None
    m = _PHASE_OPEN.match(text, _clause_start(text, amount.start, lo))
    return m["phase"] if m and _MEASURE_RE.search(text, m.end(), amount.start) else None


def _cue_in_clause(text: str, amount: Amount, lo: int) -> str | None:
    """The measure cue nearest before the figure in its clause (固定资产投资完成), if any."""
    cue = _last(_MEASURE_RE.finditer(text, _clause_start(text, amount.start, lo), amount.start))
    return cue[0] if cue else None


def _fenbie_zone(
    text: str, mentions: _Mentions, amount: Amount, amounts: list[Amount], lo: int
) -> tuple[int, int] | None:
    """With 分别 after as many joined zones as figures (A经开区、B经开区和C经开区分别完成投资X、Y
    和Z), the span of the i-th figure's zone."""
    figures = _listed_figures(text, amount, amounts, lo)
    if len(figures) < 2 or amount not in figures:
        return None
    k = text.rfind("分别", lo, amount.start)
    spans = sorted(_areas(text, mentions, _clause_start(text, k, lo), k, words=False))
    if not spans or spans[-1][1] != k or len(spans) != len(figures):
        return None
    gaps = zip(spans, spans[1:], strict=False)
    if any(text[a:b] not in _ZONE_JOINERS for (_, a), (b, _) in gaps):
        return None
    return spans[figures.index(amount)]


_LIST_COUNT = re.compile(r"(?:[两二三四五六七八九十]|\d+)(?P<unit>[省市县区地家个])")


def _list_labels(phrase: str) -> list[str]:
    """The names of a list sharing one head: 东山、西河两市开发区签约项目 -> 东山市开发区签约项目,
    西河市开发区签约项目 (the last item is as long as the one before it when no count ends it)."""
    items = phrase.split("、")
    if len(items) < 2 or not all(1 <= len(i) <= 8 for i in items[:-1]):
        return []
    last = items[-1]
    m = _LIST_COUNT.search(last)
    if m is not None and m.start() > 0:
        own, unit, tail = last[: m.start()], m["unit"], last[m.end() :]
    else:
        own, unit, tail = last[: len(items[-2])], "", last[len(items[-2]) :]
    unit = unit if unit in "省市县区" else ""
    if not tail:  # A项目、B项目: each item is whole
        return items
    return [f"{i}{'' if i.endswith(unit) else unit}{tail}" for i in [*items[:-1], own]]


def _list_item(
    text: str, cand: Candidate, amount: Amount, amounts: list[Amount], lo: int
) -> str | None:
    """With 分别 (A、B签约项目总投资分别为X、Y), the i-th figure belongs to the i-th item."""
    k = text.rfind("分别", cand.end, amount.start)
    if k == -1:
        return None
    labels = _list_labels(text[_clause_start(text, cand.start, lo) : cand.end])
    i = sum(1 for a in amounts if k < a.start < amount.start)
    return labels[i] if i < len(labels) else None


def _listed_figures(text: str, amount: Amount, amounts: list[Amount], lo: int) -> list[Amount]:
    """The figures of the 分别 list ``amount`` stands in (总投资分别为28亿元和7.6亿元), or []."""
    k = text.rfind("分别", lo, amount.start)
    if k == -1:
        return []
    stop = _clause_end(text, k, len(text))
    start = attrgetter("start")  # ``amounts`` are in text order
    return amounts[bisect_right(amounts, k, key=start) : bisect_left(amounts, stop, key=start)]


def _joined_projects(text: str, cands: list[Candidate], before: int) -> list[Candidate]:
    """The last run of named projects before ``before`` joined by 和/、/及/与 (A项目、位于X的B项目),
    in order."""
    named = [c for c in cands if c.kind == "project" and c.end <= before]
    run = named[-1:]
    for c in reversed(named[:-1]):
        gap = text[c.end : run[0].start]
        if not _JOINER.match(gap) or _CLAUSE_BREAK_RE.search(gap):
            break
        run.insert(0, c)
    return run


def _fenbie_item(
    text: str, cands: list[Candidate], amount: Amount, amounts: list[Amount], lo: int
) -> tuple[Candidate, int] | None:
    """With 分别 after as many joined projects as figures (A项目和B项目…，总投资分别为X和Y), the
    i-th figure's project and where its item begins (the end of the item before)."""
    figures = _listed_figures(text, amount, amounts, lo)
    if len(figures) < 2 or amount not in figures:  # (年度计划投资… after the list: not in it)
        return None
    run = _joined_projects(text, cands, text.rfind("分别", lo, amount.start))
    if len(run) != len(figures):
        return None
    i = figures.index(amount)
    return run[i], run[i - 1].end if i else _clause_start(text, run[0].start, lo)


def _amounts(text: str) -> list[Amount]:
    """Figures ending in 元, plus those after 投资 that leave 元 out (投资过百亿)."""
    found = find_amounts(text)
    covered = {a.start for a in found}
    pos = text.find("投资")
    while pos != -1:
        bare = amount_without_yuan(text, pos + 2)
        if bare is not None and bare.start not in covered:
            found.append(bare)
        pos = text.find("投资", pos + 2)
    return sorted(found, key=lambda a: a.start)


def _classify(text: str, amount: Amount, lo: int, prev: str | None) -> str | None:
    """The measure of ``amount`` from the cue words around it (``lo`` = left edge to read from)."""
    bound = amount.text.endswith(("以上", "以下")) or (
        amount.qualifier in _LOWER_BOUNDS
        and text.startswith("对", _clause_start(text, amount.start, lo))
    )
    if bound and _THRESHOLD_RE.match(text, amount.end):
        # 投资10亿元以上的项目, 其中10亿元以上项目9个, 对投资超过5亿元的新建项目(给予…): a
        # size class or a condition, not a figure
        return SKIP
    if amount.qualifier in _OVER and _COUNTED_CLASS.match(text, amount.end):
        return SKIP  # 其中超10亿元项目5个: how many projects reach a size, not a figure
    if _EACH_RE.search(text, max(lo, amount.start - 4), amount.start):
        return SKIP  # 10个开发区签约总投资均超过100亿元: what each reaches, not a sum
    if amount.is_range and text.startswith("不等", amount.end):
        return SKIP  # 总投资6500万元至1.2亿元不等: the spread of the projects' sizes
    head = text[lo : amount.start]
    measure = measure_cue(head)
    per_unit = _PER_UNIT_RE.search(head[-8:])
    if _tail_fund(text, amount) is not None and not _cue_touches(head):
        # 安排2亿元扶持资金, 给予最高150万元的补贴: the noun the figure fills. Per recipient
        # (每个项目) it is a grant's cap; per unit (每平方米200元, 每人每年3万元) a rate.
        return SKIP if per_unit and not _PER_RECIPIENT.match(per_unit[0]) else "fund"
    if measure in ("total", "aggregate", "completed"):
        clause = _clause_start(text, amount.start, lo)
        if measure != "completed" and _LEVERAGE.search(text, clause, amount.start):
            return SKIP  # 撬动社会投资超过200亿元: investment it may draw in, an estimate
        if measure == "completed" and _AIM.search(text, clause, amount.start):
            return "annual_plan"  # 力争全年完成投资120亿元: the year's target, not what is done
    if text.startswith("/", amount.end) and not text.startswith("/年", amount.end):
        return SKIP  # a price, a rent or an intensity (万元/亩, 7元/平方米), not an investment
    if measure is None and prev is not None:
        return prev  # 从10亿元提高到20亿元: the second figure is what the first one was
    built = _built_after(text, amount.end, len(text))
    if built and (measure is None or (measure == "fund" and _cue_before_clause(text, amount, lo))):
        # 出资1.2亿元建设了X中心: what the works cost, even after a fund the clause before set up
        measure = "total"
    if measure is None:
        tail = text[amount.end : _clause_end(text, amount.end, len(text))]
        tail_measure = measure_cue(tail, last=False)
        measure = tail_measure if tail_measure in _TAIL_KINDS else None
    if per_unit and not (measure == "fund" and _PER_RECIPIENT.match(per_unit[0])):
        return SKIP  # 每千瓦时0.1元, 每亩30万元: a rate, not a sum (每年度安排 is a sum per year)
    return measure


def _cue_before_clause(text: str, amount: Amount, lo: int) -> bool:
    """True when the last cue before a figure stands in an earlier clause than the figure."""
    cue = _last(_MEASURE_RE.finditer(text, lo, amount.start))
    return cue is not None and cue.end() <= _clause_start(text, amount.start, lo)


def _tail_fund(text: str, amount: Amount) -> re.Match | None:
    """The fund named right after a figure (3亿元专项资金, 80万元的补助), if any."""
    m = _TAIL_FUND.match(text, amount.end)
    if m is None:
        return None
    # after 的 the words up to the fund word are its name (…的开发区建设发展基金); without it
    # a verb says the figure is something else (5亿元用于奖励)
    verb = _TAIL_FUND_VERB.search(m["name"])
    return m if verb is None or (m[0].startswith("的") and verb.start() > 0) else None


def _cue_touches(head: str) -> bool:
    """True when a cue word ends right at the figure (总投资5亿元的基金项目: its total)."""
    m = _last(_MEASURE_RE.finditer(head))
    return m is not None and m.end() == len(head)


@dataclass(frozen=True)
class _Owner:
    """What a figure belongs to: a project or batch, its company, and where it was named."""

    project: str | None = None
    company: str | None = None
    count: int | None = None
    batch: bool = False  # a set of projects (counted, or 年度签约项目)
    named: bool = False  # named in the figure's own sentence
    sentence: tuple[int, int] | None = None  # the sentence that named it (for the zone)
    index: int = -(10**6)  # that sentence's number, to limit how far it carries
    story: int = 0


def _bracket_candidate(
    cands: list[Candidate], text: str, amount: Amount, lo: int
) -> Candidate | None:
    """A figure in brackets belongs to the name right before them: X生产线（投资2亿元）."""
    opening = max(text.rfind("（", lo, amount.start), text.rfind("(", lo, amount.start))
    if (
        opening <= lo
        or max(text.rfind("）", opening, amount.start), text.rfind(")", opening, amount.start))
        != -1
    ):
        return None
    before = next((c for c in cands if c.end == opening), None)
    if before is not None:
        return before
    start = _np_start(text, opening, lo, head_noun=False)
    company, rest = split_company(text[start:opening])
    if len(rest) < 2 or is_generic(rest):
        return None
    return Candidate(start, opening, rest, "project", company)


def _pick_candidate(
    cands: list[Candidate], text: str, amount: Amount, lo: int, hi: int
) -> Candidate | None:
    """The name a figure in brackets follows, else the nearest name before the figure in its
    sentence, else the one right after it."""
    if (bracketed := _bracket_candidate(cands, text, amount, lo)) is not None:
        return bracketed
    if text.startswith("的", amount.end):
        # 包括总投资20亿元的A项目、总投资15亿元的B项目 / 总投资500亿元的120个项目: the name follows
        stop = _clause_end(text, amount.end, hi)
        batch = next((c for c in cands if c.kind == "batch" and amount.end < c.end <= stop), None)
        tail = batch or _tail_project(text, cands, amount.end, hi)
        if tail is not None and not _FUND_RE.fullmatch(tail.label):
            return tail  # (给予150万元的补贴: a bare 补贴 names no project; look before)
    head = [c for c in cands if c.end <= amount.start]
    built = _built_after(text, amount.end, hi)
    if built and (not head or head[-1].end <= _clause_start(text, amount.start, lo)):
        return _tail_project(text, cands, amount.end, hi)  # …，并出资8000万元建设X中心
    named = [c for c in head if c.kind == "project"] or [c for c in head if c.kind != "anaphor"]
    if head and head[-1].kind == "anaphor" and named:
        return named[-1]  # 项目用地…, 项目总投资: the project this sentence already named
    if head:
        return head[-1]
    tail = _tail_project(text, cands, amount.end, hi)
    if tail is None:  # 投资过百亿的大项目: a pointer back to the project named before
        stop = _clause_end(text, amount.end, hi)
        tail = next((c for c in cands if amount.end <= c.start < stop), None)
    return tail


def _owner(
    cand: Candidate | None,
    companies: list[tuple[int, str]],
    pos: int,
    sent: tuple[int, int],
    carry: _Owner,
    area_subject: bool,
    area_label: str | None = None,
) -> _Owner:
    company = _nearest_company(companies, pos)
    if cand is not None and cand.kind == "batch":
        return _Owner(cand.label, None, cand.count, batch=True, sentence=sent)
    if cand is not None and cand.kind == "project":
        return _Owner(cand.label, cand.company or company, named=True, sentence=sent)
    if area_subject and cand is None:
        # 开发区累计完成投资…: the area's figure, not a project's
        return _Owner(project=area_label, company=company)
    if carry.project is None and (cand is None or cand.kind != "anaphor"):
        return replace(carry, company=company, named=False)  # a firm alone carries to 该项目 only
    return replace(carry, company=company or carry.company, named=False)


def _sentence_owners(
    cands: list[Candidate], companies: list[tuple[int, str]], sent: tuple[int, int], carry: _Owner
) -> _Owner:
    """The carry after a sentence: its last named project or batch, else the one before (with a
    company this sentence adds, as in 由X有限公司统一开发)."""
    named = [c for c in cands if c.kind != "anaphor"]
    if named and named[-1].kind == "batch":
        c = named[-1]  # 重点项目120个…。年度计划投资200亿元: the plan of that batch
        return _Owner(c.label, None, c.count, batch=True, sentence=sent)
    if named:
        c = named[-1]
        company = c.company or _nearest_company(companies, c.end)
        return _Owner(c.label, company, sentence=sent)
    if companies and carry.project and not carry.company:
        return replace(carry, company=companies[0][1])
    if companies and not carry.project:  # 在X有限公司的施工现场…。这个项目总投资…: X's project
        return _Owner(company=companies[-1][1], sentence=sent)
    return carry


def extract(doc: Document, mentions: pd.DataFrame) -> pd.DataFrame:
    """Investment rows in one document, as a frame; ``mentions`` are its zone mentions
    (zones.find_mentions)."""
    return SCHEMA.frame(rows(doc, records(mentions)))


def rows(doc: Document, zone_mentions: Sequence[Mapping]) -> list[dict]:
    """Investment rows in one document; ``zone_mentions`` are its zone mention rows
    (zones.mention_rows)."""
    text = doc.text
    mentions = _Mentions(zone_mentions)
    year = doc.date[:4] if doc.date else None
    amounts = _amounts(text)
    found: list[dict] = []
    carry = _Owner()
    ai = 0
    for si, sent in enumerate(doc.sentences):
        s0, s1 = sent
        story = doc.story_at(s0)
        has_money = ai < len(amounts) and amounts[ai].start < s1
        cands = _project_candidates(text, s0, s1, batches=has_money)
        firm_named = text.find("公司", s0, s1) != -1 or text.find("集团", s0, s1) != -1
        companies = _companies(text, s0, s1) if has_money or cands or firm_named else []
        if story != carry.story or si - carry.index > _CARRY_SENTENCES:
            carry = _Owner(story=story)
        prev_measure: str | None = None
        left = s0
        while ai < len(amounts) and amounts[ai].start < s1:
            amount = amounts[ai]
            ai += 1
            if amount.start < s0:
                continue
            measure = _classify(text, amount, left, prev_measure)
            prev_end = left
            prev_measure, left = measure, amount.end
            if measure is None or measure == SKIP or _corrected(text, amount, s0):
                continue
            cand = _pick_candidate(cands, text, amount, s0, s1)
            area_lo = _area_scope(text, mentions, s0, amount.start, carry)
            if cand and area_lo is not None and _area_indicator(text, amount, s0, cand):
                cand = None  # X区力争新签约项目10个以上，全年完成固定资产投资40亿元: the area's
            area_label = zone_span = None
            if area_lo is not None and measure != "output_value":
                zone_span = _fenbie_zone(text, mentions, amount, amounts, s0)
                area_label = _area_label(text, mentions, s0, area_lo, amount.start, zone_span)
            owner = _owner(
                cand, companies, amount.start, sent, carry, area_lo is not None, area_label
            )
            listed = _fenbie_item(text, cands, amount, amounts, s0)
            if listed is not None:
                owner = _Owner(listed[0].label, listed[0].company, named=True, sentence=sent)
            elif cand is not None and (label := _list_item(text, cand, amount, amounts, s0)):
                owner = replace(owner, project=label)
            owner = _refined(text, mentions, amount, owner, area_label, measure, s0)
            owner = _works_owner(text, amount, s0, owner, cand, area_label)
            if measure == "output_value" and (
                owner.project is None or _not_expected_output(text, amount, s0)
            ):
                continue
            # 3个配套项目投资额分别为5600万元、4200万元和2800万元: one figure per project
            if owner.batch and cand is not None and cand.kind == "batch":
                owner = _batch_of_zone(text, mentions, owner, cand)
            if owner.batch and owner.count == len(_listed_figures(text, amount, amounts, s0)):
                owner = replace(owner, count=None, batch=False)
            if measure == "total" and (owner.batch or _CLUSTER.search(owner.project or "")):
                measure = "aggregate"  # a batch, or a cluster of projects (…产业集群)
            if measure == "fund":
                owner = _fund_owner(text, amount, cand, owner, s0, s1)
            zone = _figure_zone(doc, mentions, amount, sent, prev_end, owner, listed, zone_span)
            for row in _figure_rows(doc, amount, sent, measure, owner, zone, year):
                found.append({**row, "_named": owner.named})
        owner = _sentence_owners(cands, companies, sent, carry)
        if owner is not carry:
            carry = replace(owner, index=si, story=story)
    if tabled := _table_rows(doc, mentions, year):
        # a cell with its unit (45亿元) is read once, by its table
        cells = {row["start"] for row in tabled}
        found = [row for row in found if row["start"] not in cells]
        found = sorted(found + tabled, key=lambda row: row["start"])
    headline = len(doc.title) if doc.title and text.startswith(doc.title) else 0
    return _finish(_without_rounded_headline(found, headline), headline)


# --- project tables ---------------------------------------------------------------------------
# A table pasted as text: a header line with a name column (项目名称) and money columns whose
# unit is in the header (总投资(亿元), 计划投资（万元）) or on a line above it (单位：万元), then
# one project per line, its cells split by tabs (an empty cell kept, the trailing ones trimmed)
# or by the one space cleaning leaves of a run of spaces (every cell filled); figures carry no
# unit. Cells split by | may
# carry their unit instead (总投资 | … | 45亿元), and a 建设单位 column names each row's firm.
_MONEY_COLUMN = re.compile(r"[(（](万亿|亿|万|)元[)）]")
_NUMBER_CELL = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SPACED = re.compile(r"[^ \t\u3000]+")
_RULE_LINE = re.compile(r"[\s|:：\-—]+")  # |---|---| under a header
_SUM_ROWS = ("合计", "总计", "小计")  # a table's sums restate its rows
_FIGURE_IN_LINE = re.compile(r"\d|元")
_UNIT_LINE = re.compile(r"[（(]?(?:金额)?单位[:：]\s*(?P<unit>万亿|亿|万|)元[)）]?\s*")
_FIRM_COLUMN = re.compile(r"建设单位|实施单位|业主单位|建设主体|企业名称|投资主体|公司")
_TABLE_MEASURES = ("total", "annual_plan", "completed")


def _cells(text: str, lo: int, hi: int, sep: str | None) -> list[tuple[int, int]]:
    """The spans of a table line's cells split by ``sep`` (None: by spaces), trimmed of spaces
    (and of the outer bars of | a | b |)."""
    if sep is None:
        return [m.span() for m in _SPACED.finditer(text, lo, hi)]
    if sep == "|":
        while lo < hi and text[lo] in " |":
            lo += 1
        while hi > lo and text[hi - 1] in " |":
            hi -= 1
    spans = []
    for part in text[lo:hi].split(sep):
        a = lo + len(part) - len(part.lstrip(" \u3000"))
        spans.append((a, max(a, lo + len(part.rstrip(" \u3000")))))
        lo += len(part) + 1
    return spans


def _separator(line: str) -> str | None:
    return "\t" if "\t" in line else "|" if "|" in line else None


def _line_at(text: str, pos: int) -> tuple[int, int]:
    end = text.find("\n", pos)
    return _paragraph_start(text, pos), len(text) if end == -1 else end


def _table_columns(
    cells: list[str], units_in_cells: bool = False, unit: str | None = None
) -> tuple[int, list[tuple[int, str | None, str]]] | None:
    """The name column and the (column, unit, measure) money columns of a header's cells; the
    unit is None when the cells carry it (a header 总投资 with no unit, cells split by |), and
    ``unit`` when a line above the header declares it for every column (单位：万元)."""
    if len(cells) < 3:
        return None
    money: list[tuple[int, str | None, str]] = []
    for i, cell in enumerate(cells):
        m = _MONEY_COLUMN.search(cell)
        if m:
            measure = measure_cue(cell[: m.start()])
            if measure not in (None, SKIP, "fund"):
                money.append((i, m[1], measure))
        elif (unit is not None or units_in_cells) and (
            measure := measure_cue(cell)
        ) in _TABLE_MEASURES:
            money.append((i, unit, measure))
    names = [i for i, c in enumerate(cells) if "名称" in c and not _FIRM_COLUMN.search(c)] or [
        i for i, c in enumerate(cells) if "项目" in c and i not in {j for j, _, _ in money}
    ]
    return (names[0], money) if names and money else None


def _money_cell(text: str, a: int, b: int, unit: str | None) -> Amount | None:
    """The figure in a money cell: a bare number in the header's unit, or an amount with its own
    unit (45亿元) when the header gives none."""
    if unit is None:
        found = find_amounts(text[a:b])
        if len(found) != 1 or found[0].end - found[0].start != b - a:
            return None
        return replace(found[0], start=a, end=b)
    if not _NUMBER_CELL.fullmatch(text, a, b):
        return None
    value = float(Decimal(text[a:b].replace(",", "")) * UNITS[unit])
    return Amount(value, unit=f"{unit}元", text=text[a:b], start=a, end=b)


def _next_table_anchor(text: str, pos: int) -> int:
    """The next 元 (a unit in a header) or | (a bar between cells) from ``pos``, or -1."""
    found = [i for i in (text.find("元", pos), text.find("|", pos)) if i != -1]
    return min(found, default=-1)


def _table_figures(
    text: str,
) -> Iterator[tuple[Amount, str, str, str | None, tuple[int, int]]]:
    """(figure, measure, project, firm, row span) for every money cell of the project tables."""
    pos = _next_table_anchor(text, 0)
    while pos != -1:
        lo, hi = _line_at(text, pos)
        line_end = hi  # the anchor's line: the search goes on after it, whatever is read
        declared = _UNIT_LINE.fullmatch(text, lo, hi)
        if declared is not None and hi < len(text):  # 单位：万元, then the header
            lo, hi = _line_at(text, hi + 1)
        sep = _separator(text[lo:hi])
        header = _cells(text, lo, hi, sep)
        heads = [text[a:b] for a, b in header]
        unit = declared["unit"] if declared else None
        columns = _table_columns(heads, units_in_cells=sep == "|", unit=unit)
        if columns is None and declared is None and (above := _header_above(text, lo, sep)):
            (lo, hi), header, columns = above  # 序号 项目名称 … 总投资 …, then rows with 23.8亿元
            heads = [text[a:b] for a, b in header]
        if columns is None:
            pos = _next_table_anchor(text, hi)
            continue
        name_col, money = columns
        firm_col = next((i for i, c in enumerate(heads) if _FIRM_COLUMN.search(c)), None)
        needed = max(name_col, *(col for col, _, _ in money)) + 1
        row_lo = hi + 1
        while row_lo < len(text):
            row_hi = _line_at(text, row_lo)[1]
            if sep == "|" and _RULE_LINE.fullmatch(text, row_lo, row_hi):
                row_lo = row_hi + 1
                continue
            spans = _cells(text, row_lo, row_hi, sep)
            fits = needed <= len(spans) <= len(header) if sep else len(spans) == len(header)
            if not fits or (sep and sep not in text[row_lo:row_hi]):
                break
            name = text[slice(*spans[name_col])]
            firm = (
                text[slice(*spans[firm_col])]
                if firm_col is not None and firm_col < len(spans)
                else None
            )
            for col, unit, measure in money:
                figure = _money_cell(text, *spans[col], unit)
                if name and name not in _SUM_ROWS and figure is not None:
                    yield figure, measure, name, firm or None, (row_lo, row_hi)
            row_lo = row_hi + 1
        pos = _next_table_anchor(text, max(row_lo, line_end))


# A list of projects under a line that declares the unit (…清单如下(单位:万元):), one numbered
# item per line, its figures bare numbers after their cues: 1.X项目,总投资68500,一季度完成投资8600;
_UNIT_NOTE = re.compile(r"[（(](?:金额)?单位[:：]\s*(?P<unit>万亿|亿|万|)元[)）][:：]?\s*$")
_ITEM_OPEN = re.compile(rf"\s*(?:{_ITEM_NUMBER})\s*")
_ITEM_NAME_END = re.compile(r"[，,；;：:]")
_BARE_NUMBER = re.compile(
    r"(?<![\d.])\d[\d,]*(?:\.\d+)?(?![\d.,]*\s*(?:[万亿]?元|[%％个家项人吨亩年月日]))"
)


def _unit_list_figures(
    text: str,
) -> Iterator[tuple[Amount, str, str, str | None, tuple[int, int]]]:
    """(figure, measure, project, firm, row span) for every figure of the lists whose unit a
    line above declares; a figure counts only right after a cue of its own (总投资68500)."""
    pos = text.find("单位")
    while pos != -1:
        lo, hi = _line_at(text, pos)
        note = _UNIT_NOTE.search(text, lo, hi)
        row_lo = hi + 1
        while note is not None and row_lo < len(text):
            row_hi = _line_at(text, row_lo)[1]
            item = _ITEM_OPEN.match(text, row_lo, row_hi)
            cut = _ITEM_NAME_END.search(text, item.end(), row_hi) if item else None
            if cut is None:
                break
            name, left = text[item.end() : cut.start()], cut.end()
            for m in _BARE_NUMBER.finditer(text, cut.end(), row_hi):
                cue = _last(_MEASURE_RE.finditer(text, left, m.start()))
                measure = measure_cue(cue[0]) if cue and cue.end() >= m.start() - 2 else None
                if measure in _TABLE_MEASURES and (
                    figure := _money_cell(text, *m.span(), note["unit"])
                ):
                    yield figure, measure, name, None, (row_lo, row_hi)
                left = m.end()
            row_lo = row_hi + 1
        pos = text.find("单位", row_lo if note else hi)


def _header_above(text: str, lo: int, sep: str | None):
    """((start, end), cells, columns) of a header on the line above ``lo`` whose money columns
    carry no unit, so that the rows' cells do (总投资 over 23.8亿元), or None."""
    if lo == 0:
        return None
    h_lo, h_hi = _line_at(text, lo - 1)
    if _separator(text[h_lo:h_hi]) != sep or _FIGURE_IN_LINE.search(text, h_lo, h_hi):
        return None  # a header names columns; a line with figures is a row
    cells = _cells(text, h_lo, h_hi, sep)
    columns = _table_columns([text[a:b] for a, b in cells], units_in_cells=True)
    return ((h_lo, h_hi), cells, columns) if columns is not None else None


def _table_rows(doc: Document, mentions: _Mentions, year: str | None) -> list[dict]:
    """Investment rows from the document's project tables and unit-declared lists: the zone is
    the one a row names, else the last one named before the table in its story."""
    found = []
    for amount, measure, name, firm, row in chain(
        _table_figures(doc.text), _unit_list_figures(doc.text)
    ):
        story_lo = next((st.start for st in doc.stories if st.start <= row[0] < st.end), 0)
        zone = _nearest_zone(mentions, row[0], *row)
        if zone is None and (before := mentions.inside(story_lo, row[0])):
            zone = before[-1][2]
        owner = _Owner(name, firm, named=True, sentence=row)
        # the status is read in the cells before the figure (续建), not in a content column
        # to its right (建设…)
        status = status_cue(doc.text[row[0] : amount.start])
        for item in _figure_rows(doc, amount, row, measure, owner, zone, year):
            found.append({**item, "status": status, "_named": True})
    return found


def _nearest_company(companies: list[tuple[int, str]], pos: int) -> str | None:
    before = [n for s, n in companies if s < pos]
    if before:
        return before[-1]
    return companies[0][1] if companies else None


def _fund_name(text: str, amount: Amount, lo: int, hi: int) -> tuple[int, str] | None:
    """(start, name) of the fund a figure fills: the fund named right after it (2亿元扶持资金),
    else the phrase ending in the fund word nearest the figure."""
    tail = _tail_fund(text, amount)
    if tail is not None:
        return tail.start("name"), tail["name"]
    head = list(_FUND_RE.finditer(text, lo, amount.start))
    anaphor = len(head) == 1 and _FUND_ANAPHOR.search(text, lo, head[0].start())
    if anaphor and (named := _fund_named_before(text, lo)):
        return named  # X基金与三家企业签约。该基金规模20亿元: the fund of the sentence before
    last = head[-1].start() if head else lo
    if len(head) > 1 and (
        _FUND_ANAPHOR.search(text, lo, last) or _clause_start(text, last, lo) == last
    ):
        head.pop()  # 设立X发展基金，该基金总规模50亿元 / ，基金首期规模…: the fund named before
    m = head[-1] if head else _FUND_RE.search(text, amount.end, _clause_end(text, amount.end, hi))
    if m is None:
        return None
    floor = lo if m.start() < amount.start else amount.end
    # 给予奖励 -> 奖励; fund names hold 投资 and 建设 (产业投资基金) as firm names do
    start = _np_start(text, m.start(), floor, head_noun=False, stops=_COMPANY_STOP_RE)
    return start, text[start : m.end()]


def _fund_named_before(text: str, pos: int) -> tuple[int, str] | None:
    """(start, name) of the fund named last before ``pos``, within the reach of 该基金."""
    floor = max(0, pos - _FIRM_REACH)
    m = _last(_FUND_RE.finditer(text, floor, pos))
    if m is None:
        return None
    start = _np_start(
        text,
        m.start(),
        _clause_start(text, m.start(), floor),
        head_noun=False,
        stops=_COMPANY_STOP_RE,
    )
    return (start, text[start : m.end()]) if m.start() - start >= 2 else None


def _grant_recipient(text: str, lo: int, pos: int) -> tuple[int, str] | None:
    """(end, name) of who a grant goes to when a clause before the figure opens with 对
    (对新认定的国家级企业技术中心、重点实验室，奖励200万元 -> 国家级企业技术中心、重点实验室), its
    的-modifier dropped."""
    k = pos
    while (k := text.rfind("对", lo, k)) != -1:
        if k == lo or text[k - 1] in _CLAUSE_BREAK:
            break
    if k == -1:
        return None
    stop = _RECIPIENT_END.search(text, k + 1, pos)
    end = stop.start() if stop else pos
    name = text[text.rfind("的", k + 1, end) + 1 or k + 1 : end]
    return (end, name) if len(name) >= 2 and not is_generic(name) else None


def _fund_owner(
    text: str, amount: Amount, cand: Candidate | None, owner: _Owner, lo: int, hi: int
) -> _Owner:
    """A fund figure is labelled by its fund: alone when the fund is named nearer the figure
    than any project (设立X基金，首期认缴6亿元), after the project it is granted to when a
    给予 stands between them (对X项目…给予最高150万元的补贴 -> X项目补贴), else after whom a
    clause opening with 对 names (对新引进的企业区域总部，…给予…落户奖励)."""
    fund = _fund_name(text, amount, lo, hi)
    if fund is None:
        return owner
    pos, name = fund
    named = owner.named and cand is not None and cand.start < pos  # (not a name inside it)
    if named and pos < cand.end:
        return owner
    if named and cand.kind == "project" and "给予" in text[cand.end : amount.start]:
        return owner if name in cand.label else replace(owner, project=f"{cand.label}{name}")
    recipient = _grant_recipient(text, lo, amount.start)
    if recipient and recipient[0] <= pos:
        return replace(owner, project=f"{recipient[1]}{name}")
    return replace(owner, project=name)


def _figure_rows(
    doc: Document,
    amount: Amount,
    sent: tuple[int, int],
    measure: str,
    owner: _Owner,
    zone: str | None,
    year: str | None,
) -> list[dict]:
    """One row per figure (two for a range: its low and its high end)."""
    text = doc.text
    s0, s1 = sent
    sentence = text[s0:s1]
    status = (
        status_cue(owner.project or "")
        or status_cue(text[s0 : amount.start])
        or status_cue(text[amount.end : s1], last=False)
    )
    base = {
        "doc_id": doc.doc_id,
        "story": doc.story_at(amount.start),
        "project": owner.project,
        "company": owner.company,
        "zone_surface": zone,
        "measure": measure,
        "status": status,
        "start": amount.start,
        "end": amount.end,
        "amount_low": amount.low,
        "amount_high": amount.high,
        "qualifier": amount.qualifier,
        "unit": amount.unit,
        "capacity": capacity_in(owner.project or "", sentence),
        "jobs": jobs_in(sentence),
        "event_date": event_date(text, _paragraph_start(text, s0), amount.start, year),
        "project_count": owner.count,
        "evidence": sentence,
        "sentence_start": s0,
        "sentence_end": s1,
    }
    values = [amount.low, amount.high] if amount.is_range else [amount.value]
    return [{**base, "amount_yuan": v} for v in values]


def _names_in_full(seen: dict, row: dict) -> bool:
    """True when ``row`` names in full what an earlier unnamed row labelled in short (a headline's
    产业引导基金, then 某某市产业引导基金 in the body) or left without a name."""
    short, full = seen["project"], row["project"]
    if short is None and full is not None:  # 总投资98.7亿元！, then the batch it sums
        return True
    nested = isinstance(short, str) and isinstance(full, str) and short in full
    return row["_named"] and not seen["_named"] and nested


def _fund_word(row: dict) -> str | None:
    found = _FUND_RE.findall(row["project"]) if isinstance(row["project"], str) else []
    return found[-1] if row["measure"] == "fund" and found else None


def _another_fund(seen: dict, row: dict) -> bool:
    """True when two fund figures of one amount fill different kinds of fund (a 100万元 reward,
    then 贴息最高100万元): two facts, not one restated."""
    words = _fund_word(seen), _fund_word(row)
    return None not in words and words[0] != words[1]


def _without_rounded_headline(rows: list[dict], headline_end: int) -> list[dict]:
    """Drop a headline's rounded figure (新签约项目总投资超260亿元) when the body states it
    exactly (协议总投资261.5亿元): the same fact, not a second one. Within a tenth, or within
    the headline's last significant digit (超百亿元 for 118.4亿元), same kind; an equal figure is
    left to ``_finish``, which picks the row to keep."""

    def restated(head: dict) -> bool:
        kind = _KIND.get(head["measure"], head["measure"])
        digits = str(round(head["amount_yuan"]))
        reach = max(head["amount_yuan"] / 10, 10 ** (len(digits) - len(digits.rstrip("0"))))
        return any(
            row["sentence_start"] >= headline_end
            and _KIND.get(row["measure"], row["measure"]) == kind
            and 0 < abs(row["amount_yuan"] - head["amount_yuan"]) <= reach
            for row in rows
        )

    return [
        row
        for row in rows
        if not (row["sentence_start"] < headline_end and row["qualifier"] and restated(row))
    ]


def _says_what(row: dict) -> bool:
    """The row's project is named, or its batch counted (not only an area's figure)."""
    return row["_named"] or row["project_count"] is not None


def _finish(rows: list[dict], headline_end: int = 0) -> list[dict]:
    """Drop figures restated in later sentences; share capacity and jobs within a project. A
    figure the headline (``text[:headline_end]``) gives and the body restates is the body's
    row, which names it in full (总投资30亿元的碳化硅衬底项目, then 碳化硅衬底及外延项目总投资
    30亿元)."""
    kept: list[dict] = []
    first: dict[tuple, dict] = {}
    for row in rows:
        key = (row["story"], row["amount_yuan"], _KIND.get(row["measure"], row["measure"]))
        seen = first.setdefault(key, row)
        # a headline or a later sentence restating a figure (在总投资9726亿元的重大项目中) is
        # not a new fact, unless it names a different project
        restated = seen["sentence_start"] != row["sentence_start"]
        in_body = seen["sentence_start"] < headline_end <= row["sentence_start"]
        # the body names the project, or sums a counted batch the headline gave an area (or a
        # period's projects, 前三季度项目) for
        counts = row["project_count"] is not None and seen["project_count"] is None
        batch = row["measure"] == "aggregate" and (counts or not _says_what(seen))
        fuller = row["_named"] or batch
        if restated and (_names_in_full(seen, row) or in_body and fuller):
            # the body names what the headline put short: keep the body's row in its place
            kept[next(i for i, r in enumerate(kept) if r is seen)] = first[key] = row
            continue
        named_apart = row["_named"] and row["project"] != seen["project"]
        if restated and not (named_apart or _another_fund(seen, row)):
            continue
        kept.append(row)
    for col in ("capacity", "jobs"):
        shared: dict[str, object] = {}
        for row in kept:
            if row["project"] is not None and row[col] is not None:
                shared.setdefault(row["project"], row[col])
        for row in kept:
            if row[col] is None and row["project"] is not None:
                row[col] = shared.get(row["project"])
    return kept
