"""Small but structurally real videos: MP4 boxes and WebM EBML elements as players read them."""

from __future__ import annotations


def box(kind: bytes, payload: bytes) -> bytes:
    return (8 + len(payload)).to_bytes(4, "big") + kind + payload


def tiny_mp4(brand: bytes = b"isom") -> bytes:
    ftyp = box(b"ftyp", brand + (512).to_bytes(4, "big") + b"isomiso2mp41")
    moov = box(b"moov", box(b"mvhd", bytes(100)) + box(b"trak", box(b"tkhd", bytes(84))))
    return ftyp + moov + box(b"mdat", bytes(256))


def _size(n: int) -> bytes:
    return bytes([0x80 | n]) if n < 127 else b"\x01" + n.to_bytes(7, "big")


def element(ident: int, payload: bytes) -> bytes:
    return ident.to_bytes((ident.bit_length() + 7) // 8, "big") + _size(len(payload)) + payload


def tiny_webm(doctype: bytes = b"webm") -> bytes:
    header = element(0x1A45DFA3, element(0x4286, b"\x01") + element(0x4282, doctype))
    info = element(0x1549A966, element(0x2AD7B1, (1000000).to_bytes(3, "big")))
    tracks = element(0x1654AE6B, element(0xAE, element(0xD7, b"\x01") + element(0x86, b"V_VP8")))
    cluster = element(0x1F43B675, element(0xE7, b"\x00") + element(0xA3, bytes(200)))
    return header + element(0x18538067, info + tracks + cluster)
