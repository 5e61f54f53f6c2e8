"""The resource declarations: each resource declared once, and everything that lists resources reads them."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from rest_framework import serializers

from apps.core.registry import Resource, registry
from apps.curation.datasets import resources as dataset_resources
from apps.curation.loader import model_order

RESOURCE_MODELS = {resource.model for resource in registry.models()}
SERVED_BY_VIEWSETS = [resource for resource in registry if resource.viewset is not None]


def related_model(model, source):
    """The model a dotted serializer source ends on, if it crosses a relation."""
    target, crossed = model, False
    for part in source.split("."):
        field = next((f for f in target._meta.get_fields() if f.name == part), None)
        if field is None or not field.is_relation:
            break
        target, crossed = field.related_model, True
    return target if crossed else None


def shown_models(serializer, model, found):
    """Resource models a serializer shows, True where it nests their whole records (with citations) and
    False where it only names them; it looks through what is no resource (a citation's document)."""
    for field in serializer.fields.values():
        inner = field.child if isinstance(field, serializers.ListSerializer) else field
        target = model if field.source == "*" else related_model(model, field.source)
        if target is None:
            continue
        if field.source != "*" and target in RESOURCE_MODELS:
            whole = isinstance(inner, serializers.Serializer) and "citations" in inner.fields
            found[target] = found.get(target, False) or whole
        elif isinstance(inner, serializers.Serializer):
            shown_models(inner, target, found)
    return found


@pytest.mark.parametrize("resource", SERVED_BY_VIEWSETS, ids=lambda resource: resource.name)
def test_declared_embeds_and_references_are_what_the_serializers_show(resource):
    viewset = resource.viewset
    shown = {}
    for serializer_class in {viewset.serializer_class, viewset.detail_serializer_class or viewset.serializer_class}:
        shown_models(serializer_class(), resource.model, shown)
    assert set(resource.embeds) == {registry.for_model(model).name for model, whole in shown.items() if whole}
    assert set(resource.references) == {registry.for_model(model).name for model, whole in shown.items() if not whole}


def test_every_embedded_name_is_a_declared_resource():
    for resource in registry:
        assert {*resource.embeds, *resource.references} <= set(registry.resources), resource.name


def test_a_write_reaches_every_resource_that_shows_it_directly_or_through_another():
    embedding_units = {resource.name for resource in registry.embedding("units")}
    # Units appear in indicators and observations, and through figures in every detail that nests them.
    assert {"indicators", "observations", "projects", "zones", "regions", "events"} <= embedding_units
    assert "sources" not in embedding_units
    # A milestone names its project; what the project nests (figures) is not shown in a milestone.
    assert registry.shown_by("milestones") == {"milestones", "projects", "sources"}
    assert "milestones" not in {resource.name for resource in registry.embedding("observations")}


def test_the_api_root_lists_every_declared_resource_in_order(client):
    root = client.get("/api/v1/").json()
    assert list(root) == [resource.name for resource in registry]
    for resource in registry:
        assert root[resource.name].endswith(f"/api/v1/{resource.name}/")


@pytest.mark.parametrize("resource", list(registry), ids=lambda resource: resource.name)
def test_every_declared_resource_is_routed_and_answers(client, resource):
    assert reverse(resource.route_name) == f"/api/v1/{resource.name}/"
    assert client.get(f"/api/v1/{resource.name}/").status_code == 200


def test_the_loader_loads_what_a_model_points_at_before_the_model():
    order = model_order()
    for position, label in enumerate(order):
        model = apps.get_model(label)
        for field in model._meta.get_fields():
            if field.concrete and field.related_model in RESOURCE_MODELS and field.related_model is not model:
                assert order.index(field.related_model._meta.label_lower) < position, (label, field.name)
    assert set(order) == {model._meta.label_lower for model in RESOURCE_MODELS}


def test_the_dataset_holds_every_model_resource_but_the_sources_listed_apart():
    assert [resource.name for resource in dataset_resources()] == [
        resource.name for resource in registry.models() if resource.name != "sources"
    ]


def test_the_landing_page_counts_what_the_declarations_say(client):
    page = client.get("/").content.decode()
    for resource in registry.models():
        if resource.counted_as:
            count = resource.model.objects.count()
            assert f"<strong>{count}</strong> {resource.counted_as}" in page


def test_the_curator_group_follows_each_declaration():
    call_command("create_curator_group", verbosity=0)
    granted = set(Group.objects.get(name="Curators").permissions.values_list("codename", flat=True))
    for resource in registry.models():
        model_name = resource.model._meta.model_name
        for action in ("view", "add", "change", "delete"):
            assert (f"{action}_{model_name}" in granted) == (action in resource.curator_actions), (model_name, action)


def test_a_declaration_is_served_by_a_viewset_or_by_one_named_view():
    with pytest.raises(ValueError, match="exactly one"):
        Resource("nothing")
    with pytest.raises(ValueError, match="route name"):
        Resource("unnamed", view=object)
    with pytest.raises(ValueError, match="declared twice"):
        registry.register(Resource("regions", view=object, route="x"))
