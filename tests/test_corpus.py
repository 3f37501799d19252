"""Tests for the corpus loader: encodings (seed passages re-encoded into tmp_path), bad files,
header metadata and story splitting on the real seeds."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from devzones.corpus import (
    CorpusError,
    LoadError,
    RawDocument,
    corpus_files,
    decode_bytes,
    iter_corpus,
    load_corpus,
    parse_document,
    read_document,
)

PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
SEED_IDS = {
    "000": "000_3a9b9530b1b2ec72",
    "001": "001_79a27860d0400a6e",
    "002": "002_90b2ec0d50a39f48",
    "003": "003_cbcd8a66ef8bfaa2",
    "004": "004_1da46b55b94cd9e7",
}


def _seed_text(seeds_dir: Path, key: str) -> str:
    return (seeds_dir / f"{SEED_IDS[key]}.txt").read_text("utf-8")


def _passage(seeds_dir: Path, key: str, codec: str, max_chars: int = 1500) -> str:
    """Leading lines of a seed that the codec can encode (a few characters of some seeds are
    outside GBK or Big5, e.g. U+00A0 or 産). Big5 has no pinyin letters, so for Big5 the
    seeds' pinyin annotations are dropped first."""
    text = _seed_text(seeds_dir, key)
    if codec in ("big5", "cp950"):
        text = PINYIN.sub("", text)
    kept: list[str] = []
    for line in text.split("\n"):
        try:
            line.encode(codec)
        except UnicodeEncodeError:
            continue
        kept.append(line)
        if sum(len(s) for s in kept) > max_chars:
            break
    return "\n".join(kept)


@pytest.fixture(scope="module")
def seed_raw(seeds_dir: Path) -> dict[str, RawDocument]:
    docs, errors = load_corpus(seeds_dir)
    assert errors == []
    return {d.doc_id[:3]: d for d in docs}


# --------------------------------------------------------------------------- encodings

