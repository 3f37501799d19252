"""Load a folder of articles into ``RawDocument``s: find ``*.txt`` files, detect each file's
encoding (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK or Big5/cp950 — the last two told
apart by charset-normalizer restricted to those codecs; a rare damaged UTF-8 byte becomes U+FFFD),
normalise line endings (``\\r\\n`` and ``\\r`` become ``\\n``), read header metadata (title,
date, source, author) from the text itself and split newspaper pages that hold several stories
into ``Story`` spans. Apart from the line endings nothing is cleaned here: the text keeps its
original script, pinyin annotations and page furniture for ``clean``. A file that cannot be read
(empty, binary, unknown encoding) is reported as a ``LoadError`` naming the file and the reason,
and the rest still load.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes


@dataclass(frozen=True)
class Story:
    """One story on a page: its number (1-based) and its span in the text it belongs to."""

    number: int
    start: int
    end: int
    title: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """A decoded file, original script and noise included (line endings normalised to ``\\n``)."""

    doc_id: str
    path: Path
    text: str
    encoding: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, only when the text gives it
    source: str | None = None
    author: str | None = None
    stories: tuple[Story, ...] = ()


@dataclass(frozen=True)
class LoadError:
    """A file that was skipped, and why; ``name`` is its path under the corpus folder (which
    tells apart files of one name in different sub-folders), else its file name."""

    path: Path
    reason: str
    name: str = ""

    def __str__(self) -> str:
        return f"{self.label}: {self.reason}"

    @property
    def label(self) -> str:
        return self.name or self.path.name


class CorpusError(ValueError):
    """Raised for a file that cannot be read as a Chinese text article."""


# --------------------------------------------------------------------------- encodings

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of formats that are sometimes saved with a .txt name by scrapers.
_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x7fELF",
          b"\xd0\xcf\x11\xe0", b"\x1f\x8b")  # fmt: skip
_LEGACY_CODECS = ["gb18030", "big5", "cp950"]
_LAX_CHAOS = 0.5  # charset-normalizer's default is 0.2
# Strict Big5 lacks characters that Windows' Big5 (cp950) has, e.g. 裏 恒 碁; plain Big5 is
# named when it suffices.
_DECODE_ORDER = {"gb18030": ("gb18030",), "big5": ("big5", "cp950"), "cp950": ("big5", "cp950")}
# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_MAX_CONTROL_SHARE = 0.01
_CJK_PER_DAMAGED_BYTE = 200
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _cjk_count(s: str) -> int:
    return len(_CJK.findall(s))


def _looks_binary(text: str) -> bool:
    """NUL bytes or more than a trace of control characters mean this is not an article."""
    if "\x00" in text:
        return True
    return len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text)


def _decode_utf8(data: bytes) -> str | None:
    """UTF-8 text, tolerating a rare damaged byte (a page cut mid-character, say).

    A damaged sequence becomes U+FFFD. GBK or Big5 bytes read as UTF-8 give almost no valid
    Chinese, so a handful of errors among thousands of decoded characters can only be damage.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    return text if damaged * _CJK_PER_DAMAGED_BYTE <= _cjk_count(text) else None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _legacy_matches(data: bytes) -> Iterator:
    """charset-normalizer's candidates; then, for pages it finds too chaotic at its default
    threshold (short Traditional pages with arrows, dashes and curly quotes, which decode
    cleanly all the same), its candidates at a laxer one."""
    yield from from_bytes(data, cp_isolation=_LEGACY_CODECS)
    yield from from_bytes(data, cp_isolation=_LEGACY_CODECS, threshold=_LAX_CHAOS)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Decode BOM-less non-UTF-8 bytes as GB18030 or Big5 (cp950).

    Both families accept most of each other's byte sequences, so strict decoding alone cannot
    choose; charset-normalizer ranks the candidates by how coherent the decoded Chinese is, and
    the first one that also decodes the whole file strictly wins.
    """
    readable = [codec for codec in _LEGACY_CODECS if _decodes(data, codec)]
    tail = ""
    for cut in (1, 2, 3) if not readable else ():
        # a file cut mid-character: its last character is lost, as U+FFFD, not the article
        readable = [codec for codec in _LEGACY_CODECS if _decodes(data[:-cut], codec)]
        if readable:
            data, tail = data[:-cut], "\ufffd"
            break
    if readable == ["gb18030"]:  # nothing to choose (and charset-normalizer is slow)
        return data.decode("gb18030") + tail, "gb18030"
    for match in _legacy_matches(data) if readable else ():
        for codec in _DECODE_ORDER[match.encoding]:
            try:
                return data.decode(codec) + tail, codec
            except UnicodeDecodeError:
                continue
    raise CorpusError("unknown encoding (not UTF-8, UTF-16, GB18030/GBK or Big5)")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, codec)`` for a file's bytes, line endings normalised to ``\\n``.

    Raises ``CorpusError`` (reason only, no file name) for empty, binary or undecodable data.
    """
    if not data.strip():
        raise CorpusError("empty file")
    if data.startswith(_MAGIC):
        raise CorpusError("binary data")
    bom_codec = next((codec for bom, codec in _BOMS if data.startswith(bom)), None)
    if bom_codec is not None:
        try:
            text, codec = data.decode(bom_codec), bom_codec
        except UnicodeDecodeError as exc:
            raise CorpusError(f"unknown encoding (invalid {bom_codec}: {exc.reason})") from exc
    elif b"\x00" in data:
        raise CorpusError("binary data")
    else:
        utf8 = _decode_utf8(data)
        text, codec = (utf8, "utf-8") if utf8 is not None else _decode_legacy(data)
    if _looks_binary(text):
        raise CorpusError("binary data")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CorpusError("empty file")
    return text, codec


