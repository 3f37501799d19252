"""Clean a ``RawDocument`` into a ``Document``: drop invisible characters, ``&&`` placeholders,
HTML leftovers and pinyin annotations, convert Traditional to Simplified with OpenCC, drop page
furniture, repair doubled punctuation, tidy whitespace, rejoin paragraphs broken mid-sentence
and keep repeated paragraphs and sentences once, then segment sentences. Each rule is a small
pure ``str -> str`` function built on a finder of spans to delete; ``clean_text`` runs them as one
pipeline and ``clean_document`` runs the same pipeline while carrying a map from every cleaned
character back to its raw offset. Apart from OpenCC (character for character) every rule only
deletes, so the map is exact and any extracted row can be shown in the cleaned and the raw text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import numpy as np
import opencc

from devzones.corpus import RawDocument, Story

Span = tuple[int, int]
Offsets = list[int] | None


@dataclass(frozen=True)
class Document:
    """A cleaned, Simplified article with sentence offsets and a map back to the raw text."""

    doc_id: str
    text: str
    raw: str
    script: str  # "traditional" or "simplified": the script of the original
    sentences: tuple[tuple[int, int], ...]
    stories: tuple[Story, ...]
    raw_offsets: tuple[int, ...] = field(repr=False)  # len(text)+1 raw positions
    title: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None
    encoding: str = "utf-8"
    path: Path | None = None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding cleaned offset ``pos``."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[max(i, 0)]

    def sentence_at(self, pos: int) -> str:
        start, end = self.sentence_span(pos)
        return self.text[start:end]

    @cached_property
    def _story_starts(self) -> list[int]:
        return [story.start for story in self.stories]

    def story_at(self, pos: int) -> int:
        """The story number holding cleaned offset ``pos`` (1 for single-story files); stories
        are in text order, so a bisection finds it however many a page holds."""
        i = bisect.bisect_right(self._story_starts, pos) - 1
        if i >= 0 and pos < self.stories[i].end:
            return self.stories[i].number
        return self.stories[-1].number if self.stories else 1

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span to the raw text it came from (noise removed after the last
        character, such as a pinyin annotation, is not included)."""
        if end <= start:
            return self.raw_offsets[start], self.raw_offsets[start]
        return self.raw_offsets[start], self.raw_offsets[end - 1] + 1

    def raw_at(self, start: int, end: int) -> str:
        """The raw text behind a cleaned span."""
        raw_start, raw_end = self.raw_span(start, end)
        return self.raw[raw_start:raw_end]


# --- deletion machinery: every rule below reports spans to delete ---------------------------


def _delete(text: str, offsets: Offsets, spans: list[Span]) -> tuple[str, Offsets]:
    """Delete ``spans`` (sorted by start; overlaps allowed) from ``text`` and its offset map."""
    if not spans:
        return text, offsets
    parts: list[str] = []
    kept: list[int] = []
    pos = 0
    for start, end in spans:
        if end <= pos:
            continue
        start = max(start, pos)
        parts.append(text[pos:start])
        if offsets is not None:
            kept.extend(offsets[pos:start])
        pos = end
    parts.append(text[pos:])
    if offsets is None:
        return "".join(parts), None
    kept.extend(offsets[pos:])  # includes the end sentinel
    return "".join(parts), kept


def _apply(find: Callable[[str], list[Span]], text: str) -> str:
    return _delete(text, None, find(text))[0]


def _delete_until_stable(
    text: str, offsets: Offsets, *finders: Callable[[str], list[Span]]
) -> tuple[str, Offsets]:
    """Repeat deletions that can expose another match: removing ``(dāng)`` from
    ``((dāng)dāng)``, or from ``&(dāng)&``, leaves a new annotation or a new ``&&``."""
    while spans := sorted(span for find in finders for span in find(text)):
        text, offsets = _delete(text, offsets, spans)
    return text, offsets


