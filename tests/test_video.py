"""A video is accepted only when its container parses; look-alikes are refused with a clear
Swedish message, and media are served with nosniff."""

from __future__ import annotations

import io

import pytest

from mockplatform import video

from .video_helpers import box, tiny_mp4, tiny_webm

PAGE = "/facebook/osthammarskommun"


def test_real_containers_parse():
    assert video.container_mime(tiny_mp4()) == "video/mp4"
    assert video.container_mime(tiny_mp4(b"qt  ")) == "video/quicktime"
    assert video.container_mime(tiny_webm()) == "video/webm"


@pytest.mark.parametrize("data", [
    b"\x00\x00\x00\x18ftypmp42" + bytes(88),                     # 100 bytes: signature, then zeros
    bytes(4) + b"ftyp" + bytes(92),                               # ftyp "to end of file", nothing else
    tiny_mp4()[:-10],                                             # cut off: boxes do not add up
    tiny_mp4() + b"junk",                                         # trailing garbage
    box(b"ftyp", b"isom" + bytes(4)) + box(b"mdat", bytes(64)),   # no moov
    box(b"ftyp", b"isom" + bytes(4)) + box(b"moov", box(b"free", b"")) + box(b"mdat", b"x"),
    b"\x1a\x45\xdf\xa3" + bytes(96),                              # EBML magic then zeros
    tiny_webm(b"matroska"),                                       # not WebM
    tiny_webm()[:40],                                             # cut off inside the segment
])
def test_look_alikes_are_not_videos(data):
    assert video.container_mime(data) is None


def _post(client, data, name):
    return client.post(f"{PAGE}/inlagg", data={"text": "Film", "mode": "now", "shows_person": "none",
                                                 "media": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_a_zero_file_with_a_video_signature_named_jpg_is_refused(eva, db):
    for head in (b"\x00\x00\x00\x18ftypmp42", b"\x1a\x45\xdf\xa3"):
        data = head + bytes(100 - len(head))
        r = _post(eva, data, "semester.jpg")
        assert r.status_code == 400
        html = r.get_data(as_text=True)
        assert "går inte att läsa som MP4, MOV eller WebM" in html
        assert "Film" in html  # the typed text is kept
    assert db.execute("SELECT count(*) FROM media").fetchone()[0] == 0


@pytest.mark.parametrize(("data", "mime"), [(tiny_mp4(), "video/mp4"), (tiny_webm(), "video/webm")])
def test_a_real_video_is_kept_and_served_with_nosniff(eva, db, data, mime):
    assert _post(eva, data, "film").status_code == 302
    row = db.execute("SELECT id, kind, mime FROM media").fetchone()
    assert (row["kind"], row["mime"]) == ("video", mime)
    html = eva.get(f"{PAGE}/").get_data(as_text=True)
    src = html[html.index("/media/"):].split('"')[0]
    served = eva.get(src)
    assert served.status_code == 200 and served.mimetype == mime
    assert served.headers["X-Content-Type-Options"] == "nosniff"