# --------------------------------------------------------------------------- lines

# A pinyin reading in brackets after a character, e.g. 經(jīng); removed from titles only.
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]+[)）]")


@dataclass(frozen=True)
class _Line:
    """A non-blank line: where it starts in the text and its stripped content, pinyin removed."""

    start: int
    content: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        # the bracket is the anchor: most lines have none, and the pattern is slow to scan
        content = (_PINYIN.sub("", raw) if "(" in raw or "（" in raw else raw).strip()
        if content:
            out.append(_Line(pos, content))
        pos += len(raw) + 1
    return out


_MAX_HEADLINE = 40
_MAX_TITLE = 60
_MIN_TITLE_CJK = 6


def _is_prose(s: str) -> bool:
    """Body text: a full stop, or longer than any headline."""
    return "。" in s or len(s) > _MAX_TITLE


_NAV = re.compile(r"[>＞»›]|位置|首页|首頁|导航|導航")
_MASTHEAD = re.compile(
    r"第\s*\d+\s*期|邮发代号|郵發代號|刊号|刊號|投稿邮箱|投稿郵箱|CN\s*\d{2}-\d{4}"
)
_CAPTION = re.compile(r"(?:摄|攝|供图|供圖)\s*$|■|^图为|^圖為")
# A labelled header field, e.g. ``来源:``, ``发布时间：``, ``浏览量:``; the colon keeps headlines
# that merely use such words (省政府发布……) from counting as metadata.
_META_KEY = re.compile(
    r"(?:来源|來源|稿源|转自|轉自|转载|轉載|作者|记者|記者|编辑|編輯|责编|責編|时间|時間|日期"
    r"|浏览|瀏覽|阅读|閱讀|点击|點擊)"
    r"(?:量|数|數|次数|次數)?\s*[:：]"
)


def _is_menu(s: str) -> bool:
    """A site menu: many short words separated by spaces."""
    words = s.split()
    return len(words) >= 4 and sum(len(w) for w in words) / len(words) <= 4


# A line ending in a clause mark is half a sentence; one ending in a colon is a lead-in that
# may open a two-line subheading but is never a page's headline on its own.
_CLAUSE_END = ("，", ",", "、", "；", ";")
_OPEN_END = (*_CLAUSE_END, "：", ":")


def _is_title_candidate(s: str) -> bool:
    return (
        _cjk_count(s) >= _MIN_TITLE_CJK
        and not _is_prose(s)
        and not _NAV.search(s)
        and not _MASTHEAD.search(s)
        and not _CAPTION.search(s)
        and not _META_KEY.search(s)
        and not _find_date([s])
        and not _is_menu(s)
        and "@" not in s
        and "://" not in s
        and not s.endswith(_OPEN_END)
    )


def _is_subtitle(s: str) -> bool:
    """A subtitle attached to the headline above it, e.g. ``——全省开发区……纪略``."""
    return s.startswith(("——", "—", "--"))


# --------------------------------------------------------------------------- metadata

_HEADER_LINES = 15
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"),
)
# A year alone on a line and the month/day on the next, as some sites lay out a dateline.
_YEAR_LINE = re.compile(r"^(\d{4})\s*年?$")
_MONTH_DAY_LINE = re.compile(r"^(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?(?:\s|$)")
# A field's value runs to a space, a separator, the next labelled field or a date.
_VALUE_STOP = rf"(?=\s|$|[|｜]|(?:责任|責任|发布|發布)?{_META_KEY.pattern}|\d{{4}}[-年/.])"
_SOURCE = re.compile(r"(?:来源|來源|稿源)\s*[:：]\s*(.+?)" + _VALUE_STOP)
_AUTHOR = re.compile(r"(?:作者|记者|記者)\s*[:：]\s*(.+?)" + _VALUE_STOP)


def _iso_date(year: str, month: str, day: str) -> str | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date.isoformat() if 1949 <= date.year <= 2100 else None


