"""Zone mentions and their resolution, on the real seed articles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from devzones import zones
from devzones.clean import Document, clean_document
from devzones.corpus import RawDocument, Story
from devzones.gazetteer import KINDS, LEVELS

REFORM = "000_3a9b9530b1b2ec72"
TAIXIN = "001_79a27860d0400a6e"
ZONES_2024 = "002_90b2ec0d50a39f48"
TAIXIN_PLAN = "004_1da46b55b94cd9e7"


@pytest.fixture(scope="module")
def mentions(seed_docs) -> pd.DataFrame:
    return pd.concat([zones.find_mentions(d) for _, d in sorted(seed_docs.items())])


@pytest.fixture(scope="module")
def resolved(mentions) -> tuple[pd.DataFrame, pd.DataFrame]:
    return zones.resolve(mentions)


def _zone_ids(resolved_mentions: pd.DataFrame, surfaces: set[str]) -> dict[str, set[str]]:
    rows = resolved_mentions[resolved_mentions["surface"].isin(surfaces)]
    return {s: set(g["zone_id"]) for s, g in rows.groupby("surface")}


def _text_doc(text: str, doc_id: str = "t") -> Document:
    """A one-sentence document for checking a rule on a phrase."""
    return Document(
        doc_id=doc_id,
        text=text,
        raw=text,
        script="simplified",
        sentences=((0, len(text)),),
        stories=(Story(1, 0, len(text)),),
        raw_offsets=tuple(range(len(text) + 1)),
    )


def test_reform_zone_aliases_resolve_to_one_zone(resolved):
    _, m = resolved
    forms = {
        "山西转型综合改革示范区",
        "山西转型综改示范区",
        "山西综改示范区",
        "综改示范区",
        "山西综改区",
    }
    ids = _zone_ids(m, forms)
    assert set(ids) == forms
    assert len(set().union(*ids.values())) == 1


def test_zhongbei_forms_resolve_to_one_zone(resolved):
    zone_table, m = resolved
    forms = {"中北高新技术产业开发区", "太原中北高新区", "中北高新区", "中北高新技术开发区"}
    ids = _zone_ids(m, forms)
    assert set(ids) == forms
    (zone_id,) = set().union(*ids.values())
    row = zone_table.set_index("zone_id").loc[zone_id]
    assert row["name"] == "中北高新技术产业开发区"
    assert row["kind"] == "high_tech"


def test_qingxu_forms_resolve_to_one_gazetteer_zone(resolved):
    zone_table, m = resolved
    ids = _zone_ids(m, {"清徐经济开发区", "清徐经开区"})
    (zone_id,) = set().union(*ids.values())
    row = zone_table.set_index("zone_id").loc[zone_id]
    assert row["in_gazetteer"] and row["city"] == "太原"


def test_boundary_stops_at_verbs_and_particles(seed_docs, mentions):
    text = seed_docs[REFORM].text
    phrase = "位于我市的山西转型综改示范区"
    at = text.index(phrase) + phrase.index("山西")
    doc_m = mentions[mentions["doc_id"] == REFORM]
    assert "山西转型综改示范区" in set(doc_m.loc[doc_m["start"] == at, "surface"])
    text = seed_docs[ZONES_2024].text
    at = text.index("在孝义经济开发区") + 1
    doc_m = mentions[mentions["doc_id"] == ZONES_2024]
    assert "孝义经济开发区" in set(doc_m.loc[doc_m["start"] == at, "surface"])


@pytest.mark.parametrize(
    ("doc_id", "phrase"),
    [
        (REFORM, "全省开发区"),
        (REFORM, "各开发区"),
        (REFORM, "6大专业化产业园区"),
        (ZONES_2024, "该开发区"),
        (ZONES_2024, "全省开发区"),
        (ZONES_2024, "晋中农高区建设运营集团"),
        (TAIXIN_PLAN, "5个开发区"),
    ],
)
def test_generic_phrases_and_companies_are_not_mentions(seed_docs, mentions, doc_id, phrase):
    text = seed_docs[doc_id].text
    doc_m = mentions[mentions["doc_id"] == doc_id]
    pos = text.find(phrase)
    assert pos >= 0
    while pos >= 0:
        overlapping = doc_m[(doc_m["start"] < pos + len(phrase)) & (doc_m["end"] > pos)]
        assert overlapping.empty, overlapping["surface"].tolist()
        pos = text.find(phrase, pos + 1)


def test_offsets_slice_the_cleaned_text(seed_docs, mentions):
    assert len(mentions) > 50
    for row in mentions.itertuples():
        doc = seed_docs[row.doc_id]
        assert doc.text[row.start : row.end] == row.surface
        assert row.sentence_start <= row.start < row.end <= row.sentence_end
        # the sentence itself comes with the row, for reading it without the article
        assert row.evidence == doc.sentence_at(row.start).strip()
        assert row.surface in row.evidence


def test_park_inside_a_zone_is_a_child_with_the_full_name(resolved):
    zone_table, m = resolved
    child = m[(m["doc_id"] == REFORM) & (m["surface"] == "阳曲产业园区")]
    assert set(child["parent"]) == {"山西转型综合改革示范区"}
    (zone_id,) = set(m.loc[m["surface"] == "阳曲产业园区", "zone_id"])  # also the bare form
    assert (
        zone_table.set_index("zone_id").loc[zone_id, "name"] == "山西转型综合改革示范区阳曲产业园区"
    )


def test_bare_short_form_takes_the_zone_named_before(resolved):
    _, m = resolved
    doc_m = m[m["doc_id"] == ZONES_2024]
    bare = doc_m[doc_m["surface"] == "农高区"]
    assert len(bare) >= 3
    full = set(doc_m.loc[doc_m["surface"] == "晋中国家农高区", "zone_id"])
    assert set(bare["zone_id"]) == full
    assert set(bare["antecedent"]) == {"晋中国家农高区"}


def test_bare_word_after_a_long_unlisted_name_takes_it():
    # A name with a long head that the gazetteer lacks, then the bare kind word: once an
    # IndexError that lost the whole article.
    text = "运城空港经济开发区今年新签约项目12个。经开区将继续招商。"
    m = zones.find_mentions(_text_doc(text))
    assert list(m["surface"]) == ["运城空港经济开发区", "经开区"]
    assert list(m["antecedent"]) == ["", "运城空港经济开发区"]


def test_declared_short_name_is_an_alias():
    text = "太忻一体化经济区(简称“太忻经济区”)今年开工项目。太忻经济区将打造七大产业集群。"
    m = zones.find_mentions(_text_doc(text))
    assert list(m["surface"]) == ["太忻一体化经济区", "太忻经济区", "太忻经济区"]
    _, resolved_m = zones.resolve(m)
    assert resolved_m["zone_id"].nunique() == 1


def test_a_city_before_its_countys_zone_is_left_out_of_the_name():
    m = zones.find_mentions(_text_doc("大同市阳高经济技术开发区围绕光伏新开工项目1个。"))
    zone_table, _ = zones.resolve(m)
    (row,) = zone_table.to_dict("records")
    assert (row["name"], row["aliases"], row["city"]) == (
        "阳高经济技术开发区",
        "大同市阳高经济技术开发区",
        "大同",
    )


def test_zone_outside_the_gazetteer_gets_city_from_its_county_prefix():
    m = zones.find_mentions(_text_doc("怀仁市金沙滩工业园区新入驻企业12家。"))
    zone_table, _ = zones.resolve(m)
    (row,) = zone_table.to_dict("records")
    assert row["name"] == "怀仁市金沙滩工业园区"
    assert (row["city"], row["level"], row["in_gazetteer"]) == ("朔州", "unknown", False)


def test_zones_table_follows_the_contract(resolved):
    zone_table, m = resolved
    assert list(zone_table.columns[:6]) == zones.ZONE_COLUMNS
    assert zone_table["zone_id"].is_unique
    assert set(zone_table["kind"]) <= set(KINDS)
    assert set(zone_table["level"]) <= set(LEVELS)
    assert set(m["zone_id"]) == set(zone_table["zone_id"])
    taixin = zone_table[zone_table["name"] == "太忻一体化经济区"].iloc[0]
    assert (taixin["kind"], taixin["level"], taixin["city"]) == (
        "integrated_economic_zone",
        "provincial",
        "",
    )


def test_resolution_is_deterministic_and_order_free(mentions, resolved):
    zone_table, m = resolved
    shuffled = mentions.sample(frac=1.0, random_state=7)
    zone_table2, m2 = zones.resolve(shuffled)
    pd.testing.assert_frame_equal(zone_table, zone_table2)
    pd.testing.assert_frame_equal(m, m2)


def test_zone_ids_are_stable_across_corpora(seed_docs, resolved):
    _, m_all = resolved
    zone_table_one, m_one = zones.resolve(zones.find_mentions(seed_docs[TAIXIN]))
    merged = m_one.merge(m_all, on=["doc_id", "start", "end"], suffixes=("_one", "_all"))
    assert len(merged) == len(m_one)
    assert (merged["zone_id_one"] == merged["zone_id_all"]).all()
    assert "信创产业园" in set(zone_table_one["name"])  # a zone outside the gazetteer too


def test_relations_stated_in_the_text(seed_docs):
    doc = seed_docs[REFORM]
    rel = zones.relations(doc, zones.find_mentions(doc))
    triples = set(
        zip(rel["parent_zone_surface"], rel["child_zone_surface"], rel["relation"], strict=True)
    )
    assert ("山西转型综合改革示范区", "阳曲产业园区", "part_of") in triples
    assert ("太忻一体化经济区", "大盂产业新城", "start_area") in triples
    for row in rel.itertuples():
        span = doc.text[row.start : row.end]
        assert row.parent_zone_surface in span and row.child_zone_surface in span


def test_leading_industries_of_a_zone(seed_docs):
    doc = seed_docs[REFORM]
    ind = zones.industries(doc, zones.find_mentions(doc))
    by_zone = ind.groupby("zone_surface")["industry"].apply(list).to_dict()
    assert by_zone["清徐经济开发区"][0] == "新型煤化工"
    assert len(by_zone["太忻一体化经济区"]) == 7
    assert "现代都市农业" in by_zone["太忻一体化经济区"]
    for row in ind.itertuples():
        assert doc.text[row.start : row.end] == row.industry
        assert doc.text[row.zone_start : row.zone_start + len(row.zone_surface)] == row.zone_surface


def test_declared_short_name_without_kind_word_skips_longer_words():
    text = "太忻一体化经济区(以下简称“太忻”)将建设。太忻经济一体化发展促进中心表示,太忻的项目很多。"
    m = zones.find_mentions(_text_doc(text))
    later = m[m["surface"] == "太忻"]
    assert list(later["start"]) == [text.index("“太忻”") + 1, text.rindex("太忻的")]
    assert set(later["antecedent"]) == {"太忻一体化经济区"}


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("在大同智能制造产业园调研。", "大同智能制造产业园"),  # 同 is not a stop inside 大同
        ("和顺经济技术开发区开工。", "和顺经济技术开发区"),  # nor 和 inside 和顺
        ("签约仪式在平遥古陶产业新城举行。", "平遥古陶产业新城"),  # 在 ends the name
        ("长治高新区与某公司签约。", "长治高新区"),  # a company later in the clause
    ],
)
def test_place_names_hold_the_name_together(text, surface):
    assert zones.find_mentions(_text_doc(text))["surface"].tolist() == [surface]


def test_resolve_accepts_an_empty_corpus():
    zone_table, m = zones.resolve(pd.DataFrame(columns=zones.MENTION_COLUMNS))
    assert zone_table.empty and m.empty
    assert list(zone_table.columns[:6]) == zones.ZONE_COLUMNS
    assert "zone_id" in m.columns


def test_industries_stated_after_zhudao_chanye():
    text = "潞城经济技术开发区规划面积27.5平方公里,主导产业为新材料、化工和装备制造。"
    doc = _text_doc(text)
    ind = zones.industries(doc, zones.find_mentions(doc))
    assert ind["industry"].tolist() == ["新材料", "化工", "装备制造"]
    assert set(ind["zone_surface"]) == {"潞城经济技术开发区"}


def test_plain_kaifaqu_joins_the_spelled_out_zone_outside_the_gazetteer():
    m = zones.find_mentions(_text_doc("左云经济技术开发区(左云开发区)今年开工。"))
    zone_table, resolved_m = zones.resolve(m)
    assert resolved_m["zone_id"].nunique() == 1
    assert zone_table.loc[0, "name"] == "左云经济技术开发区"
    assert zone_table.loc[0, "aliases"] == "左云开发区"


def test_plain_jingjiqu_needs_its_yitihua_full_form():
    assert zones.find_mentions(_text_doc("晋城市是中原经济区成员。")).empty
    text = "晋中一体化经济区挂牌,晋中经济区将建设新城。"
    m = zones.find_mentions(_text_doc(text))
    assert m["surface"].tolist() == ["晋中一体化经济区", "晋中经济区"]


@pytest.mark.parametrize(
    "text",
    [
        "太原市开发区上半年实现营业收入800亿元。",  # a city written with 市
        "忻州、阳泉两市开发区新签项目40个。",  # two cities
        "临汾市各开发区加快项目建设。",
        "大同市上半年开发区项目观摩活动举行。",  # a time phrase
    ],
)
def test_city_with_shi_or_collective_word_before_kaifaqu_is_not_a_zone(text):
    assert zones.find_mentions(_text_doc(text)).empty


def test_city_without_shi_before_kaifaqu_is_a_zone():
    m = zones.find_mentions(_text_doc("忻州开发区今年新引进企业15家。"))
    assert m["surface"].tolist() == ["忻州开发区"]


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("该区下辖金凤工业园、银河工业园两个园区。", ["金凤工业园", "银河工业园"]),
        ("着力完善园区基础设施。", []),  # a verb before the generic 园区
        ("新区现有青松产业园等平台。", ["青松产业园"]),
        ("分会场青松产业园同步开工。", ["青松产业园"]),
    ],
)
def test_verbs_before_a_park_end_its_name(text, surfaces):
    assert zones.find_mentions(_text_doc(text))["surface"].tolist() == surfaces


def test_park_named_as_a_funded_project_is_not_a_zone():
    text = "某县的绿色食品产业园项目总投资6亿元,青山产业园项目加快建设。"
    assert zones.find_mentions(_text_doc(text))["surface"].tolist() == ["青山产业园"]


def test_innovation_park_and_its_declared_short_name():
    text = "太原智能装备科技创新园(简称“智创园”)开园,智创园已入驻企业30家。"
    m = zones.find_mentions(_text_doc(text))
    assert m["surface"].tolist() == ["太原智能装备科技创新园", "智创园", "智创园"]
    zone_table, _ = zones.resolve(m)
    assert zone_table["kind"].tolist() == ["industrial_park"]


def test_a_park_named_as_a_funded_project_later_in_its_sentence_is_no_zone() -> None:
    text = "临猗智慧物流产业园项目，由本地一家企业投资建设，总投资8亿元。"
    assert zones.find_mentions(_text_doc(text)).empty


def test_a_preposition_or_a_phase_before_a_park_is_not_part_of_a_name():
    text = "除智能装备产业园外,示范区还建成汽配产业园。一期园区入驻率达到九成。"
    m = zones.find_mentions(_text_doc(text))
    assert list(m["surface"]) == ["智能装备产业园", "汽配产业园"]


def _article(text: str) -> Document:
    return clean_document(RawDocument("t", Path("t.txt"), text, "utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "一、重点项目\n◆太行数字经济产业园项目\n建设数据中心和研发楼。",  # a list line
        "今年将加快推进汾河新材料产业园项目。",
        "园区重点推进酿酒原粮基地、酒类包装产业园等项目8个。",
        "序号\t项目名称\t总投资(亿元)\n1\t云冈新能源装备产业园项目\t12.0",  # a table cell
    ],
)
def test_a_park_named_as_a_project_is_not_a_zone(text) -> None:
    assert zones.find_mentions(_article(text)).empty


def test_a_park_named_before_its_projects_stays_a_zone() -> None:
    m = zones.find_mentions(_article("入驻汾河新材料产业园项目达30个，总投资50亿元。"))
    assert list(m["surface"]) == ["汾河新材料产业园"]


def test_a_middle_dot_is_not_part_of_a_name() -> None:
    m = zones.find_mentions(_article("吕梁日报 第02版：开发区·园区\n孝义经开区新开工项目12个。"))
    assert list(m["surface"]) == ["孝义经开区"]


@pytest.mark.parametrize(
    "text",
    [
        "中北高新区（原太原不锈钢产业园区）一季度新开工项目12个。太原不锈钢产业园区的企业已全部迁入。",
        "中北高新区今年新开工项目12个。中北高新区原为太原不锈钢产业园区，2021年完成整合。",
        "中北高新区前身为2006年设立的太原不锈钢产业园区，2014年升级。",
    ],
)
def test_a_former_name_is_an_alias_of_the_zone(text) -> None:
    m = zones.find_mentions(_article(text))
    assert "太原不锈钢产业园区" in set(m["surface"])
    _, resolved_m = zones.resolve(m)
    assert resolved_m["zone_id"].nunique() == 1


def test_a_quoted_slogan_and_a_neighbour_are_not_zones() -> None:
    text = "双方建立“研发在农谷、转化在开发区”合作模式，原料来自隔壁园区。晋中开发区承接项目9个。"
    assert list(zones.find_mentions(_article(text))["surface"]) == ["晋中开发区"]


@pytest.mark.parametrize(
    "text",
    [
        "龙门经济开发区正式更名为龙门经济技术开发区。龙门经济开发区原有机构保持不变。",
        "沙河产业园（原沙河工业园区）新入驻企业9家。沙河工业园区的企业已全部搬迁。",
        # 原 before a place is "formerly", though 原平 is a city as well
        "平遥经济技术开发区。由原平遥工业园区升级设立，规划面积10平方公里。",
    ],
)
def test_a_renamed_zone_keeps_its_old_name_as_an_alias(text) -> None:
    m = zones.find_mentions(_article(text))
    assert not any(s.startswith("原") for s in m["surface"])
    _, resolved_m = zones.resolve(m)
    assert resolved_m["zone_id"].nunique() == 1


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("省政府批复同意龙门经济开发区扩区。", ["龙门经济开发区"]),
        (
            "龙门经济开发区托管沙河工业园区，托管后沙河工业园区统一规划。",
            ["龙门经济开发区", "沙河工业园区", "沙河工业园区"],
        ),
        ("两县的工业集聚区并入龙门经济开发区。", ["龙门经济开发区"]),
        ("全市已建成和在建跨省合作园区5个。", []),  # a verb, then a generic head
        ("市财政每年安排开发区发展专项资金1亿元。", []),
        ("说起园区的变化，老职工感慨颇多。", []),
        ("以县域特色园区为补充。每条产业链明确一个承载园区。", []),
        (
            "龙门经济开发区获评全省“十佳开发区”，沙河工业园区获评“进步最快开发区”。",
            ["龙门经济开发区", "沙河工业园区"],
        ),
        # slogans quoting the word 园区, and 不出 (without leaving) before it
        ("龙门经济开发区推行“园区事园区办”，企业办事不出园区。", ["龙门经济开发区"]),
        ("沙河工业园区实行“不出园区办成事”。", ["沙河工业园区"]),
        ("沙河工业园区89项审批事项“不出园区”办结。", ["沙河工业园区"]),
        ("沙河综保区推动“综保区+开发区”联动。", ["沙河综保区"]),
        ("沙河综保区是山西省首个综合保税区。", ["沙河综保区"]),  # an ordinal, not a name
        ("企业代表详细了解园区基础设施。", []),  # 了解 (learn about), not 解园区
        ("铝基新材料产业园内，货车驶出园区。", ["铝基新材料产业园"]),
        ("沙河公司竞得宏道锻造产业园区内一宗地块。", ["宏道锻造产业园区"]),
        ("龙门经开区争创国家级经济技术开发区。", ["龙门经开区"]),
        ("龙门经开区加上合作园，共有企业80家。", ["龙门经开区"]),
        ("企业转型离不开园区支撑，累计投入园区建设资金5亿元。", []),
        ("龙门经济开发区标准化厂房园区已入驻企业12家。", ["龙门经济开发区"]),
        ("入驻后，借助园区上游企业的铁水。避免各园区同质化竞争。我们园区的链条。", []),
        ("龙门经开区入选2025年度省级绿色工业园区名单。", ["龙门经开区"]),
        ("公司承担园区开发建设职能，激发园区发展活力。", []),
        ("如今园区已入驻企业20家，过去园区只有一条路。", []),
        ("系统接入园区21家企业的数据，满足园区企业需求。", []),
        ("构建众创空间—孵化器—加速器—产业园全链条孵化体系。上半年园区新增企业5家。", []),
        ("完善“众创空间—孵化器—加速器—产业园”全链条科技企业孵化体系。", []),
        ("过去只要投资额够大就引进，结果园区里企业各干各的。", []),
        ("企业可租用园区标准化厂房。一组组数据勾勒出高新区的发展轨迹。", []),
        ("记者：请问龙门经开区如何招商？", ["龙门经开区"]),
        ("忻州各类园区正在聚焦主导产业。", []),
        ("侯马曲沃两开发区同日开工。（六）改革示范类园区。", []),
        ("补齐园区短板。有没有开发区都一样。长治市域内开发区。发挥陆港型产业园区作用。", []),
        ("全力冲刺全国高新区综合评价争先进位。", []),
        ("龙门新型工业园区基础设施持续完善。", ["龙门新型工业园区"]),
        ("企业负责人这样形容园区的变化。部分园区投资增速放缓。基金已投资园区企业5家。", []),
        ("一位园区企业负责人感慨。一季度屯留园区重点推进项目。", ["屯留园区"]),
        ("十是龙门经开区智慧园区综合管理平台项目。", ["龙门经开区"]),
        ("对低效园区进行整合。龙门经济开发区获评省级循环化改造示范试点园区。", ["龙门经济开发区"]),
        ("吕梁市县域开发区加快发展。", []),  # the city's county zones taken together
        ("管委会协调解决园区企业用工难题，届时园区企业可在线办事。", []),
        ("市场监管局开展开发区质量服务进园区活动，两家企业在同一园区。", []),
        ("龙门先进制造产业园新入驻企业3家。", ["龙门先进制造产业园"]),
        ("龙门光伏产业园距离高新区仅5公里。", ["龙门光伏产业园"]),
        # 设有 overlaps 建设 (a misreading), 合并 overlaps 并入 (before a place, 并入 stands)
        ("支持农业大学在农高区建设有机旱作农业科技园。", ["有机旱作农业科技园"]),
        ("沙河工业园整合并入阳泉经济技术开发区。", ["沙河工业园", "阳泉经济技术开发区"]),
        ("在龙门经开区秦家山数据中心园区，机房整齐排列。", ["龙门经开区", "秦家山数据中心园区"]),
        ("我们考察了十几个园区，最终选择龙门经开区。", ["龙门经开区"]),  # 选择: a verb
        # a firm named with its own place right after the zone is a firm in the zone
        ("11月10日，保德经济开发区山西保新能源有限公司项目投产。", ["保德经济开发区"]),
        (
            "——访龙门经济技术开发区主任。记者：您如何看待龙门经开区？",
            ["龙门经济技术开发区", "龙门经开区"],
        ),
        ("游客可乘坐高铁到达龙门西站，再换乘旅游专线直达园区。", []),
        ("龙门有色金属产业园新入驻企业3家。", ["龙门有色金属产业园"]),
        ("数字经济产业园新入驻企业19家，各地建设智慧园区。", ["数字经济产业园"]),
        ("龙门经开区现辖宏道园区、河边园区两个园区。", ["龙门经开区", "宏道园区", "河边园区"]),
        ("龙门日报 第3版 经济·园区\n沙河工业园区新入驻企业9家。", ["沙河工业园区"]),
        # an enclave park is an arrangement, not a name, even right after its zone
        ("龙门经济开发区飞地园区完成投资3亿元。", ["龙门经济开发区"]),
        ("这个跨省“飞地园区”已引进项目42个。", []),
        ("“龙门经开区”数字经济产业园开园。", ["“龙门经开区”数字经济产业园", "龙门经开区"]),
    ],
)
def test_verbs_scopes_and_honours_are_not_part_of_zone_names(text, surfaces) -> None:
    assert zones.find_mentions(_article(text))["surface"].tolist() == surfaces


@pytest.mark.parametrize(
    "text",
    [
        "——沙河精密铸造产业园（一期）项目，总投资9.8亿元。",
        "重点是沙河陶瓷产业园扩建项目，总投资7.6亿元。",
        "重点推进沙河智能制造产业园（总投资35亿元）建设。",
        "另外两个项目为：龙门数据要素产业园运营项目，总投资20亿元。",
        "沙河信创产业园二期项目开工，总投资18.5亿元。",
        "沙河钢铁深加工产业园一期基础设施工程开工。",
        "包括龙门科创中心、沙河材料产业园二期、龙门康养小镇等项目。",
    ],
)
def test_a_park_named_with_a_phase_or_building_verb_before_project_is_a_project(text) -> None:
    assert zones.find_mentions(_article(text)).empty


def test_a_parks_phase_that_opens_or_is_visited_names_the_park() -> None:
    text = "沙河数字经济产业园二期正式开园，首批入驻企业17家。在龙门法兰产业园一期，记者看到厂房。"
    surfaces = list(zones.find_mentions(_article(text))["surface"])
    assert surfaces == ["沙河数字经济产业园", "龙门法兰产业园"]


def test_a_park_named_by_two_places_cut_to_a_character_each_is_the_same_park() -> None:
    text = "龙城沙河合作产业园已引进项目42个。龙沙合作产业园实行“飞地”管理模式。"
    m = zones.find_mentions(_article(text))
    assert list(m["surface"]) == ["龙城沙河合作产业园", "龙沙合作产业园"]
    _, resolved_m = zones.resolve(m)
    assert resolved_m["zone_id"].nunique() == 1


def test_cooperation_processing_and_transfer_parks_are_zones() -> None:
    text = "龙沙产业合作园新入驻企业8家，龙门农产品精深加工园、沙河产业转移承接园同步建设。"
    surfaces = ["龙沙产业合作园", "龙门农产品精深加工园", "沙河产业转移承接园"]
    assert list(zones.find_mentions(_article(text))["surface"]) == surfaces


def test_material_equipment_chemical_and_manufacturing_parks_are_zones() -> None:
    text = "龙门经开区梧桐新材料园、高阳精细化工园两个园区提速，沙河新能源装备园、金村科创园同步。"
    surfaces = ["龙门经开区", "梧桐新材料园", "高阳精细化工园", "沙河新能源装备园", "金村科创园"]
    assert list(zones.find_mentions(_article(text))["surface"]) == surfaces


def test_parks_of_one_name_in_zones_of_different_cities_are_different_parks() -> None:
    text = "重点投向中北高新区半导体产业园和忻州经济开发区半导体产业园。"
    m = zones.find_mentions(_article(text))
    _, resolved = zones.resolve(m)
    parks = resolved[resolved["surface"] == "半导体产业园"]
    assert parks["zone_id"].nunique() == 2  # 中北高新区 is in 太原 (the gazetteer says)


def test_zones_merged_into_another_are_named_without_yuan() -> None:
    text = "经省政府同意，原平遥工业园区、原沙河工业园区整合并入平遥经济技术开发区。"
    surfaces = list(zones.find_mentions(_article(text))["surface"])
    assert surfaces == ["平遥工业园区", "沙河工业园区", "平遥经济技术开发区"]


def test_one_character_before_a_kind_word_is_the_end_of_another_word() -> None:
    text = "龙门高新区聚焦光伏。据高新区管委会介绍，高新区今年新签项目12个。"
    m = zones.find_mentions(_article(text))
    assert list(m["surface"]) == ["龙门高新区", "高新区", "高新区"]
    _, resolved = zones.resolve(m)
    assert resolved["zone_id"].nunique() == 1


def test_a_park_inside_a_park_is_one_zone() -> None:
    text = "龙门经开区农产品加工园中园内的标准化厂房投用。全区规划建设5个园中园。"
    surfaces = list(zones.find_mentions(_article(text))["surface"])
    assert surfaces == ["龙门经开区", "农产品加工园中园"]


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("记者近日走进龙门市多个开发区。", []),  # a city's zones taken together
        ("晋中全市开发区完成投资100亿元，大同各县级开发区加快发展。", []),
        ("太行大地开发区里的新气象。", []),
        ("龙门经开区与京津等地多个产业园区建立合作机制。", ["龙门经开区"]),
        ("山西开发区（北京）招商推介会举行，晋城、长治两地开发区参加。", []),
        ("部分开发区还引入专业化园区运营商。", []),
        ("龙门高新区锚定“建设一流创新型特色园区”目标。", ["龙门高新区"]),
        ("长治市建立了“链长+链主+专班+基金+园区”协同推进机制。", []),  # a policy's parts
        ("农高区加强与太原、晋中其他开发区的协同，带动朔州各园区发展。", []),
        ("地址：龙门市开发区大道188号", []),  # a road named after the zone
        ("山西开发区网 | 首页\n主办：山西开发区网　技术支持", []),  # a website
        ("龙门经开区园区企业联合招聘公告", ["龙门经开区"]),  # the zone's own grounds
        ("区内实现重点园区5G信号全覆盖。", []),
    ],
)
def test_collectives_roads_and_a_zones_own_grounds_are_not_zones(text, surfaces) -> None:
    assert zones.find_mentions(_article(text))["surface"].tolist() == surfaces


def test_a_bare_kind_word_declared_as_a_short_name_is_an_alias() -> None:
    text = "推动龙门经济开发区（以下简称“开发区”）高质量发展。开发区新引进项目12个。"
    m = zones.find_mentions(_article(text))
    _, resolved_m = zones.resolve(m)
    assert set(resolved_m["surface"]) == {"龙门经济开发区", "开发区"}
    assert resolved_m["zone_id"].nunique() == 1
