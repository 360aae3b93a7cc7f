"""The client's address, as far as the portal can trust it.

Behind a reverse proxy every request comes from the proxy's address, and the client's is in ``X-Forwarded-For``,
which a client can also write itself. The portal believes that header only when the request comes from one of the
proxies named in ``PORTAL_TRUSTED_PROXIES`` (addresses or networks), and then takes the right-most address that is
not one of them: the last hop a trusted proxy saw. Without trusted proxies the header is ignored. Login throttling
(django-axes, ``AXES_CLIENT_IP_CALLABLE``) and the security log both use this one answer.
"""

import ipaddress

from django.conf import settings


def _networks():
    networks = []
    for item in getattr(settings, "PORTAL_TRUSTED_PROXIES", []):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            continue
    return networks


def _address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    """The address of the client that sent ``request`` (a string), or "" when none can be read."""
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    networks = _networks()
    if not _is_trusted(remote, networks):
        return str(remote) if remote else ""
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:
            break  # an unreadable hop: stop at what the trusted proxies vouched for
        if not _is_trusted(address, networks):
            return str(address)
    return str(remote)