def _find_date(lines: list[str]) -> str | None:
    """The first full date (year, month and day) written in ``lines``."""
    for i, s in enumerate(lines):
        for pattern in _DATE_PATTERNS:
            for m in pattern.finditer(s):
                if date := _iso_date(*m.groups()):
                    return date
        year = _YEAR_LINE.match(s)
        month_day = _MONTH_DAY_LINE.match(lines[i + 1]) if year and i + 1 < len(lines) else None
        if year and month_day and (date := _iso_date(year[1], *month_day.groups())):
            return date
    return None


def _find_value(pattern: re.Pattern[str], lines: list[str]) -> str | None:
    for s in lines:
        if m := pattern.search(s):
            return m[1].strip()
    return None


def _header(lines: list[_Line]) -> list[_Line]:
    """The page header: the first non-blank lines, up to the first paragraph of body text."""
    header = []
    for line in lines[:_HEADER_LINES]:
        if _is_prose(line.content):
            break
        header.append(line)
    return header


def _find_title(header: list[_Line]) -> str | None:
    """The headline, with a dashed subtitle on the next line attached.

    A newspaper page's masthead (issue number, postal code, editor) comes before its headline,
    so when the header holds a masthead line only the lines after it are considered.
    """
    first = 1 + max((i for i, ln in enumerate(header) if _MASTHEAD.search(ln.content)), default=-1)
    for i in range(first, len(header)):
        if _is_title_candidate(header[i].content):
            title = header[i].content
            if i + 1 < len(header) and _is_subtitle(header[i + 1].content):
                title += header[i + 1].content
            return title
    return None


# --------------------------------------------------------------------------- stories

# The most common Chinese surnames (Simplified and Traditional forms), so that a lone two- or
# three-character line is only read as a writer's name when it looks like one (not 分享, 返回).
_SURNAMES = (
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓邓鄧"
    "冯馮曹彭曾肖萧蕭田董潘袁蔡蒋蔣余于杜叶葉程魏苏蘇吕呂丁任卢盧姚沈钟鍾姜崔谭譚陆陸范範汪"
    "廖石金韦韋贾賈夏付傅方邹鄒熊白孟秦邱侯江尹薛闫閆阎閻段雷龙龍黎史陶贺賀毛郝顾顧龚龔邵万萬"
    "覃武钱錢戴严嚴欧歐莫孔向常汤湯康易乔喬赖賴文施洪辛柯庄莊樊祝温溫牛霍葛左申靳裴卫衛晋晉"
    "岳聂聶安齐齊耿关關翟阮兰蘭宁寧柴储儲栗邢"
)
_PERSON_NAME = re.compile(f"^[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}$")
_BYLINE = re.compile(
    r"^[(（]?(?:本报|本報)?(?:记者|記者|作者|撰稿|文|编辑|編輯|责编|責編|通讯员|通訊員)\s*[:：/／]?"
    r"\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*[)）]?$"
)
# A byline closing a story's last paragraph, e.g. ``……发展动力。(记者曹婷婷)``.
_TRAILING_BYLINE = re.compile(
    r"[(（](?:本报|本報)?(?:记者|記者|通讯员|通訊員|作者|编辑|編輯|责编|責編)\s*[:：]?"
    r"[\u4e00-\u9fff·、\s]{2,20}[)）]\s*$"
)
# The opening of a news item: an outlet (…报/社/网/台), optionally a place and a reporter, then
# the day it happened, e.g. ``科学导报 记者王波 7月2日,`` or ``新华社太原5月18日电``.
_DATELINE = re.compile(
    r"^(?:本报讯|本報訊|[\u4e00-\u9fff]{1,8}(?:报|報|社|网|網|台|刊)(?:讯|訊)?)"
    r"[\s(（]*(?:[\u4e00-\u9fff]{2,3}(?=\d))?"
    r"(?:(?:记者|記者|通讯员|通訊員)\s*[\u4e00-\u9fff·]{2,4}[\s)）,，、]*)*"
    r"(?:\d{1,2}月\d{1,2}日|近日|日前|昨日|今日|昨天|今天|\d{4}年)"
)


def _is_headline(s: str) -> bool:
    return (
        len(s) <= _MAX_HEADLINE  # first: counting a long paragraph's characters is what costs
        and _cjk_count(s) >= 4
        and not _is_prose(s)
        and not _CAPTION.search(s)
        and not _META_KEY.search(s)
        and not s.endswith(_CLAUSE_END)
    )


def _is_byline(s: str) -> bool:
    """A line ending a story: the writer's name alone, or ``记者 XXX`` and similar."""
    return bool(_PERSON_NAME.match(s) or _BYLINE.match(s))


def _ends_story(s: str) -> bool:
    return _is_byline(s) or bool(_TRAILING_BYLINE.search(s))


