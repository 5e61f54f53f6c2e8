"""Charts drawn on the server as SVG: no script, so they work with JavaScript off, one mark per record.

Each chart is built from the API's answer (the same lists a script would read), and its page shows the
same records as a table beside it.
"""

import datetime
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from apps.explorer.records import COMPARATOR_SIGNS, Link, period_label, record_url

WIDTH = 640
LABEL_WIDTH = 220
BAR_AREA = 240
# Room for a label left of the axis and a value right of a bar, in half-width characters at 12px.
LABEL_ROOM = 34
VALUE_ROOM = 26
ROW_HEIGHT = 30
BAR_HEIGHT = 18
TARGET_KINDS = ("target", "stretch_target")
JANUARY_FEBRUARY_END = "2023-02-28"
YEAR_2023_END = "2023-12-31"
RISING = ("at_least", "more_than")


def fit(text, room):
    """The text, cut with an ellipsis to `room` half-width characters (a Chinese character takes two)."""
    used = 0
    for index, character in enumerate(text):
        used += 2 if unicodedata.east_asian_width(character) in "WF" else 1
        if used > room:
            return text[: max(index - 1, 0)] + "…"
    return text


@dataclass
class Bar:
    y: int
    x: float
    width: float
    label: str
    value: str
    kind: str
    link: Link
    comparator: str
    arrow: str = ""
    text_x: float = 0

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT - 4

    @property
    def short_label(self):
        return fit(self.label, LABEL_ROOM)

    @property
    def short_value(self):
        return fit(self.value, VALUE_ROOM)


@dataclass
class Panel:
    id: str
    title: str
    subtitle: str
    bars: list

    @property
    def height(self):
        return len(self.bars) * ROW_HEIGHT + 10


def localized(data, language, key="name"):
    return data.get(f"{key}_{language}") or data.get(key) or data.get("slug", "")


def unit_text(figure):
    unit = figure.get("display_unit") or figure.get("unit") or {}
    return unit.get("symbol") or unit.get("name") or unit.get("code", "")


def value_text(figure):
    value = Decimal(figure.get("display_value", figure["value"])).normalize()
    sign = COMPARATOR_SIGNS.get(figure["comparator"], "")
    return f"{sign} {value:,f} {unit_text(figure)}".strip()


def bars_for(figures, labels, resource, language):
    """Horizontal bars from zero, scaled to the largest value of the panel; a lower bound ends in an arrow."""
    largest = max((abs(Decimal(f["value"])) for f in figures), default=Decimal(1)) or Decimal(1)
    bars = []
    for row, figure in enumerate(figures):
        width = float(abs(Decimal(figure["value"])) / largest) * BAR_AREA
        y = row * ROW_HEIGHT + 6
        end = LABEL_WIDTH + width
        arrow = ""
        if figure["comparator"] in RISING:
            arrow = f"{end:.1f},{y} {end + 9:.1f},{y + BAR_HEIGHT / 2:.1f} {end:.1f},{y + BAR_HEIGHT}"
        bars.append(
            Bar(
                y=y,
                x=LABEL_WIDTH,
                width=round(width, 1),
                label=labels(figure),
                value=value_text(figure),
                kind=figure["kind"],
                link=Link(record_url(resource, figure["slug"]), localized(figure, language)),
                comparator=figure["comparator"],
                arrow=arrow,
                text_x=round(end + (14 if arrow else 5), 1),
            )
        )
    return bars


def targets_and_actuals(figures, resource, language, kinds, measures):
    """The 2023 targets and the January–February 2023 actuals, one panel per indicator and measure.

    Each panel has one scale (one measure in one unit), so only like is drawn beside like.
    """
    chosen = [
        f
        for f in figures
        if (f["kind"] in TARGET_KINDS and f["period"]["end"] == YEAR_2023_END)
        or (f["kind"] == "actual" and f["period"]["end"] == JANUARY_FEBRUARY_END)
    ]
    groups = {}
    for figure in chosen:
        key = (figure["indicator"]["slug"], figure["measure"], (figure.get("unit") or {}).get("code"))
        groups.setdefault(key, []).append(figure)

    def label(figure):
        return f"{kinds.get(figure['kind'], figure['kind'])} · {period_label(figure['period'], language)}"

    panels = []
    for number, ((_indicator, measure, _unit), members) in enumerate(sorted(groups.items()), start=1):
        members.sort(key=lambda f: (f["kind"] == "actual", f["kind"], Decimal(f["value"])))
        first = members[0]
        panels.append(
            Panel(
                id=f"panel-{number}",
                title=localized(first["indicator"], language),
                subtitle=f"{measures.get(measure, measure)} ({unit_text(first) or '—'})",
                bars=bars_for(members, label, resource, language),
            )
        )
    return panels


def zones_by_area(figures, resource, language, title):
    """Each zone's area as a bar, largest first, on one scale (the figures are all in one unit)."""
    chosen = sorted((f for f in figures if f.get("zone") and f["kind"] == "actual"), key=lambda f: -Decimal(f["value"]))
    bars = bars_for(chosen, lambda figure: localized(figure["zone"], language), resource, language)
    return Panel("zones-chart", title, "", bars)


@dataclass
class Mark:
    x: float
    y: int
    entry: dict
    link: Link
    hollow: bool


@dataclass
class Timeline:
    height: int
    lanes: list
    ticks: list
    marks: list = field(default_factory=list)


LANE_START = 150
LANE_END = WIDTH - 20
LANE_GAP = 56


def timeline(entries, lanes, language, link_for):
    """Dated entries on a time axis, one lane per `(label, test)`; an expected date is a hollow mark."""
    dated = [e for e in entries if e.get("date")]
    dates = [datetime.date.fromisoformat(e["date"]) for e in dated]
    first = datetime.date(min(dates).year, 1, 1) if dates else datetime.date(2022, 1, 1)
    last = datetime.date(max(dates).year + 1, 1, 1) if dates else datetime.date(2024, 1, 1)
    span = (last - first).days or 1

    def x_of(day):
        return round(LANE_START + (day - first).days / span * (LANE_END - LANE_START), 1)

    placed = [(label, 40 + number * LANE_GAP) for number, (label, _test) in enumerate(lanes)]
    chart = Timeline(height=40 + len(lanes) * LANE_GAP, lanes=placed, ticks=[])
    chart.ticks = [(x_of(datetime.date(year, 1, 1)), year) for year in range(first.year, last.year + 1)]
    for entry, day in zip(dated, dates, strict=True):
        for (_label, test), (_, y) in zip(lanes, placed, strict=True):
            if test(entry):
                chart.marks.append(
                    Mark(x_of(day), y, entry, link_for(entry, localized(entry, language)), entry.get("is_expected"))
                )
    return chart
