def test_api_root_lists_resources(client):
    assert client.get("/api/v1/").status_code == 200
