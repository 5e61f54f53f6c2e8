"""Integrity lives in the database: each rule below is enforced by a constraint, not only by forms."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from tests import factories

VIOLATIONS = {
    "region level outside its choices": (factories.RegionFactory, {"level": "planet"}),
    "zone kind outside its choices": (factories.ZoneFactory, {"kind": "castle"}),
    "zone status outside its choices": (factories.ZoneFactory, {"status": "imaginary"}),
    "industry kind outside its choices": (factories.IndustryFactory, {"kind": "guild"}),
    "industry level outside its choices": (factories.IndustryFactory, {"level": "galactic"}),
    "project with zero phases": (factories.ProjectFactory, {"phase_count": 0}),
    "project status outside its choices": (factories.ProjectFactory, {"status": "dreamt"}),
    "milestone kind outside its choices": (factories.MilestoneFactory, {"kind": "party"}),
    "milestone date without precision": (factories.MilestoneFactory, {"date_precision": ""}),
    "milestone precision without date": (factories.MilestoneFactory, {"date": None}),
    "milestone phase zero": (factories.MilestoneFactory, {"phase": 0}),
    "facility kind outside its choices": (factories.FacilityFactory, {"kind": "teleporter"}),
    "facility completion without precision": (
        factories.FacilityFactory,
        {"expected_completion": datetime.date(2024, 1, 1)},
    ),
    "unit factor zero": (factories.UnitFactory, {"factor": Decimal("0")}),
    "unit factor negative": (factories.UnitFactory, {"factor": Decimal("-1")}),
    "base unit with a factor other than one": (factories.UnitFactory, {"factor": Decimal("100")}),
    "observation kind outside its choices": (factories.ObservationFactory, {"kind": "rumour"}),
    "observation measure outside its choices": (factories.ObservationFactory, {"measure": "vibe"}),
    "observation comparator outside its choices": (factories.ObservationFactory, {"comparator": "maybe"}),
    "observation precision outside its choices": (factories.ObservationFactory, {"period_precision": "decade"}),
    "observation period ending before it starts": (
        factories.ObservationFactory,
        {"period_start": datetime.date(2023, 2, 1), "period_end": datetime.date(2023, 1, 31)},
    ),
    "negative level": (factories.ObservationFactory, {"value": Decimal("-1")}),
    "share above 100": (factories.ObservationFactory, {"measure": "share", "value": Decimal("100.1")}),
    "share below 0": (factories.ObservationFactory, {"measure": "share", "value": Decimal("-0.1")}),
    "rank below 1": (factories.ObservationFactory, {"measure": "rank", "value": Decimal("0")}),
    "distinction kind outside its choices": (factories.DistinctionFactory, {"kind": "rumour"}),
    "distinction rank zero": (factories.DistinctionFactory, {"rank": 0}),
    "distinction about nothing": (factories.DistinctionFactory, {"region": None}),
    "distinction date without precision": (factories.DistinctionFactory, {"date": datetime.date(2022, 1, 1)}),
    "event kind outside its choices": (factories.EventFactory, {"kind": "rumour"}),
    "event first scope on an event that is no first": (
        factories.EventFactory,
        {"is_first": False, "first_scope": "provincial"},
    ),
    "event first scope outside its choices": (factories.EventFactory, {"is_first": True, "first_scope": "galactic"}),
    "event date without precision": (factories.EventFactory, {"date_precision": ""}),
    "source document sha256 not hex": (factories.SourceDocumentFactory, {"sha256": "not-a-digest"}),
    "citation with an empty quote": (factories.CitationFactory, {"quote": ""}),
}


@pytest.mark.parametrize(("factory", "overrides"), VIOLATIONS.values(), ids=VIOLATIONS.keys())
def test_database_rejects(factory, overrides):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**overrides)


@pytest.mark.parametrize(("factory", "overrides"), VIOLATIONS.values(), ids=VIOLATIONS.keys())
def test_the_same_record_is_accepted_when_valid(factory, overrides):
    """Each violation differs from a valid record only by the overrides, so the constraint is the cause."""
    assert factory().pk is not None


@pytest.mark.parametrize(
    "factory",
    [
        factories.RegionFactory,
        factories.ZoneFactory,
        factories.IndustryFactory,
        factories.CompanyFactory,
        factories.ProjectFactory,
        factories.MilestoneFactory,
        factories.FacilityFactory,
        factories.IndicatorFactory,
        factories.ObservationFactory,
        factories.DistinctionFactory,
        factories.EventFactory,
        factories.SourceDocumentFactory,
    ],
)
def test_slugs_are_unique(factory):
    existing = factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(slug=existing.slug)


def test_unit_codes_are_unique():
    existing = factories.UnitFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.UnitFactory(code=existing.code)


@pytest.mark.parametrize("factory", [factories.RegionFactory, factories.ZoneFactory, factories.IndustryFactory])
def test_a_record_is_not_its_own_parent(factory):
    record = factory()
    record.parent_id = record.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        record.save()


def test_a_citation_is_not_repeated_on_one_record():
    citation = factories.CitationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.CitationFactory(
            document=citation.document,
            quote=citation.quote,
            content_type=citation.content_type,
            object_id=citation.object_id,
        )


def test_growth_rates_and_differences_may_be_negative():
    assert factories.ObservationFactory(measure="growth_rate", value=Decimal("-3.2")).pk
    assert factories.ObservationFactory(measure="difference_pp", value=Decimal("-1.5")).pk