def _lines(text: str) -> list[tuple[int, str]]:
    """Each line with its start offset."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _line_span(text: str, start: int, line: str) -> Span:
    """A whole line with one adjoining newline, so that deleting it leaves no blank line."""
    end = start + len(line)
    if end < len(text):
        return start, end + 1
    return max(start - 1, 0), end


# --- rule 1: pinyin annotations ---------------------------------------------------------------

_PINYIN_CANDIDATE = re.compile(r"[(（]([a-zA-Z\u00e0-\u01dc\u1e3f 1-5'’]{1,60})[)）]")
_TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ", "aaaaeeeeiiiioooouuuuüüüünnnm")
_INITIAL = "(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (
    "(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|üan|van|ai|ei|ao|ou|an|en|in|un|ün|vn"
    "|ia|ie|iu|ua|uo|ue|üe|ve|ui|er|a|o|e|i|u|ü|v)"
)
_PINYIN_WORD = re.compile(rf"(?:{_INITIAL}{_FINAL}[1-5]?['’ ]?)+")


@cache
def _is_pinyin(annotation: str) -> bool:
    """True for toned pinyin (``dāng``, ``chǎn yè``, ``lv4``); an untoned word such as ``app``
    or ``an`` could be a real parenthesis, so a tone mark or tone digit is required."""
    low = annotation.strip().lower()
    bare = low.translate(_TONELESS)
    if bare == low and not any(c.isdigit() for c in low):
        return False
    return _PINYIN_WORD.fullmatch(bare) is not None


def _pinyin_spans(text: str) -> list[Span]:
    return [m.span() for m in _PINYIN_CANDIDATE.finditer(text) if _is_pinyin(m.group(1))]


def remove_pinyin(text: str) -> str:
    """``當(dāng)前`` -> ``當前``; ``(太原区)``, ``(2024)``, ``(ABC)`` stay."""
    return _delete_until_stable(text, None, _pinyin_spans)[0]


# --- rule 2: Traditional -> Simplified ------------------------------------------------------


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


def _convert_piece(piece: str, offsets: list[int], convert: Callable[[str], str]) -> str:
    """Convert one line, appending its offsets; a line whose length changes is converted run by
    run of ideographs (OpenCC phrases never cross punctuation), and only a run whose length
    changes gets its offsets spread evenly."""
    out = convert(piece)
    if len(out) == len(piece):
        offsets.extend(range(len(piece)))
        return out
    parts: list[str] = []
    pos = 0
    for m in _HAN_RUN.finditer(piece):
        parts.append(piece[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        run = convert(m.group())
        parts.append(run)
        n, k = len(m.group()), len(run)
        offsets.extend(m.start() + (i * n) // k for i in range(k))
        pos = m.end()
    parts.append(piece[pos:])
    offsets.extend(range(pos, len(piece)))
    return "".join(parts)


def _convert(text: str, offsets: Offsets, convert: Callable[[str], str]) -> tuple[str, Offsets]:
    """Convert with OpenCC. Its t2s tables map character for character, so offsets carry over;
    should a conversion ever change the length, lines that changed are aligned run by run."""
    out = convert(text)
    if len(out) == len(text):
        return out, offsets
    parts: list[str] = []
    kept: list[int] = []
    for start, line in _lines(text):
        local: list[int] = []
        parts.append(_convert_piece(line, local, convert))
        if offsets is not None:
            kept.extend(offsets[start + i] for i in local)
            kept.append(offsets[start + len(line)])  # the newline (or the end sentinel)
    return "\n".join(parts), (kept if offsets is not None else None)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified, phrase-aware (OpenCC ``t2s``)."""
    return _convert(text, None, _t2s().convert)[0]


def _is_traditional(before: str, after: str) -> bool:
    """OpenCC changes about a quarter of a Traditional text; a Simplified one hardly at all."""
    if len(before) != len(after):
        return True
    a = np.frombuffer(before.encode("utf-32-le"), dtype=np.uint32)
    b = np.frombuffer(after.encode("utf-32-le"), dtype=np.uint32)
    changed = int(np.count_nonzero(a != b))
    cjk = int(np.count_nonzero((a >= 0x4E00) & (a <= 0x9FFF)))
    return changed >= 3 and changed >= 0.05 * cjk


# --- rule 3: invisible characters -------------------------------------------------------------

_INVISIBLE = re.compile(r"[\r\u200b\u200c\u200d\u2060\ufeff]+")


def _invisible_spans(text: str) -> list[Span]:
    return [m.span() for m in _INVISIBLE.finditer(text)]


def remove_invisible(text: str) -> str:
    """Carriage returns, zero-width characters and stray byte-order marks go first, so that
    later rules see a comma, a zero-width space and a comma as the doubled comma it is."""
    return _apply(_invisible_spans, text)


# --- rule 4: placeholders ---------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"&&+")


def _placeholder_spans(text: str) -> list[Span]:
    return [m.span() for m in _PLACEHOLDER.finditer(text)]


