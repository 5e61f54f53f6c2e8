"""A renamed record keeps its old URL working: 301 to the slug it has now."""

from apps.core.models import FormerSlug
from apps.projects.models import Project


def test_a_rename_keeps_the_old_slug_as_a_redirect(client):
    project = Project.objects.get(slug="calb-jiangmen-base")
    project.slug = "calb-jiangmen-production-base"
    project.save()
    response = client.get("/api/v1/projects/calb-jiangmen-base/", {"format": "json"})
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/api/v1/projects/calb-jiangmen-production-base/?format=json"
    assert client.get(response["Location"]).json()["slug"] == "calb-jiangmen-production-base"


def test_renaming_back_reclaims_the_slug(client):
    project = Project.objects.get(slug="calb-jiangmen-base")
    project.slug = "calb-renamed"
    project.save()
    project.slug = "calb-jiangmen-base"
    project.save()
    assert list(FormerSlug.objects.values_list("slug", flat=True)) == ["calb-renamed"]
    assert client.get("/api/v1/projects/calb-jiangmen-base/").status_code == 200
    assert client.get("/api/v1/projects/calb-renamed/").status_code == 301


def test_a_former_slug_of_another_resource_is_still_404(client):
    project = Project.objects.get(slug="calb-jiangmen-base")
    project.slug = "calb-renamed"
    project.save()
    response = client.get("/api/v1/zones/calb-jiangmen-base/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
