"""Investment extraction on the real seed articles: measures, projects, batches, funds, ranges,
capacity, jobs, dates, zones, offsets, and what must not become a row."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd
import pytest

from devzones import investment
from devzones.clean import Document, clean_document
from devzones.corpus import RawDocument
from devzones.investment import INVESTMENT_COLUMNS, capacity_in, extract, jobs_in, measure_cue
from devzones.money import parse_amount
from devzones.zones import MENTION_COLUMNS, find_mentions

YI = 1e8
SEED_TAISHAN = "000_3a9b9530b1b2ec72"
SEED_TAIXIN = "001_79a27860d0400a6e"
SEED_BATTERY = "002_90b2ec0d50a39f48"
SEED_TAIYUAN = "003_cbcd8a66ef8bfaa2"
SEED_CHAINS = "004_1da46b55b94cd9e7"
NO_MENTIONS = pd.DataFrame(columns=MENTION_COLUMNS)


def rows_of(doc: Document, mentions: pd.DataFrame = NO_MENTIONS) -> pd.DataFrame:
    return extract(doc, mentions)


def row_at(df: pd.DataFrame, yi: float, measure: str | None = None) -> pd.Series:
    hits = df[(df["amount_yuan"] - yi * YI).abs() < 1]
    if measure:
        hits = hits[hits["measure"] == measure]
    assert len(hits) == 1, (yi, df[["project", "amount_yuan", "measure"]])
    return hits.iloc[0]


def mentions_of(doc: Document, surface: str) -> pd.DataFrame:
    """Zone mentions written by the test: every place ``surface`` occurs in the text."""
    rows, pos = [], doc.text.find(surface)
    while pos != -1:
        rows.append([doc.doc_id, 1, surface, pos, pos + len(surface)])
        pos = doc.text.find(surface, pos + 1)
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


@pytest.fixture(scope="module")
def seed_rows(seed_docs: dict[str, Document]) -> dict[str, pd.DataFrame]:
    return {doc_id: rows_of(doc) for doc_id, doc in seed_docs.items()}


def test_columns_keep_the_contract(seed_rows) -> None:
    for df in seed_rows.values():
        assert list(df.columns) == INVESTMENT_COLUMNS
    assert INVESTMENT_COLUMNS[:10] == [
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
    ]


def test_taishan_glass_fibre_total(seed_rows) -> None:
    row = row_at(seed_rows[SEED_TAISHAN], 70)
    assert row["measure"] == "total"
    assert "泰山玻纤" in row["project"] and "玻璃纤维" in row["project"]
    assert row["capacity"] == "年产60万吨"
    assert row["event_date"] == "2024-08-19"  # 8月19日 with the article's year


def test_output_value_of_a_project(seed_rows) -> None:
    df = seed_rows[SEED_TAISHAN]
    for yi in (2000, 1000):
        row = row_at(df, yi, "output_value")
        assert "晶科" in row["project"] and row["capacity"] == "年产56GW"
    # 新增工业产值500亿元以上 is the zone's industry, not a project's output
    assert not ((df["amount_yuan"] - 500 * YI).abs() < 1).any()


def test_programme_batch_and_its_annual_plan(seed_rows) -> None:
    df = seed_rows[SEED_TAISHAN]
    batch = row_at(df, 1000, "aggregate")
    plan = row_at(df, 232.2)
    assert (batch["qualifier"], batch["project_count"]) == ("超", 100)
    assert plan["measure"] == "annual_plan"
    assert plan["project"] == batch["project"] and "产业建设项目" in plan["project"]


def test_funds_and_a_range(seed_rows) -> None:
    df = seed_rows[SEED_TAISHAN]
    pool = row_at(df, 0.2)
    assert (pool["measure"], pool["qualifier"]) == ("fund", "不低于")
    assert "留学人员创新创业专项资金" in pool["project"]
    low, high = row_at(df, 0.002), row_at(df, 0.01)
    for row in (low, high):
        assert row["measure"] == "fund"
        assert (row["amount_low"], row["amount_high"]) == (20e4, 100e4)
        assert "留学人员创新创业" in row["project"]
    assert (low["start"], low["end"]) == (high["start"], high["end"])


def test_taixin_aggregate_of_485_projects(seed_rows) -> None:
    row = row_at(seed_rows[SEED_TAIXIN], 5337)
    assert row["measure"] == "aggregate"
    assert row["project_count"] == 485
    assert "重大工程项目" in row["project"] and "太忻一体化经济区" in row["project"]
    assert row["status"] == "planned"


def test_named_projects_before_and_after_the_figure(seed_rows) -> None:
    df = seed_rows[SEED_TAIXIN]
    tongde = row_at(df, 36)  # 投资36亿元的山西同德科创…项目正式开工
    assert tongde["measure"] == "total" and "同德科创" in tongde["project"]
    assert tongde["status"] == "started"
    zhonglai = row_at(df, 100)  # 投资过百亿 (no 元) in the sentence after the project is named
    assert zhonglai["measure"] == "total" and zhonglai["qualifier"] == "过"
    assert "中来" in zhonglai["company"] and "多晶硅" in zhonglai["project"]
    assert zhonglai["event_date"] == "2022-03-15"


def test_sales_and_contracts_are_not_investment(seed_rows) -> None:
    # 销售总额达1653万元, 线下销售392万元, 合同金额超2亿元 in the same article
    yuan = set(seed_rows[SEED_TAIXIN]["amount_yuan"].round())
    assert yuan.isdisjoint({1653e4, 392e4, 1261e4, 2 * YI})
    assert len(seed_rows[SEED_TAIXIN]) == 3


def test_battery_project_carried_to_later_sentences(seed_rows) -> None:
    df = seed_rows[SEED_BATTERY]
    total = row_at(df, 3)  # 该项目由…鑫程新材料有限公司投资3亿元
    assert total["measure"] == "total"
    assert "1GWh" in total["project"] and "锂离子电池" in total["project"]
    assert "鑫程新材料有限公司" in total["company"]
    assert total["jobs"] == 150  # said in the next sentence, shared within the project
    assert total["capacity"] == "年产1GWh"
    output = row_at(df, 3.6)
    assert output["measure"] == "output_value" and output["project"] == total["project"]
    assert output["jobs"] == 150
    # 进出口额达717亿元 is trade
    assert len(df) == 2


def test_gdp_and_value_added_are_not_investment(seed_rows) -> None:
    df = seed_rows[SEED_TAIYUAN]
    assert sorted(df["amount_yuan"] / YI) == [10.0, 20.0]  # 科技专项资金从10亿元提高到20亿元
    assert set(df["measure"]) == {"fund"}
    assert (df["project"] == "科技专项资金").all()
    assert seed_rows[SEED_CHAINS].empty  # 工业总产值突破2000亿元 is not a project's figure


def test_offsets_slice_the_money_evidence(seed_docs, seed_rows) -> None:
    checked = 0
    for doc_id, df in seed_rows.items():
        text = seed_docs[doc_id].text
        for row in df.itertuples():
            piece = text[row.start : row.end]
            assert row.sentence_start <= row.start < row.end <= row.sentence_end
            assert row.evidence == text[row.sentence_start : row.sentence_end]
            if piece.endswith(("元", "以上", "左右", "以下", "以内")):
                parsed = parse_amount(piece)
                assert row.amount_yuan in (parsed.value, parsed.high)
            else:  # figures after 投资 that leave 元 out
                assert "亿" in piece or "万" in piece
            checked += 1
    assert checked == sum(len(df) for df in seed_rows.values()) > 10


def test_zone_is_the_nearest_mention(seed_docs) -> None:
    doc = seed_docs[SEED_TAIXIN]
    mentions = pd.concat(
        [mentions_of(doc, "原平经济技术开发区"), mentions_of(doc, "太忻一体化经济区")],
        ignore_index=True,
    )
    df = rows_of(doc, mentions)
    assert row_at(df, 36)["zone_surface"] == "原平经济技术开发区"
    assert row_at(df, 5337)["zone_surface"] == "太忻一体化经济区"


def test_zone_of_a_carried_project_is_where_it_was_named(seed_docs) -> None:
    doc = seed_docs[SEED_BATTERY]
    df = rows_of(doc, mentions_of(doc, "应县经济技术开发区"))
    assert row_at(df, 3)["zone_surface"] == "应县经济技术开发区"


def test_zone_from_the_paragraph_lead(seed_docs) -> None:
    doc = seed_docs[
        SEED_TAISHAN
    ]  # 8月19日,…活动在山西转型综改示范区主会场举行 … 泰山玻纤…总投资70亿元
    df = rows_of(doc, mentions_of(doc, "山西转型综改示范区"))
    assert row_at(df, 70)["zone_surface"] == "山西转型综改示范区"


def test_with_the_zone_finder(seed_docs) -> None:
    doc = seed_docs[SEED_TAIXIN]
    df = rows_of(doc, find_mentions(doc))
    assert row_at(df, 36)["zone_surface"] == "原平经济技术开发区"
    assert row_at(df, 5337)["zone_surface"] == "太忻一体化经济区"
    assert len(df) == 3


def test_no_year_means_no_event_date(seed_docs) -> None:
    doc = seed_docs[SEED_TAIXIN]
    assert rows_of(doc)["event_date"].notna().any()
    undated = dataclasses.replace(doc, date=None)
    assert rows_of(undated)["event_date"].isna().all()


def test_deterministic(seed_docs) -> None:
    for doc in seed_docs.values():
        first, second = rows_of(doc), rows_of(doc)
        pd.testing.assert_frame_equal(first, second)
        assert first.to_csv(index=False) == second.to_csv(index=False)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("项目总投资", "total"),
        ("年度计划投资", "annual_plan"),
        ("年度计划完成投资", "annual_plan"),
        ("年内计划完成投资", "annual_plan"),
        ("计划年内完成投资", "annual_plan"),
        ("计划投资", "total"),
        ("累计完成投资", "completed"),
        ("累计完成项目投资", "completed"),
        ("完成开发区投资", "completed"),
        ("设立产业投资基金", "fund"),
        ("一次性给予启动资金", "fund"),
        ("设立风险补偿资金池", "fund"),
        ("每年安排人才专项经费", "fund"),
        ("安排开发区基础设施建设资金", "fund"),
        ("全社会研发经费投入", investment.SKIP),
        ("达产后年产值", "output_value"),
        ("地区生产总值", investment.SKIP),
        ("工业总产值", investment.SKIP),
        ("进出口额达", investment.SKIP),
        ("合同金额超", investment.SKIP),
        ("服务业增加值", investment.SKIP),
        ("交缴税金", investment.SKIP),
        ("实现年营业收入", investment.SKIP),
        ("已累计投入资金", "completed"),
        ("争取中央预算内投资", "fund"),
        ("签约总金额", "total"),
        ("协议投资额", "total"),
        ("新签约项目总额突破", "total"),
        ("由公司和高新区共同出资", "total"),
        ("承诺投资5.4亿元，亩均投资", investment.SKIP),  # per mu of land: an intensity
        ("现场签约项目21个，总金额", "total"),
        ("全年进出口总额", investment.SKIP),
        ("销售总额", investment.SKIP),
        ("注册资本", investment.SKIP),
        ("年销售收入", investment.SKIP),
        ("解决企业资金需求", None),  # money, but no pool of funds
        ("获得国家专项债券资金", "fund"),
        ("今年以来", None),
        ("对银行贷款给予贴息，每家企业每年贴息", "fund"),  # an interest subsidy is a grant
        ("发放科技创新券", "fund"),  # vouchers for research services are a grant
        ("上半年完成基础设施投资", "completed"),
        ("工业投资完成", "completed"),
        ("研究与试验发展经费投入", investment.SKIP),  # R&D spending, not an investment
        ("投资额合计55亿元，单体投资规模在", investment.SKIP),  # each project's size, a range
    ],
)
def test_measure_cues(text: str, measure: str | None) -> None:
    assert measure_cue(text) == measure


ARTICLE = """某某经济技术开发区项目建设提速
2023年9月25日，开发区举行重点项目集中开工仪式，包括总投资20亿元的甲乙光伏组件项目、总投资15亿元的丙丁储能电池项目和总投资8亿元的戊己氢能装备项目。
山西某某新材料有限公司投资12亿元建设年产3万吨高端碳纤维项目，达产后年产值可达40亿元，年缴税收2亿元，新增就业岗位600个。
1-10月，开发区累计完成投资85亿元，占年度计划的92%，实现产值260亿元。
全年共实施10亿元以上项目15个，总投资300亿元。入驻企业35家，总投资45亿元。
光伏发电补贴标准为每千瓦时0.1元。
山西某某电池有限公司年产10万吨电池材料生产线，总投资5亿元，预计明年投产。
今年全区共安排重点项目120个，总投资800亿元。年度计划投资200亿元。
开发区坚持“项目为王”，一季度完成固定资产投资23.4亿元，同比增长18.6%。
2023年5月10日，开发区第二批重点项目集中开工，共开工项目16个，总投资87.5亿元。
明年将推进总投资500亿元的120个重点项目。
"""


@pytest.fixture(scope="module")
def article_rows(tmp_path_factory) -> pd.DataFrame:
    from devzones.tables import load_documents

    folder = tmp_path_factory.mktemp("article")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    docs, errors = load_documents(folder)
    assert not errors and len(docs) == 1
    return rows_of(docs[0])


def test_names_after_de_belong_to_their_own_figure(article_rows) -> None:
    expected = {20: "甲乙光伏组件项目", 15: "丙丁储能电池项目", 8: "戊己氢能装备项目"}
    for yi, project in expected.items():
        row = row_at(article_rows, yi)
        assert (row["project"], row["measure"]) == (project, "total")
        assert row["event_date"] == "2023-09-25"


def test_project_after_a_verb_with_company_capacity_and_jobs(article_rows) -> None:
    total, output = row_at(article_rows, 12), row_at(article_rows, 40)
    assert total["project"] == output["project"] == "年产3万吨高端碳纤维项目"
    assert total["company"] == "山西某某新材料有限公司"
    assert (output["measure"], output["qualifier"]) == ("output_value", "达")
    assert total["jobs"] == output["jobs"] == 600
    assert total["capacity"] == "年产3万吨"
    assert not ((article_rows["amount_yuan"] - 2 * YI).abs() < 1).any()  # 税收 is not investment


def test_area_figures_do_not_inherit_the_last_project(article_rows) -> None:
    row = row_at(article_rows, 85)
    assert row["measure"] == "completed"
    assert row["project"] == "开发区累计完成投资"  # the area and its cue, not the last project
    assert not ((article_rows["amount_yuan"] - 260 * YI).abs() < 1).any()  # the area's output


def test_size_classes_rates_and_firm_counts(article_rows) -> None:
    assert not ((article_rows["amount_yuan"] - 10 * YI).abs() < 1).any()  # 10亿元以上项目
    assert not (article_rows["amount_yuan"] < 1).any()  # 每千瓦时0.1元
    batch, firms = row_at(article_rows, 300), row_at(article_rows, 45)
    assert (batch["measure"], batch["project_count"]) == ("aggregate", 15)
    assert (firms["measure"], firms["project_count"]) == ("aggregate", 35)
    assert len(article_rows) == 14


def test_a_sentence_opening_with_a_facility_names_it(article_rows) -> None:
    row = row_at(article_rows, 5)
    assert (row["project"], row["company"]) == ("年产10万吨电池材料生产线", "山西某某电池有限公司")
    assert row["measure"] == "total"


def test_a_count_after_the_figure(article_rows) -> None:
    row = row_at(article_rows, 500)
    assert (row["measure"], row["project_count"]) == ("aggregate", 120)


def test_a_batch_carries_to_the_next_sentence(article_rows) -> None:
    batch, plan = row_at(article_rows, 800), row_at(article_rows, 200)
    assert (batch["measure"], plan["measure"]) == ("aggregate", "annual_plan")
    assert plan["project"] == batch["project"] and plan["project_count"] == 120


def test_a_slogan_is_not_a_project(article_rows) -> None:
    row = row_at(article_rows, 23.4)
    assert row["measure"] == "completed" and row["project"] == "开发区完成固定资产投资"


def test_a_bare_count_takes_its_batch_name_from_the_clause_before(article_rows) -> None:
    row = row_at(article_rows, 87.5)
    assert row["measure"] == "aggregate" and row["project_count"] == 16
    assert "第二批重点项目" in row["project"]
    assert row["event_date"] == "2023-05-10"


@pytest.mark.parametrize(
    ("sentence", "jobs"),
    [
        ("解决就业150人左右", 150),
        ("提供就业岗位700个至800个", 700),
        ("带动就业岗位2000个以上", 2000),
        ("吸纳就业人员500名", 500),
        ("带动1000余人就业", 1000),
        ("项目用地225亩", None),
    ],
)
def test_jobs(sentence: str, jobs: int | None) -> None:
    assert jobs_in(sentence) == jobs


@pytest.mark.parametrize(
    ("text", "capacity"),
    [
        ("年产56GW垂直一体化大基地", "年产56GW"),
        ("年产1GWh21700/18650型锂离子电池项目", "年产1GWh"),
        ("建设规模200MW", "200MW"),
        ("大华标5万吨高纯氧化铝生产线项目", "5万吨"),
        ("面积13.7万平方米的标准化厂房", None),
    ],
)
def test_capacity(text: str, capacity: str | None) -> None:
    assert capacity_in(text) == capacity


# Sentences written for these tests: programme targets, subsidies named after their figure, a
# size class beside a reward fund, area-wide figures, a bracketed figure, a 分别 list.
ARTICLE_2 = """某某市30亿元产业引导基金落地
2024年3月5日，为支持园区重点项目招商，某某市发起设立总规模30亿元的某某市产业引导基金，首期认缴6亿元已完成。
下半年，开发区将开展专题招商，力争全年签约项目总投资突破300亿元。
从各县看，甲县开发区签约项目总投资420亿元；东山、西河两市开发区签约项目总投资分别达到380亿元和260亿元。
新认定的省级研发平台，按研发投入给予30万元至80万元的补助。
入园的装备制造项目扩能改造后，按厂房投资额给予最高150万元的补贴。
区财政每年列支5000万元产业扶持奖励资金，凡新落户且设备投资8亿元以上的工业项目，按实际投资额的3%给予奖励，每个项目奖励不超过800万元。
前三季度，全区完成固定资产投资48.2亿元，同比增长9.5%。
某某经开区围绕化工新材料招引配套企业，前三季度完成投资12.6亿元。
去年竣工的丁戊食品三期冷链仓储中心（投资2.6亿元）已投入运营。
新辰光电显示项目总投资16亿元。
2023年，某某高新区实现营业收入300亿元；全年完成固定资产投资61.7亿元。
今年开工的3个项目中，甲园区的己庚材料项目（总投资5亿元）、乙园区的辛壬装备项目（总投资3亿元）和丙园区的癸子医药项目（总投资2亿元）进展最快。
甲乙光伏项目、丙丁储能项目总投资分别为11亿元、9亿元。
今年以来签约的项目总投资达140亿元。
1至8月，全区完成固定资产投资33.3亿元，其中工业投资27.1亿元。
"""


@pytest.fixture(scope="module")
def article2_rows(tmp_path_factory) -> pd.DataFrame:
    from devzones.tables import load_documents

    folder = tmp_path_factory.mktemp("article2")
    (folder / "article2.txt").write_text(ARTICLE_2, encoding="utf-8")
    docs, errors = load_documents(folder)
    assert not errors and len(docs) == 1
    zones = ["某某高新区", "某某经开区", "甲园区", "乙园区", "丙园区"]
    mentions = pd.concat([mentions_of(docs[0], z) for z in zones], ignore_index=True)
    return rows_of(docs[0], mentions)


def test_programme_targets_and_area_totals_are_aggregates(article2_rows) -> None:
    target, county = row_at(article2_rows, 300), row_at(article2_rows, 420)
    assert (target["measure"], target["project"]) == ("aggregate", "力争全年签约项目")
    assert (county["measure"], county["project"]) == ("aggregate", "甲县开发区签约项目")


def test_a_fenbie_list_gives_each_figure_its_item(article2_rows) -> None:
    first, second = row_at(article2_rows, 380), row_at(article2_rows, 260)
    assert first["project"] == "东山市开发区签约项目"
    assert second["project"] == "西河市开发区签约项目"
    assert first["measure"] == second["measure"] == "aggregate"


def test_subsidies_named_after_their_figure_are_funds(article2_rows) -> None:
    low, high = row_at(article2_rows, 0.003), row_at(article2_rows, 0.008)
    assert (low["measure"], high["measure"]) == ("fund", "fund")
    assert low["project"] == "省级研发平台补助"  # the recipients the sentence opens with
    cap = row_at(article2_rows, 0.015)
    assert (cap["measure"], cap["project"]) == ("fund", "装备制造项目补贴")


def test_a_size_class_beside_a_reward_fund(article2_rows) -> None:
    fund = row_at(article2_rows, 0.5)
    assert (fund["measure"], fund["project"]) == ("fund", "产业扶持奖励资金")
    assert not ((article2_rows["amount_yuan"] - 8 * YI).abs() < 1).any()  # 8亿元以上的工业项目
    cap = row_at(article2_rows, 0.08)
    assert cap["measure"] == "fund" and "奖励" in cap["project"]
    assert pd.isna(cap["company"])  # 按实际投资额: not a firm


def test_a_first_tranche_takes_the_fund_it_fills(article2_rows) -> None:
    total, first = row_at(article2_rows, 30), row_at(article2_rows, 6)
    assert total["project"] == first["project"] == "某某市产业引导基金"
    assert first["measure"] == "fund"
    assert total["sentence_start"] > 0  # the body's row, not the headline's shorter one


def test_area_figures_are_labelled_by_the_area(article2_rows) -> None:
    quarter = row_at(article2_rows, 48.2)
    assert (quarter["measure"], quarter["project"]) == ("completed", "全区完成固定资产投资")
    east = row_at(article2_rows, 12.6)
    assert east["project"] == "某某经开区完成投资"
    assert pd.isna(east["company"])  # 前三季度完成投资: a period and a verb, not a firm
    # the paragraph names a zone: its figure is not the last paragraph's project
    year = row_at(article2_rows, 61.7)
    assert year["project"] == "某某高新区全年完成固定资产投资"


def test_a_bracketed_figure_belongs_to_the_name_before(article2_rows) -> None:
    row = row_at(article2_rows, 2.6)
    assert (row["project"], row["measure"]) == ("丁戊食品三期冷链仓储中心", "total")


def test_list_items_keep_their_own_zone(article2_rows) -> None:
    zones = {yi: row_at(article2_rows, yi)["zone_surface"] for yi in (5, 3, 2)}
    assert zones == {5: "甲园区", 3: "乙园区", 2: "丙园区"}


def test_a_fenbie_list_of_whole_names(article2_rows) -> None:
    assert row_at(article2_rows, 11)["project"] == "甲乙光伏项目"
    assert row_at(article2_rows, 9)["project"] == "丙丁储能项目"


def test_a_fenbie_list_of_zones_gives_each_figure_its_zone() -> None:
    doc = doc_of(
        "其中，龙门经济技术开发区、沙河经济技术开发区和东山经济技术开发区分别完成投资"
        "38.1亿元、27.4亿元和19.6亿元。"
    )
    df = rows_of(doc, find_mentions(doc))
    got = {yi: tuple(row_at(df, yi)[["project", "zone_surface"]]) for yi in (38.1, 27.4, 19.6)}
    assert got == {
        38.1: ("龙门经济技术开发区完成投资", "龙门经济技术开发区"),
        27.4: ("沙河经济技术开发区完成投资", "沙河经济技术开发区"),
        19.6: ("东山经济技术开发区完成投资", "东山经济技术开发区"),
    }


def test_projects_picked_out_by_a_verb_are_a_batch(article2_rows) -> None:
    row = row_at(article2_rows, 140)
    assert (row["measure"], row["project"]) == ("aggregate", "今年以来签约的项目")


def test_qizhong_opens_no_firm_name(article2_rows) -> None:
    assert pd.isna(row_at(article2_rows, 27.1)["company"])  # 其中工业投资…


@pytest.mark.parametrize(
    "sentence",
    [
        "全年新签约项目41个，其中20亿元以上项目6个，正在加快推进。",
        "对实际完成设备投资额3000万元以上的，按投资额的5%给予奖励。",
        "对固定资产投资超过5亿元的新建制造业项目，按设备投资额的8%给予补助。",
        "对新引进固定资产投资10亿元以上的延链补链项目，按设备投资额的8%给予补助。",
        "对总投资10亿元以上的“链主”项目，实行“一事一议”。",
        "对新入区的制造业项目，固定资产投资达到1亿元以上且当年竣工投产的，给予补助。",
        "对年度完成固定资产投资超过50亿元的开发区，市政府给予通报表扬。",
    ],
)
def test_size_class_is_not_a_figure(sentence: str, tmp_path) -> None:
    """20亿元以上项目6个 and 投资额3000万元以上的 name a size class, never an amount."""
    from devzones.tables import load_documents

    (tmp_path / "size.txt").write_text(f"某某开发区招商情况\n{sentence}\n", encoding="utf-8")
    docs, _ = load_documents(tmp_path)
    assert rows_of(docs[0]).empty


def doc_of(text: str) -> Document:
    return clean_document(RawDocument("t", Path("t.txt"), text, "utf-8"))


def test_a_sectors_output_is_not_a_projects() -> None:
    doc = doc_of("园区累计入驻新材料企业25家，其中规上企业12家，全年新材料产业实现产值18.6亿元。")
    assert rows_of(doc, find_mentions(doc)).empty
    doc = doc_of("新材料产业园项目总投资3亿元，建成后年产值8亿元。")
    output = row_at(rows_of(doc, find_mentions(doc)), 8, "output_value")
    assert output["project"] == "新材料产业园项目"


@pytest.mark.parametrize(
    "text",
    [
        "龙门电机产业园一期已入驻企业19家，2023年实现产值38亿元。",
        "沙河半导体产业园已入驻企业9家。数据显示，全市11条重点产业链实现产值1420亿元。",
        "每条链至少培育1家产值超50亿元的链主企业。",
        "双方约定到2028年将沙河合作产业园打造成为产值超300亿元的示范园区。",
    ],
)
def test_output_already_made_or_of_a_kind_of_firm_is_not_a_projects(text) -> None:
    doc = doc_of(text)
    assert rows_of(doc, find_mentions(doc)).empty


def test_output_a_project_is_expected_to_make_is_kept() -> None:
    doc = doc_of("沙河铝材项目总投资23亿元，建成后可实现年产值45亿元。")
    output = row_at(rows_of(doc, find_mentions(doc)), 45, "output_value")
    assert output["project"] == "沙河铝材项目"


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("经开区将做强装备制造产业链，力争全年完成固定资产投资120亿元。", "annual_plan"),
        ("下半年将确保全年完成投资95亿元。", "annual_plan"),
        ("上半年完成投资46亿元，同比增长10%。", "completed"),
    ],
)
def test_completing_an_investment_as_an_aim_is_the_years_plan(text, measure) -> None:
    assert list(rows_of(doc_of(text))["measure"]) == [measure]


def test_a_motto_is_no_project_and_an_indicator_is_labelled_by_its_cue() -> None:
    doc = doc_of(
        "2025年，龙门经开区坚持以项目建设为中心，各项指标稳中有进。\n"
        "全年实现地区生产总值186.3亿元；固定资产投资完成128.6亿元，同比增长11.5%。"
    )
    assert row_at(rows_of(doc), 128.6, "completed")["project"] == "固定资产投资完成"


def test_projects_started_together_are_a_batch() -> None:
    doc = doc_of("力争明年一季度全省开发区集中开工项目总投资突破1000亿元。")
    assert row_at(rows_of(doc), 1000)["measure"] == "aggregate"


def test_a_correction_keeps_the_right_figure_only() -> None:
    doc = doc_of(
        "更正\n本报《龙门开发区签约8个项目》一文中，“签约项目总投资56亿元”应为“签约项目总投资"
        "65亿元”，其中沙河陶瓷项目“总投资1.5亿元”应为“总投资15亿元”。"
    )
    df = rows_of(doc)
    assert sorted(df["amount_yuan"] / YI) == [15, 65]
    assert row_at(df, 65)["project"] == "签约项目"
    assert row_at(df, 15)["project"] == "沙河陶瓷项目"


@pytest.mark.parametrize(
    ("head", "body", "kept"),
    [("超260", "261.5", 261.5), ("超260", "超260", 260), ("超百", "118.4", 118.4)],
)
def test_a_headline_rounding_a_body_figure_is_not_a_second_fact(head, body, kept) -> None:
    title = f"龙门开发区新签约项目总投资{head}亿元"
    text = f"{title}\n今年1至9月，龙门开发区新签约项目93个，协议总投资{body}亿元。"
    doc = clean_document(RawDocument("t", Path("t.txt"), text, "utf-8", title=title))
    df = rows_of(doc)
    # one fact: the body's, which counts the batch (and is exact when the headline rounds)
    assert list(df["amount_yuan"] / YI) == [kept]
    assert df["start"].iloc[0] > len(title) and df["project_count"].iloc[0] == 93


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("上半年，开发区共签约项目19个，签约总额163亿元，其中超10亿元项目5个。", [163]),
        ("全省开发区将推动新签约项目尽快开工，确保全年完成开发区投资3200亿元以上。", [3200]),
    ],
)
def test_size_classes_are_no_figure_and_a_years_aim_is_its_plan(text, kept) -> None:
    df = rows_of(doc_of(text))
    assert list(df["amount_yuan"] / YI) == kept
    if "确保" in text:
        assert df["measure"].iloc[0] == "annual_plan"


def test_firms_signing_together_make_a_batch_of_what_they_sign() -> None:
    df = rows_of(
        doc_of(
            "龙门经开区与甲乙数据科技有限公司、丙丁算力服务有限公司等5家企业集中签约数据中心"
            "及算力配套项目，签约总金额达218亿元。龙门经开区与两家企业签订了沙河光伏项目合作协议，"
            "总投资20亿元。"
        )
    )
    batch, single = row_at(df, 218), row_at(df, 20)
    assert batch["measure"] == "aggregate" and batch["project_count"] == 5
    assert batch["project"] == "5家企业集中签约数据中心及算力配套项目"
    assert single["measure"] == "total" and single["project"] == "沙河光伏项目"


def test_a_parks_phase_of_standard_workshops_opening_a_clause_names_the_figure() -> None:
    df = rows_of(
        doc_of(
            "龙门经开区全年新引进项目27个，签约金额146亿元。沙河生物医药产业园一期标准化厂房"
            "18万平方米全部竣工，总投资9.8亿元，已入驻企业16家。"
        )
    )
    assert row_at(df, 9.8)["project"] == "沙河生物医药产业园一期标准化厂房"
    assert row_at(df, 9.8)["measure"] == "total"


def test_works_built_in_the_clause_before_a_bare_cue_name_the_figure() -> None:
    text = "龙门经开区今年新建标准化厂房8.6万平方米，总投资2.4亿元，已有11家企业签约入驻。"
    df = rows_of(doc_of(text), mentions_of(doc_of(text), "龙门经开区"))
    assert row_at(df, 2.4)["project"] == "龙门经开区标准化厂房"
    # not the firms counted before the works
    text = "园区已入驻企业63家，今年新建标准化厂房12万平方米，总投资5.2亿元。"
    row = row_at(rows_of(doc_of(text)), 5.2)
    assert (row["project"], row["measure"]) == ("标准化厂房", "total")
    # a project named in the works' clause keeps the figure
    row = row_at(rows_of(doc_of("甲公司年产5万吨项目新建标准化厂房8万平方米，总投资2亿元。")), 2)
    assert row["project"] == "甲公司年产5万吨项目"


@pytest.mark.parametrize(
    ("text", "yi", "project"),
    [
        # 二期工程 is the phase of the project named before, not a name of its own
        (
            "观摩团来到甲光电模组二期项目。二期工程总投资6.2亿元，建成后新增产能。",
            6.2,
            "甲光电模组二期项目",
        ),
        # 是 after a stop on a tour names the project
        (
            "最后一站是开发区综合服务中心及人才公寓项目，总投资2.3亿元。",
            2.3,
            "开发区综合服务中心及人才公寓项目",
        ),
        # the year a park's phase was built, between it and its status
        (
            "园区可容纳企业200家。数字经济产业园一期于2022年建成，总投资12亿元。",
            12,
            "数字经济产业园一期",
        ),
    ],
)
def test_phases_tour_stops_and_build_years_keep_the_name(text, yi, project) -> None:
    assert row_at(rows_of(doc_of(text)), yi)["project"] == project


def test_a_zone_named_as_where_a_project_stands_does_not_take_its_figure() -> None:
    doc = doc_of(
        "1. 山西甲乙新材料有限公司年产30万吨氧化铝项目。位于朔州经济开发区，总投资28亿元。"
    )
    row = row_at(rows_of(doc, mentions_of(doc, "朔州经济开发区")), 28)
    assert (row["project"], row["company"]) == ("年产30万吨氧化铝项目", "山西甲乙新材料有限公司")


@pytest.mark.parametrize(
    ("text", "yi", "project"),
    [
        (
            "甲区谋划建设电机检验检测公共服务平台，项目总投资1.8亿元，计划明年开工。",
            1.8,
            "电机检验检测公共服务平台",
        ),
        (
            "甲区生物医药公共技术服务平台揭牌运行，平台总投资6000万元。",
            0.6,
            "甲区生物医药公共技术服务平台",
        ),
        (
            "园区共建研发机构5家，其中甲区第三代半导体中试基地总投资4.5亿元。",
            4.5,
            "甲区第三代半导体中试基地",
        ),
        (
            "园区入驻企业23家。甲公司合作建设漳泽110千伏输变电工程，项目总投资1.15亿元。",
            1.15,
            "漳泽110千伏输变电工程",
        ),
        (
            "今年计划实施重点项目68个。一是加快甲药业现代中药产业园建设，项目总投资26亿元。",
            26,
            "甲药业现代中药产业园",
        ),
        # the works are nearer than a project carried from the sentence before
        (
            "甲公司建成光伏项目。乙区还建立了“共享工程师”平台。今年新建丙检测中心，项目总投资2亿元。",
            2,
            "丙检测中心",
        ),
    ],
)
def test_a_facility_built_or_named_just_before_its_figure_owns_it(text, yi, project) -> None:
    assert row_at(rows_of(doc_of(text)), yi)["project"] == project


def test_works_listed_after_a_dunhao_with_their_own_figures_keep_them() -> None:
    text = "其中污水处理厂扩建项目投资6500万元、集中供热管网工程投资3800万元，道路工程投资1.2亿元。"
    df = rows_of(doc_of(text))
    assert row_at(df, 0.65)["project"] == "污水处理厂扩建项目"
    assert row_at(df, 0.38)["project"] == "集中供热管网工程"


def test_a_works_length_between_its_name_and_figure() -> None:
    text = "在甲经济技术开发区，园区公共管廊一期工程全长6.8公里，总投资2.3亿元。"
    assert row_at(rows_of(doc_of(text)), 2.3)["project"] == "园区公共管廊一期工程"


def test_a_cluster_of_projects_is_a_batch() -> None:
    row = row_at(rows_of(doc_of("农高区功能食品项目集群总投资达到58亿元。")), 58)
    assert (row["project"], row["measure"]) == ("农高区功能食品项目集群", "aggregate")
    row = row_at(rows_of(doc_of("计划三年建成总投资80亿元的半导体配套产业集群。")), 80)
    assert (row["project"], row["measure"]) == ("半导体配套产业集群", "aggregate")


def test_roads_counted_with_tiao_are_a_batch() -> None:
    row = row_at(
        rows_of(doc_of("今年经开区共实施道路项目9条，总里程21.4公里，总投资9.8亿元。")), 9.8
    )
    assert (row["measure"], row["project_count"]) == ("aggregate", 9)
    row = row_at(rows_of(doc_of("甲路工程已完工。另外4条支路总投资9800万元。")), 0.98)
    assert (row["measure"], row["project_count"]) == ("aggregate", 4)
    # roads named as one works are one project
    row = row_at(rows_of(doc_of("甲区纬三路等4条市政道路新建改造工程总投资3.8亿元。")), 3.8)
    assert row["measure"] == "total"


def test_a_phase_after_a_count_of_firms_is_the_parks_phase() -> None:
    text = "甲产业园一期总投资5.6亿元，已有11家企业签约入驻；二期总投资4.8亿元，于4月开工。"
    doc = doc_of(text)
    row = row_at(rows_of(doc, mentions_of(doc, "甲产业园")), 4.8)
    assert (row["project"], row["measure"]) == ("甲产业园二期", "total")


def test_benefit_funds_paid_out_are_a_fund() -> None:
    assert row_at(rows_of(doc_of("兑现各类惠企资金2.36亿元。")), 2.36)["measure"] == "fund"


@pytest.mark.parametrize(
    "text",
    [
        "开发区将全力推进项目建设，确保全年完成固定资产投资100亿元以上。",
        "各开发区要抓好项目建设和招商引资，确保全年完成投资4500亿元以上。",
        "确保签约项目年内开工率达到70%以上，力争全年完成固定资产投资120亿元。",
    ],
)
def test_the_work_of_projects_names_no_project(text) -> None:
    project = row_at(rows_of(doc_of(text)), float(re.findall(r"(\d+)亿元", text)[-1]))["project"]
    assert "项目" not in project


def test_gai_jijin_names_the_fund_of_the_sentence_before() -> None:
    text = "活动中，大同市新能源产业发展基金与三家企业签署了合作备忘录。该基金规模20亿元。"
    row = row_at(rows_of(doc_of(text)), 20)
    assert (row["project"], row["measure"]) == ("大同市新能源产业发展基金", "fund")


def figures_in(text: str) -> list[tuple[str, float, str]]:
    """(project, amount in 万元, measure) of every row of ``text``, sorted."""
    df = rows_of(doc_of(text))
    return sorted(zip(df["project"], df["amount_yuan"] / 1e4, df["measure"], strict=True))


def test_a_numbered_list_under_a_unit_line_gives_its_bare_figures() -> None:
    text = (
        "园区重点推进项目清单如下(单位:万元):\n"
        "1.甲公司年产10万吨特种炭黑项目,总投资68500,一季度完成投资8600;\n"
        "2.乙产业园基础设施项目,总投资42000,已开工;\n"
        "以上项目均有序推进,其中10万吨产能已投产。"
    )
    assert figures_in(text) == [
        ("乙产业园基础设施项目", 42000, "total"),
        ("甲公司年产10万吨特种炭黑项目", 8600, "completed"),
        ("甲公司年产10万吨特种炭黑项目", 68500, "total"),
    ]


def test_an_areas_fixed_asset_investment_is_not_a_batch_counted_before_it() -> None:
    doc = doc_of("龙门园区力争上半年新签约项目10个以上，全年完成固定资产投资40亿元。")
    row = row_at(rows_of(doc, mentions_of(doc, "龙门园区")), 40)
    assert (row["project"], row["measure"]) == ("龙门园区全年完成固定资产投资", "completed")


def test_a_header_above_rows_that_carry_their_units() -> None:
    text = (
        "具体如下：\n序号 项目名称 建设单位 总投资 年度完成投资 进度\n"
        "1 年产20万吨针状焦项目 山西甲新材料有限公司 23.8亿元 9.6亿元 主体完工\n"
        "2 智能矿用装备制造基地 山西乙重工有限公司 6800万元 4200万元 投产\n三、招商引资情况"
    )
    assert figures_in(text) == [
        ("年产20万吨针状焦项目", 96000, "completed"),
        ("年产20万吨针状焦项目", 238000, "total"),
        ("智能矿用装备制造基地", 4200, "completed"),
        ("智能矿用装备制造基地", 6800, "total"),
    ]


def test_list_lines_with_figures_are_rows_not_headers() -> None:
    # each line looks like a header to the line after it; reading must go on, and end
    text = "\n".join(
        f"{i}.甲{i}项目\u3000投资方：乙公司\u3000总投资：{i}亿元\u3000落地：丙开发区"
        for i in (1, 2, 3)
    )
    df = rows_of(doc_of(text))
    assert sorted(df["amount_yuan"] / 1e8) == [1, 2, 3]


def test_a_promotion_event_for_projects_names_none() -> None:
    text = "在甲市招商引资项目推介会上，甲开发区与乙公司签订投资协议。项目总投资15.8亿元。"
    project = row_at(rows_of(doc_of(text)), 15.8)["project"]
    assert not isinstance(project, str) or "推介" not in project and "招商引资" not in project


def test_a_batch_named_without_its_area_takes_the_zone_its_clause_is_about() -> None:
    doc = doc_of(
        "（二）龙门工业园区。实施重点项目27个，总投资146.2亿元。包括甲产业园等项目;产业类项目112个,总投资616亿元。"
    )
    df = rows_of(doc, pd.concat([mentions_of(doc, "龙门工业园区"), mentions_of(doc, "甲产业园")]))
    assert row_at(df, 146.2)["project"] == "龙门工业园区实施重点项目27个"
    assert row_at(df, 616)["project"] == "产业类项目112个"  # the park only ends a list


def test_a_motto_with_zhu_is_not_a_project() -> None:
    text = "甲区坚持以项目建设为主抓手。2.固定资产投资完成52.7亿元，同比增长11.8%。"
    assert "以项目" not in str(row_at(rows_of(doc_of(text)), 52.7)["project"])


def test_a_count_with_one_figure_each_lists_single_projects() -> None:
    df = rows_of(
        doc_of(
            "签约项目8个，总投资48.5亿元，另有3个小型配套项目投资额分别为5600万元、4200万元和"
            "2800万元。甲区、乙区分别签约项目20个和30个，总投资分别为100亿元和150亿元。"
        )
    )
    assert list(df["measure"]) == ["aggregate", "total", "total", "total"] + ["aggregate"] * 2
    assert df["project_count"].iloc[1:4].isna().all()


def test_a_body_counting_the_headlines_projects_keeps_the_count() -> None:
    title = "全省开发区前三季度项目建设综述：投资总额突破1.2万亿元"
    text = f"{title}\n截至9月底，全省开发区在建亿元以上项目2683个，计划总投资1.2万亿元。"
    doc = clean_document(RawDocument("t", Path("t.txt"), text, "utf-8", title=title))
    df = rows_of(doc)
    assert list(df["amount_yuan"] / YI) == [12000]
    assert df["measure"].iloc[0] == "aggregate" and df["project_count"].iloc[0] == 2683


def test_a_phase_opening_the_clause_names_the_projects_phase() -> None:
    doc = doc_of(
        "沙河电池片项目总投资52亿元，分两期建设。一期投资24亿元，去年已投产，"
        "一期累计完成投资21.5亿元；其中二期计划投资28亿元。"
    )
    df = rows_of(doc)
    assert row_at(df, 52)["project"] == "沙河电池片项目"
    assert row_at(df, 24)["project"] == "沙河电池片项目一期"
    assert row_at(df, 28)["project"] == "沙河电池片项目二期"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("龙门经开区建成标准化厂房3.6万平方米，总投资1.35亿元，租金为每月7元/平方米。", [1.35]),
        ("沙河光伏项目总投资9.8亿元，到户电价较市场价低约0.1元/千瓦时。", [9.8]),
        ("三项资金叠加，预计可撬动社会投资超过200亿元。", []),
        ("措施出台后，预计每年可带动企业新增投资50亿元以上。", []),
        ("力争到2025年新能源装备制造业产值突破500亿元。", []),
        ("龙门经开区引进功能食品加工项目4个，总投资6500万元至1.2亿元不等。", []),
        ("龙门光机电产业园入驻企业达到38家，年产值首次突破百亿元。", []),
    ],
)
def test_rates_leverage_and_output_already_made_are_not_investments(text, kept) -> None:
    assert list(rows_of(doc_of(text))["amount_yuan"] / YI) == kept


@pytest.mark.parametrize(
    ("text", "yi", "count"),
    [
        ("此外，3家光伏玻璃、边框和接线盒配套企业已完成签约，合计投资9.6亿元。", 9.6, 3),
        ("沙河制氢项目总投资12.8亿元；配套建设的3座加氢站总投资4500万元。", 0.45, 3),
    ],
)
def test_counted_firms_and_facilities_are_a_batch(text, yi, count) -> None:
    row = row_at(rows_of(doc_of(text)), yi)
    assert (row["measure"], row["project_count"]) == ("aggregate", count)


@pytest.mark.parametrize(
    ("text", "yi", "project"),
    [
        (
            "今年新上的干熄焦余热发电改造工程投资3200万元，预计年发电量4000万千瓦时。",
            0.32,
            "干熄焦余热发电改造工程",
        ),
        (
            "龙门经济开发区建成园区智慧安全监管平台，总投资3800万元，实现24小时在线监测。",
            0.38,
            "园区智慧安全监管平台",
        ),
        ("龙门经开区今年确定的重点项目年度计划投资为65亿元。", 65, "龙门经开区今年确定的重点项目"),
        ("园区同步建设的标准化厂房二期投资1.6亿元，预计9月交付使用。", 1.6, "标准化厂房二期"),
        (
            "管控平台已建成，接入园区21家企业的监测数据。园区应急救援中心投资1.12亿元。",
            1.12,
            "园区应急救援中心",
        ),
        (
            "一、沙河特钢精深加工项目\n建设内容：建设精深加工生产线，配套热处理及检测中心。\n"
            "投资估算：26亿元",
            26,
            "沙河特钢精深加工项目",  # a facility ending a clause is what the project builds
        ),
        (
            "龙门经开区签约沙河汽车零部件产业园项目，投资16亿元，计划引入12家配套企业，"
            "项目达产后年产值可达30亿元。",
            30,
            "沙河汽车零部件产业园项目",  # 项目 is the project named, not the firms it brings
        ),
        ("沙河电池片项目一期已投产，到目前一期累计完成投资21.5亿元。", 21.5, "沙河电池片项目一期"),
        (
            "龙门经济技术开发区数字经济产业园正式开园，首批入驻企业23家。园区一期投资4.5亿元。",
            4.5,
            "数字经济产业园一期",  # 园区一期: the phase of the park named before
        ),
        (
            "龙门信创产业园总建筑面积18万平方米，由龙门经开区投资建设，一期总投资6.5亿元。",
            6.5,
            "龙门信创产业园一期",  # not the zone that builds it
        ),
    ],
)
def test_works_and_collectives_name_their_figures(text, yi, project) -> None:
    doc = doc_of(text)
    assert row_at(rows_of(doc, find_mentions(doc)), yi)["project"] == project


def test_a_count_that_introduces_its_projects_is_no_batch() -> None:
    doc = doc_of("另外两个项目分别为沙河膜电极项目和龙门陶瓷粉体项目，总投资分别为6亿元和3.1亿元。")
    df = rows_of(doc)
    got = {yi: tuple(row_at(df, yi)[["project", "measure"]]) for yi in (6, 3.1)}
    assert got == {6: ("沙河膜电极项目", "total"), 3.1: ("龙门陶瓷粉体项目", "total")}


def test_a_project_described_with_wei_keeps_its_name() -> None:
    doc = doc_of("观摩团察看了沙河北斗产业基地项目，该项目为今年3月签约项目，总投资5亿元。")
    row = row_at(rows_of(doc), 5)
    assert (row["project"], row["measure"]) == ("沙河北斗产业基地项目", "total")


def test_a_firm_referred_back_to_is_not_part_of_the_project_name_but_its_company() -> None:
    doc = doc_of("山西晶朔新能源有限公司入驻龙门经开区。该公司年产10GW电池片项目总投资48亿元。")
    row = row_at(rows_of(doc), 48)
    assert (row["project"], row["company"]) == ("年产10GW电池片项目", "山西晶朔新能源有限公司")
    doc = doc_of("龙门经开区引进山西华阳新材料有限公司。该公司投资12亿元建设年产5000吨碳纤维项目。")
    row = row_at(rows_of(doc), 12)
    assert (row["project"], row["company"]) == ("年产5000吨碳纤维项目", "山西华阳新材料有限公司")


def test_a_fund_for_project_construction_is_a_fund() -> None:
    doc = doc_of("龙门经开区今年设立2亿元项目建设要素保障资金，用于土地收储。")
    assert row_at(rows_of(doc), 2)["measure"] == "fund"


def test_counted_signing_items_are_a_batch() -> None:
    doc = doc_of("会上集中签约产业项目14个。22个签约事项总投资320亿元。")
    assert row_at(rows_of(doc), 320)["measure"] == "aggregate"


def test_a_headline_area_figure_the_body_sums_for_a_counted_batch_is_the_batch() -> None:
    title = "龙门经开区首批5宗标准地集中出让 竞得企业承诺投资17.6亿元"
    text = f"{title}\n3月25日，5家竞得企业承诺固定资产投资合计17.6亿元。"
    doc = clean_document(RawDocument("t", Path("t.txt"), text, "utf-8", title=title))
    df = rows_of(doc, find_mentions(doc))
    assert list(df["measure"]) == ["aggregate"] and df["start"].iloc[0] > len(title)


def test_a_headline_figure_the_body_names_in_full_is_one_fact() -> None:
    title = "龙门高新区再添新项目 总投资30亿元的碳化硅衬底项目开工"
    text = f"{title}\n其中，沙河半导体有限公司碳化硅衬底及外延项目总投资30亿元，分两期建设。"
    doc = clean_document(RawDocument("t", Path("t.txt"), text, "utf-8", title=title))
    assert list(rows_of(doc)["project"]) == ["碳化硅衬底及外延项目"]


def test_a_phased_park_opening_a_bulleted_item_is_the_project() -> None:
    doc = doc_of("简讯\n▲ 龙门开发区数字经济产业园二期近日竣工，项目总投资7.2亿元。")
    assert row_at(rows_of(doc), 7.2)["project"] == "龙门开发区数字经济产业园二期"


def test_two_kinds_of_fund_with_one_amount_are_two_facts() -> None:
    doc = doc_of(
        "对新认定的省级技术中心，给予一次性奖励100万元。融资支持方面，"
        "对企业用于项目建设的银行贷款给予贴息，每家企业每年贴息最高100万元。"
    )
    df = rows_of(doc)
    assert df["measure"].tolist() == ["fund", "fund"]
    assert df["project"].str.endswith("贴息").tolist() == [False, True]


def test_a_project_table_takes_its_unit_and_measure_from_the_header() -> None:
    doc = doc_of(
        "晋北经开区今年20个项目入选省重点工程，部分项目如下：\n"
        "序号\t项目名称\t建设性质\t总投资(亿元)\t2024年计划投资(亿元)\t建设内容\n"
        "1\t氢能装备产业园项目\t新建\t45.0\t12.0\t建设电堆生产线\n"
        "2\t锂电正极材料一体化项目\t续建\t1,068.5\t—\t年产10万吨正极材料\n"
        "合计\t\t\t1113.5\t12.0\t\n"
        "另有12个项目涉及配套设施建设。"
    )
    df = rows_of(doc, mentions_of(doc, "晋北经开区"))
    got = sorted(zip(df["project"], df["amount_yuan"] / YI, df["measure"], strict=True))
    assert got == [
        ("氢能装备产业园项目", 12.0, "annual_plan"),
        ("氢能装备产业园项目", 45.0, "total"),
        ("锂电正极材料一体化项目", 1068.5, "total"),  # no figure under 计划投资, no sum row
    ]
    row = df[df["amount_yuan"] == 45 * YI].iloc[0]
    assert row["evidence"] == "1\t氢能装备产业园项目\t新建\t45.0\t12.0\t建设电堆生产线"
    assert doc.text[row["start"] : row["end"]] == "45.0"
    assert row["zone_surface"] == "晋北经开区"  # the zone named before the table
    assert pd.isna(row["status"])  # 新建, and the 建设… of the content column says nothing
    assert set(df.loc[df["amount_yuan"] == 1068.5 * YI, "status"]) == {"under_construction"}


def test_a_space_aligned_table_in_wan_yuan() -> None:
    doc = doc_of(
        "项目名称    投资额（万元）    建设地点\n"
        "冷链物流中心项目    3200    临猗县\n"
        "果品深加工项目    850.5    临猗县\n"
    )
    df = rows_of(doc)
    assert sorted(zip(df["project"], df["amount_yuan"], strict=True)) == [
        ("冷链物流中心项目", 32_000_000.0),
        ("果品深加工项目", 8_505_000.0),
    ]
    assert set(df["measure"]) == {"total"}


def test_a_rate_per_unit_is_not_a_sum() -> None:
    doc = doc_of(
        "对新建标准化厂房，按面积给予每平方米200元补助，单个项目补助最高不超过500万元。"
        "对引进的博士，给予每人每年3万元生活补贴。"
    )
    df = rows_of(doc)
    assert list(df["amount_yuan"]) == [500 * 1e4]  # the cap, not the rates


def test_investment_completed_written_after_the_noun() -> None:
    doc = doc_of("上半年，全区固定资产投资完成41.7亿元，同比增长16.5%。")
    assert row_at(rows_of(doc), 41.7)["measure"] == "completed"


def test_a_table_with_empty_cells_keeps_its_columns() -> None:
    doc = doc_of(
        "序号\t项目名称\t建设性质\t总投资(亿元)\t年度计划投资(亿元)\t备注\n"
        "1\t甲项目\t\t35.2\t8.5\t\n"  # no 建设性质, no 备注
        "2\t乙项目\t续建\t22.8\t\t重点\n"  # no plan
        "以上项目均已纳入省级重点工程。"
    )
    df = rows_of(doc)
    got = sorted(zip(df["project"], (df["amount_yuan"] / YI).round(4), df["measure"], strict=True))
    assert got == [
        ("乙项目", 22.8, "total"),
        ("甲项目", 8.5, "annual_plan"),
        ("甲项目", 35.2, "total"),
    ]


def test_a_counted_headline_is_a_batch() -> None:
    doc = doc_of("龙门产业园区26个项目集中开工\n总投资312亿元 平均单体投资12亿元\n")
    row = row_at(rows_of(doc), 312)
    assert (row["measure"], row["project_count"]) == ("aggregate", 26)


def test_a_table_whose_unit_is_declared_above_its_header() -> None:
    doc = doc_of(
        "附件\n2024年重点支持项目表\n单位：万元\n"
        "序号\t开发区\t项目名称\t建设单位\t总投资\t2024年计划投资\t建设性质\n"
        "1\t龙门经济开发区\t甲项目\t甲公司\t356000\t120000\t新建\n"
        "2\t沙河经济开发区\t乙项目\t乙公司\t142000\t\t续建\n"
        "合计\t\t\t\t498000\n"
    )
    df = rows_of(doc)
    got = sorted(zip(df["project"], (df["amount_yuan"] / YI).round(4), df["measure"], strict=True))
    assert got == [
        ("乙项目", 14.2, "total"),
        ("甲项目", 12.0, "annual_plan"),
        ("甲项目", 35.6, "total"),
    ]


def test_an_enumerated_item_names_its_own_project() -> None:
    doc = doc_of(
        "开发区今年有三个大项目值得关注。一是山西甲乙新材料有限公司年产20万吨碳化硅微粉项目，"
        "总投资12亿元，已经封顶；二是丙丁能源年产3GWh储能电池项目，总投资26亿元，一期投资9亿元。"
    )
    df = rows_of(doc)
    first, second, phase = row_at(df, 12), row_at(df, 26), row_at(df, 9)
    assert first["project"] == "年产20万吨碳化硅微粉项目"
    assert first["company"] == "山西甲乙新材料有限公司"
    assert second["project"] == "丙丁能源年产3GWh储能电池项目"
    assert phase["project"] == "丙丁能源年产3GWh储能电池项目一期"
    assert pd.isna(phase["company"])  # 一期投资9亿元: a phase, not a firm


@pytest.mark.parametrize(
    ("sentence", "project", "company"),
    [
        (
            "山西某某光电有限公司投资建设Micro LED背光模组项目，总投资15亿元。",
            "Micro LED背光模组项目",
            "山西某某光电有限公司",
        ),
        ("甲乙新能年产5GW钙钛矿（PSC）叠层组件项目总投资15亿元。", None, None),
        ("丙丁半导体6英寸GaN（氮化镓）外延片项目总投资15亿元。", None, None),
        ("戊己显示Mini LED及Micro LED直显模组项目总投资15亿元。", None, None),
        ("某某县壬癸陶瓷产业园（一期）项目总投资15亿元。", None, None),
        (
            "庚辛（太原）材料有限公司高纯石墨项目总投资15亿元。",
            "高纯石墨项目",
            "庚辛（太原）材料有限公司",
        ),
    ],
    ids=[
        "space",
        "latin-gloss",
        "term-gloss",
        "two-spaced-words",
        "gloss-before-the-head",
        "gloss-in-a-company",
    ],
)
def test_latin_words_and_glosses_stay_in_the_name(
    sentence: str, project: str | None, company: str | None
) -> None:
    row = row_at(rows_of(doc_of(sentence)), 15)
    assert row["project"] == (project or sentence[: sentence.index("项目") + 2])
    assert (None if pd.isna(row["company"]) else row["company"]) == company


def test_a_zones_short_name_in_brackets_is_no_gloss() -> None:
    doc = doc_of("某某经济技术开发区（某某经开区）氢能产业园项目总投资15亿元。")
    assert row_at(rows_of(doc), 15)["project"] == "氢能产业园项目"


def test_a_fenbie_list_after_joined_projects() -> None:
    doc = doc_of(
        "甲乙能源年产2GW TOPCon组件项目和配套100MW储能电站项目同日开工，"
        "总投资分别为18亿元和4.5亿元。"
        "东山开发区的丙丁材料年产5万吨石墨项目、西河开发区的戊己食品深加工项目相继投产，"
        "两个项目总投资分别为12亿元和2.6亿元。"
        "山西庚有限公司碳纤维项目与山西辛有限公司复合材料项目总投资分别为6亿元、3亿元，"
        "年度计划投资1.2亿元。"
    )
    zones = [mentions_of(doc, "东山开发区"), mentions_of(doc, "西河开发区")]
    df = rows_of(doc, pd.concat(zones, ignore_index=True))
    got = {yi: tuple(row_at(df, yi)[["project", "measure"]]) for yi in (18, 4.5, 12, 2.6)}
    assert got == {
        18: ("甲乙能源年产2GW TOPCon组件项目", "total"),
        4.5: ("配套100MW储能电站项目", "total"),
        12: ("丙丁材料年产5万吨石墨项目", "total"),  # not the batch 两个项目
        2.6: ("戊己食品深加工项目", "total"),
    }
    assert (row_at(df, 12)["zone_surface"], row_at(df, 2.6)["zone_surface"]) == (
        "东山开发区",
        "西河开发区",
    )
    firms = {yi: tuple(row_at(df, yi)[["project", "company"]]) for yi in (6, 3)}
    assert row_at(df, 1.2)["measure"] == "annual_plan"  # after the list, not in it
    assert firms == {6: ("碳纤维项目", "山西庚有限公司"), 3: ("复合材料项目", "山西辛有限公司")}


def test_works_and_a_phased_park_opening_a_clause_are_the_project() -> None:
    doc = doc_of(
        "某某经开区：某某市智能制造产业园三期开工建设，新增标准厂房8万平方米，总投资6.4亿元。"
        "今年实施园区基础设施项目12个，总投资30亿元。"
        "其中，某某经开区南区供热及燃气管网工程总投资4.2亿元。"
        "全年某某经开区重点工程总投资20亿元。"
    )
    df = rows_of(doc, mentions_of(doc, "某某经开区"))
    assert row_at(df, 6.4)["project"] == "某某市智能制造产业园三期"
    assert row_at(df, 4.2)["project"] == "某某经开区南区供热及燃气管网工程"
    assert row_at(df, 20)["project"] == "某某经开区重点工程总投资"  # the zone's, not one works


def test_is_describes_or_names_a_project() -> None:
    doc = doc_of(
        "9月2日，甲乙新材料年产8万吨碳纤维项目投产。该项目总投资12亿元，是全县近年引进的最大的工业项目。"
        "项目全部达产后，预计年产值20亿元。"
        "此次签约的10个项目中，投资额最大的是丙丁储能电池项目，总投资35亿元。"
        "开发区开工项目6个，总投资18亿元，重点是戊己精细化工项目，总投资7亿元。"
    )
    df = rows_of(doc)
    got = {yi: row_at(df, yi)["project"] for yi in (12, 20, 35, 7)}
    assert got == {
        12: "甲乙新材料年产8万吨碳纤维项目",
        20: "甲乙新材料年产8万吨碳纤维项目",  # not 最大的工业项目, a description of it
        35: "丙丁储能电池项目",  # 最大的是X: X is named, not described
        7: "戊己精细化工项目",
    }
    assert row_at(df, 7)["measure"] == "total"


def test_projects_under_construction_and_a_share_after_the_plan() -> None:
    doc = doc_of(
        "截至6月底，园区在建项目累计完成投资41.5亿元。"
        "上半年，开发区25个重点项目完成投资30亿元，占年度计划投资66亿元的45.5%。"
    )
    df = rows_of(doc)
    assert row_at(df, 41.5)["project"] == "园区在建项目"  # 在建 is a status, not 在 + X
    plan = row_at(df, 66)
    assert plan["measure"] == "annual_plan"
    assert plan["project"] == row_at(df, 30)["project"]  # not 45.5%, the share after 的


def test_fund_names_keep_their_verbs_and_projects() -> None:
    doc = doc_of(
        "市财政出资组建总规模12亿元的某某市园区建设发展基金，首期规模3亿元。"
        "另设规模1.5亿元的园区项目建设周转资金，支持新开工项目前期工作。"
        "联合社会资本设立总规模8亿元的某某市新材料产业投资基金，首期认缴2亿元。"
    )
    df = rows_of(doc)
    got = {yi: tuple(row_at(df, yi)[["project", "measure"]]) for yi in (12, 3, 1.5, 8, 2)}
    assert got == {
        12: ("某某市园区建设发展基金", "fund"),  # 财政 before the figure: a fund after 的
        3: ("某某市园区建设发展基金", "fund"),
        1.5: ("园区项目建设周转资金", "fund"),  # not the 园区项目 inside it
        8: ("某某市新材料产业投资基金", "fund"),
        2: ("某某市新材料产业投资基金", "fund"),  # not 基金 cut after 投资
    }


def test_innovation_vouchers_named_after_their_figure_are_a_fund() -> None:
    row = row_at(rows_of(doc_of("区里安排3000万元的科技创新券，支持企业购买检测服务。")), 0.3)
    assert (row["project"], row["measure"]) == ("科技创新券", "fund")


def test_a_firm_named_alone_owns_the_next_sentences_project() -> None:
    doc = doc_of(
        "记者在山西甲乙铸造有限公司的施工现场看到，工人们正在安装设备。"
        "“这个项目是今年引进的最大的工业项目，总投资9.6亿元。”"
        "园区去年完成投资20亿元。"
    )
    df = rows_of(doc)
    row = row_at(df, 9.6)
    assert row["company"] == "山西甲乙铸造有限公司" and pd.isna(row["project"])
    assert pd.isna(row_at(df, 20)["company"])  # no 该项目: the firm is not the area's


def test_firms_signing_for_one_named_project_are_no_batch() -> None:
    doc = doc_of("当天，开发区与三家企业签订了年产5万吨负极材料项目合作协议，项目总投资6亿元。")
    row = row_at(rows_of(doc), 6)
    assert (row["project"], row["measure"]) == ("年产5万吨负极材料项目", "total")
    assert pd.isna(row["project_count"])


def test_works_built_with_a_figure_are_its_project() -> None:
    doc = doc_of(
        "首批8家配套企业已入驻。园区还出资9000万元建设了新材料中试检测中心，服务中小企业。"
        "今年投资6亿元实施园区东路延伸、雨污管网改造等配套工程。"
    )
    df = rows_of(doc)
    lab, works = row_at(df, 0.9), row_at(df, 6)
    assert (lab["project"], lab["measure"]) == ("新材料中试检测中心", "total")
    assert (works["project"], works["measure"]) == ("园区东路延伸、雨污管网改造等配套工程", "total")


def test_a_fund_anaphor_and_a_quoted_description_point_back() -> None:
    doc = doc_of(
        "开发区积极争取省级某某转型发展基金支持，该基金总规模30亿元。"
        "甲乙铝业年产20万吨再生铝项目开工。该项目总投资9亿元，是全市“十四五”重点工程，"
        "投产后预计年产值25亿元。"
    )
    df = rows_of(doc)
    assert row_at(df, 30)["project"] == "省级某某转型发展基金"  # not 该基金
    assert row_at(df, 25)["project"] == "甲乙铝业年产20万吨再生铝项目"


def test_a_bar_separated_table_with_units_in_its_cells() -> None:
    doc = doc_of(
        "某某经开区开工项目共12个，总投资80亿元。部分重点项目如下：\n"
        "序号 | 项目名称 | 建设单位 | 总投资 | 建设内容\n"
        "|---|---|---|---|---|\n"
        "1 | 年产5GWh钠电池项目 | 山西甲乙储能有限公司 | 25亿元 | 建设电芯生产线\n"
        "2 | 冷链仓储中心项目 | 山西丙丁物流有限公司 | 8000万元 | 冷库5万吨\n"
        "以上项目计划年内全部开工。"
    )
    df = rows_of(doc, mentions_of(doc, "某某经开区"))
    columns = (df["project"], df["company"], df["amount_yuan"] / YI, df["measure"])
    got = sorted(zip(*columns, strict=True))
    assert got[:2] == [
        ("冷链仓储中心项目", "山西丙丁物流有限公司", 0.8, "total"),
        ("年产5GWh钠电池项目", "山西甲乙储能有限公司", 25.0, "total"),
    ]
    assert len(df) == 3  # the two cells, once each, and the batch's 80亿元
    row = row_at(df, 25)
    assert doc.text[row["start"] : row["end"]] == "25亿元"
    assert row["zone_surface"] == "某某经开区"


def test_a_grant_is_labelled_by_whom_it_goes_to() -> None:
    doc = doc_of(
        "总部经济方面，对新引进的企业地区总部，根据其实缴资本，给予50万元至200万元的一次性落户奖励。"
        "对新认定的国家级工程研究中心、企业技术中心，奖励100万元。"
        "对省级孵化器奖励30万元。"
    )
    df = rows_of(doc)
    assert row_at(df, 0.005)["project"] == "企业地区总部一次性落户奖励"
    assert row_at(df, 0.02)["project"] == row_at(df, 0.005)["project"]
    assert row_at(df, 0.01)["project"] == "国家级工程研究中心、企业技术中心奖励"
    assert row_at(df, 0.003)["project"] == "省级孵化器奖励"  # named once, not twice


def test_a_bare_headline_figure_gives_way_to_the_body_that_names_it() -> None:
    doc = doc_of(
        "总投资26.5亿元！某某园区一季度重点项目集中开工\n"
        "3月18日，某某园区一季度重点项目集中开工，此次集中开工项目共9个，总投资26.5亿元。\n"
    )
    row = row_at(rows_of(doc), 26.5)
    assert (row["measure"], row["project_count"]) == ("aggregate", 9)
    assert row["sentence_start"] > 0  # the body's row, not the headline's


def test_works_built_after_a_fund_the_clause_before_set_up() -> None:
    doc = doc_of(
        "为推动项目落地，园区设立了总规模3亿元的数字产业投资基金，"
        "并出资6000万元建设数据标注中心和公共算力平台。"
    )
    df = rows_of(doc)
    assert row_at(df, 3)["measure"] == "fund"
    works = row_at(df, 0.6)
    assert (works["project"], works["measure"]) == ("数据标注中心和公共算力平台", "total")


def test_a_bare_fund_word_opening_a_clause_is_the_fund_named_before() -> None:
    doc = doc_of("由市国投公司牵头设立的龙门经开区产业引导基金正式揭牌，基金首期规模10亿元。")
    assert row_at(rows_of(doc), 10)["project"] == "龙门经开区产业引导基金"


def test_signed_projects_of_counted_zones_are_an_aggregate() -> None:
    doc = doc_of("甲经济技术开发区、乙经济技术开发区2个国家级经开区上半年新签约项目总投资320亿元。")
    assert row_at(rows_of(doc), 320)["measure"] == "aggregate"


def test_a_figure_each_of_several_reaches_is_not_a_sum() -> None:
    doc = doc_of("甲开发区、乙开发区等10个开发区新签约项目总投资均超过100亿元。")
    assert rows_of(doc).empty


def test_a_long_zone_name_before_counted_zones_is_a_scope() -> None:
    doc = doc_of(
        "太原高新技术产业开发区、长治高新技术产业开发区2个国家级高新区新签约项目总投资689亿元。"
    )
    assert row_at(rows_of(doc), 689)["measure"] == "aggregate"
