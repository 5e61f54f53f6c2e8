from apps.core.api.serializers import NAME_FIELDS, ReferenceSerializer
from apps.recognitions.models import Distinction
from apps.sources.api.serializers import DESCRIBED_FIELDS, CuratedSerializer


class DistinctionSerializer(CuratedSerializer):
    region = ReferenceSerializer(read_only=True, allow_null=True)
    zone = ReferenceSerializer(read_only=True, allow_null=True)
    industry = ReferenceSerializer(read_only=True, allow_null=True)
    company = ReferenceSerializer(read_only=True, allow_null=True)
    project = ReferenceSerializer(read_only=True, allow_null=True)
    facility = ReferenceSerializer(read_only=True, allow_null=True)
    event = ReferenceSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Distinction
        fields = [
            *NAME_FIELDS,
            "kind",
            "scope",
            "rank",
            "date",
            "date_precision",
            "region",
            "zone",
            "industry",
            "company",
            "project",
            "facility",
            "event",
            *DESCRIBED_FIELDS,
        ]
