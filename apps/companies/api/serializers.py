from apps.companies.models import Company
from apps.core.api.serializers import CURATED_FIELDS, CuratedSerializer, ReferenceSerializer
from apps.indicators.api.serializers import FigureSerializer
from apps.recognitions.api.serializers import DistinctionSerializer


class CompanySerializer(CuratedSerializer):
    headquarters = ReferenceSerializer(read_only=True, allow_null=True)
    industries = ReferenceSerializer(many=True, read_only=True)
    zones = ReferenceSerializer(many=True, read_only=True)

    class Meta:
        model = Company
        fields = [
            *CURATED_FIELDS[:3],
            "short_name_zh",
            "short_name_en",
            "headquarters",
            "industries",
            "zones",
            *CURATED_FIELDS[3:],
        ]


class CompanyDetailSerializer(CompanySerializer):
    projects = ReferenceSerializer(many=True, read_only=True)
    observations = FigureSerializer(many=True, read_only=True)
    distinctions = DistinctionSerializer(many=True, read_only=True)

    class Meta(CompanySerializer.Meta):
        fields = [*CompanySerializer.Meta.fields, "projects", "observations", "distinctions"]
