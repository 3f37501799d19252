"""Charts: Chinese labels in both scripts render with the pip CJK font (no missing-glyph
warnings), PNG bytes are deterministic, and an empty view gives no chart."""

from __future__ import annotations

import warnings

import noto_cjk_sans_otc
import pandas as pd
import pytest
from matplotlib.font_manager import FontProperties, findfont

from devzones import plotting, views

CITY_LEVEL = pd.DataFrame(
    {
        "city": ["太原", "晉中", "(several / unknown)"],
        "national": [1, 1, 0],
        "provincial": [3, 2, 1],
        "total": [4, 3, 1],
    }
)
STAGED = pd.DataFrame(
    {
        "chain": ["高端碳纤维", "光電半導體"],
        "stages": ["丙烯腈 → 聚丙烯腈原丝 → 高性能碳纤维 → 复合材料零部件", "藍寶石晶體 → 襯底片"],
    }
)
EVENTS = pd.DataFrame(
    {
        "date": ["2024-03-15", "2024-08-19", ""],
        "amount (亿元)": [100.0, 2000.0, 5.0],
        "measure": ["total", "output_value", "total"],
    }
)


def _charts() -> dict[str, object]:
    return {
        "barh": plotting.barh(CITY_LEVEL, "city", "total", "开发区数量 開發區數量"),
        "stacked": plotting.stacked_barh(CITY_LEVEL, "city", "按城市和级别", "个", skip=("total",)),
        "heatmap": plotting.heatmap(CITY_LEVEL.drop(columns="total"), "city", "产业矩阵"),
        "flows": plotting.chain_flows(STAGED),
        "timeline": plotting.timeline(EVENTS),
    }


def test_the_cjk_font_is_the_one_installed_from_pypi() -> None:
    family = plotting.style()["font.family"]
    assert findfont(FontProperties(family=family)) == str(noto_cjk_sans_otc.FONT_PATH)


def test_chinese_labels_render_without_missing_glyphs() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        images = {name: plotting.png(fig) for name, fig in _charts().items()}
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert missing == []
    for name, data in images.items():
        assert data.startswith(b"\x89PNG") and len(data) > 5000, name


def test_png_bytes_are_deterministic() -> None:
    first = {name: plotting.png(fig) for name, fig in _charts().items()}
    second = {name: plotting.png(fig) for name, fig in _charts().items()}
    assert first == second
    assert b"Software" not in first["barh"]


def test_chain_flows_draw_one_row_per_chain_with_a_box_per_stage() -> None:
    fig = plotting.chain_flows(STAGED)
    assert [len([t for t in ax.texts if t.get_text()]) for ax in fig.axes] == [4, 2]
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["高端碳纤维", "光電半導體"]
    assert fig.axes[0].texts[1].get_text() == "聚丙烯腈原丝"


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_timeline_leaves_out_undated_events(script) -> None:
    fig = plotting.timeline(views.in_script(EVENTS, script))
    assert sum(len(c.get_offsets()) for c in fig.axes[0].collections) == 2


@pytest.mark.parametrize(
    "draw",
    [
        lambda: plotting.barh(CITY_LEVEL.head(0), "city", "total", "t"),
        lambda: plotting.barh(CITY_LEVEL, "city", "absent", "t"),
        lambda: plotting.stacked_barh(CITY_LEVEL.head(0), "city", "t", "x"),
        lambda: plotting.heatmap(CITY_LEVEL[["city"]], "city", "t"),
        lambda: plotting.chain_flows(STAGED.head(0)),
        lambda: plotting.timeline(EVENTS.tail(1)),
    ],
)
def test_nothing_to_draw_gives_no_chart(draw) -> None:
    assert draw() is None
