"""Who the client is: the socket's peer, or, behind trusted proxies, the right-most address of
`X-Forwarded-For` that no trusted proxy added.

Anyone can send `X-Forwarded-For`; only the entries appended by proxies we run can be believed. Each
trusted proxy appends the address it received the request from, so reading from the right and
stopping at the first address that is not a trusted proxy gives the client, whatever it forged to
the left. With no proxy trusted the header is ignored. The middleware puts the answer in
`REMOTE_ADDR`, where throttling, the admin lockout and gunicorn's access log all read it.

A stdlib function rather than django-ipware: ipware matches trusted proxies by string prefix, not
network, and by default believes headers such as `X-Real-IP` from anyone.
"""

import ipaddress

from django.conf import settings


def trusted_proxies(value):
    """`TRUSTED_PROXIES` parsed: a count of proxies (`2`), or their addresses and networks
    (`10.0.0.0/8,192.0.2.7`); empty trusts none (0)."""
    value = value.strip()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in value.split(",") if item.strip())


def parse_address(text):
    """An address as a proxy may write it (`192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]:443`), or None."""
    text = text.strip()
    candidates = [text]
    if text.startswith("["):
        candidates.append(text[1:].partition("]")[0])
    elif text.count(":") == 1:
        candidates.append(text.partition(":")[0])
    for candidate in candidates:
        try:
            return ipaddress.ip_address(candidate)
        except ValueError:
            continue
    return None


def client_address(peer, forwarded_for, trusted):
    """The client's address given the socket's peer, the `X-Forwarded-For` header and the trusted proxies
    (a count or a tuple of networks). An entry that is not an address ends the walk: a trusted proxy
    never writes one, so it can only be forged."""
    hops = forwarded_for.split(",") if forwarded_for else []
    client, passed = peer, 0
    while hops:
        if isinstance(trusted, int):
            if passed >= trusted:
                break
        else:
            address = parse_address(client)
            if address is None or not any(address in network for network in trusted):
                break
        hop = parse_address(hops.pop())
        if hop is None:
            break
        client, passed = str(hop), passed + 1
    return client


def client_of(request):
    """The client's address, once ClientAddressMiddleware has settled it (the admin lockout reads it here)."""
    return request.META.get("REMOTE_ADDR", "")


class ClientAddressMiddleware:
    """First of all middleware: `REMOTE_ADDR` becomes the client's address when proxies are trusted."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        trusted = settings.TRUSTED_PROXIES
        if trusted:
            meta = request.META
            meta["REMOTE_ADDR"] = client_address(
                meta.get("REMOTE_ADDR", ""), meta.get("HTTP_X_FORWARDED_FOR", ""), trusted
            )
        return self.get_response(request)
