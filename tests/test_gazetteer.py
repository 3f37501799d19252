"""The gazetteer of Shanxi zones, the county -> city table and the name-key rules."""

from __future__ import annotations

import pytest

from devzones.gazetteer import (
    GAZETTEER_COLUMNS,
    KINDS,
    LEVELS,
    Gazetteer,
    ZoneKey,
    cities,
    county_city,
    default_gazetteer,
    load_gazetteer,
    strip_places,
    zone_key,
)


def test_gazetteer_loads_with_valid_vocabularies():
    g = load_gazetteer()
    assert list(g.columns) == GAZETTEER_COLUMNS
    assert len(g) >= 50
    assert g["code"].is_unique and g["name"].is_unique
    assert set(g["kind"]) <= set(KINDS)
    assert set(g["level"]) <= set(LEVELS)
    assert (g["source"] != "").all()
    assert set(g["city"]) - {""} <= set(cities())


def test_gazetteer_keeps_the_2018_catalogue_rows():
    g = load_gazetteer()
    catalogue = g[g["code"].str.match(r"^[GS]\d{6}$")]
    assert len(catalogue) == 27
    assert (catalogue["level"] == "national").sum() == 7
    assert catalogue["source"].str.contains("2018").all()


def test_every_name_and_short_name_looks_up_its_own_row():
    gaz = default_gazetteer()
    for code in gaz.rows:
        for name in gaz.names_of(code):
            assert gaz.lookup(zone_key(name)) == code, name


def test_county_table_covers_the_eleven_cities():
    table = county_city()
    assert len(cities()) == 11
    assert table["清徐县"] == "太原" and table["原平市"] == "忻州" and table["应县"] == "朔州"
    assert len(table) >= 110


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("山西清徐经济开发区", ZoneKey("清徐", "经开区", "太原")),
        ("清徐县经济开发区", ZoneKey("清徐", "经开区", "太原")),
        ("清徐经开区", ZoneKey("清徐", "经开区", "太原")),
        ("山西转型综合改革示范区", ZoneKey("", "综改区", "")),
        ("山西综改区", ZoneKey("", "综改区", "")),
        ("太原中北高新区", ZoneKey("中北", "高新区", "太原")),
        ("中北高新技术产业开发区", ZoneKey("中北", "高新区", "")),
        ("晋中国家农高区", ZoneKey("晋中", "农高区", "晋中")),
        ("阳曲大盂产业新城", ZoneKey("大盂", "新城", "太原")),
        ("大盂新城", ZoneKey("大盂", "新城", "")),
        ("忻州半导体产业园区", ZoneKey("半导体", "园区", "忻州")),
        ("应县经济技术开发区", ZoneKey("应县", "经开区", "朔州")),
    ],
)
def test_zone_key_canonicalises_kind_words_and_places(name, key):
    assert zone_key(name) == key


def test_strip_places_keeps_a_place_that_is_the_whole_name():
    assert strip_places("晋中") == ("晋中", "晋中")
    assert strip_places("太原市清徐县") == ("清徐", "太原")
    assert strip_places("山西") == ("", "")


def test_lookup_by_core_only_for_distinctive_names():
    gaz = Gazetteer()
    assert gaz.lookup(zone_key("中北经济开发区")) == gaz.lookup(zone_key("中北高新区"))
    assert gaz.lookup(zone_key("风陵渡开发区")) == "S147020"
    # 太原 has two zones of the family: a plain 太原开发区 is ambiguous
    assert gaz.lookup(zone_key("太原开发区")) is None
    assert gaz.lookup(zone_key("太原经开区")) == "G141004"


@pytest.mark.parametrize(
    "variant, official",
    [("长治国家高新区", "长治高新技术产业开发区"), ("大同国家级经济技术开发区", "大同经开区")],
)
def test_national_designation_inside_a_name_is_the_same_zone(variant: str, official: str):
    """长治国家高新区 is 长治高新区: the 国家(级) designation is not part of the name."""
    assert zone_key(variant) == zone_key(official)
