"""Report views: on the seed tables (inventory, focus narrowing, sentences) and on small frames
written here for the arithmetic that must hold whatever the extractors find (a repeated figure is
counted once, programmes stay apart from projects, measures are never added together)."""

from __future__ import annotations

import pandas as pd
import pytest

from devzones import report, views
from devzones.tables import Tables


@pytest.fixture(scope="module")
def seed_tables(seeds_dir) -> Tables:
    return report.load_tables(seeds_dir)


def _most_mentioned(tables: Tables) -> tuple[str, str]:
    counts = views.mention_counts(tables.zone_mentions).sort_values(
        ["mentions", "zone_id"], ascending=[False, True]
    )
    zone_id = counts["zone_id"].iloc[0]
    return zone_id, views.zone_names(tables.zones)[zone_id]


def test_inventory_lists_each_zone_once_most_mentioned_first(seed_tables) -> None:
    inventory = views.zone_views(seed_tables)["inventory"]
    assert len(inventory) == len(seed_tables.zones) > 0
    assert inventory["zone"].is_unique
    assert inventory["mentions"].is_monotonic_decreasing
    assert (inventory["articles"] <= inventory["mentions"]).all()
    assert inventory["mentions"].sum() == seed_tables.zone_mentions["zone_id"].notna().sum()


def test_sentences_hold_the_zone_they_are_listed_under(seed_tables) -> None:
    zone_id, name = _most_mentioned(seed_tables)
    sentences = views.zone_views(seed_tables, zone_id)["sentences"]
    mentions = seed_tables.zone_mentions
    surfaces = set(mentions.loc[mentions["zone_id"] == zone_id, "surface"])
    assert len(sentences) > 0
    assert set(sentences["zone"]) == {name}
    assert all(any(s in sentence for s in surfaces) for sentence in sentences["sentence"])


@pytest.mark.parametrize("theme", views.THEME_VIEWS)
def test_focus_zone_narrows_every_table(seed_tables, theme) -> None:
    zone_id, name = _most_mentioned(seed_tables)
    build = views.THEME_VIEWS[theme]
    full, focused = build(seed_tables, None, 1000), build(seed_tables, zone_id, 1000)
    assert focused.keys() == full.keys()
    for table, df in focused.items():
        assert len(df) <= len(full[table]), table
        if "zone" in df.columns:
            assert set(df["zone"]) <= {name}, table
    assert any(len(df) < len(full[t]) for t, df in focused.items() if len(full[t]))


def test_zone_profile_describes_the_focus_zone(seed_tables) -> None:
    zone_id, name = _most_mentioned(seed_tables)
    profile = views.zone_views(seed_tables, zone_id)["profile"].set_index("field")["value"]
    assert profile["zone"] == name
    assert profile["zone_id"] == zone_id
    assert int(profile["mentions"]) == (seed_tables.zone_mentions["zone_id"] == zone_id).sum()


def test_find_zone_reads_names_aliases_and_traditional_script() -> None:
    zones = pd.DataFrame(
        {
            "zone_id": ["z1", "z2"],
            "name": ["太原经济技术开发区", "山西转型综合改革示范区"],
            "aliases": ["太原经开区", "综改区|山西综改示范区"],
        }
    )
    assert views.find_zone(zones, "太原经济技术开发区") == "z1"
    assert views.find_zone(zones, " 综改区 ") == "z2"
    assert views.find_zone(zones, "山西綜改示範區") == "z2"
    assert views.find_zone(zones, "z1") == "z1"
    assert views.find_zone(zones, "大同经济技术开发区") is None


def _tables(investments: pd.DataFrame, documents: pd.DataFrame | None = None) -> Tables:
    zones = pd.DataFrame(
        {"zone_id": ["z1"], "name": ["甲经济技术开发区"], "aliases": [""], "city": ["太原"]}
    )
    if documents is None:
        documents = pd.DataFrame({"doc_id": ["a", "b"], "date": ["2024-03-01", "2024-05-01"]})
    return Tables(
        documents=documents,
        zones=zones,
        zone_mentions=pd.DataFrame({"doc_id": ["a"], "zone_id": ["z1"], "surface": ["甲"]}),
        investments=investments,
        chains=pd.DataFrame(columns=["doc_id", "name", "stages"]),
    )


def _investment(doc, project, yi, measure, status="signed", zone="z1", **extra) -> dict:
    return {
        "doc_id": doc,
        "project": project,
        "company": "",
        "zone_id": zone,
        "amount_yuan": yi * 1e8,
        "measure": measure,
        "status": status,
        **extra,
    }


