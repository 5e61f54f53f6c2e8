"""The translation glossary (docs/glossary.json): a recurring Chinese term has one English rendering.

Each record's Chinese is its `*_zh` fields, the words as written (`text_as_written`, `date_text` …)
and its citations' quotes; its English is its `*_en` fields and, for wrong renderings, its slug read
as words. The rules, per glossary term:

- expect: a `*_zh` field holding the term has an `*_en` counterpart with the fixed rendering;
- wrong: a record holding the term anywhere in its Chinese, quotes included, uses no known wrong
  rendering in any English field or in its slug;
- en_mentions: English that renders the term is backed by the term in the record's own Chinese,
  quotes included, and uses the fixed rendering;
- observation_kind: a figure whose words as written or quotes hold the term takes that kind.
"""

import json
import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.conf import settings

from apps.curation.loader import model_order

GLOSSARY = json.loads((settings.BASE_DIR / "docs" / "glossary.json").read_text(encoding="utf-8"))
CHINESE_ONLY_FIELDS = {"text_as_written", "date_text", "expected_completion_text"}


@dataclass
class Term:
    zh: str
    en: str
    match: re.Pattern
    expect: re.Pattern | None
    wrong: list
    en_mentions: re.Pattern | None
    observation_kind: str | None
    models: list | None
    fields: list | None

    @classmethod
    def from_entry(cls, entry):
        def english(pattern):
            return re.compile(pattern, re.IGNORECASE) if pattern else None

        return cls(
            zh=entry["zh"],
            en=entry["en"],
            match=re.compile(entry.get("match", re.escape(entry["zh"]))),
            expect=english(entry.get("expect")),
            wrong=[english(pattern) for pattern in entry.get("wrong", [])],
            en_mentions=english(entry.get("en_mentions")),
            observation_kind=entry.get("observation_kind"),
            models=entry.get("models"),
            fields=entry.get("fields"),
        )

    def __str__(self):
        return f"{self.zh} → {self.en}"


TERMS = [Term.from_entry(entry) for entry in GLOSSARY["terms"]]


@dataclass
class Texts:
    """A record's Chinese and English, with its `*_zh`/`*_en` fields paired by their base name."""

    label: str
    key: str
    values: dict
    quotes: list

    def pairs(self, term):
        """(field base, Chinese, English) for each bilingual field the term governs."""
        for name, value in self.values.items():
            base = name[:-3]
            if name.endswith("_zh") and f"{base}_en" in self.values and (not term.fields or base in term.fields):
                yield base, value or "", self.values[f"{base}_en"] or ""

    def chinese(self, term):
        """Every Chinese text of the record the term is looked for in, quotes included."""
        if term.fields:
            return [zh for _base, zh, _en in self.pairs(term)]
        words = [value for name, value in self.values.items() if name.endswith("_zh") or name in CHINESE_ONLY_FIELDS]
        return [text for text in [*words, *self.quotes] if text]

    def english(self, term, with_slug=False):
        """(field, English text) for each English field the term governs, the slug read as words if asked."""
        for name, value in self.values.items():
            if name.endswith("_en") and value and (not term.fields or name[:-3] in term.fields):
                yield name, value
        if with_slug and not term.fields and self.values.get("slug"):
            yield "slug", self.values["slug"].replace("-", " ")

    def holds(self, term):
        return any(term.match.search(text) for text in self.chinese(term))

    def governed_by(self, term):
        return not term.models or self.label in term.models


def texts_of(label, record):
    values = {field.name: getattr(record, field.name) for field in record._meta.concrete_fields}
    quotes = [citation.quote for citation in record.citations.all()] if hasattr(record, "citations") else []
    return Texts(label, values.get("slug") or values.get("code"), values, quotes)


def all_texts():
    for label in model_order():
        model = apps.get_model(label)
        queryset = model.objects.all()
        if hasattr(model, "citations"):
            queryset = queryset.prefetch_related("citations")
        for record in queryset:
            yield texts_of(label, record)


