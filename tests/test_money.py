"""Money parsing: every number form, unit, qualifier and range the extractors rely on."""

from __future__ import annotations

import pytest

from devzones.money import amount_without_yuan, chinese_to_int, find_amounts, parse_amount

YI = 1e8
WAN = 1e4


@pytest.mark.parametrize(
    ("text", "yuan", "unit"),
    [
        ("70亿元", 70 * YI, "亿元"),
        ("232.2亿元", 232.2 * YI, "亿元"),
        ("132914.57万元", 1329145700.0, "万元"),
        ("2000万元", 2000 * WAN, "万元"),
        ("1.5万亿元", 1.5e12, "万亿元"),
        ("3千万元", 3e7, "千万元"),
        ("500元", 500.0, "元"),
        ("1,200万元", 1200 * WAN, "万元"),
        ("三亿元", 3 * YI, "亿元"),
        ("十二亿元", 12 * YI, "亿元"),
        ("一千万元", 1e7, "万元"),
        ("两亿元", 2 * YI, "亿元"),
        ("三亿五千万元", 3.5 * YI, "亿元"),
    ],
)
def test_number_and_unit_forms(text: str, yuan: float, unit: str) -> None:
    amount = parse_amount(text)
    assert amount is not None
    assert amount.value == pytest.approx(yuan, rel=1e-12)
    assert amount.unit == unit
    assert amount.text == text


def test_decimal_values_are_exact() -> None:
    assert parse_amount("132914.57万元").value == 1329145700.0
    assert parse_amount("232.2亿元").value == 23220000000.0


@pytest.mark.parametrize(
    ("text", "qualifier", "yuan"),
    [
        ("总投资超1000亿元", "超", 1000 * YI),
        ("超过50亿元", "超过", 50 * YI),
        ("近3亿元", "近", 3 * YI),
        ("总投资达5337亿元", "达", 5337 * YI),
        ("逾5亿元", "逾", 5 * YI),
        ("约591亿元", "约", 591 * YI),
        ("不低于2000万元人民币", "不低于", 2000 * WAN),
        ("500亿元以上", "以上", 500 * YI),
        ("100多亿元", "多", 100 * YI),
        ("7亿多元", "多", 7 * YI),
        ("300余万元", "余", 300 * WAN),
        ("约十二亿元", "约", 12 * YI),
    ],
)
def test_qualifiers_are_kept(text: str, qualifier: str, yuan: float) -> None:
    amount = parse_amount(text)
    assert amount.qualifier == qualifier
    assert amount.value == pytest.approx(yuan)
    assert qualifier in amount.text


@pytest.mark.parametrize(
    "text",
    ["20万元至100万元", "20-100万元", "20万至100万元", "20～100万元", "20万元到100万元"],
)
def test_ranges_give_low_and_high(text: str) -> None:
    amounts = find_amounts(f"将给予{text}创业启动资助")
    assert len(amounts) == 1
    (amount,) = amounts
    assert (amount.low, amount.high) == (20 * WAN, 100 * WAN)
    assert amount.value == amount.low
    assert amount.is_range
    assert amount.text == text


def test_two_figures_are_not_a_range() -> None:
    amounts = find_amounts("科技专项资金从10亿元提高到20亿元")
    assert [a.value for a in amounts] == [10 * YI, 20 * YI]
    assert not any(a.is_range for a in amounts)


@pytest.mark.parametrize(
    "text",
    [
        "推动打造三个千亿元产值园区",  # 千亿元 names a scale class
        "经济总量向万亿元迈进",  # a unit without a number
        "亿元以上重大工程项目",
        "投资5亿美元",  # not yuan
        "实现多元发展",
        "带动数十亿元投资",  # vague
        "几千万元",
    ],
)
def test_not_a_yuan_figure(text: str) -> None:
    assert find_amounts(text) == []


def test_offsets_slice_the_text() -> None:
    text = "今年谋划项目100多项,总投资超1000亿元,年度计划投资232.2亿元,新增产值500亿元以上。"
    amounts = find_amounts(text)
    assert [text[a.start : a.end] for a in amounts] == [a.text for a in amounts]
    assert [a.text for a in amounts] == ["超1000亿元", "232.2亿元", "500亿元以上"]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("十", 10), ("十二", 12), ("一百二十", 120), ("两千", 2000), ("一千万", 10**7)]
    + [("三亿五千万", 350_000_000), ("二〇二三", 2023), ("五", 5), ("一万零五", 10005)],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert chinese_to_int(numeral) == value


def test_chinese_numeral_rejects_other_characters() -> None:
    assert chinese_to_int("三个") is None
    assert chinese_to_int("") is None


def test_figure_without_yuan_after_a_cue() -> None:
    text = "第一个投资过百亿的大项目"
    amount = amount_without_yuan(text, text.index("投资") + 2)
    assert amount.value == 100 * YI
    assert amount.qualifier == "过"
    assert text[amount.start : amount.end] == "过百亿"
    assert amount_without_yuan("投资百亿级产业", 2) is None


@pytest.mark.parametrize(
    ("text", "yuan"),
    [("观摩项目36个，总投资近百亿元。", 1e10), ("投资突破千亿元", 1e11), ("总投资超千万元", 1e7)],
)
def test_a_qualified_round_figure_is_a_figure(text: str, yuan: float) -> None:
    (amount,) = find_amounts(text)
    assert amount.value == yuan


@pytest.mark.parametrize("text", ["打造千亿元级产业集群", "培育百亿元产业集群", "近千亿元级企业"])
def test_a_bare_round_scale_is_not_a_figure(text: str) -> None:
    assert find_amounts(text) == []