def test_investment_totals_count_each_fact_once_and_keep_measures_apart() -> None:
    rows = pd.DataFrame(
        [
            _investment("a", "风电装备项目", 10, "total"),
            _investment("b", "风电装备项目", 10, "total"),  # the same figure, reported again
            _investment("a", "风电装备项目", 25, "output_value"),
            _investment("b", "光伏组件项目", 4.5, "total", status="started", zone=None),
            _investment("a", "重大项目(30个)", 300, "aggregate", project_count=30),
            _investment("a", "重大项目(30个)", 60, "annual_plan", project_count=30),
            _investment("b", "产业基金", 50, "fund", status=""),
        ]
    )
    v = views.investment_views(_tables(rows))
    projects = v["projects"]
    assert list(projects["amount (亿元)"]) == [25.0, 10.0, 4.5]  # largest first
    assert projects.loc[projects["amount (亿元)"] == 10.0, "articles"].item() == 2
    assert list(v["programmes"]["measure"]) == ["aggregate", "annual_plan", "fund"]
    assert v["programmes"].loc[0, "projects"] == 30
    assert "annual_plan" not in v["totals_by_zone"].columns  # the plan is the programme's
    by_zone = v["totals_by_zone"].set_index("zone")
    assert by_zone.loc["甲经济技术开发区", "total"] == 10.0  # not 20: counted once
    assert by_zone.loc["甲经济技术开发区", "output_value"] == 25.0  # not added to total
    assert by_zone.loc[views.NO_ZONE, "total"] == 4.5
    by_measure = v["totals_by_measure"].set_index("measure")
    assert by_measure.loc["aggregate", "kind"] == "programme / fund"
    assert by_measure.loc["total", "amount (亿元)"] == 14.5
    assert list(v["timeline"]["date"]) == sorted(v["timeline"]["date"])


def test_staged_chains_most_reported_first_once_each() -> None:
    def chain(doc: str, name: str, stages: str) -> dict[str, str]:
        return {"doc_id": doc, "name": name, "stages": stages, "evidence": f"{doc}:{name}"}

    rows = pd.DataFrame(
        [
            chain("a", "光伏", "硅料|电池片|组件"),
            chain("a", "氢能", "制氢|储氢|加氢"),
            chain("b", "氢能", "制氢|储氢|加氢"),
            chain("b", "煤化工", "煤炭"),  # one stage: not a flow
            chain("c", "特钢", "炼钢|轧材"),
        ]
    )
    staged = views.staged_chains(rows)
    assert list(staged["chain"]) == ["氢能", "光伏", "特钢"]  # ties stay in order of appearance
    assert list(staged["articles"]) == [2, 1, 1]
    assert staged.loc[0, "stages"] == "制氢 → 储氢 → 加氢"
    assert staged.loc[0, "sentence"] == "a:氢能"  # the first article giving it


def test_event_date_wins_over_the_article_date() -> None:
    rows = pd.DataFrame(
        [
            _investment("a", "甲项目", 1, "total", event_date="2023-12-28"),
            _investment("b", "乙项目", 2, "total", event_date=None),
        ]
    )
    timeline = views.investment_views(_tables(rows))["timeline"]
    assert dict(zip(timeline["project"], timeline["date"], strict=True)) == {
        "甲项目": "2023-12-28",
        "乙项目": "2024-05-01",
    }


def test_filter_period_keeps_dated_articles_in_range_and_their_rows() -> None:
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2023-06-01", "2024-05-01", None]})
    rows = pd.DataFrame([_investment(d, f"{d}项目", 1, "total", zone=None) for d in "abc"])
    kept = views.filter_period(_tables(rows, docs), "2024-01-01", None)
    assert list(kept.documents["doc_id"]) == ["b"]
    assert list(kept.investments["doc_id"]) == ["b"]
    assert kept.zones.empty  # its only mention is in article a
    everything = views.filter_period(_tables(rows, docs), None, None)
    assert len(everything.documents) == 3


def test_in_script_converts_text_only() -> None:
    df = pd.DataFrame({"zone": ["山西转型综合改革示范区"], "mentions": [3]})
    out = views.in_script(df, "traditional")
    assert out.loc[0, "zone"] == "山西轉型綜合改革示範區"
    assert out.loc[0, "mentions"] == 3
    assert views.in_script(df, "simplified") is df


def test_relations_resolve_surfaces_and_carriers_resolve_aliases() -> None:
    zones = pd.DataFrame(
        {
            "zone_id": ["z1", "z2"],
            "name": ["太忻一体化经济区", "大盂产业新城"],
            "aliases": ["太忻经济区", ""],
        }
    )
    rel = pd.DataFrame({"parent": ["太忻经济区"], "child": ["大盂产业新城"], "relation": ["x"]})
    out = views.zone_relations(rel, zones)
    assert out[["parent", "child", "parent_id", "child_id"]].values.tolist() == [
        ["太忻一体化经济区", "大盂产业新城", "z1", "z2"]
    ]
    chains = pd.DataFrame({"doc_id": ["a"], "name": ["特钢"], "carriers": ["太忻经济区|未知园区"]})
    pairs = views.chain_carriers(chains, zones, pd.DataFrame(columns=["doc_id", "zone_id"]))
    assert sorted(pairs["zone_id"]) == ["z1", "未知园区"]


def test_relations_and_industries_on_the_seeds_name_known_zones(seed_tables) -> None:
    v = views.zone_views(seed_tables)
    known = set(v["inventory"]["zone"])
    assert len(v["relations"]) > 0
    assert set(v["relations"]["parent"]) | set(v["relations"]["child"]) <= known
    assert set(v["industry_matrix"]["zone"]) <= known
    assert (v["industry_matrix"].drop(columns="zone").to_numpy() >= 0).all()