ENCODED = [
    # (seed, codec used to write, BOM, expected codec)
    ("001", "gbk", b"", "gb18030"),  # Simplified in GBK
    ("002", "gb18030", b"", "gb18030"),
    ("003", "gbk", b"", "gb18030"),  # Traditional in GBK must not be taken for Big5
    ("000", "gb18030", b"", "gb18030"),  # Traditional with pinyin (ā etc.) in GB18030
    ("003", "big5", b"", "big5"),
    ("004", "big5", b"", "big5"),
    ("000", "big5", b"", "big5"),
    ("001", "utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("003", "utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ("000", "utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ("002", "utf-8", b"", "utf-8"),
]


@pytest.mark.parametrize(("seed", "codec", "bom", "expected"), ENCODED)
def test_encodings_detected_and_decoded(
    tmp_path: Path, seeds_dir: Path, seed: str, codec: str, bom: bytes, expected: str
) -> None:
    text = _passage(seeds_dir, seed, codec)
    path = tmp_path / f"{seed}-{codec}.txt"
    path.write_bytes(bom + text.encode(codec))
    doc = read_document(path)
    assert doc.encoding == expected
    assert doc.text == text


@pytest.mark.parametrize(
    ("seed", "codec"), [("003", "big5"), ("004", "big5"), ("001", "gb18030"), ("000", "gbk")]
)
def test_gbk_and_big5_told_apart_paragraph_by_paragraph(
    tmp_path: Path, seeds_dir: Path, seed: str, codec: str
) -> None:
    """Every real paragraph, alone in a file, decodes with the codec it was written in."""
    expected = "big5" if codec == "big5" else "gb18030"
    paragraphs = [
        p
        for p in _passage(seeds_dir, seed, codec, 4000).split("\n")
        if len(p) >= 20 and not p.isascii()
    ]
    assert len(paragraphs) >= 5
    for i, para in enumerate(paragraphs):
        path = tmp_path / f"{i}.txt"
        path.write_bytes(para.encode(codec))
        assert read_document(path).encoding == expected, para


def test_windows_big5_characters(tmp_path: Path, seeds_dir: Path) -> None:
    """裏 and 恒 exist only in Windows' Big5 (cp950); such a file still loads as Big5."""
    text = _passage(seeds_dir, "003", "big5") + "\n這裏的企業恒心不改。"
    path = tmp_path / "cp950.txt"
    path.write_bytes(text.encode("cp950"))
    doc = read_document(path)
    assert (doc.encoding, doc.text) == ("cp950", text)


def test_line_endings_normalised(tmp_path: Path, seeds_dir: Path) -> None:
    text = _passage(seeds_dir, "003", "big5")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("big5"))
    doc = read_document(path)
    assert "\r" not in doc.text
    assert doc.text == text


def test_utf8_cut_mid_character_still_loads(tmp_path: Path, seeds_dir: Path) -> None:
    text = _seed_text(seeds_dir, "001")
    last = max(i for i, c in enumerate(text) if not c.isascii())
    path = tmp_path / "cut.txt"
    path.write_bytes(text[: last + 1].encode("utf-8")[:-1])  # drop the last byte of a character
    doc = read_document(path)
    assert doc.encoding == "utf-8"
    assert doc.text == text[:last] + "\ufffd"
    assert doc.title == "太忻一体化经济区建设大步向前"


@pytest.mark.parametrize(("codec", "source"), [("gb18030", "001"), ("big5", "003")])
def test_gbk_or_big5_cut_mid_character_still_loads(
    tmp_path: Path, seeds_dir: Path, codec: str, source: str
) -> None:
    text = _seed_text(seeds_dir, source)
    text = text.encode(codec, errors="ignore").decode(codec)  # only what the codec can hold
    last = max(i for i, c in enumerate(text) if not c.isascii())
    path = tmp_path / "cut.txt"
    path.write_bytes(text[: last + 1].encode(codec)[:-1])  # a lead byte with no trail
    doc = read_document(path)
    assert doc.encoding in (codec, "cp950")
    assert doc.text == text[:last] + "\ufffd"


# --------------------------------------------------------------------------- bad files

BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \r\n\t\n" + "\u3000\n".encode(), "empty file"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40), "binary data"),
    "nul.txt": ("开发区".encode() + b"\x00\x01\x02" * 20, "binary data"),
    "latin1.txt": ("Café résumé, déjà vu à Zürich.\n".encode("latin-1") * 5, "unknown encoding"),
    "noise.txt": (bytes(range(128, 256)) * 4, "unknown encoding"),
}


def test_bad_files_reported_and_others_still_load(tmp_path: Path, seeds_dir: Path) -> None:
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    good = _passage(seeds_dir, "001", "gb18030")
    (tmp_path / "zz_good.txt").write_bytes(good.encode("gb18030"))
    (tmp_path / "aa_good.txt").write_text(good, "utf-8")

    items = list(iter_corpus(tmp_path))
    assert [p.name for p in corpus_files(tmp_path)] == [
        p.name for p in (i.path for i in items)
    ]  # one result per file, in order
    errors = {e.path.name: e for e in items if isinstance(e, LoadError)}
    assert set(errors) == set(BAD_FILES)
    for name, (_, reason) in BAD_FILES.items():
        assert errors[name].reason.startswith(reason)
        assert str(errors[name]).startswith(f"{name}: {reason}")
    docs = [d for d in items if isinstance(d, RawDocument)]
    assert [d.doc_id for d in docs] == ["aa_good", "zz_good"]
    assert all(d.title == "太忻一体化经济区建设大步向前" for d in docs)


def test_read_document_raises_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(10))
    with pytest.raises(CorpusError, match=r"picture\.txt: binary data"):
        read_document(path)


# --------------------------------------------------------------------------- metadata

