"""Is an uploaded file really a video? Its container must parse, not just its first bytes.

MP4/MOV (ISO base media format): the file is a chain of boxes (size, type) that must add up to
exactly the file's length, start with ``ftyp`` and hold a ``moov`` (with ``mvhd`` and a ``trak``)
plus the media itself (``mdat`` or fragments). WebM: an EBML header whose DocType is ``webm``,
followed by a Segment that holds the track list (``Tracks``)."""

from __future__ import annotations

import string

_BOX_TYPE = set((string.ascii_letters + string.digits + " _-©").encode("latin-1"))


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]] | None:
    """(type, payload start, box end) of each box in data[start:end], or None if they do not
    tile the range exactly."""
    out, pos = [], start
    while pos < end:
        if end - pos < 8:
            return None
        size, kind = int.from_bytes(data[pos:pos + 4], "big"), data[pos + 4:pos + 8]
        header = 8
        if size == 1:
            if end - pos < 16:
                return None
            size, header = int.from_bytes(data[pos + 8:pos + 16], "big"), 16
        elif size == 0:  # "to the end of the file": only the last top-level box may say so
            size = end - pos
        if size < header or pos + size > end or not set(kind) <= _BOX_TYPE:
            return None
        out.append((kind, pos + header, pos + size))
        pos += size
    return out


def is_mp4(data: bytes) -> bool:
    boxes = _boxes(data, 0, len(data))
    if not boxes or boxes[0][0] != b"ftyp" or boxes[0][2] - boxes[0][1] < 8:
        return False
    kinds = {b[0] for b in boxes}
    if b"moov" not in kinds or not kinds & {b"mdat", b"moof"}:
        return False
    moov = next(b for b in boxes if b[0] == b"moov")
    children = _boxes(data, moov[1], moov[2])
    return bool(children) and {b"mvhd", b"trak"} <= {c[0] for c in children}


def _vint(data: bytes, pos: int, *, keep_marker: bool) -> tuple[int, int, bool] | None:
    """An EBML variable-length integer at pos: (value, length, all-ones = unknown size)."""
    if pos >= len(data) or data[pos] == 0:
        return None
    first = data[pos]
    length = 8 - first.bit_length() + 1
    if pos + length > len(data):
        return None
    value = first if keep_marker else first & ((1 << (8 - length)) - 1)
    for b in data[pos + 1:pos + length]:
        value = (value << 8) | b
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return value, length, unknown


def _element(data: bytes, pos: int) -> tuple[int, int, int | None] | None:
    """(id, payload start, payload end or None for an unknown size) of the element at pos."""
    ident = _vint(data, pos, keep_marker=True)
    if ident is None:
        return None
    size = _vint(data, pos + ident[1], keep_marker=False)
    if size is None:
        return None
    start = pos + ident[1] + size[1]
    if size[2]:
        return ident[0], start, None
    end = start + size[0]
    return (ident[0], start, end) if end <= len(data) else None


EBML, DOCTYPE, SEGMENT, TRACKS, CLUSTER = 0x1A45DFA3, 0x4282, 0x18538067, 0x1654AE6B, 0x1F43B675


def is_webm(data: bytes) -> bool:
    header = _element(data, 0)
    if header is None or header[0] != EBML or header[2] is None:
        return False
    pos, doctype = header[1], None
    while pos < header[2]:
        child = _element(data, pos)
        if child is None or child[2] is None or child[2] > header[2]:
            return False
        if child[0] == DOCTYPE:
            doctype = data[child[1]:child[2]].rstrip(b"\x00")
        pos = child[2]
    segment = _element(data, header[2])
    if doctype != b"webm" or segment is None or segment[0] != SEGMENT:
        return False
    end = segment[2] if segment[2] is not None else len(data)
    pos = segment[1]
    for _ in range(64):  # the track list comes before the first cluster
        child = _element(data, pos)
        if child is None or child[0] == CLUSTER:
            return False
        if child[0] == TRACKS:
            return child[2] is not None and child[2] > child[1]
        if child[2] is None or child[2] > end:
            return False
        pos = child[2]
    return False


def container_mime(data: bytes) -> str | None:
    """The video's type when its container parses; None when it is not a video at all."""
    if data[4:8] == b"ftyp" and is_mp4(data):
        return "video/quicktime" if data[8:10] == b"qt" else "video/mp4"
    if data[:4] == b"\x1a\x45\xdf\xa3" and is_webm(data):
        return "video/webm"
    return None


def looks_like_video(data: bytes) -> bool:
    """Only the first bytes say video (whether or not the rest holds up)."""
    return data[4:8] == b"ftyp" or data[:4] == b"\x1a\x45\xdf\xa3"
