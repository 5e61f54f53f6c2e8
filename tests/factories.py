"""Factories for records that tests create beyond the curated dataset."""

import datetime
from decimal import Decimal

import factory
from django.contrib.contenttypes.models import ContentType

from apps.companies.models import Company
from apps.events.models import Event
from apps.indicators.models import Indicator, Observation, Unit
from apps.industries.models import Industry
from apps.infrastructure.models import Facility
from apps.projects.models import Milestone, Project
from apps.recognitions.models import Distinction
from apps.regions.models import Region
from apps.sources.models import Citation, SourceDocument
from apps.zones.models import Zone


class CuratedFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"test-record-{n}")
    name_zh = factory.Sequence(lambda n: f"测试记录{n}")
    name_en = factory.Sequence(lambda n: f"Test record {n}")

    class Meta:
        abstract = True


class RegionFactory(CuratedFactory):
    level = Region.Level.PREFECTURE_CITY

    class Meta:
        model = Region


class ZoneFactory(CuratedFactory):
    kind = Zone.Kind.INDUSTRIAL_PARK
    region = factory.SubFactory(RegionFactory)

    class Meta:
        model = Zone


class IndustryFactory(CuratedFactory):
    kind = Industry.Kind.CHAIN

    class Meta:
        model = Industry


class CompanyFactory(CuratedFactory):
    class Meta:
        model = Company


class ProjectFactory(CuratedFactory):
    region = factory.SubFactory(RegionFactory)
    company = factory.SubFactory(CompanyFactory)

    class Meta:
        model = Project


class MilestoneFactory(CuratedFactory):
    project = factory.SubFactory(ProjectFactory)
    kind = Milestone.Kind.GROUNDBREAKING
    date = datetime.date(2022, 3, 18)
    date_precision = "day"

    class Meta:
        model = Milestone


class FacilityFactory(CuratedFactory):
    kind = Facility.Kind.TRANSPORT_HUB
    region = factory.SubFactory(RegionFactory)

    class Meta:
        model = Facility


class UnitFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"test-unit-{n}")
    name_zh = "测试单位"
    name_en = "test unit"

    class Meta:
        model = Unit


class IndicatorFactory(CuratedFactory):
    unit = factory.SubFactory(UnitFactory)

    class Meta:
        model = Indicator


class ObservationFactory(CuratedFactory):
    indicator = factory.SubFactory(IndicatorFactory)
    region = factory.SubFactory(RegionFactory)
    kind = Observation.Kind.ACTUAL
    value = Decimal("12.5")
    unit = factory.SelfAttribute("indicator.unit")
    display_unit = factory.SelfAttribute("indicator.unit")
    text_as_written = "12.5"
    period_start = datetime.date(2022, 1, 1)
    period_end = datetime.date(2022, 12, 31)
    period_precision = "year"

    class Meta:
        model = Observation


class DistinctionFactory(CuratedFactory):
    kind = Distinction.Kind.SUPERLATIVE
    region = factory.SubFactory(RegionFactory)

    class Meta:
        model = Distinction


class EventFactory(CuratedFactory):
    kind = Event.Kind.MEETING
    region = factory.SubFactory(RegionFactory)
    date = datetime.date(2023, 1, 28)
    date_precision = "day"

    class Meta:
        model = Event


class SourceDocumentFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"test-source-{n}")
    title_zh = "测试来源"
    title_en = "Test source"
    path = factory.Sequence(lambda n: f"missing-{n}.txt")
    sha256 = "0" * 64

    class Meta:
        model = SourceDocument


class CitationFactory(factory.django.DjangoModelFactory):
    document = factory.SubFactory(SourceDocumentFactory)
    quote = "江门"
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.content_object))
    object_id = factory.SelfAttribute("content_object.pk")
    content_object = factory.SubFactory(RegionFactory)

    class Meta:
        model = Citation
        exclude = ["content_object"]
