"""The cleaner: every rule on real seed passages, the pipeline on whole seeds, the offset map back
to the raw text, idempotence (hypothesis) and speed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from devzones.clean import (
    Document,
    _convert,
    clean_document,
    clean_field,
    clean_text,
    drop_repeats,
    join_broken_lines,
    normalize_whitespace,
    remove_furniture,
    remove_invisible,
    remove_markup,
    remove_pinyin,
    remove_placeholders,
    repair_punctuation,
    segment_sentences,
    to_simplified,
)
from devzones.corpus import RawDocument, Story

SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
TRADITIONAL = {"000_3a9b9530b1b2ec72", "003_cbcd8a66ef8bfaa2", "004_1da46b55b94cd9e7"}
PINYIN_LEFT = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+[)）]")
DOUBLED = re.compile(r"[,，]{2}|[,，][、;；。]|[、;；。][,，]|、、")


def raw_seed(doc_id_prefix: str) -> str:
    (path,) = SEEDS.glob(f"{doc_id_prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def raw_line(doc_id_prefix: str, needle: str) -> str:
    """The first raw seed line holding ``needle``."""
    return next(ln for ln in raw_seed(doc_id_prefix).split("\n") if needle in ln)


def simplified(text: str) -> str:
    return to_simplified(remove_pinyin(text))


# --- pinyin -------------------------------------------------------------------------------------


def test_pinyin_removed_from_seed_breadcrumb() -> None:
    line = raw_line("000", "您當(dāng)前的位置")
    assert remove_pinyin(line) == "您當前的位置 : 太原新聞網 >> 今日聚焦"


def test_pinyin_removed_from_seed_title_multi_annotation() -> None:
    line = raw_line("004", "出臺系列措施")
    assert remove_pinyin(line) == "太忻一體化經濟區建設出臺系列措施"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("產(chǎn)業(yè)", "產業"),
        ("產業(chǎn yè)", "產業"),
        ("綠(lǜ)色", "綠色"),
        ("綠(lv4)色", "綠色"),
        ("經（jīng）濟", "經濟"),
    ],
)
def test_pinyin_forms(raw: str, expected: str) -> None:
    assert remove_pinyin(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        raw_line("003", "建設太忻一體化經濟區(太原區),是太原"),  # (太原區)
        raw_line("002", "管理办法(试行)"),
        raw_line("002", "(2019年-2023年)"),
        "开发区(ABC)与(app)、(an)和(2024)",
        "太忻一体化经济区(简称“太忻经济区”)",
    ],
)
def test_real_parentheses_kept(text: str) -> None:
    assert remove_pinyin(text) == text


# --- Traditional -> Simplified --------------------------------------------------------------------


def test_to_simplified_seed_title() -> None:
    assert simplified(raw_line("004", "出臺系列措施")) == "太忻一体化经济区建设出台系列措施"


def test_script_detected(seed_docs: dict[str, Document]) -> None:
    scripts = {doc_id: d.script for doc_id, d in seed_docs.items()}
    assert scripts == {i: ("traditional" if i in TRADITIONAL else "simplified") for i in SEED_IDS}


def test_few_traditional_characters_do_not_make_a_traditional_document() -> None:
    raw = raw_seed("001") + "\n然後,後來的發展。"
    doc = clean_document(RawDocument("001", Path("001.txt"), raw, "utf-8"))
    assert doc.script == "simplified"
    assert doc.text.endswith("然后,后来的发展。")


# --- placeholders and punctuation ---------------------------------------------------------------


def test_placeholder_removed_seed_003() -> None:
    line = raw_line("003", "做客新華訪談時&&")
    assert "做客新華訪談時,太原讓創新驅動轉型" in remove_placeholders(line)


def test_placeholder_between_enumeration_commas_seed_003() -> None:
    line = raw_line("003", "投入、&&、人才")
    assert "“政策、投入、人才、機制”" in repair_punctuation(remove_placeholders(line))


def test_single_ampersand_kept_seed_002() -> None:
    line = raw_line("002", "AA&W")
    assert remove_placeholders(line) == line


def test_doubled_punctuation_seed_000() -> None:
    line = repair_punctuation(remove_pinyin(raw_line("000", "牛鼻子")))
    assert line.startswith("  推動新質生產力加快發展,要緊緊扭住科技創新這個“牛鼻子”。今年以來,位于")
    assert "綜改示范區、太忻" in line  # ,、 -> 、
    assert not DOUBLED.search(line)


def test_comma_before_semicolon_seed_000() -> None:
    line = repair_punctuation(remove_pinyin(raw_line("000", "泰山玻纖")))
    assert "紛紛落地;泰山玻纖" in line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("投资1,000万元,,其中", "投资1,000万元,其中"),
        ("落地转化……经过", "落地转化……经过"),
        ("签约,、开工", "签约、开工"),
        ("开工、,投产", "开工、投产"),
        ("作用,。下一步", "作用。下一步"),
        ("落地,;泰山", "落地;泰山"),
        ("表示:,", "表示:"),
        ("为什么?!", "为什么?!"),
        ("投入、、人才", "投入、人才"),
        ("发展，，要", "发展，要"),
        ("示范区、，太忻", "示范区、太忻"),
        ("\n,开头", "\n开头"),
    ],
)
def test_punctuation_forms(raw: str, expected: str) -> None:
    assert repair_punctuation(raw) == expected


# --- page furniture -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "needle"),
    [
        ("000", "您當(dāng)前的位置"),
        ("004", "您當(dāng)前的位置"),
        ("001", "首页>山西建设> 正文"),
        ("003", "has-portrait"),
        ("003", "新華網首頁時政國際財經"),
        ("003", "player.v.news.cn"),
        ("003", "0100201000200000"),
        ("002", "邮发代号"),
        ("004", "(責(zé)編:張凱)"),
        ("000", "武躍剛 攝"),
        ("000", "中北經(jīng)濟(jì)開發(fā)區(qū) 李學(xué)軍 攝"),
    ],
)
def test_furniture_line_dropped(seed: str, needle: str) -> None:
    line = raw_line(seed, needle)
    assert remove_furniture(simplified(line)).strip() == ""


def test_lone_list_numbers_dropped_seed_003() -> None:
    head = "\n".join(raw_seed("003").split("\n")[8:14])  # 精彩觀點 / 1 / question / 2
    cleaned = remove_furniture(head)
    assert "精彩觀點" in cleaned
    assert "\n1\n" not in cleaned and "\n2\n" not in cleaned and not cleaned.endswith("\n2")


def test_caption_credit_dropped_caption_kept_seed_002() -> None:
    line = raw_line("002", "■ 王超摄")
    assert remove_furniture(line) == (
        "在山西建筑产业现代化装饰一体化园区建筑节能玻璃智造中心生产车间内,工人正在作业。"
    )


@pytest.mark.parametrize(
    "text",
    [
        raw_line("001", "3月9日,忻州市与省电力公司"),
        "2021年3月,国家规划纲要发布。",
        "记者在现场进行拍摄",
        "增长率达到5%,较上年>3%。",
        "科技、教育、文化、体育、健康、旅游等领域全面发展。",
    ],
)
def test_prose_not_furniture(text: str) -> None:
    assert remove_furniture(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06-02 某某财经 浏览量:\n正文。", "正文。"),
        ("正文。\n责任编辑:张三", "正文。"),
        ("正文,完。(新华社记者 张三 摄)", "正文,完。"),
        ("山西老字号企业亮相\n正文。", "山西老字号企业亮相\n正文。"),
        ("编辑部门的工作很重要。", "编辑部门的工作很重要。"),
        # bylines, with the dateline that opens the line
        ("大同新闻网讯（记者 张文博）产业链是骨架。", "产业链是骨架。"),
        ("新华社太原3月5日电（记者 王明 通讯员 李四）园区加快发展。", "园区加快发展。"),
        ("持续汇聚发展动力。(记者曹婷婷)", "持续汇聚发展动力。"),
        ("记者（左一）在现场采访。", "记者（左一）在现场采访。"),
    ],
)
def test_page_tools_and_credits(text: str, expected: str) -> None:
    assert normalize_whitespace(remove_furniture(text)) == expected


def test_related_links_and_images_dropped() -> None:
    text = "正文第一句。\n![]()\n【延伸阅读】\n某开发区新闻标题\n另一条标题\n下一段正文。"
    assert normalize_whitespace(remove_furniture(text)) == "正文第一句。\n下一段正文。"


# --- whitespace, broken lines, repeats ------------------------------------------------------------


def test_whitespace_seed_000() -> None:
    head = "\n".join(raw_seed("000").split("\n")[4:9])
    cleaned = normalize_whitespace(remove_pinyin(head))
    assert cleaned.split("\n")[0] == "來源:太原日報 作者:司勇 2024年09月05日 07:09"
    assert cleaned.split("\n")[1].startswith("推動新質生產力")
    assert len(cleaned.split("\n")) == 3


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("开发区<br/>建设&nbsp;项目", "开发区建设项目"),
        ('<p class="txt">园区</p>', "园区"),
        ("增速<5%,>3%", "增速<5%,>3%"),
    ],
)
def test_markup_removed(raw: str, expected: str) -> None:
    assert remove_markup(raw) == expected


def test_invisible_characters_removed() -> None:
    assert remove_invisible("开发区\u200b,\r\n") == "开发区,\n"


def test_broken_paragraph_joined_seed_002() -> None:
    text = normalize_whitespace(raw_seed("002"))
    joined = join_broken_lines(text)
    assert "联合成立机电业智能配套产业联盟,形成了" in joined
    assert "紧紧抓住产业转移的大好时机" in joined
    assert "更多合作可能性,聚焦利用飞利浦集团" in joined
    assert "开发区建设\n专刊\n" in joined  # short title lines stay apart
    assert "卢世雄说。 袁兆辉\n山西:加快打造" in joined  # a byline is not a broken sentence


def test_repeated_answers_kept_once_seed_003(seed_docs: dict[str, Document]) -> None:
    text = seed_docs["003_cbcd8a66ef8bfaa2"].text
    for line in text.split("\n"):
        assert text.count(line) == 1, line
    assert text.count("太原确立了“一年见效、三年成形、五年成势、十年成城”的目标。") == 1
    assert text.count("太原有何谋划?") == 1


def test_repeated_sentence_inside_paragraph() -> None:
    first = "太原将一张蓝图绘到底,坚持把创新作为第一动力。"
    second = "太原是国家重要的工业基地。"
    assert drop_repeats(first + second + first) == first + second


def test_repeat_differing_in_width_and_spacing() -> None:
    first = "太原是国家重要的工业基地,工业是太原经济发展的重要支撑。"
    assert (
        drop_repeats(first + "\n太原是国家重要的工业基地， 工业是太原经济发展的重要支撑。") == first
    )


def test_short_heading_repeated_far_apart_kept() -> None:
    body = "太原是国家重要的工业基地,工业是太原经济发展的重要支撑。"
    assert drop_repeats(f"精彩观点\n{body}\n精彩观点\n") == f"精彩观点\n{body}\n精彩观点\n"
    assert drop_repeats("精彩观点\n精彩观点\n" + body) == "精彩观点\n" + body


# --- whole seeds --------------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_cleaned(seed_docs: dict[str, Document], doc_id: str) -> None:
    text = seed_docs[doc_id].text
    assert not PINYIN_LEFT.search(text)
    assert "&&" not in text
    assert not DOUBLED.search(text)
    assert to_simplified(text) == text
    assert "\n\n" not in text and text == text.strip()
    assert all(line == line.strip() for line in text.split("\n"))
    assert "http" not in text and "摄\n" not in text and not re.search(r"^\d+$", text, re.M)
    sentences = [text[s:e] for s, e in segment_sentences(text)]
    long = [s for s in sentences if len(s) >= 10]
    assert len(long) == len(set(long)), "a sentence is repeated"


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_idempotent(seed_docs: dict[str, Document], doc_id: str) -> None:
    text = seed_docs[doc_id].text
    assert clean_text(text) == text
    assert clean_text(raw_seed(doc_id[:3])) == text


# --- sentences, stories, metadata ---------------------------------------------------------------


def test_sentences_keep_closing_quote_seed_001(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["001_79a27860d0400a6e"]
    pos = doc.text.index("太忻一体化建设为太原向北破题")
    assert doc.sentence_at(pos).endswith("千载难逢的机遇。”")
    assert doc.sentence_at(pos).startswith("“太忻一体化建设")


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_sentences_cover_text(seed_docs: dict[str, Document], doc_id: str) -> None:
    doc = seed_docs[doc_id]
    covered = [False] * len(doc.text)
    for s, e in doc.sentences:
        assert "\n" not in doc.text[s:e] and doc.text[s:e] == doc.text[s:e].strip()
        assert not any(covered[s:e]), "sentences overlap"
        covered[s:e] = [True] * (e - s)
    assert all(c or doc.text[i].isspace() for i, c in enumerate(covered))


def test_question_is_its_own_sentence_seed_003(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["003_cbcd8a66ef8bfaa2"]
    pos = doc.text.index("太原区有何进展")
    assert doc.sentence_at(pos) == "太忻一体化经济区加紧建设中,太原区有何进展?"


def test_stories_mapped_to_cleaned_offsets() -> None:
    raw = raw_seed("002")
    cut = raw.index("农业农村部调研组 在晋中")
    doc = clean_document(
        RawDocument(
            "002",
            Path("002.txt"),
            raw,
            "utf-8",
            stories=(Story(1, 0, cut), Story(2, cut, len(raw), "農業農村部調研組")),
        )
    )
    one, two = doc.stories
    assert doc.text[two.start :].startswith("农业农村部调研组 在晋中国家农高区调研\n")
    assert doc.text[one.start : one.end].endswith("李若男")
    assert two.title == "农业农村部调研组"
    assert doc.story_at(doc.text.index("阳邑小镇")) == 2
    assert doc.story_at(doc.text.index("太谷经济技术开发区内")) == 1


def test_seed_stories_start_at_their_titles(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["002_90b2ec0d50a39f48"]
    assert [s.number for s in doc.stories] == [1, 2, 3, 4]
    for story in doc.stories[1:]:
        assert doc.text[story.start : story.end].replace("\n", " ").startswith(story.title)
    assert doc.story_at(doc.text.index("年产1GWh21700")) == 3


def test_metadata_simplified() -> None:
    raw = raw_seed("004")
    doc = clean_document(
        RawDocument(
            "004",
            Path("004.txt"),
            raw,
            "utf-8",
            title=raw_line("004", "出臺系列措施"),
            date="2022-05-19",
            source="太原日報",
            author="任曉明",
        )
    )
    assert (doc.title, doc.date, doc.source, doc.author) == (
        "太忻一体化经济区建设出台系列措施",
        "2022-05-19",
        "太原日报",
        "任晓明",
    )
    assert clean_field(None) is None and clean_field("  ") is None


# --- offsets back to the raw text ---------------------------------------------------------------


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def check_offsets(doc: Document) -> None:
    offsets = doc.raw_offsets
    assert len(offsets) == len(doc.text) + 1
    assert offsets[-1] == len(doc.raw)
    assert all(a < b for a, b in zip(offsets, offsets[1:], strict=False))
    for i, char in enumerate(doc.text):
        source = doc.raw[offsets[i]]
        assert source == char or to_simplified(source) == char, (i, char, source)


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_offsets(seed_docs: dict[str, Document], doc_id: str) -> None:
    doc = seed_docs[doc_id]
    check_offsets(doc)
    for s, e in doc.sentences:  # every sentence comes from its raw span, noise removed
        assert is_subsequence(doc.text[s:e], to_simplified(doc.raw_at(s, e)))


def test_raw_span_excludes_trailing_pinyin(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["004_1da46b55b94cd9e7"]
    pos = doc.text.index("太忻一体化经济区建设出台系列措施")
    assert doc.raw_at(pos, pos + 8) == "太忻一體化經(jīng)濟區"
    assert doc.raw_at(pos, pos + 6) == "太忻一體化經"


def test_length_changing_conversion_keeps_offsets_monotonic() -> None:
    text = "甲乙,丙丁戊\n己"
    out, offsets = _convert(text, list(range(len(text) + 1)), lambda s: s.replace("丙", "丙丙"))
    assert out == "甲乙,丙丙丁戊\n己"
    assert offsets is not None and len(offsets) == len(out) + 1
    assert offsets == sorted(offsets) and offsets[-1] == len(text)
    # only the run of ideographs that grew is approximate; everything else maps exactly
    assert [text[offsets[i]] for i in (0, 1, 2, 7, 8)] == list("甲乙,\n己")
    assert all(text[offsets[i]] in "丙丁戊" for i in range(3, 7))


# --- properties -----------------------------------------------------------------------------------

PIECES = [
    "開", "發", "區", "产", "业", "園", "經", "濟", "太", "原", "的", "在",
    "(dāng)", "(fā)", "(qū)", "(chǎn yè)", "(lǜ)", "(太原區)", "(2024)", "(ABC)",
    ",", ",,", "、", "。", ";", "?", "!", "……", "“", "”", ":", "&&", "&",
    "0", "1", "2", "1,000", "2024年", " ", "  ", "\u3000", "\n", "\n\n",
    ">", "摄", "攝", "https://a.cn/x?y=1", "(责编:张凯)", "<br/>", "&nbsp;",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_clean_text_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(texts)
def test_offsets_property(raw: str) -> None:
    doc = clean_document(RawDocument("x", Path("x.txt"), raw, "utf-8"))
    assert doc.text == clean_text(raw)
    check_offsets(doc)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 200), st.integers(0, 200))
def test_raw_span_property(raw: str, a: int, b: int) -> None:
    doc = clean_document(RawDocument("x", Path("x.txt"), raw, "utf-8"))
    start, end = sorted((min(a, len(doc.text)), min(b, len(doc.text))))
    raw_start, raw_end = doc.raw_span(start, end)
    assert 0 <= raw_start <= raw_end <= len(raw)
    assert is_subsequence(doc.text[start:end], to_simplified(raw[raw_start:raw_end]))


def test_a_run_of_tabs_is_a_tables_empty_cells_and_stays() -> None:
    text = "  项目名称\t\t总投资(亿元)   备注 \nA项目\t\t5.0\t\n"
    assert normalize_whitespace(text) == "项目名称\t\t总投资(亿元) 备注\nA项目\t\t5.0"


def test_a_sentence_starts_after_its_bullet() -> None:
    text = "简讯\n▲ 龙门产业园二期竣工。 ■沙河项目开工。"
    assert [text[s:e] for s, e in segment_sentences(text)] == [
        "简讯",
        "龙门产业园二期竣工。",
        "沙河项目开工。",
    ]