def missing_renderings(texts, term):
    """Rule `expect`: a Chinese field holding the term has the fixed English in its counterpart."""
    if not term.expect or not texts.governed_by(term):
        return []
    return [
        f"{texts.label}:{texts.key} {base}_en lacks “{term.en}” for {term.zh}: {en!r}"
        for base, zh, en in texts.pairs(term)
        if term.match.search(zh) and not term.expect.search(en)
    ]


def wrong_renderings(texts, term):
    """Rule `wrong`: a record holding the term uses none of its known wrong renderings."""
    if not term.wrong or not texts.governed_by(term) or not texts.holds(term):
        return []
    return [
        f"{texts.label}:{texts.key} {field} renders {term.zh} as {wrong.pattern!r}: {en!r}"
        for field, en in texts.english(term, with_slug=True)
        for wrong in term.wrong
        if wrong.search(en)
    ]


def unbacked_renderings(texts, term):
    """Rule `en_mentions`: English that renders the term rests on the record's own Chinese, in the fixed words."""
    if not term.en_mentions or not texts.governed_by(term):
        return []
    problems = []
    for field, en in texts.english(term):
        if not term.en_mentions.search(en):
            continue
        if not texts.holds(term):
            problems.append(f"{texts.label}:{texts.key} {field} speaks of {term.zh} but no Chinese of it does: {en!r}")
        elif term.expect and not term.expect.search(en):
            problems.append(f"{texts.label}:{texts.key} {field} renders {term.zh} other than “{term.en}”: {en!r}")
    return problems


def worded_with(texts, term):
    """A figure whose words as written or quotes hold a term that sets a kind."""
    if not term.observation_kind or texts.label != "indicators.observation":
        return False
    return any(term.match.search(text) for text in [texts.values["text_as_written"], *texts.quotes])


def wrong_kinds(texts, term):
    """Rule `observation_kind`: a figure worded with the term takes the kind the term sets."""
    if worded_with(texts, term) and texts.values["kind"] != term.observation_kind:
        return [f"{texts.label}:{texts.key} is worded with {term.zh} but is {texts.values['kind']!r}"]
    return []


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return list(all_texts())


def check(dataset, rule, subject):
    """Apply a rule to every record and term; fail on any problem, or if the rule had nothing to check."""
    problems, checked = [], 0
    for texts in dataset:
        for term in TERMS:
            checked += subject(texts, term)
            problems += rule(texts, term)
    assert checked, "the rule applied to no record"
    assert problems == []


def test_a_term_in_a_chinese_field_has_the_fixed_english_in_its_counterpart(dataset):
    check(
        dataset,
        missing_renderings,
        lambda texts, term: bool(term.expect) and any(term.match.search(zh) for _b, zh, _e in texts.pairs(term)),
    )


def test_no_record_holding_a_term_uses_a_known_wrong_rendering(dataset):
    check(dataset, wrong_renderings, lambda texts, term: bool(term.wrong) and texts.holds(term))


def test_english_that_renders_a_term_is_backed_by_the_chinese_and_uses_the_fixed_words(dataset):
    check(
        dataset,
        unbacked_renderings,
        lambda texts, term: (
            bool(term.en_mentions) and any(term.en_mentions.search(en) for _f, en in texts.english(term))
        ),
    )


def test_figures_worded_with_a_term_take_its_kind(dataset):
    check(dataset, wrong_kinds, worded_with)


def test_every_term_the_glossary_renders_occurs_in_the_data(dataset):
    rendered = [term for term in TERMS if term.expect or term.wrong]
    unused = [str(term) for term in rendered if not any(t.governed_by(term) and t.holds(term) for t in dataset)]
    assert rendered
    assert unused == []


def test_every_glossary_term_has_a_rule_and_its_fixed_english_is_not_listed_as_wrong():
    for term in TERMS:
        assert term.expect or term.wrong or term.en_mentions, term
        assert not any(wrong.search(term.en) for wrong in term.wrong), term


