"""Chart geometry: one mark per record, bars on one scale per panel, lower bounds drawn as such."""

from apps.core.registry import registry
from apps.explorer import charts

FIGURES = [
    {
        "slug": slug,
        "name": slug,
        "kind": kind,
        "measure": "growth_rate",
        "comparator": comparator,
        "value": value,
        "display_value": value,
        "unit": {"code": "percent", "symbol": "%"},
        "indicator": {"slug": "gdp", "name": "GDP", "name_en": "GDP", "name_zh": "地区生产总值"},
        "period": {"start": "2023-01-01", "end": end, "label_en": label, "label_zh": label},
    }
    for slug, kind, comparator, value, end, label in [
        ("gdp-target", "target", "at_least", "6.000000", "2023-12-31", "2023"),
        ("gdp-stretch", "stretch_target", "at_least", "7.000000", "2023-12-31", "2023"),
        ("gdp-jan-feb", "actual", "exact", "3.500000", "2023-02-28", "Jan–Feb 2023"),
        ("gdp-2023-so-far", "actual", "exact", "4.000000", "2023-06-30", "H1 2023"),
    ]
]


def test_targets_and_january_february_actuals_share_a_panel_per_indicator_and_measure():
    (panel,) = charts.targets_and_actuals(FIGURES, registry["observations"], "en", {}, {"growth_rate": "Growth rate"})
    assert [bar.link.url.rstrip("/").rsplit("/", 1)[-1] for bar in panel.bars] == [
        "gdp-stretch",
        "gdp-target",
        "gdp-jan-feb",
    ]
    widths = {bar.kind: bar.width for bar in panel.bars}
    assert widths["stretch_target"] == charts.BAR_AREA
    assert widths["target"] == round(charts.BAR_AREA * 6 / 7, 1)
    assert [bool(bar.arrow) for bar in panel.bars] == [True, True, False]
    assert [bar.value for bar in panel.bars] == ["≥ 7 %", "≥ 6 %", "3.5 %"]
    assert panel.subtitle == "Growth rate (%)"


def test_the_timeline_puts_each_dated_entry_on_its_lane_in_date_order():
    entries = [
        {"slug": "a", "name": "A", "type": "event", "date": "2022-01-01"},
        {"slug": "b", "name": "B", "type": "milestone", "date": "2023-07-01", "is_expected": True},
        {"slug": "c", "name": "C", "type": "event", "date": None},
    ]
    lanes = [("Milestones", lambda e: e["type"] == "milestone"), ("Events", lambda e: e["type"] == "event")]
    chart = charts.timeline(entries, lanes, "en", lambda entry, label: registry["events"])
    assert [(mark.entry["slug"], mark.y, mark.hollow) for mark in chart.marks] == [("a", 96, None), ("b", 40, True)]
    assert chart.marks[0].x == charts.LANE_START
    assert [year for _, year in chart.ticks] == [2022, 2023, 2024]


def test_a_label_is_cut_to_its_room_counting_a_chinese_character_as_two():
    assert charts.fit("Core Area", 12) == "Core Area"
    assert charts.fit("Shenzhen-Jiangmen Large Economic Cooperation Zone", 20) == "Shenzhen-Jiangmen L…"
    assert charts.fit("江门大型产业集聚区", 18) == "江门大型产业集聚区"
    assert charts.fit("深江大型经济合作区的核心区", 12) == "深江大型经…"
