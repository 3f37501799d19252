"""Money figures in Chinese text. Every figure ends in 元, so the search anchors on that character
and expands left: the unit (万亿/亿/千万/百万/万/千), the number (Arabic with decimals and thousands
separators, Chinese numerals such as 十二亿 or 一千万, or both as in 1.5万亿), a 多/余 between them,
the qualifier words around it (超过, 近, 约, 以上 …) and, further left, the first half of a range
(20万元至100万元, 20-100万元). Values are computed with ``Decimal`` so 132914.57万元 is exactly
1329145700 yuan. Foreign currencies (美元, 欧元 …) are skipped: the tables are in yuan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Multipliers a figure may carry right before 元 (longest first so 万亿 wins over 亿).
UNITS: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
    "": Decimal(1),
}
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}

LEFT_QUALIFIERS = (
    "不低于",
    "不少于",
    "不超过",
    "超过",
    "不高于",
    "最高",
    "最低",
    "最多",
    "突破",
    "高达",
    "接近",
    "将近",
    "大约",
    "约合",
    "超",
    "近",
    "达",
    "逾",
    "约",
    "过",
)
RIGHT_QUALIFIERS = ("以上", "左右", "以下", "以内")
_FOREIGN = "美欧港日韩澳台"  # 美元, 欧元, 港元 … are not yuan
_VAGUE = "数几"  # 数十亿元, 几千万元: no figure to record

_UNIT_RE = "|".join(u for u in UNITS if u)
_ARABIC = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+"
# A figure ending right before 元 (matched against a short window that ends at the anchor).
_FIGURE = re.compile(
    rf"(?:(?P<arabic>{_ARABIC})\s*(?P<amore>[多余])?(?P<aunit>{_UNIT_RE})?"
    rf"|(?P<chinese>{_CHINESE}))(?P<umore>[多余])?$"
)
# The first half of a range, right before the second number: 20万元至 / 20- / 20万至.
_RANGE_LEFT = re.compile(
    rf"(?P<num>{_ARABIC}|{_CHINESE})(?P<unit>{_UNIT_RE})?元?\s*(?:至|到|-|－|—|–|~|～)\s*$"
)
_WINDOW = 40


@dataclass(frozen=True)
class Amount:
    """A money figure: its value in yuan (the low end for a range) and where it sits."""

    value: float
    low: float | None = None
    high: float | None = None
    unit: str = "元"
    qualifier: str | None = None
    text: str = ""
    start: int = 0
    end: int = 0

    @property
    def is_range(self) -> bool:
        return self.high is not None and self.low != self.high


def chinese_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral (十二, 一千, 三亿五千万, 二〇二三); None if it is not one."""
    if not numeral or any(c not in _DIGITS and c not in _SMALL and c not in _BIG for c in numeral):
        return None
    if all(c in _DIGITS for c in numeral):  # digit by digit: 二〇二三
        return int("".join(str(_DIGITS[c]) for c in numeral))
    total, section, digit = 0, 0, None
    for c in numeral:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[c]
            digit = None
        else:  # 万 / 亿 close a section
            section += digit or 0
            total = (total + section) * _BIG[c] if c == "亿" else total + section * _BIG[c]
            section, digit = 0, None
    return total + section + (digit or 0)


def _is_counting_numeral(numeral: str) -> bool:
    """True for numerals that state a quantity; a bare 千/百/万 (千亿元级) names a scale."""
    return any(c in _DIGITS for c in numeral) or numeral.startswith("十")


def _is_round_figure(text: str, numeral: str, start: int, anchor: int) -> bool:
    """近百亿元, 超千万元: a bare 百/千 with a qualifier before it states a (round) figure; alone
    (百亿元产业集群) or before 级 (千亿元级) it names a scale."""
    return (
        numeral[0] in "百千"
        and _left_qualifier(text, start) is not None
        and not text.startswith("级", anchor + 1)
    )


def _number(text: str) -> Decimal | None:
    if re.fullmatch(_ARABIC, text):
        return Decimal(text.replace(",", "").replace("，", ""))
    if not _is_counting_numeral(text):
        return None
    value = chinese_to_int(text)
    return None if value is None else Decimal(value)


