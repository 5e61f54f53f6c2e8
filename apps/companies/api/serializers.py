from apps.companies.models import Company
from apps.core.api.serializers import NAME_FIELDS, ReferenceSerializer
from apps.indicators.api.serializers import FigureSerializer
from apps.recognitions.api.serializers import DistinctionSerializer
from apps.sources.api.serializers import DESCRIBED_FIELDS, CuratedSerializer


class CompanySerializer(CuratedSerializer):
    headquarters = ReferenceSerializer(read_only=True, allow_null=True)
    industries = ReferenceSerializer(many=True, read_only=True)
    zones = ReferenceSerializer(many=True, read_only=True)

    class Meta:
        model = Company
        fields = [
            *NAME_FIELDS,
            "short_name_zh",
            "short_name_en",
            "headquarters",
            "industries",
            "zones",
            *DESCRIBED_FIELDS,
        ]


class CompanyDetailSerializer(CompanySerializer):
    projects = ReferenceSerializer(many=True, read_only=True)
    observations = FigureSerializer(many=True, read_only=True)
    distinctions = DistinctionSerializer(many=True, read_only=True)

    class Meta(CompanySerializer.Meta):
        fields = [*CompanySerializer.Meta.fields, "projects", "observations", "distinctions"]
