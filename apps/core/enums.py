"""Schema names for the apps' vocabularies, found rather than listed: each `TextChoices` class defined
under `apps.` is named `<Class>Enum` in the OpenAPI schema, so a new vocabulary needs no setting."""

from collections.abc import Mapping


class ChoiceEnumNames(Mapping):
    """drf-spectacular's ENUM_NAME_OVERRIDES, read lazily when the schema is built (settings load first)."""

    def _names(self):
        from django.db.models import TextChoices

        found, pending = {}, [TextChoices]
        while pending:
            for choices in pending.pop().__subclasses__():
                if choices.__module__.startswith("apps."):
                    found[f"{choices.__name__}Enum"] = choices
                pending.append(choices)
        return dict(sorted(found.items()))

    def __getitem__(self, name):
        return self._names()[name]

    def __iter__(self):
        return iter(self._names())

    def __len__(self):
        return len(self._names())