def _chinese_unit(numeral: str) -> str:
    """The largest unit in a Chinese numeral (三亿五千万 -> 亿), for the ``unit`` column only: the
    numeral's value already includes it."""
    return next((u for u in ("万亿", "亿", "万") if u in numeral), "")


def _left_qualifier(text: str, pos: int) -> str | None:
    for word in LEFT_QUALIFIERS:
        if text.startswith(word, max(pos - len(word), 0)) and pos >= len(word):
            return word
    return None


def _right_qualifier(text: str, pos: int) -> str | None:
    for word in RIGHT_QUALIFIERS:
        if text.startswith(word, pos):
            return word
    return None


def amount_at(text: str, anchor: int) -> Amount | None:
    """The figure whose 元 is at ``text[anchor]``, or None when no number precedes it."""
    if anchor > 0 and text[anchor - 1] in _FOREIGN:
        return None
    lo = max(anchor - _WINDOW, 0)
    m = _FIGURE.search(text, lo, anchor)
    if not m:
        return None
    more = m["amore"] or m["umore"]
    if m["arabic"]:
        unit = m["aunit"] or ""
        value = _number(m["arabic"])
        num_start = m.start("arabic")
    else:
        numeral = m["chinese"]
        value = _number(numeral)
        unit = _chinese_unit(numeral)
        num_start = m.start("chinese")
        if value is None and _is_round_figure(text, numeral, num_start, anchor):
            value = Decimal(chinese_to_int(numeral) or 0) or None  # 0: not a well-formed numeral
    if value is None or (num_start > 0 and text[num_start - 1] in _VAGUE):
        return None
    yuan = value * UNITS[unit] if m["arabic"] else value
    start, end = num_start, anchor + 1
    low = high = None
    r = _RANGE_LEFT.search(text, max(num_start - _WINDOW, 0), num_start)
    if r and (first := _number(r["num"])) is not None:
        first_unit = r["unit"] if r["unit"] is not None else (unit if m["arabic"] else "")
        low_yuan = first * UNITS[first_unit]
        if 0 < low_yuan < yuan:
            low, high, start = float(low_yuan), float(yuan), r.start()
    qualifier = _left_qualifier(text, start)
    if qualifier:
        start -= len(qualifier)
    right = _right_qualifier(text, end)
    if right:
        end += len(right)
    qualifier = "/".join(q for q in (qualifier, more, right) if q) or None
    value_yuan = float(low if low is not None else yuan)
    return Amount(
        value=value_yuan,
        low=low,
        high=high,
        unit=f"{unit}元",
        qualifier=qualifier,
        text=text[start:end],
        start=start,
        end=end,
    )


def find_amounts(text: str) -> list[Amount]:
    """Every yuan figure in ``text``, in order; a range is one ``Amount`` with low and high."""
    found: list[Amount] = []
    pos = text.find("元")
    while pos != -1:
        amount = amount_at(text, pos)
        if amount is not None:
            # the first half of a range (20万元至…) was already emitted on its own: replace it
            while found and found[-1].start >= amount.start:
                found.pop()
            found.append(amount)
        pos = text.find("元", pos + 1)
    return found


def parse_amount(text: str) -> Amount | None:
    """Parse one money expression such as 超1.5万亿元 or 20-100万元 (the last figure in it)."""
    amounts = find_amounts(text)
    return amounts[-1] if amounts else None


_BARE = re.compile(
    rf"(?P<qual>{'|'.join(LEFT_QUALIFIERS)})?"
    r"(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?P<unit>万亿|亿|万)(?![元美欧港日韩级])"
)


def amount_without_yuan(text: str, pos: int) -> Amount | None:
    """A figure that leaves out 元, starting at ``pos`` right after a cue word such as 投资
    (投资过百亿 = over 10 billion yuan). Only call it after such a cue: 百亿 alone names a scale."""
    m = _BARE.match(text, pos)
    if not m:
        return None
    num = m["num"]
    value = Decimal(num) if num[0].isdigit() else Decimal(chinese_to_int(num) or 0)
    if not value:
        return None
    return Amount(
        value=float(value * UNITS[m["unit"]]),
        unit=m["unit"],
        qualifier=m["qual"],
        text=m[0],
        start=m.start(),
        end=m.end(),
    )