def remove_placeholders(text: str) -> str:
    """``時&&,太原`` -> ``時,太原``; a single ``&`` (``AA&W``) stays."""
    return _apply(_placeholder_spans, text)


# --- rule 5: markup left by web scraping ---------------------------------------------------------

_MARKUP = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]{0,200})?/?>|&(?:nbsp|ensp|emsp|thinsp|zwsp);"
)


def _markup_spans(text: str) -> list[Span]:
    return [m.span() for m in _MARKUP.finditer(text)]


def remove_markup(text: str) -> str:
    """HTML tags and space entities (``<br/>``, ``<p class="x">``, ``&nbsp;``); ``<5%`` stays."""
    return _apply(_markup_spans, text)


# --- rule 6: page furniture -----------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@!$&'*+=%;]+")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_EDITOR_WORDS = "责任编辑|责编|编辑|校对|审核|审校|编审|值班编辑"
_EDITOR = re.compile(rf"[(（【\[]\s*(?:{_EDITOR_WORDS})[:：\s][^()（）【】\[\]\n]{{1,30}}[)）】\]]")
_EDITOR_LINE = re.compile(rf"(?:{_EDITOR_WORDS})\s*[:：]")
_PHOTO_IN_PARENS = re.compile(r"[(（][^()（）\n]{0,24}[^()（）\n拍]摄影?\s*[)）]")
# a byline in brackets, with the dateline before it when it opens a line: 大同新闻网讯（记者
# 张文博 通讯员 李明）产业链是…, 新华社太原3月5日电（记者 王明）
_BYLINE = re.compile(
    r"(?:^[ \t\u3000]*[^\s，。,;；：:\n]{1,20}?[讯电][ \t\u3000]*)?"
    r"[(（]\s*(?:本报)?(?:特约)?(?:记者|通讯员|实习生)[^()（）\n]{1,40}[)）]",
    re.M,
)
_SENTENCE_BREAK = re.compile(r"[。！？!?]")
_CSS_TOKEN = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+")
_NUMBERS_ONLY = re.compile(r"[\s/:.\-]*\d[\d\s/:.\-]*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+\.[A-Za-z.]{2,}")
_PROSE = re.compile(r"[。，,、；;！？]")
_BREADCRUMB_START = ("您当前的位置", "当前位置", "您的位置", "您现在的位置", "所在位置")
_BREADCRUMB_MARK = (">", "＞", "»", "›")
_FOOTER_WORDS = (
    "邮发代号", "投稿邮箱", "ICP备", "ICP证", "公网安备", "版权所有", "免责声明", "不良信息举报",
    "违法和不良信息",
)  # fmt: skip
_PAGE_TOOLS = (
    "浏览量", "浏览次数", "阅读量", "阅读数", "点击量", "点击数", "打印本页", "关闭窗口",
    "分享到", "扫一扫", "返回顶部", "上一篇", "下一篇",
)  # fmt: skip
_MAX_TOOL_LINE = 60
# one search per list instead of a Python loop of ``in`` per word, on every line
_FOOTER_RE = re.compile("|".join(map(re.escape, _FOOTER_WORDS)))
_PAGE_TOOLS_RE = re.compile("|".join(map(re.escape, _PAGE_TOOLS)))
_RELATED_HEADINGS = frozenset(
    (
        "延伸阅读",
        "相关阅读",
        "相关新闻",
        "相关推荐",
        "相关链接",
        "推荐阅读",
        "为你推荐",
        "为您推荐",
        "猜你喜欢",
        "热点新闻",
        "热点视频",
        "热点舆情",
        "热门推荐",
        "热门文章",
        "更多新闻",
        "更多阅读",
    )  # fmt: skip
)
_HEADING_BRACKETS = "【】[]:："
_MENU_WORDS = (
    "首页", "新闻", "时政", "国际", "财经", "军事", "体育", "娱乐", "科技", "汽车", "房产", "视频",
    "图片", "时尚", "教育", "健康", "旅游", "文化", "社会", "评论", "论坛", "理论", "高层", "港澳",
    "台湾", "食品", "信息化", "专题", "直播", "地方", "访谈", "读书", "游戏", "公益", "彩票",
)  # fmt: skip
_MAX_CAPTION_TAIL = 40


def _is_menu(line: str) -> bool:
    """A punctuation-free line made of site sections (``新华网首页时政国际财经...``)."""
    return not _PROSE.search(line) and sum(w in line for w in _MENU_WORDS) >= 5


