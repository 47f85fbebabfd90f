"""Keep tests that open connections on this machine: no proxy, a resolver that only
knows the names a test serves on 127.0.0.1 and fails every other."""

from __future__ import annotations

import socket
from collections.abc import Collection
from typing import Any

import pytest

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


def isolate(monkeypatch: pytest.MonkeyPatch, local_names: Collection[str]) -> list[str]:
    """Send ``local_names`` (and 127.0.0.1) to 127.0.0.1; record and refuse the rest.

    Returns the list of other names asked for (``*.invalid`` is expected to fail
    and is not recorded); a test asserts it stays empty.
    """
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    real = socket.getaddrinfo
    strangers: list[str] = []

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name in local_names or name == "127.0.0.1":
            return real("127.0.0.1", *args, **kwargs)
        if not name.endswith(".invalid"):
            strangers.append(name)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return strangers
