"""How trainees reach the class: the address other devices can open (this machine's address on
the network, a proxy's public name, or PUBLIC_URL), the join link with the code filled in, and
its QR code for the projector (an SVG made by segno, served by Sandlådan itself)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import segno
from flask import Response, current_app, request, url_for

from .. import network
from . import bp
from .dashboard import _class_and_scenario, trainer_required


@dataclass(frozen=True)
class JoinInfo:
    url: str  # the link with the code filled in
    address: str  # what to type: host[:port]/ga-med, without the scheme
    local_only: bool  # only this machine can open it


def join_info(code: str) -> JoinInfo:
    path = url_for("training.join")
    public = current_app.config.get("PUBLIC_URL")
    local_only = False
    if public:
        base = public.rstrip("/")
        path = "/ga-med"
    elif not network.is_loopback(request.host):
        base = request.host_url.rstrip("/")  # the trainer came in by the network name or a proxy
    else:
        lan = network.reachable_host(current_app.config.get("SERVE_HOST"))
        port = current_app.config.get("SERVE_PORT") or request.host.rpartition(":")[2]
        if lan:
            host = f"[{lan}]" if ":" in lan else lan
            base = f"{request.scheme}://{host}:{port}" if str(port).isdigit() else f"{request.scheme}://{host}"
        else:
            base, local_only = request.host_url.rstrip("/"), True
    url = f"{base}{path}?kod={code}"
    return JoinInfo(url=url, address=f"{base}{path}".split("://", 1)[1], local_only=local_only)


@bp.get("/tranare/grupp/<int:class_id>/qr.svg")
@trainer_required
def trainer_qr(class_id: int):
    _db, klass, _scenario = _class_and_scenario(class_id)
    buf = io.BytesIO()
    segno.make(join_info(klass["code"]).url, error="m").save(
        buf, kind="svg", scale=10, border=2, dark="#000", light="#fff",
        title=f"QR-kod: gå med i {klass['name']}")
    return Response(buf.getvalue(), mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})
