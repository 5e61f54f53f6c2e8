from apps.core.api.serializers import NAME_FIELDS, ReferenceSerializer
from apps.indicators.api.serializers import FigureSerializer
from apps.projects.models import Milestone, Project
from apps.recognitions.api.serializers import DistinctionSerializer
from apps.sources.api.serializers import DESCRIBED_FIELDS, CuratedSerializer

MILESTONE_FIELDS = [
    "kind",
    "date",
    "date_precision",
    "date_text",
    "is_expected",
    "phase",
    "building_zh",
    "building_en",
]


class NestedMilestoneSerializer(CuratedSerializer):
    class Meta:
        model = Milestone
        fields = [*NAME_FIELDS, *MILESTONE_FIELDS, *DESCRIBED_FIELDS]


class MilestoneSerializer(NestedMilestoneSerializer):
    project = ReferenceSerializer(read_only=True)

    class Meta(NestedMilestoneSerializer.Meta):
        fields = [*NAME_FIELDS, "project", *MILESTONE_FIELDS, *DESCRIBED_FIELDS]


class ProjectSerializer(CuratedSerializer):
    company = ReferenceSerializer(read_only=True, allow_null=True)
    industry = ReferenceSerializer(read_only=True, allow_null=True)
    zone = ReferenceSerializer(read_only=True, allow_null=True)
    region = ReferenceSerializer(read_only=True)

    class Meta:
        model = Project
        fields = [
            *NAME_FIELDS,
            "company",
            "industry",
            "zone",
            "region",
            "status",
            "phase_count",
            *DESCRIBED_FIELDS,
        ]


class ProjectDetailSerializer(ProjectSerializer):
    milestones = NestedMilestoneSerializer(many=True, read_only=True)
    observations = FigureSerializer(many=True, read_only=True)
    distinctions = DistinctionSerializer(many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "milestones", "observations", "distinctions"]