# Each kind of mistake the bilingual review found, as the records held it before the review: the
# checks above must catch every one of them.
REVIEWED_MISTAKES = {
    "摘牌 as an auction": (
        "projects.milestone",
        {
            "slug": "calb-jiangmen-base-land-acquired",
            "name_zh": "中创新航江门基地项目土地摘牌",
            "name_en": "CALB Jiangmen base land acquired",
            "description_zh": "项目用地摘牌。",
            "description_en": "The project land was acquired at auction (摘牌).",
        },
        ["3月7日土地摘牌"],
    ),
    "近5年 as nearly five years": (
        "indicators.observation",
        {
            "slug": "industrial-investment-share-2023-jan-feb",
            "description_zh": "为近5年最高水平。",
            "description_en": "The highest level in nearly five years (为近5年最高水平).",
            "text_as_written": "50.0%",
            "kind": "actual",
        },
        ["占全部投资比重为50.0%，为近5年最高水平"],
    ),
    "深入推进 as a launch": (
        "events.event",
        {
            "slug": "park-regeneration-programme",
            "name_zh": "江门提出深入推进“园区再造”工程，绘制北、东、南三大组团蓝图",
            "name_en": "Jiangmen launches the “park regeneration” programme and its groups blueprint",
        },
        ["2021年12月，江门提出坚持产城深度融合，深入推进“园区再造”工程"],
    ),
    "a group company's name for the company named": (
        "companies.company",
        {"slug": "calb", "name_zh": "中创新航科技股份有限公司", "name_en": "CALB Group Co., Ltd."},
        [],
    ),
    "a legal name the source does not give": (
        "companies.company",
        {"slug": "longi", "name_zh": "隆基绿能", "name_en": "LONGi Green Energy Technology Co., Ltd."},
        [],
    ),
    "世界500强 as the Fortune Global 500, in the slug too": (
        "recognitions.distinction",
        {
            "slug": "longi-fortune-global-500",
            "name_zh": "世界500强",
            "name_en": "Fortune Global 500",
            "description_zh": "隆基绿能是世界500强企业。",
            "description_en": "LONGi is a Fortune Global 500 company.",
        },
        [],
    ),
    "全国排名前列 as top-ranked": (
        "recognitions.distinction",
        {
            "slug": "longi-jiangmen-base-nationally-top-ranked",
            "name_zh": "全国排名前列的光伏组件等产品生产和出口基地",
            "name_en": "Nationally top-ranked production and export base",
        },
        [],
    ),
    "重要门户 as the main gateway": (
        "zones.zone",
        {
            "slug": "rcep-guangdong-demonstration-zone",
            "focus_zh": "广东参与RCEP合作的重要门户和桥头堡",
            "focus_en": "Guangdong's main gateway and bridgehead for RCEP cooperation",
        },
        [],
    ),
    "市国资委 as a SASAC the record's Chinese never names": (
        "events.event",
        {
            "slug": "major-projects-video-investment-meeting",
            "name_zh": "重大项目对接视频招商会议",
            "name_en": "Video investment promotion meeting on major projects",
            "description_en": "The investment promotion centre, the SASAC and the counties negotiated online.",
        },
        ["当天，江门组织召开重大项目对接视频招商会议"],
    ),
    "市国资委 as the SASAC": (
        "events.event",
        {
            "slug": "major-projects-video-investment-meeting",
            "description_zh": "江门市投促中心、市国资委、各有关县(市、区)与相关项目投资方“云上”洽谈。",
            "description_en": "The investment promotion centre, the SASAC and the counties negotiated online.",
        },
        [],
    ),
    "力争 rendered as 争取's words": (
        "indicators.observation",
        {
            "slug": "gdp-growth-2023-stretch-target",
            "name_zh": "2023年江门GDP增长力争目标",
            "name_en": "Jiangmen GDP growth target to aim at, 2023",
            "text_as_written": "力争7%以上",
            "kind": "target",
        },
        ["力争7%以上"],
    ),
}


@pytest.mark.parametrize("mistake", REVIEWED_MISTAKES)
def test_the_checks_catch_each_kind_of_mistake_the_review_found(mistake):
    label, values, quotes = REVIEWED_MISTAKES[mistake]
    texts = Texts(label, values["slug"], values, quotes)
    rules = [missing_renderings, wrong_renderings, unbacked_renderings, wrong_kinds]
    assert [problem for term in TERMS for rule in rules for problem in rule(texts, term)]