SEED_META = {
    # seed: (title, date, source, author)
    "000": ("太原寶藏地 開發區煥新 推動新質生產力加快發展", "2024-09-05", "太原日報", "司勇"),
    "001": ("太忻一体化经济区建设大步向前", "2022-03-24", "人民网", "曹婷婷"),
    "002": ("向“新”而行 以“质”致远——全省开发区培育和发展新质生产力纪略", None, None, None),
    "003": ("讓創新驅動轉型,太原正繪就高質量發展錦繡圖景", None, None, None),
    "004": ("太忻一體化經濟區建設出臺系列措施", "2022-05-19", "太原日報", "任曉明"),
}


@pytest.mark.parametrize("seed", sorted(SEED_META))
def test_seed_metadata(seed_raw: dict[str, RawDocument], seed: str) -> None:
    doc = seed_raw[seed]
    assert (doc.title, doc.date, doc.source, doc.author) == SEED_META[seed]
    assert doc.encoding == "utf-8"


def test_pinyin_stripped_from_title_only(seed_raw: dict[str, RawDocument]) -> None:
    doc = seed_raw["000"]
    assert "開發(fā)區(qū)煥新" in doc.text
    assert "(" not in doc.title


def test_issue_number_is_not_a_date(seed_raw: dict[str, RawDocument]) -> None:
    assert "2024年第25期" in seed_raw["002"].text
    assert seed_raw["002"].date is None


