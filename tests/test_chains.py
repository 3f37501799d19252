"""Industry chains on the real seed articles: staged chains with their names and exact stages,
listed chains with the count and category the text states, offsets that point back into the
cleaned text, and a few language rules checked on sentences written here."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devzones import chains
from devzones.clean import Document, clean_document
from devzones.corpus import RawDocument

SEED_004 = "004_1da46b55b94cd9e7"
SEED_000 = "000_3a9b9530b1b2ec72"
SEED_002 = "002_90b2ec0d50a39f48"


def doc_of(text: str) -> Document:
    return clean_document(RawDocument("t", Path("t.txt"), text, "utf-8"))


@pytest.fixture(scope="module")
def tables(seed_docs) -> dict[str, pd.DataFrame]:
    return {doc_id: chains.extract(doc) for doc_id, doc in seed_docs.items()}


def staged(df: pd.DataFrame) -> list[tuple[str, list[str]]]:
    rows = df[df["kind"] == "staged"]
    return [(r.name, r.stages.split("|")) for r in rows.itertuples()]


def listed(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["kind"] == "listed"]


def test_contract_columns_come_first(tables):
    contract = ["doc_id", "story", "name", "stages", "category", "start", "end"]
    for df in tables.values():
        assert list(df.columns[: len(contract)]) == contract


def test_seed_004_staged_chains_with_names_and_exact_stages(tables):
    assert staged(tables[SEED_004]) == [
        ("特钢", ["冶炼", "不锈钢", "冷轧板材", "深加工制品"]),
        ("合成生物", ["玉米加工", "戊二安", "生物基聚酰胺", "工业丝、民用丝"]),
        ("合成生物", ["烷烃", "长链二元酸", "长链聚酰胺", "特种尼龙", "纺织纤维", "服装"]),
        ("光电半导体", ["蓝宝石晶体", "蓝宝石晶棒", "蓝宝石平片", "图形化蓝宝石衬底片"]),
        ("光电半导体", ["氧化铝母液提取高纯镓", "砷化镓", "砷化镓晶体晶棒晶片", "微波芯片外延"]),
        (
            "高端碳纤维",
            [
                "丙烯腈",
                "聚丙烯腈原丝",
                "高性能碳纤维",
                "预浸料或预制件",
                "复合材料零部件",
                "终端产品",
            ],
        ),
    ]


def test_seed_004_place_corridor_is_not_a_chain(tables, seed_docs):
    assert "阳曲—定襄—原平" in seed_docs[SEED_004].text
    assert not tables[SEED_004]["stages"].str.contains("定襄").any()


def test_seed_004_staged_chain_context(tables):
    steel = tables[SEED_004].query("kind == 'staged' and name == '特钢'").iloc[0]
    assert steel["carriers"].split("|") == ["中北高新技术开发区", "阳曲产业园区"]
    assert steel["scale"] == "千亿级"
    assert steel["fields"].split("|") == ["新能源汽车", "航空航天", "风电", "医疗器械"]
    assert steel["count_found"] == 4
    fibre = tables[SEED_004].query("kind == 'staged' and name == '高端碳纤维'").iloc[0]
    assert fibre["carriers"] == "阳曲产业园区"
    assert "汽车轻量化" in fibre["fields"].split("|")


def test_seed_004_listed_groups_keep_stated_count_and_category(tables):
    df = listed(tables[SEED_004])
    demo = df[df["category"] == "示范"]
    assert demo["name"].tolist() == ["先进金属", "半导体"]
    assert set(demo["count_stated"]) == {6} and set(demo["count_found"]) == {2}
    materials = df[df["count_stated"] == 4]
    assert materials["name"].tolist() == ["不锈钢", "光电半导体", "合成生物", "高性能纤维"]
    assert set(materials["category"]) == {"新材料特色"}
    assert set(materials["count_found"]) == {4}


def test_seed_000_two_lists_with_counts_and_categories(tables):
    df = listed(tables[SEED_000])
    strong = df[df["category"] == "优势特色"]
    assert strong["name"].tolist() == [
        "特殊钢",
        "铝镁合金",
        "合成生物",
        "碳基新材料",
        "轨道交通装备",
        "工程起重机",
        "煤机装备",
        "法兰锻造",
    ]
    assert set(strong["count_stated"]) == {8} and set(strong["count_found"]) == {8}
    new = df[df["category"] == "新兴"]
    assert new["name"].tolist() == [
        "大数据",
        "半导体",
        "锂离子电池",
        "太阳能电池",
        "可降解塑料",
        "节能环保",
    ]
    assert set(new["count_stated"]) == {6} and set(new["count_found"]) == {6}
    assert len(df) == 14


def test_seed_002_names_single_and_listed_chains_but_not_generic_ones(tables):
    df = listed(tables[SEED_002])
    assert sorted(df["name"]) == sorted(
        ["新能源汽车", "LED", "触摸屏", "新材料", "机器人", "智能家居"]
    )
    short = df[df["count_stated"] == 5]
    assert short["name"].tolist() == ["LED", "触摸屏", "新材料", "机器人", "智能家居"]
    # 创新链、产业链…, 全球产业链和价值链, 重点产业链, 新质生产力产业链 name no industry
    assert not df["name"].str.contains("创新|全球|重点|新质|山西").any()


@pytest.mark.parametrize("doc_id", ["001_79a27860d0400a6e", "003_cbcd8a66ef8bfaa2"])
def test_seeds_that_only_talk_about_chains_in_general_give_no_rows(tables, doc_id):
    assert tables[doc_id].empty


def test_every_row_points_back_into_the_cleaned_text(tables, seed_docs):
    for doc_id, df in tables.items():
        text = seed_docs[doc_id].text
        for r in df.itertuples():
            assert text[r.sentence_start : r.sentence_end] == r.evidence
            assert r.sentence_start <= r.start < r.end <= r.sentence_end
            span = text[r.start : r.end]
            if r.kind == "listed":
                assert span == r.name
            else:
                first, *_, last = r.stages.split("|")
                assert span.startswith(first) and span.endswith(last)
            assert r.doc_id == doc_id and r.story >= 1


def test_extraction_is_deterministic(seed_docs):
    for doc in seed_docs.values():
        a, b = chains.extract(doc), chains.extract(doc)
        assert a.to_csv(index=False) == b.to_csv(index=False)


# --- language rules on sentences written for these tests -------------------------------------


def test_numeric_ranges_phone_numbers_and_sentence_dashes_are_not_chains():
    text = (
        "项目2021-2025年分三期建设,工期3—5年,电话0351-7654321。——访谈纪要。太原—这座老城—正在变。"
    )
    assert chains.extract(doc_of(text)).empty


def test_project_steps_methods_and_place_routes_are_not_chains():
    text = (
        "推行“签约—开工—投产”全流程服务,采用“设计—采购—施工”总承包模式。"
        "京津冀—太忻—雄安协同,大同—朔州—忻州一线布局风电,甲经开区—乙经开区—丙经开区形成产业带。"
    )
    assert chains.extract(doc_of(text)).empty


def test_chain_named_just_after_its_quote():
    df = chains.extract(doc_of("打造“晶硅—电池片—组件—电站”光伏全产业链。"))
    assert staged(df) == [("光伏", ["晶硅", "电池片", "组件", "电站"])]


def test_bare_chain_is_trimmed_of_verb_and_chain_word():
    df = chains.extract(doc_of("园区构建了铝土矿-氧化铝-电解铝-铝型材的产业链条。"))
    assert df["stages"].tolist() == ["铝土矿|氧化铝|电解铝|铝型材"]


def test_arrow_chain_named_by_its_sentence_head():
    df = chains.extract(doc_of("在氢能产业方面,形成“制氢→储氢→运氢→加氢”的链条。"))
    assert staged(df) == [("氢能", ["制氢", "储氢", "运氢", "加氢"])]


def test_two_stage_chain_only_when_quoted_and_called_a_chain():
    df = chains.extract(
        doc_of("打造“风光—储能”产业链,推动“太原—忻州”产业协同,形成 原煤 → 焦炭 → 甲醇 的链条。")
    )
    assert df.loc[df["kind"] == "staged", "stages"].tolist() == ["风光|储能", "原煤|焦炭|甲醇"]


def test_words_after_a_count_name_the_chain_when_no_list_precedes_it():
    df = chains.extract(doc_of("打造2条钢铁产业链,打造四大特色产业链条,形成一条完整产业链。"))
    assert df[["name", "count_stated", "count_found"]].values.tolist() == [["钢铁", 2, 1]]


def test_words_after_deng_qualify_the_list():
    df = chains.extract(doc_of("重点培育煤层气、氢能、光伏等新能源产业链条。打造等离子体产业链。"))
    assert df[["name", "category"]].values.tolist() == [
        ["煤层气", "新能源"],
        ["氢能", "新能源"],
        ["光伏", "新能源"],
        ["等离子体", ""],
    ]


def test_notes_in_brackets_and_enumerators_are_not_part_of_names():
    text = "延伸出特殊钢(不锈钢)、铝镁合金等2条产业链。(一)特钢材料产业链。"
    assert chains.extract(doc_of(text))["name"].tolist() == ["特殊钢", "铝镁合金", "特钢材料"]


def test_chinese_count_and_category_words():
    df = chains.extract(doc_of("打造煤机装备、新能源汽车、节能环保等十大重点产业链。"))
    assert df["name"].tolist() == ["煤机装备", "新能源汽车", "节能环保"]
    assert set(df["count_stated"]) == {10} and set(df["category"]) == {"重点"}


def test_policy_codes_and_generic_chain_talk_give_no_names():
    text = (
        "打造“8+6”产业链条,强龙头、延链条,推动产业链、创新链深度融合,"
        "融入全球产业链,实施产业链提升工程。"
    )
    assert chains.extract(doc_of(text)).empty


def test_list_before_a_policy_code_is_read_but_a_noun_joined_by_he_is_not():
    df = chains.extract(doc_of("重点打造晶硅光伏、锂电池、氢能等“3+N”产业链。"))
    assert df["name"].tolist() == ["晶硅光伏", "锂电池", "氢能"]
    assert chains.extract(doc_of("聚焦新能源、新材料等五大产业方向和“4+2”产业链条。")).empty


def test_a_list_that_qualifies_a_chain_does_not_name_it():
    text = "构建了涵盖研发设计、生产制造、销售服务的完整产业链。坚持产业链招商,拥有完整镁产业链。"
    assert chains.extract(doc_of(text))["name"].tolist() == ["镁"]


def test_a_chain_named_as_subject_ends_before_the_chain_word():
    text = "其中,氢能链条沿“制氢—储氢—加氢”延伸,光伏产业链则向“硅料—硅片—电池”拓展。"
    assert staged(chains.extract(doc_of(text))) == [
        ("氢能", ["制氢", "储氢", "加氢"]),
        ("光伏", ["硅料", "硅片", "电池"]),
    ]


def test_chain_projects_name_no_chain_but_chain_firms_keep_their_industry():
    text = (
        "园区今年新增产业链项目12个,东区经济开发区等园区的产业链项目进展顺利,开展产业链招商,"
        "今年新开工产业链企业9家,西区高新区已储备产业链企业6家,引进光伏产业链上下游企业8家,"
        "发布新能源产业链图谱。"
    )
    assert chains.extract(doc_of(text))["name"].tolist() == ["光伏", "新能源"]


def test_names_made_only_of_qualifiers_are_not_chains():
    text = "打造完整的循环产业链,培育一批特色细分产业链,形成若干优势产业链,壮大高端装备产业链。"
    assert chains.extract(doc_of(text))["name"].tolist() == ["高端装备"]


def test_a_quoted_word_with_a_plus_names_a_chain_but_a_number_code_does_not():
    df = chains.extract(doc_of("加快做强“文旅+”产业链,推动“3+N”产业链、“1+X”产业链条。"))
    assert df[["name", "start"]].values.tolist() == [["文旅+", 5]]


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("千亿级煤化工", "煤化工"),
        ("铝", "铝"),
        ("太原新材料", "新材料"),
        ("晋城市光机电", "光机电"),
        ("综改区新材料", "新材料"),
        ("市级", ""),
        ("延", ""),
        ("全球", ""),
        ("已储备", ""),
        ("签约", ""),
        ("经济技术开发区", ""),
        ("一批特色细分", ""),
        ("循环经济", "循环经济"),
        ("氢能链条沿", ""),
        ("市医药健康", "医药健康"),  # the city's chain
        ("省级新材料", "新材料"),
    ],
)
def test_chain_name_rules(raw, name):
    assert chains.chain_name(raw) == name


# --- robustness: any text of chain-ish pieces gives rows that point back into it --------------

PIECES = ["产业链", "链条", "全", "、", "等", "8条", "四大", "的", "打造", "铝", "新材料", "重点"]
PIECES += ["“", "”", "—", "-", "——", "→", ",", "。", "\n", "太原", "2025", "依托", "园区", "领域"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_any_text_gives_rows_that_point_back_into_it(pieces):
    doc = doc_of("".join(pieces))
    df = chains.extract(doc)
    for r in df.itertuples():
        assert 0 <= r.sentence_start <= r.start < r.end <= r.sentence_end <= len(doc.text)
        if r.kind == "listed":
            assert doc.text[r.start : r.end] == r.name
        else:
            assert len(r.stages.split("|")) >= 2


def test_project_word_after_a_bare_chain_is_not_a_stage() -> None:
    """引进A—B—C项目: 项目 names the investment, the last stage is C."""
    df = chains.extract(doc_of("开发区今年引进硅料—硅片—电池片—光伏组件项目,带动上下游配套。\n"))
    assert [stages for _, stages in staged(df)] == [["硅料", "硅片", "电池片", "光伏组件"]]


def test_growth_category_is_not_a_chain_name() -> None:
    """X、Y为成长型产业链: 成长型 is the group the text puts them in, not a chain."""
    df = chains.extract(doc_of("园区确定储能、氢能为成长型产业链,重点培育。\n"))
    assert "成长型" not in set(df["name"])
    assert "成长" not in set(df["name"])


def test_a_counted_list_before_a_whole_chain_names_each_chain() -> None:
    text = "示范区着力打造小米、肉牛、食用菌等4条特色全产业链。"
    df = chains.extract(doc_of(text))
    assert df["name"].tolist() == ["小米", "肉牛", "食用菌"]
    assert set(df["count_stated"]) == {4}


def test_a_single_whole_chain_names_none() -> None:
    assert chains.extract(doc_of("园区延伸煤化工全产业链,打造钢铁、铝镁全产业链。")).empty


def test_a_based_on_modifier_takes_the_groups_head_noun() -> None:
    df = chains.extract(doc_of("园区着力打造碳基、硅基两条新材料全产业链。"))
    assert df["name"].tolist() == ["碳基新材料", "硅基新材料"]
    df = chains.extract(doc_of("打造碳基、硅基等重点产业链。"))
    assert df["name"].tolist() == ["碳基", "硅基"]


def test_a_verb_before_the_quote_or_the_list_is_not_part_of_the_name():
    df = chains.extract(
        doc_of(
            "园区围绕“谷子种植—小米加工—电商销售”打造小米全产业链。"
            "全市构建起铸造、煤机、氢能3条重点产业链,高新区牵头承担铸造、氢能2条产业链。"
        )
    )
    assert staged(df) == [("小米", ["谷子种植", "小米加工", "电商销售"])]
    assert sorted(set(df["name"])) == ["小米", "氢能", "煤机", "铸造"]


def test_function_words_and_a_zone_before_a_single_chain_are_not_part_of_its_name():
    df = chains.extract(
        doc_of(
            "其中铸造产业链产值增长一成。为支持产业链发展,设立专项资金。"
            "每条产业链编制一张图谱。该区铝产业链延链项目开工,甲城经开区镁产业链新落地项目5个。"
        )
    )
    assert sorted(set(df["name"])) == ["铝", "铸造", "镁"]


def names_in(text: str) -> list[str]:
    return list(chains.extract(doc_of(text))["name"])


def test_a_count_that_matches_the_list_keeps_every_item() -> None:
    # …中心 usually names a facility, but 四条 says every item of the list is a chain
    text = "大同经开区将围绕氢能、新能源装备、锂电新材料、数据中心四条产业链延链补链。"
    assert names_in(text) == ["氢能", "新能源装备", "锂电新材料", "数据中心"]
    # without a count, …中心 next to the chain word says the list is not of chains
    assert names_in("大同经开区将围绕氢能、数据中心等产业链延链补链。") == []


def test_a_count_that_matches_the_list_keeps_a_joined_last_item_whole() -> None:
    text = "综改区聚焦信创、半导体、节能环保、现代医药和大健康四大重点产业链。"
    assert names_in(text) == ["信创", "半导体", "节能环保", "现代医药和大健康"]
    text = "综改区聚焦信创、半导体、节能环保、现代医药和大健康五大重点产业链。"
    assert names_in(text) == ["信创", "半导体", "节能环保", "现代医药", "大健康"]


@pytest.mark.parametrize(
    "text",
    [
        "完善“招聘—培训—就业—服务”全链条就业服务体系。",
        "完善“众创空间—孵化器—加速器—产业园”全链条科技企业孵化体系。",
    ],
)
def test_a_ladder_before_a_chain_word_that_qualifies_a_service_is_no_chain(text) -> None:
    assert chains.extract(doc_of(text)).empty


def test_doubled_dashes_join_stages_inside_a_quote_without_a_single_dash() -> None:
    text = "围绕“风机整机——叶片——塔筒——轴承——运维服务”构建风电装备产业链。"
    staged = chains.extract(doc_of(text)).query("kind == 'staged'")
    assert list(staged["stages"]) == ["风机整机|叶片|塔筒|轴承|运维服务"]
    # a sentence dash inside a quote is not a chain, nor is one outside a quote
    for text in ("他说“发展——这是根本”。", "围绕风机整机——叶片——塔筒构建产业链。"):
        assert chains.extract(doc_of(text)).query("kind == 'staged'").empty


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("第一条是焦炉煤气综合利用链：焦炉煤气—甲醇—烯烃—聚丙烯。", "焦炉煤气综合利用"),
        ("铝镁链：铝土矿—氧化铝—电解铝—铝合金。", "铝镁"),
        ("在焦化延链方面，开发区构建了“原煤—洗精煤—焦炭”链条。", ""),  # 延链 is a verb
    ],
)
def test_a_chain_named_with_lian_before_its_stages(text, name) -> None:
    staged = chains.extract(doc_of(text)).query("kind == 'staged'")
    assert list(staged["name"]) == [name]


def test_a_ladder_before_a_chain_word_of_an_industry_stays() -> None:
    df = chains.extract(doc_of("构建“煤—焦—化—氢”全链条产业体系。"))
    assert list(df["stages"]) == ["煤|焦|化|氢"]


def test_a_count_after_the_chain_word_then_its_list() -> None:
    text = (
        "全市梳理出重点产业链,其中工业产业链3条,包括铝镁精深加工、新能源汽车、光伏;"
        "服务业产业链2条,包括现代物流、文化旅游。"
    )
    assert names_in(text) == ["铝镁精深加工", "新能源汽车", "光伏", "现代物流", "文化旅游"]


def test_a_count_of_chains_then_its_list_without_a_chain_word() -> None:
    text = "全市围绕14条重点产业链开展链长制，开发区承担其中3条，分别是：液压、功能食品和玻璃器皿。"
    assert names_in(text)[-3:] == ["液压", "功能食品", "玻璃器皿"]
    assert "共有" not in names_in("全市共有重点产业链14条，分别是：甲、乙。")


@pytest.mark.parametrize(
    "text",
    [
        "全省开发区聚焦三大重点产业链，包括特钢材料、新能源汽车、高端装备制造。",
        "全省开发区聚焦3大重点产业链，即特钢材料、新能源汽车和高端装备制造，累计绘制图谱326张。",
    ],
)
def test_a_counted_chain_word_then_a_comma_and_its_list(text) -> None:
    assert names_in(text) == ["特钢材料", "新能源汽车", "高端装备制造"]


def test_which_chain_is_no_name() -> None:
    text = "运城市重点打造的另一条链条——“电解铝—铝合金扁锭—高端铝板带—航空用铝材”也在延伸。"
    staged = chains.extract(doc_of(text)).query("kind == 'staged'")
    assert list(staged["name"]) == [""]


def test_two_names_joined_by_he_are_two_chains() -> None:
    assert names_in("吕梁市著力打造铝镁精深加工和煤焦化工两条全产业链。") == [
        "铝镁精深加工",
        "煤焦化工",
    ]
    assert names_in("晋城打造新型储能和氢能产业链。") == ["新型储能", "氢能"]
    # an aim joined to the chain is not a chain, nor is a name another chain word ends
    assert names_in("明确光伏产业定位和氢能产业链。") == ["氢能"]
    assert names_in("推动创新链和产业链深度融合。") == []
    # the pair must stand right before the count: here a verb does
    assert names_in("市领导和专家分别担任2条产业链链长。") == []


def test_a_long_list_is_read_from_its_first_item() -> None:
    items = ["特钢材料", "新能源汽车", "光伏", "风电装备", "氢能", "铝镁精深加工", "半导体"]
    items += ["碳基新材料", "生物基新材料", "信创", "大数据融合创新", "光电", "智能网联汽车"]
    items += ["煤机智能制造", "节能环保", "现代医药"]
    text = f"三是实施产业链链长制，聚焦{'、'.join(items)}等16条重点产业链，提升现代化水平。"
    assert names_in(text) == items


def test_a_list_opens_after_the_verb_inside_it() -> None:
    text = "临汾经济开发区、侯马经济开发区围绕现代医药、装备制造等产业链延链补链。"
    assert names_in(text) == ["现代医药", "装备制造"]


def test_one_phrase_before_a_count_of_many_chains_names_none() -> None:
    assert names_in("长治市推行产业链链长制 市领导分别担任14条重点产业链链长") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("对接会期间还将举办杂粮、肉牛、中药材三个产业链专场活动。", ["杂粮", "肉牛", "中药材"]),
        (
            "其中信创产业链企业56家、半导体产业链企业31家、新能源汽车产业链企业48家。",
            ["信创", "半导体", "新能源汽车"],
        ),
        ("二是产业链“链主”企业数量偏少、部分产业链上下游配套不足。", []),
        ("一张“图谱”串起千亿链条——长治市重点产业链发展观察", []),  # a scale, not a name
        ("已形成以富士康等龙头企业为引领的光机电产业链。", ["光机电"]),  # a list of firms
        ("我本人担任铝产业链的链长，力争全年铝产业链精深加工比例提高到40%。", ["铝", "铝"]),
        ("晋中发布2025版重点产业链招商图谱，现在是拿着图谱找链条。", []),
        ("从一家企业到一条链条。", []),
        ("招商局负责人拿出一张光伏产业链图谱。", ["光伏"]),
        ("企业问哪条产业链缺什么。", []),
        ("当地产业链条将更加完整。", []),
        ("本地丝绸产业链从卖蚕茧延伸到卖服饰。", ["丝绸"]),
        ("重点推介陶瓷、乳业等产业链的投资机会。", ["陶瓷", "乳业"]),
        ("现在开发区先画产业链图谱，再按图找企业。", []),
        ("园区招商盯着产业链上的缺口。", []),
        ("建立了市级领导包联重点产业链制度。", []),
        ("长治市公布首批重点产业链链主企业名单。", []),
        ("从煤焦油到针状焦……一条条链条清晰展示着转型路径。", []),
        ("“有区无产业”“有产业无链条”的情况不同程度存在。", []),
        ("开发区重点发展无人机产业链和无机材料产业链。", ["无人机", "无机材料"]),
        ("甲示范区（甲农高区）功能食品产业链上下游企业达到94家。", ["功能食品"]),
        ("孝义经开区主攻铝镁精深加工产业链。", ["铝镁精深加工"]),
        ("构建起三条精细化工主链条。光机电产业链是经开区的“当家”链条。", ["精细化工", "光机电"]),
        ("与周边开发区共建产业链上下游。", []),
        ("介休经开区：焦化老产业长出新链条", []),
        ("交城经开区：一个项目带来一条链", []),
        ("其中不锈钢、高端装备、氢能等3条链由市级领导担任链长。", ["不锈钢", "高端装备", "氢能"]),
        (
            "编制一张产业链图谱、建立一个配套企业库、搭建一个协同创新平台、组织一次产业链对接活动。",
            [],
        ),
        ("链长要研究解决产业链发展中的重大问题。", []),
        ("确定新能源、羊产业、固废综合利用等产业链。", ["新能源", "羊", "固废综合利用"]),
        ("基本实现了“不出园区配齐产业链”。", []),
        ("各链长每季度召开一次产业链推进会。", []),
        ("对上述产业链关键环节项目给予贴息，推动整条产业链和更多产业链升级。", []),
        ("构建信创、光伏等9条制造业产业链，为制造业产业链提供服务。", ["信创", "光伏"]),
    ],
)
def test_verbs_counts_and_quantifiers_are_not_chain_names(text, names) -> None:
    assert names_in(text) == names


def test_a_counted_team_is_not_a_chain() -> None:
    assert names_in("高新区还组建了4支产业链专业招商小分队，由链主企业推荐配套企业。") == []


def test_a_counted_list_after_a_colon_names_the_chains() -> None:
    text = "确定6条重点产业链：光伏、氢能、半导体光电、不锈钢及精密铸件、数字经济、文旅康养。"
    assert names_in(text) == [
        "光伏",
        "氢能",
        "半导体光电",
        "不锈钢及精密铸件",
        "数字经济",
        "文旅康养",
    ]


def test_a_list_item_with_bracketed_examples_is_one_item() -> None:
    text = "这3条重点产业链是：氢能、特色农产品加工(黄花、杂粮)、现代物流。"
    assert names_in(text) == ["氢能", "特色农产品加工", "现代物流"]


def test_a_counted_list_before_lie_wei_names_the_chains() -> None:
    text = "晋城已将新型储能、氢能、光伏组件列为全市重点培育的三条新兴产业链。"
    assert names_in(text) == ["新型储能", "氢能", "光伏组件"]


def test_a_counted_list_after_baokuo_names_the_chains() -> None:
    text = "长治市4条重点产业链包括钢铁铸造、现代煤化工、光伏和半导体。"
    assert names_in(text) == ["钢铁铸造", "现代煤化工", "光伏", "半导体"]


def test_a_colon_after_a_count_that_the_list_does_not_match_names_nothing() -> None:
    assert names_in("重点打造3条产业链：一是光伏，二是氢能。") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("到2027年光伏产业链产能达到40GW。", ["光伏"]),  # a year opens the clause
        ("市财政每年安排产业链发展专项资金3亿元。", []),
        ("各牵头部门每月调度产业链运行情况。", []),
        ("负责人这样形容铝产业链的价值。", ["铝"]),
        ("吕梁将在现有8条重点产业链基础上培育新兴产业链。", []),
    ],
)
def test_time_words_and_verbs_before_a_chain_word_are_not_names(text, names) -> None:
    assert names_in(text) == names


def test_products_of_chain_projects_are_not_chains() -> None:
    text = "还签约了精密光学镜头、LED驱动电源等产业链配套项目16个。前三季度产业链招商项目占七成。"
    assert names_in(text) == []


def test_a_list_of_industries_before_plain_chain_projects_names_chains() -> None:
    text = "基金首期规模5亿元，重点投向数字经济、新材料、氢能等产业链项目。"
    assert names_in(text) == ["数字经济", "新材料", "氢能"]
    assert names_in("高新区今年新签约储备产业链项目12个。") == []


def test_a_list_before_qualified_chain_projects_names_chains() -> None:
    text = "全市开发区将重点保障新能源、新材料、高端装备、光电等重点产业链项目用地。"
    assert names_in(text) == ["新能源", "新材料", "高端装备", "光电"]


def test_a_count_after_a_quoted_list_counts_its_items() -> None:
    text = "大同经开区提出打造“风电装备、光伏、储能、氢能”四条新能源产业链。"
    assert names_in(text) == ["风电装备", "光伏", "储能", "氢能"]
    assert names_in("提出打造“风电装备、光伏、储能”四条新能源产业链。") == ["新能源"]


def test_a_joint_inside_an_item_does_not_open_the_list() -> None:
    text = "全市聚焦铝镁新材料、电机及装备制造、现代医药等重点产业链开展精准招商。"
    assert names_in(text) == ["铝镁新材料", "电机及装备制造", "现代医药"]


def test_a_staged_chain_takes_the_industry_that_is_its_subject() -> None:
    df = chains.extract(doc_of("钢铁产业沿着“铁矿石—生铁—粗钢—特钢棒线材”方向延伸。"))
    assert staged(df) == [("钢铁", ["铁矿石", "生铁", "粗钢", "特钢棒线材"])]
    df = chains.extract(doc_of("产业园将分三期建成“固废收储—分选加工—建材生产”产业链。"))
    assert staged(df) == [("", ["固废收储", "分选加工", "建材生产"])]  # 建成: a verb


@pytest.mark.parametrize(
    "text",
    [
        "光纤光缆产业链实现“光纤预制棒→光纤→光缆→光通信设备”全流程本地配套。",
        "氢能产业链将沿着“焦炉煤气制氢→氢气提纯→储运→加氢站”的路径延伸。",
        "开发区围绕光伏产业链，已形成“石英砂—光伏玻璃—光伏组件—光伏电站”的配套体系。",
    ],
)
def test_a_sequence_in_a_sentence_about_a_chain_is_a_chain_before_a_method_word(text) -> None:
    assert len(staged(chains.extract(doc_of(text)))) == 1


def test_a_sequence_followed_by_a_method_word_alone_is_not_a_chain() -> None:
    text = "推行“受理—审查—决定—办结”的审批流程。"
    assert staged(chains.extract(doc_of(text))) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("图谱梳理出铝镁新材料产业链招商目标企业68家。", ["铝镁新材料"]),
        ("力争铝镁新材料产业链全年新签约项目20个以上。", ["铝镁新材料"]),
    ],
)
def test_a_verb_with_its_complement_is_not_part_of_a_name(text, names) -> None:
    assert names_in(text) == names


def test_a_count_of_chains_after_the_last_stage_ends_it() -> None:
    text = "围绕“煤矸石—陶瓷原料—建筑陶瓷”和“粉煤灰—氧化铝—铝基新材料”两条链延伸。"
    stages = [s for _, s in staged(chains.extract(doc_of(text)))]
    assert stages == [["煤矸石", "陶瓷原料", "建筑陶瓷"], ["粉煤灰", "氧化铝", "铝基新材料"]]
    bare = "布局粉煤灰—氧化铝—铝基新材料两条链上的项目。"
    assert [s for _, s in staged(chains.extract(doc_of(bare)))] == [
        ["粉煤灰", "氧化铝", "铝基新材料"]
    ]


def test_a_development_path_of_products_is_a_chain() -> None:
    text = "图谱梳理出“焦炉煤气→氢气提纯→储运加注→燃料电池”的发展路径。"
    assert [s for _, s in staged(chains.extract(doc_of(text)))] == [
        ["焦炉煤气", "氢气提纯", "储运加注", "燃料电池"]
    ]


def test_a_list_after_a_colon_with_a_copula_and_a_refined_chemicals_item() -> None:
    text = "确定3条产业链，3条产业链具体为：光伏、精细化工、碳基新材料。"
    assert names_in(text) == ["光伏", "精细化工", "碳基新材料"]
    text = "开发区将围绕氢能、光伏储能、碳基新材料、精细化工4条产业链精准招商。"
    assert names_in(text) == ["氢能", "光伏储能", "碳基新材料", "精细化工"]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            "长治经开区重点发展氢能产业链，从制氢到加氢站再到燃料电池汽车，逐步完善链条。",
            ("氢能", ["制氢", "加氢站", "燃料电池汽车"]),
        ),
        (
            "开发区围绕固废综合利用产业链，构建“粉煤灰到建材再到新型墙体材料”的循环链条。",
            ("固废综合利用", ["粉煤灰", "建材", "新型墙体材料"]),
        ),
    ],
)
def test_a_chain_told_as_a_ladder_is_staged(text, chain) -> None:
    assert staged(chains.extract(doc_of(text))) == [chain]


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        (
            "园区着力打造铝土矿—氧化铝—电解铝—铝合金—铝型材及铝制品的铝工业产业链。",
            ["铝土矿", "氧化铝", "电解铝", "铝合金", "铝型材及铝制品"],
        ),
        (
            "重点推进杂粮产业种质资源—良种繁育—标准化种植—精深加工全链条发展。",
            ["种质资源", "良种繁育", "标准化种植", "精深加工"],
        ),
    ],
)
def test_a_bare_chains_ends_keep_products_and_drop_the_chain_before_it(text, stages) -> None:
    assert [s for _, s in staged(chains.extract(doc_of(text)))] == [stages]


@pytest.mark.parametrize(
    "text",
    [
        "园区产业链从小到大再到强。",  # a manner, not products
        "从研发到中试再到量产，园区提供全流程服务。",  # no chain in the sentence
        "产业链实现由研发到中试再到量产的跨越。",  # not opened by 从 nor quoted
        "研发产业链到中试再到量产",  # at the ends of the text: not a quote either
    ],
)
def test_other_ladders_are_not_chains(text) -> None:
    assert staged(chains.extract(doc_of(text))) == []