def _join_headline(parts: list[str]) -> str:
    title = parts[0]
    for part in parts[1:]:
        title += part if _is_subtitle(part) else " " + part
    return title


def _split_stories(lines: list[_Line], body_start: int) -> list[tuple[int, str]]:
    """Start line indexes and titles of the stories after the first one.

    A run of headline lines after body text starts a new story when (a) the paragraph after it
    is a dateline, (b) the line before it is a byline closing the previous story, or (c) the page
    is already known to hold several stories and the current one opened with a dateline: a short
    news item has no section subheadings. Anything else is a subheading inside the story.
    """
    starts: list[tuple[int, str]] = []
    current_is_item = False
    i = body_start
    while i < len(lines):
        if not _is_headline(lines[i].content):
            i += 1
            continue
        j = i
        while (
            j < len(lines) and _is_headline(lines[j].content) and not _is_byline(lines[j].content)
        ):
            j += 1
        if j == i or j >= len(lines):
            i = max(j, i + 1)
            continue
        after_dateline = bool(_DATELINE.match(lines[j].content))
        after_byline = _ends_story(lines[i - 1].content)
        if after_dateline or after_byline or (starts and current_is_item):
            starts.append((i, _join_headline([ln.content for ln in lines[i:j]])))
            current_is_item = after_dateline
        i = j
    return starts


def _first_body_line(lines: list[_Line], header_end: int) -> int:
    """The first line of body text; stories are only looked for from there on."""
    prose = (k for k in range(header_end, len(lines)) if _is_prose(lines[k].content))
    return next(prose, len(lines))


# --------------------------------------------------------------------------- documents


def parse_document(doc_id: str, path: Path, text: str, encoding: str) -> RawDocument:
    """Build a ``RawDocument`` from decoded text: header metadata and story spans."""
    lines = _lines(text)
    header = _header(lines)
    header_text = [ln.content for ln in header]
    # Dates, sources and authors may sit on a short line just below a lead paragraph.
    meta_text = [ln.content for ln in lines[:_HEADER_LINES] if not _is_prose(ln.content)]
    title = _find_title(header)
    date = _find_date(header_text) or _find_date([s for s in meta_text if _META_KEY.search(s)])
    body_start = _first_body_line(lines, len(header))
    starts = _split_stories(lines, body_start)
    bounds = [0] + [lines[k].start for k, _ in starts] + [len(text)]
    titles = [title] + [t for _, t in starts]
    stories = tuple(Story(n + 1, bounds[n], bounds[n + 1], titles[n]) for n in range(len(titles)))
    return RawDocument(
        doc_id=doc_id,
        path=path,
        text=text,
        encoding=encoding,
        title=title,
        date=date,
        source=_find_value(_SOURCE, meta_text),
        author=_find_value(_AUTHOR, meta_text),
        stories=stories,
    )


def corpus_files(folder: str | Path) -> list[Path]:
    """Every ``*.txt`` under ``folder``, sorted so runs are deterministic."""
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root}")
    return sorted(p for p in root.rglob("*.txt") if p.is_file())


def name_in_corpus(path: Path, root: Path) -> str:
    """A file's path under the corpus folder ``root`` (its full path when outside it): how
    skipped files are named, and what doc_ids are made from."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def doc_id_of(path: Path, root: Path) -> str:
    """A file's doc_id: its path under the corpus folder without ``.txt``, which is the file
    stem in a flat folder; files of the same name in different sub-folders (a folder per month,
    say) stay apart."""
    return name_in_corpus(path.with_suffix(""), root)


def read_document(path: str | Path, doc_id: str | None = None) -> RawDocument:
    """Read one file (``doc_id`` by default its stem); raise ``CorpusError`` naming the file
    when it cannot be read."""
    path = Path(path)
    try:
        text, encoding = decode_bytes(path.read_bytes())
    except CorpusError as exc:
        raise CorpusError(f"{path.name}: {exc}") from exc
    return parse_document(doc_id or path.stem, path, text, encoding)


def iter_corpus(folder: str | Path) -> Iterator[RawDocument | LoadError]:
    """Yield a ``RawDocument`` or a ``LoadError`` for every file, in file-name order."""
    root = Path(folder)
    for path in corpus_files(root):
        try:
            yield read_document(path, doc_id_of(path, root))
        except (CorpusError, OSError) as exc:
            reason = str(exc).removeprefix(f"{path.name}: ")
            yield LoadError(path, reason, name_in_corpus(path, root))


def load_corpus(folder: str | Path) -> tuple[list[RawDocument], list[LoadError]]:
    """Load every readable file; return the documents and the files skipped."""
    docs: list[RawDocument] = []
    errors: list[LoadError] = []
    for item in iter_corpus(folder):
        (errors if isinstance(item, LoadError) else docs).append(item)
    return docs, errors
