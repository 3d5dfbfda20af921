"""Which address trainees on the same network can reach this machine at – found without
sending a single packet (a UDP socket's connect only asks the routing table)."""

from __future__ import annotations

import ipaddress
import socket

ANY = {"0.0.0.0", "::", ""}
# Private ranges to ask the routing table about; nothing is ever sent to them.
_PROBES = ("10.255.255.255", "172.31.255.255", "192.168.255.255")


def _usable(ip: str) -> bool:
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return not (addr.is_loopback or addr.is_unspecified or addr.is_link_local or addr.is_multicast)


def _routed() -> str | None:
    for probe in _PROBES:
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.connect((probe, 9))  # UDP connect: picks the outgoing interface, sends nothing
                ip = s.getsockname()[0]
        except OSError:
            continue
        if _usable(ip):
            return ip
    return None


def _by_hostname() -> str | None:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return None
    for info in infos:
        ip = info[4][0]
        if _usable(ip):
            return ip
    return None


def lan_address() -> str | None:
    """This machine's address on the local network, or None (no network)."""
    return _routed() or _by_hostname()


def is_loopback(host: str) -> bool:
    """Is host (a Host header: name[:port], [v6]:port, or a bare address) this machine only?"""
    if host.startswith("["):
        name = host[1:host.find("]")]
    else:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def reachable_host(bound: str | None) -> str | None:
    """The address to give trainees for a server listening on ``bound``, or None when it
    listens only on this machine."""
    if not bound or is_loopback(bound):
        return None
    if bound in ANY:
        return lan_address()
    return bound
