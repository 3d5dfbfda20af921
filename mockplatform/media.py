"""Uploaded photos and videos: only real images (checked by Pillow) and real MP4/MOV/WebM
videos (whose container parses, see video.py) are kept, within size limits. Files live in the
data folder, one folder a workspace."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import current_app
from PIL import Image, UnidentifiedImageError

from . import clock, video
from .filters import sv_size

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif",
                 "WEBP": "image/webp"}
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif",
              "image/webp": "webp", "video/mp4": "mp4", "video/quicktime": "mov",
              "video/webm": "webm"}


class UploadError(ValueError):
    """A Swedish message for the user; the view answers 400 (or 413) and keeps their text."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def save_upload(db, ws: str, storage, *, allow_video: bool = True) -> str:
    """Validate and store an uploaded file; return its media id. Raises UploadError."""
    data = storage.read()
    if not data:
        raise UploadError("Filen är tom. Välj en bild eller film.")
    cfg = current_app.config
    mime, width, height = None, None, None
    if video.looks_like_video(data):
        if not allow_video:
            raise UploadError("Här går det bara att lägga upp bilder.")
        mime = video.container_mime(data)
        if mime is None:
            raise UploadError("Filen ser ut som en film men går inte att läsa som MP4, MOV eller WebM. "
                              "Den kan vara trasig: spara filmen på nytt och försök igen.")
        if len(data) > cfg["MAX_VIDEO_BYTES"]:
            raise UploadError(f"Filmen är för stor. Största storlek är {sv_size(cfg['MAX_VIDEO_BYTES'])}.",
                              413)
        kind = "video"
    else:
        mime, width, height = _image_info(data, allow_video)
        if len(data) > cfg["MAX_IMAGE_BYTES"]:
            raise UploadError(f"Bilden är för stor. Största storlek är {sv_size(cfg['MAX_IMAGE_BYTES'])}.",
                              413)
        kind = "image"
    media_id = secrets.token_hex(12)
    folder = Path(cfg["MEDIA_DIR"]) / ws
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{media_id}.{EXTENSIONS[mime]}").write_bytes(data)
    db.execute(
        "INSERT INTO media (id, workspace_id, kind, mime, filename, size, width, height,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (media_id, ws, kind, mime, (storage.filename or "")[:200], len(data), width, height,
         clock.iso(clock.real_now())),
    )
    return media_id


def _image_info(data: bytes, allow_video: bool = True) -> tuple[str, int, int]:
    import io

    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt, size = img.format, img.size
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        if not allow_video:
            raise UploadError("Filen är inte en bild. Välj en JPEG-, PNG-, GIF- eller WebP-bild.") from None
        raise UploadError("Filen är varken en bild eller en film. Välj en JPEG-, PNG-, GIF- eller "
                          "WebP-bild, eller en MP4-, MOV- eller WebM-film.") from None
    if fmt not in IMAGE_FORMATS:
        raise UploadError(f"Bildformatet {fmt} stöds inte. Använd JPEG, PNG, GIF eller WebP.")
    return IMAGE_FORMATS[fmt], size[0], size[1]


def get(db, ws: str, media_id: str | None):
    if not media_id:
        return None
    return db.execute("SELECT * FROM media WHERE id = ? AND workspace_id = ?",
                      (media_id, ws)).fetchone()


def path(row) -> Path:
    return Path(current_app.config["MEDIA_DIR"]) / row["workspace_id"] / (
        f"{row['id']}.{EXTENSIONS[row['mime']]}")