HEADERS = [
    # (header lines, title, date, source): layouts seen on news sites, with made-up content
    ("站点切换\n新闻\n某市开发区签约十个重点项目\n2021\n03/15\n09:30\n", "2021-03-15", None),
    ("某市开发区签约十个重点项目\n\n2021-03-15 某某财经 浏览量:\n", "2021-03-15", None),
    ("某市开发区签约十个重点项目\n来源:某某信息网   时间:2021/3/15\n", "2021-03-15", "某某信息网"),
    ("某市开发区签约十个重点项目\n来源：太原发布发布时间：2021-03-15\n", "2021-03-15", "太原发布"),
    (
        "当前位置:首页 > 新闻 > 正文\n某市开发区签约十个重点项目\n发布时间:2021年13月40日\n",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("header", "date", "source"), HEADERS)
def test_header_forms(header: str, date: str | None, source: str | None) -> None:
    text = header + "\n今年以来,某开发区新签约项目十个,总投资五十亿元。\n"
    doc = parse_document("x", Path("x.txt"), text, "utf-8")
    assert (doc.title, doc.date, doc.source) == ("某市开发区签约十个重点项目", date, source)


def test_headline_using_metadata_words_is_still_the_title() -> None:
    text = "省政府发布开发区改革实施方案 明确时间表\n来源:某某日报\n\n近日,省政府发布方案。\n"
    doc = parse_document("x", Path("x.txt"), text, "utf-8")
    assert (doc.title, doc.source) == ("省政府发布开发区改革实施方案 明确时间表", "某某日报")


def test_no_title_or_date_when_text_starts_with_body() -> None:
    text = "3月28日,某开发区首批重大项目集中开工,总投资一百亿元。\n2022年6月1日,项目投产。\n"
    doc = parse_document("x", Path("x.txt"), text, "utf-8")
    assert (doc.title, doc.date) == (None, None)


# --------------------------------------------------------------------------- stories


def test_seed_002_split_into_four_stories(seed_raw: dict[str, RawDocument]) -> None:
    doc = seed_raw["002"]
    assert [s.number for s in doc.stories] == [1, 2, 3, 4]
    assert [s.title for s in doc.stories] == [
        "向“新”而行 以“质”致远——全省开发区培育和发展新质生产力纪略",
        "农业农村部调研组 在晋中国家农高区调研",
        "应县经济技术开发区 年产1GWh锂离子电池项目落地",
        "山西:加快打造内陆地区对外开放新高地",
    ]
    assert doc.stories[0].start == 0 and doc.stories[-1].end == len(doc.text)
    for before, after in zip(doc.stories, doc.stories[1:], strict=False):
        assert before.end == after.start
    # subheadings stay inside their story
    for subheading in ("传统产业蝶变新生", "人才引进效能释放", "让世界看见山西"):
        pos = doc.text.index(subheading)
        assert sum(s.start <= pos < s.end for s in doc.stories) == 1
        assert not any(s.start == doc.text.rfind("\n", 0, pos) + 1 for s in doc.stories[1:])
    assert doc.text[doc.stories[1].start :].startswith("农业农村部调研组")
    assert "李若男" in doc.text[doc.stories[0].start : doc.stories[0].end]


@pytest.mark.parametrize("seed", ["000", "001", "003", "004"])
def test_single_story_seeds(seed_raw: dict[str, RawDocument], seed: str) -> None:
    doc = seed_raw[seed]
    assert len(doc.stories) == 1
    story = doc.stories[0]
    assert (story.number, story.start, story.end, story.title) == (1, 0, len(doc.text), doc.title)


def test_dateline_article_with_subheadings_is_one_story() -> None:
    text = (
        "某市开发区项目建设提速\n\n"
        "某某日报 记者张三 5月18日,某市开发区举行项目集中开工活动,总投资八十亿元。\n\n"
        "新材料产业集聚\n\n"
        "今年以来,该区引进新材料项目五个,计划投资二十亿元。\n\n"
        "营商环境持续优化\n\n"
        "该区推行承诺制改革,项目审批时间缩短一半。\n"
    )
    doc = parse_document("x", Path("x.txt"), text, "utf-8")
    assert len(doc.stories) == 1


def test_short_non_name_line_does_not_end_a_story() -> None:
    text = (
        "某市开发区项目建设提速\n\n"
        "今年以来,某市开发区项目建设全面提速,总投资八十亿元。\n\n"
        "分享\n\n"
        "新材料产业集聚\n\n"
        "该区引进新材料项目五个,计划投资二十亿元。\n"
    )
    doc = parse_document("x", Path("x.txt"), text, "utf-8")
    assert len(doc.stories) == 1
    named = text.replace("分享", "王小明")
    assert len(parse_document("x", Path("x.txt"), named, "utf-8").stories) == 2
    signed = text.replace("亿元。\n\n分享", "亿元。(记者 王小明)")
    assert len(parse_document("x", Path("x.txt"), signed, "utf-8").stories) == 2
    reprint = signed.replace("新材料产业集聚", "转自:某某晚报")
    assert len(parse_document("x", Path("x.txt"), reprint, "utf-8").stories) == 1


def test_page_of_news_items_split_at_datelines_and_bylines() -> None:
    text = (
        "某市开发区项目建设提速\n\n"
        "今年以来,某市开发区项目建设全面提速,总投资八十亿元。\n\n"
        "新材料产业集聚\n\n"
        "该区引进新材料项目五个,计划投资二十亿元。\n\n"
        "王小明\n\n"
        "某县召开招商推介会\n\n"
        "会上,十个项目集中签约,总投资三十亿元。\n\n"
        "某园区新能源项目落地\n\n"
        "某某导报 近日,某园区新能源项目签约,总投资五亿元。\n"
    )
    doc = parse_document("x", Path("x.txt"), text, "utf-8")
    assert [s.title for s in doc.stories] == [
        "某市开发区项目建设提速",
        "某县召开招商推介会",
        "某园区新能源项目落地",
    ]


def test_a_short_traditional_gbk_page_with_arrows_and_quotes_is_decoded() -> None:
    # charset-normalizer finds pages like this one too chaotic at its default threshold
    text = (
        "您當前的位置 : 晉中新聞網 >> 園區建設\n\n平遙經開區：穩中求進 以“質”取勝\n\n"
        "來源:晉中日報 作者:王明 2021年03月08日 09:15\n\n"
        "山西平遙經濟開發區圍繞汽車零部件產業鏈，着力構建“鑄造毛坯→精密加工→總成裝配”的完整"
        "鏈條，目前已集聚上下游企業12家，產業鏈配套率達到35.2%。"
    )
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")