def _is_furniture_line(line: str) -> bool:
    """Whole lines that are page furniture rather than article text."""
    if line.startswith(_BREADCRUMB_START):
        return True
    if len(line) < 300 and (_FOOTER_RE.search(line) or ("@" in line and _EMAIL.search(line))):
        return True
    if _PROSE.search(line):  # the remaining kinds have no clause punctuation
        return False
    if len(line) < _MAX_TOOL_LINE and (_EDITOR_LINE.match(line) or _PAGE_TOOLS_RE.search(line)):
        return True
    if len(line) < 80 and any(m in line for m in _BREADCRUMB_MARK):
        return True
    return bool(_CSS_TOKEN.fullmatch(line) or _NUMBERS_ONLY.fullmatch(line)) or _is_menu(line)


def _photo_credit_span(text: str, start: int, line: str) -> Span | None:
    """A caption credit closing the line (``王超摄``, ``山西综改示范区 武跃刚 摄``): the part after
    the last full stop, or the whole line when it is only a caption."""
    body = line.rstrip()
    if not body.endswith(("摄", "摄影")) or body.endswith(("拍摄", "拍摄影")):
        return None
    stops = [m.end() for m in _SENTENCE_BREAK.finditer(body)]
    if not stops:
        return _line_span(text, start, line) if len(body) <= _MAX_CAPTION_TAIL else None
    if len(body) - stops[-1] > _MAX_CAPTION_TAIL:
        return None
    return start + stops[-1], start + len(line)


def _inline_furniture_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for regex in (_URL, _MARKDOWN_IMAGE, _EDITOR, _PHOTO_IN_PARENS, _BYLINE):
        spans.extend(m.span() for m in regex.finditer(text))
    return sorted(spans)


def _furniture_line_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    in_related = False
    for start, line in _lines(text):
        stripped = line.strip()
        if stripped.strip(_HEADING_BRACKETS) in _RELATED_HEADINGS:
            in_related = True  # a link list follows, until the next line of prose
        elif in_related and _SENTENCE_BREAK.search(stripped):
            in_related = False
        if stripped and (in_related or _is_furniture_line(stripped)):
            spans.append(_line_span(text, start, line))
        elif (credit := _photo_credit_span(text, start, line)) is not None:
            spans.append(credit)
    return spans


def remove_furniture(text: str) -> str:
    """Drop breadcrumbs, site menus, CSS leftovers, bare URLs, image placeholders, photo and
    editor credits, lines of bare numbers, footers (email, 邮发代号, copyright) and link lists
    under headings such as 延伸阅读."""
    return _apply(_furniture_line_spans, _apply(_inline_furniture_spans, text))


# --- rule 7: punctuation ----------------------------------------------------------------------

_PUNCT_RUN = re.compile(r"[,，、;；。：:！？!?]{2,}")
_COMMAS = ",，"
_STRONGER_THAN_ENUM = set(";；。：:！？!?")
_LINE_START_PUNCT = re.compile(r"^[ \t\u3000\xa0,，、;；]*[,，、;；]", re.M)


def _punct_run_deletions(start: int, run: str) -> list[Span]:
    """Within a run of clause punctuation keep the strongest marks: ``,,`` -> ``,``,
    ``、,`` -> ``、``, ``,。`` -> ``。``, ``、、`` -> ``、``; ``？！`` stays."""
    if all(c in _COMMAS for c in run):
        return [(start + 1, start + len(run))]
    has_strong = any(c in _STRONGER_THAN_ENUM for c in run)
    out: list[Span] = []
    prev = ""
    for i, c in enumerate(run):
        if c in _COMMAS or c == prev or (c == "、" and has_strong):
            out.append((start + i, start + i + 1))
        else:
            prev = c
    return out


def _punctuation_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _PUNCT_RUN.finditer(text):
        spans.extend(_punct_run_deletions(m.start(), m.group()))
    spans.extend(m.span() for m in _LINE_START_PUNCT.finditer(text))
    return sorted(spans)


def repair_punctuation(text: str) -> str:
    """Repair doubled and stray clause punctuation; ``1,000`` and ``……`` are untouched."""
    return _apply(_punctuation_spans, text)


# --- rule 8: whitespace -----------------------------------------------------------------------

_SPACE = " \t\u3000\xa0"
_SPACE_RUN = re.compile(r"[ \t\u3000\xa0]{2,}")


