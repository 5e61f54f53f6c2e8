"""The one declaration of each resource the API serves, read by everything that lists resources.

Each app declares its resources in its own `resources.py` with `register(Resource(...))`; the kernel
imports those modules once the apps are ready (`autodiscover`). URL routes, the API root, the dataset
download, the loader's order, the landing page, the curator group, the benchmark and the search
index test all read `registry`, so adding a resource touches only its own app.
"""

from dataclasses import dataclass, field
from functools import cache, cached_property

from django.contrib.contenttypes.fields import GenericRelation
from django.utils.module_loading import autodiscover_modules

from apps.core.models import natural_key

ALL_ACTIONS = ("view", "add", "change", "delete")


@dataclass(frozen=True, eq=False)
class Resource:
    """A resource of the API: a model served by a viewset, or one view (the timeline, the datasets).

    - `name`: its URL segment under /api/v1/ and its key in the API root, plural kebab-case.
    - `embeds`: the resources whose whole records (with their citations) are nested in this one's
      representations, such as a project's milestones and figures.
    - `references`: the resources whose records this one's representations name (slug and names, or
      a citation's document), such as a project's company.
    - `counted_as`: the label it is counted under on the landing page, if it is counted there.
    - `curator_actions`: the model permissions the curator group holds on it.
    - `route`: a view resource's URL name; `urls`: further URL patterns it serves (files, say).
    """

    name: str
    model: type | None = None
    viewset: type | None = None
    view: type | None = None
    route: str = ""
    urls: tuple = ()
    embeds: tuple = ()
    references: tuple = ()
    counted_as: str = ""
    curator_actions: tuple = ALL_ACTIONS

    def __post_init__(self):
        if (self.viewset is None) == (self.view is None):
            raise ValueError(f"Resource {self.name!r} needs exactly one of viewset and view.")
        if self.view is not None and not self.route:
            raise ValueError(f"Resource {self.name!r} served by a view needs a route name.")

    @property
    def natural_key(self):
        return natural_key(self.model)

    @property
    def route_name(self):
        """The URL name the API root links to."""
        return self.route or f"{self.model._meta.model_name}-list"

    @property
    def filterset_class(self):
        source = self.viewset or self.view
        return getattr(source, "filterset_class", None)

    @property
    def search_fields(self):
        """The columns `?search=` reads, or () where the resource has no search."""
        filterset = self.filterset_class
        return (
            tuple(getattr(filterset, "search_fields", ())) if filterset and "search" in filterset.base_filters else ()
        )


@dataclass
class Registry:
    resources: dict = field(default_factory=dict)
    shown: dict = field(default_factory=dict)

    def register(self, resource):
        if resource.name in self.resources:
            raise ValueError(f"Resource {resource.name!r} is declared twice.")
        self.resources[resource.name] = resource
        for derived in ("loading_order", "by_model"):
            self.__dict__.pop(derived, None)
        self.shown.clear()
        return resource

    def __iter__(self):
        """Resources in the order of their names: the API root's order, whatever order apps load in."""
        return iter(sorted(self.resources.values(), key=lambda resource: resource.name))

    def __getitem__(self, name):
        return self.resources[name]

    def models(self):
        """Resources backed by a model, in the order of their names."""
        return [resource for resource in self if resource.model is not None]

    def for_model(self, model):
        return self.by_model[model]

    @cached_property
    def by_model(self):
        return {resource.model: resource for resource in self.resources.values() if resource.model is not None}

    def shown_by(self, name):
        """The resources a write to which changes what `name` shows: itself, what it references, and,
        through every record it nests, what that record shows in turn."""
        if name not in self.shown:
            self.shown[name] = frozenset(self._shown_by(name))
        return self.shown[name]

    def _shown_by(self, name):
        shown, pending = {name}, [name]
        while pending:
            resource = self[pending.pop()]
            shown.update(resource.references)
            for nested in resource.embeds:
                if nested not in shown:
                    shown.add(nested)
                    pending.append(nested)
        return shown

    def embedding(self, name):
        """The other resources whose answers change when a record of `name` changes."""
        return [resource for resource in self if resource.name != name and name in self.shown_by(resource.name)]

    def records_showing(self, records):
        """{resource: {pk}} of the records whose representations show these ({resource: {pk}}), themselves
        included: a record shows the records its resource references that it is related to, and everything
        that the records its resource embeds and it is related to show."""
        found = {name: set(pks) for name, pks in records.items() if pks}
        pending = list(found.items())
        for name, pks in list(pending):
            pending += self._spread(found, name, pks, "references")
        while pending:
            name, pks = pending.pop()
            pending += self._spread(found, name, pks, "embeds")
        return found

    def _spread(self, found, name, pks, relation):
        """[(resource, {pk})] of the records not yet in `found` whose resource's `relation` (embeds or references)
        names `name` and which are related to these records; `found` gains them."""
        spread = []
        for resource in self.models():
            if name in getattr(resource, relation):
                new = related_records(resource.model, self[name].model, pks) - found.setdefault(resource.name, set())
                if new:
                    found[resource.name] |= new
                    spread.append((resource.name, new))
        return spread

    @cached_property
    def loading_order(self):
        """Model resources with every resource a model points at before it (self-references aside)."""
        pending = {resource.model: resource for resource in self.models()}
        ordered = []
        while pending:
            ready = [
                resource
                for model, resource in pending.items()
                if not any(dependency in pending and dependency is not model for dependency in dependencies(model))
            ]
            if not ready:
                raise ValueError(f"Resources depend on each other in a cycle: {[r.name for r in pending.values()]}")
            for resource in ready:
                ordered.append(resource)
                del pending[resource.model]
        return ordered


def related_records(model, target, pks):
    """The pks of the model's records related to these records of the target model, through any one relation
    between the two, or through the citations of the model's records when the target is what they cite."""
    found = set()
    for lookup in relation_lookups(model, target):
        found.update(model._base_manager.filter(**{f"{lookup}__in": pks}).values_list("pk", flat=True))
    return found


@cache
def relation_lookups(model, target):
    """The lookups from the model to the target model: its fields and reverse relations to it, and a
    generic relation's (a record's citations) own relations to it."""
    lookups = []
    for f in model._meta.get_fields():
        if not f.is_relation or f.related_model is None:
            continue
        if f.related_model is target:
            lookups.append(f.name)
        elif isinstance(f, GenericRelation):
            lookups += [
                f"{f.name}__{g.name}"
                for g in f.related_model._meta.get_fields()
                if g.many_to_one and g.related_model is target
            ]
    return tuple(lookups)


def dependencies(model):
    """The models a record must find already loaded: what its foreign keys and many-to-many fields name,
    and what its generic relations' records name (a citation's document)."""
    found = set()
    for f in model._meta.get_fields():
        if (f.many_to_one or f.many_to_many) and not f.auto_created and f.concrete and f.related_model:
            found.add(f.related_model)
        elif f.one_to_many and not f.auto_created and hasattr(f, "content_type_field_name"):
            found |= dependencies(f.related_model)
    return found


registry = Registry()
register = registry.register


def autodiscover():
    autodiscover_modules("resources")
