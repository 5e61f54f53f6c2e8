from apps.core.api.serializers import CURATED_FIELDS, CuratedSerializer, ReferenceSerializer
from apps.indicators.api.serializers import FigureSerializer
from apps.projects.models import Milestone, Project
from apps.recognitions.api.serializers import DistinctionSerializer

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
        fields = [*CURATED_FIELDS[:3], *MILESTONE_FIELDS, *CURATED_FIELDS[3:]]


class MilestoneSerializer(NestedMilestoneSerializer):
    project = ReferenceSerializer(read_only=True)

    class Meta(NestedMilestoneSerializer.Meta):
        fields = [*CURATED_FIELDS[:3], "project", *MILESTONE_FIELDS, *CURATED_FIELDS[3:]]


class ProjectSerializer(CuratedSerializer):
    company = ReferenceSerializer(read_only=True, allow_null=True)
    industry = ReferenceSerializer(read_only=True, allow_null=True)
    zone = ReferenceSerializer(read_only=True, allow_null=True)
    region = ReferenceSerializer(read_only=True)

    class Meta:
        model = Project
        fields = [
            *CURATED_FIELDS[:3],
            "company",
            "industry",
            "zone",
            "region",
            "status",
            "phase_count",
            *CURATED_FIELDS[3:],
        ]


class ProjectDetailSerializer(ProjectSerializer):
    milestones = NestedMilestoneSerializer(many=True, read_only=True)
    observations = FigureSerializer(many=True, read_only=True)
    distinctions = DistinctionSerializer(many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "milestones", "observations", "distinctions"]
