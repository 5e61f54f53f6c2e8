"""The client's identity: the socket's peer unless trusted proxies vouch for an X-Forwarded-For entry."""

import ipaddress

import pytest

from apps.core.clients import client_address, trusted_proxies

PROXY_NETWORKS = trusted_proxies("10.0.0.0/8, 192.0.2.7")


def test_the_setting_is_a_count_or_addresses_and_networks():
    assert trusted_proxies("") == 0
    assert trusted_proxies("2") == 2
    assert (ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("192.0.2.7/32")) == PROXY_NETWORKS


@pytest.mark.parametrize("trusted", [0, ()])
def test_with_no_proxy_trusted_the_header_changes_nothing(trusted):
    assert client_address("203.0.113.9", "198.51.100.1, 198.51.100.2", trusted) == "203.0.113.9"


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "trusted", "client"),
    [
        # One proxy: the entry it appended, whatever the client forged before it.
        ("10.0.0.1", "203.0.113.9", 1, "203.0.113.9"),
        ("10.0.0.1", "198.51.100.66, 203.0.113.9", 1, "203.0.113.9"),
        ("10.0.0.1", "198.51.100.66, 203.0.113.9", PROXY_NETWORKS, "203.0.113.9"),
        # Two proxies: the second appended the first's address, the first the client's.
        ("10.0.0.2", "198.51.100.66, 203.0.113.9, 10.0.0.1", 2, "203.0.113.9"),
        ("192.0.2.7", "198.51.100.66, 203.0.113.9, 10.0.0.1", PROXY_NETWORKS, "203.0.113.9"),
        # A forged entry that names a trusted address is still left of the client's.
        ("10.0.0.1", "10.9.9.9, 203.0.113.9", PROXY_NETWORKS, "203.0.113.9"),
        # A client that reaches the app directly is its own peer, when proxies are named by address.
        ("203.0.113.9", "198.51.100.66", PROXY_NETWORKS, "203.0.113.9"),
        # Fewer entries than proxies: the left-most, which the outermost proxy that saw the request wrote.
        ("10.0.0.2", "203.0.113.9", 2, "203.0.113.9"),
        ("10.0.0.1", "", 1, "10.0.0.1"),
        # Ports and brackets as some proxies write them.
        ("10.0.0.1", "203.0.113.9:4711", 1, "203.0.113.9"),
        ("10.0.0.1", "[2001:db8::9]:443", PROXY_NETWORKS, "2001:db8::9"),
        # What is not an address ends the walk at the last address a trusted proxy vouched for.
        ("10.0.0.1", "203.0.113.9, not-an-address", 1, "10.0.0.1"),
    ],
)
def test_the_client_is_the_right_most_address_no_trusted_proxy_added(peer, forwarded_for, trusted, client):
    assert client_address(peer, forwarded_for, trusted) == client


def test_the_middleware_settles_remote_addr_where_the_access_log_reads_it(client, settings):
    """gunicorn's access log (`%(h)s`) reads REMOTE_ADDR from the same environ after the response."""
    settings.TRUSTED_PROXIES = 1
    response = client.get("/healthz", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.66, 203.0.113.9")
    assert response.wsgi_request.META["REMOTE_ADDR"] == "203.0.113.9"
    settings.TRUSTED_PROXIES = 0
    response = client.get("/healthz", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.wsgi_request.META["REMOTE_ADDR"] == "10.0.0.1"