def _whitespace_spans(text: str) -> list[Span]:
    # a run of tabs stays: it is a table's empty cells (项目名称\t\t总投资)
    spans = [(m.start() + 1, m.end()) for m in _SPACE_RUN.finditer(text) if m[0].strip("\t")]
    kept_any = False
    for start, line in _lines(text):
        body = line.strip(_SPACE)
        if not body:
            # drop the line with the newline before it (or after it, at the top)
            end = start + len(line)
            spans.append((start - 1, end) if kept_any else (start, min(end + 1, len(text))))
            continue
        kept_any = True
        lead = len(line) - len(line.lstrip(_SPACE))
        trail = len(line) - len(line.rstrip(_SPACE))
        spans.append((start, start + lead))
        spans.append((start + len(line) - trail, start + len(line)))
    return sorted(s for s in spans if s[1] > s[0])


def normalize_whitespace(text: str) -> str:
    """Trim indentation and trailing spaces, keep one space inside a line (a run of tabs, a
    table's empty cells, stays), drop blank lines: paragraphs are separated by one newline."""
    return _apply(_whitespace_spans, text)


# --- rule 9: paragraphs broken mid-sentence ---------------------------------------------------

_MIN_BROKEN_LINE = 30
_MIN_BROKEN_TAIL = 10  # a byline after the last full stop (``说。 袁兆辉``) is shorter
_CLAUSE_MARK = re.compile(r"[,，、]")
_BULLETS = "▲△▶►■□◆◇●○★☆•※"
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』]*")


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _broken_line_spans(text: str) -> list[Span]:
    """Newlines that cut a sentence in two: the paragraph so far is long prose (it has clause
    commas), its unfinished last sentence is long and unspaced, and both sides of the break are
    ideographs. Titles and bylines are short, so they stay on their own lines."""
    spans: list[Span] = []
    para_len, para_has_clause, tail = 0, False, ""
    lines = _lines(text)
    for (start, line), (_, nxt) in zip(lines, lines[1:], strict=False):
        para_len += len(line)
        para_has_clause = para_has_clause or bool(_CLAUSE_MARK.search(line))
        stops = [m.end() for m in _SENTENCE_END.finditer(line)]
        tail = line[stops[-1] :].lstrip(_SPACE) if stops else tail + line
        if (
            line
            and nxt
            and para_len >= _MIN_BROKEN_LINE
            and para_has_clause
            and len(tail) >= _MIN_BROKEN_TAIL
            and not any(c in _SPACE for c in tail)
            and _is_cjk(line[-1])
            and _is_cjk(nxt[0])
        ):
            spans.append((start + len(line), start + len(line) + 1))
        else:
            para_len, para_has_clause, tail = 0, False, ""
    return spans


def join_broken_lines(text: str) -> str:
    """``...机电业智能配套\\n产业联盟,形成了...`` -> one paragraph."""
    return _apply(_broken_line_spans, text)


# --- rule 10: repeated paragraphs and sentences ------------------------------------------------

_MIN_REPEAT = 10  # shorter sentences (据悉。) repeat legitimately; they go only when adjacent
# full-width punctuation to half-width, spaces dropped (str.replace: str.translate with a table
# walks CJK text character by character in Python's slow path, 4x slower here)
_KEY_FOLD = tuple(zip("，；：！？（）", ",;:!?()", strict=True)) + tuple(
    (space, "") for space in " \t\u3000\xa0"
)


def _repeat_key(sentence: str) -> str:
    """Copies of one sentence may differ in spacing or in half/full-width punctuation."""
    for old, new in _KEY_FOLD:
        if old in sentence:
            sentence = sentence.replace(old, new)
    return sentence


def _sentence_units(line: str) -> list[Span]:
    """Sentences of one line, each with the whitespace that precedes it."""
    units, pos = [], 0
    for m in _SENTENCE_END.finditer(line):
        units.append((pos, m.end()))
        pos = m.end()
    if line[pos:].strip(_SPACE):
        units.append((pos, len(line)))
    return units


