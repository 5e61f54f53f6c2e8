"""How every resource names things: language-chosen names, references by slug, periods."""

from rest_framework import serializers

from apps.core.api.language import DEFAULT_LANGUAGE

NAME_FIELDS = ["slug", "name", "name_zh", "name_en"]


def response_language(serializer):
    request = serializer.context.get("request")
    return getattr(request, "response_language", DEFAULT_LANGUAGE)


class LocalizedNameMixin(serializers.Serializer):
    name = serializers.SerializerMethodField(help_text="`name_zh` or `name_en`, as `lang` or Accept-Language asks.")

    def get_name(self, record) -> str:
        return getattr(record, f"name_{response_language(self)}")


class ReferenceSerializer(LocalizedNameMixin, serializers.Serializer):
    """How one record names another: by slug and bilingual name, never by a bare database id."""

    slug = serializers.SlugField(read_only=True)
    name_zh = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)


class PeriodSerializer(serializers.Serializer):
    start = serializers.DateField(source="period_start", allow_null=True, read_only=True)
    end = serializers.DateField(source="period_end", allow_null=True, read_only=True)
    precision = serializers.CharField(source="period_precision", read_only=True)
    label_zh = serializers.CharField(source="period_label_zh", read_only=True)
    label_en = serializers.CharField(source="period_label_en", read_only=True)
