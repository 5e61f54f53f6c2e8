"""A renamed record keeps its old URL working: 301 to the slug it has now."""

from django.contrib.contenttypes.models import ContentType

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
    former = FormerSlug.objects.filter(content_type=ContentType.objects.get_for_model(Project))
    assert list(former.values_list("slug", flat=True)) == ["calb-renamed"]
    assert client.get("/api/v1/projects/calb-jiangmen-base/").status_code == 200
    assert client.get("/api/v1/projects/calb-renamed/").status_code == 301


def test_a_former_slug_of_another_resource_is_still_404(client):
    project = Project.objects.get(slug="calb-jiangmen-base")
    project.slug = "calb-renamed"
    project.save()
    response = client.get("/api/v1/zones/calb-jiangmen-base/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_slugs_renamed_by_the_review_still_answer(client):
    for former, current in [
        ("longi-fortune-global-500", "longi-world-top-500"),
        ("longi-jiangmen-base-nationally-top-ranked", "longi-jiangmen-base-among-top-nationally"),
    ]:
        response = client.get(f"/api/v1/distinctions/{former}/")
        assert response.status_code == 301
        assert response["Location"] == f"http://testserver/api/v1/distinctions/{current}/"


def test_a_former_slug_redirects_a_spreadsheet_too(client):
    response = client.get("/api/v1/distinctions/longi-fortune-global-500/", {"format": "csv"})
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/api/v1/distinctions/longi-world-top-500/?format=csv"