def _repeat_spans(text: str) -> list[Span]:
    """Keep the first occurrence of every sentence of ``_MIN_REPEAT`` characters or more, and
    drop a paragraph that repeats the paragraph just before it or an earlier long one."""
    spans: list[Span] = []
    seen_sentences: set[str] = set()
    seen_lines: set[str] = set()
    previous = None
    for start, line in _lines(text):
        kept: list[str] = []
        dropped: list[Span] = []
        for s, e in _sentence_units(line):
            key = _repeat_key(line[s:e])
            if len(key) >= _MIN_REPEAT and key in seen_sentences:
                dropped.append((start + s, start + e))
            else:
                seen_sentences.add(key)
                kept.append(key)
        remaining = "".join(kept)
        if (
            not remaining
            or remaining == previous
            or (len(remaining) >= _MIN_REPEAT and remaining in seen_lines)
        ):
            if line:
                spans.append(_line_span(text, start, line))
            continue
        spans.extend(dropped)
        seen_lines.add(remaining)
        previous = remaining
    return sorted(spans)


def drop_repeats(text: str) -> str:
    """Keep repeated sentences and paragraphs once (question/answer blocks copied 2-3 times)."""
    return _apply(_repeat_spans, text)


# --- the pipeline -----------------------------------------------------------------------------

_AFTER_FURNITURE: tuple[Callable[[str], list[Span]], ...] = (
    _punctuation_spans,
    _whitespace_spans,
    _furniture_line_spans,
    _broken_line_spans,
    _repeat_spans,
    _furniture_line_spans,
    _whitespace_spans,
)


def _run(text: str, offsets: Offsets) -> tuple[str, Offsets, bool]:
    """The whole pipeline; returns the text, its offsets and whether it was Traditional.
    The order matters for idempotence: each step only meets what earlier steps leave behind."""
    text, offsets = _delete(text, offsets, _invisible_spans(text))
    text, offsets = _delete_until_stable(
        text, offsets, _pinyin_spans, _placeholder_spans, _markup_spans
    )
    converted, offsets = _convert(text, offsets, _t2s().convert)
    traditional = _is_traditional(text, converted)
    text = converted
    text, offsets = _delete_until_stable(text, offsets, _inline_furniture_spans, _placeholder_spans)
    for find in _AFTER_FURNITURE:
        text, offsets = _delete(text, offsets, find(text))
    return text, offsets, traditional


def clean_text(raw: str) -> str:
    """The cleaned Simplified text of ``raw`` (the same text ``clean_document`` produces)."""
    return _run(raw, None)[0]


def clean_field(value: str | None) -> str | None:
    """A metadata field (title, source, author) in Simplified, on one tidy line."""
    if value is None:
        return None
    text = to_simplified(remove_pinyin(value))
    text = repair_punctuation(remove_placeholders(text))
    text = " ".join(text.split())
    return text or None


def segment_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence: split at 。！？；!?; and newlines, closing quotes kept
    with their sentence, surrounding whitespace and a leading bullet (▲ 某项目…) left out."""
    spans: list[tuple[int, int]] = []
    for start, line in _lines(text):
        for s, e in _sentence_units(line):
            segment = line[s:e]
            lead = len(segment) - len(segment.lstrip(_SPACE + _BULLETS))
            trail = len(segment) - len(segment.rstrip(_SPACE))
            if e - trail > s + lead:
                spans.append((start + s + lead, start + e - trail))
    return tuple(spans)


def _map_stories(raw: RawDocument, text: str, offsets: list[int]) -> tuple[Story, ...]:
    """Raw story spans -> cleaned spans (stories left empty by cleaning are dropped)."""
    stories = raw.stories or (Story(1, 0, len(raw.text)),)
    out: list[Story] = []
    for story in stories:
        start = bisect.bisect_left(offsets, story.start)
        end = bisect.bisect_left(offsets, story.end)
        while start < end and text[start] in "\n" + _SPACE:
            start += 1
        while end > start and text[end - 1] in "\n" + _SPACE:
            end -= 1
        if end > start:
            out.append(Story(story.number, start, end, clean_field(story.title)))
    return tuple(out) or (Story(1, 0, len(text)),)


def clean_document(raw: RawDocument) -> Document:
    """Clean one raw article, keeping provenance back to the raw text."""
    text, offsets, traditional = _run(raw.text, list(range(len(raw.text) + 1)))
    assert offsets is not None
    return Document(
        doc_id=raw.doc_id,
        text=text,
        raw=raw.text,
        script="traditional" if traditional else "simplified",
        sentences=segment_sentences(text),
        stories=_map_stories(raw, text, offsets),
        raw_offsets=tuple(offsets),
        title=clean_field(raw.title),
        date=raw.date,
        source=clean_field(raw.source),
        author=clean_field(raw.author),
        encoding=raw.encoding,
        path=raw.path,
    )
