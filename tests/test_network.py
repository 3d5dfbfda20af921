"""Finding the address trainees can reach, without sending anything."""

from __future__ import annotations

import socket

from mockplatform import network, server


def test_loopback_and_any():
    assert network.is_loopback("127.0.0.1") and network.is_loopback("localhost:5000")
    assert network.is_loopback("[::1]:5000") and not network.is_loopback("192.168.1.5:5000")
    assert network.reachable_host("127.0.0.1") is None
    assert network.reachable_host("192.168.1.5") == "192.168.1.5"


def test_lan_address_uses_the_routing_table_only(monkeypatch):
    sent = []

    class FakeSocket:
        def __init__(self, *a):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def connect(self, addr):
            pass

        def getsockname(self):
            return ("10.20.30.40", 5555)

        def sendto(self, *a):
            sent.append(a)

        send = sendto

    monkeypatch.setattr(socket, "socket", FakeSocket)
    assert network.lan_address() == "10.20.30.40"
    assert sent == []


def test_without_a_network_the_hostname_is_asked(monkeypatch):
    def no_route(*a):
        raise OSError("Network is unreachable")

    monkeypatch.setattr(network, "_routed", lambda: None)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [(2, 2, 17, "", ("127.0.1.1", 0)),
                                                                 (2, 2, 17, "", ("172.16.0.9", 0))])
    assert network.lan_address() == "172.16.0.9"


def test_serve_prints_the_address_others_use(monkeypatch):
    monkeypatch.setattr(network, "lan_address", lambda: "192.168.0.12")
    assert server.addresses("0.0.0.0", 5000) == ["http://127.0.0.1:5000/", "http://192.168.0.12:5000/"]
    assert server.addresses("127.0.0.1", 5000) == ["http://127.0.0.1:5000/"]
