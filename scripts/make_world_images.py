"""Draws the seeded world's pictures (logos, covers, post images) with Pillow.

Run once; the output under mockplatform/static/world/ is committed. Kept so the pictures
can be remade or restyled: .venv/bin/python scripts/make_world_images.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "mockplatform" / "static" / "world"


def font(size):
    for name in ("DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default()


def gradient(size, top, bottom):
    w, h = size
    img = Image.new("RGB", size, top)
    d = ImageDraw.Draw(img)
    for y in range(h):
        t = y / max(h - 1, 1)
        d.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return img


def logo(name, letters, colour):
    img = Image.new("RGB", (320, 320), colour)
    d = ImageDraw.Draw(img)
    d.ellipse((40, 40, 280, 280), outline="white", width=14)
    f = font(96)
    box = d.textbbox((0, 0), letters, font=f)
    d.text(((320 - box[2]) / 2, (320 - box[3]) / 2 - 10), letters, fill="white", font=f)
    img.save(OUT / name)


def coast(name, size, sky=((120, 170, 220), (250, 200, 150)), sea=(40, 90, 140)):
    w, h = size
    img = gradient(size, *sky)
    d = ImageDraw.Draw(img)
    d.ellipse((w * 0.65, h * 0.25, w * 0.65 + h * 0.2, h * 0.45), fill=(255, 230, 150))
    d.rectangle((0, h * 0.6, w, h), fill=sea)
    d.polygon([(0, h * 0.62), (w * 0.3, h * 0.5), (w * 0.45, h * 0.62)], fill=(50, 70, 60))
    d.polygon([(w * 0.5, h * 0.63), (w * 0.8, h * 0.55), (w, h * 0.6), (w, h * 0.64)],
              fill=(60, 80, 65))
    for i in range(8):
        y = h * 0.7 + i * h * 0.035
        d.line([(w * 0.1 + i * 20, y), (w * 0.35 + i * 25, y)], fill=(90, 140, 190), width=3)
    img.save(OUT / name, quality=85)


def snow(name, size):
    w, h = size
    img = gradient(size, (170, 190, 210), (235, 240, 245))
    d = ImageDraw.Draw(img)
    d.rectangle((0, h * 0.65, w, h), fill=(250, 250, 252))
    d.rectangle((w * 0.3, h * 0.45, w * 0.62, h * 0.66), fill=(230, 150, 30))  # plough
    d.rectangle((w * 0.5, h * 0.36, w * 0.62, h * 0.47), fill=(60, 60, 70))
    d.polygon([(w * 0.18, h * 0.66), (w * 0.3, h * 0.52), (w * 0.3, h * 0.66)], fill=(90, 90, 100))
    for cx in (0.4, 0.55):
        d.ellipse((w * cx - 22, h * 0.62, w * cx + 22, h * 0.62 + 44), fill=(30, 30, 30))
    for i in range(120):
        x, y = (i * 97) % w, (i * 53) % int(h * 0.9)
        d.ellipse((x, y, x + 5, y + 5), fill="white")
    img.save(OUT / name, quality=85)


def books(name, size):
    w, h = size
    img = Image.new("RGB", size, (245, 236, 220))
    d = ImageDraw.Draw(img)
    colours = [(170, 60, 50), (40, 90, 140), (60, 130, 80), (200, 150, 40), (110, 70, 130)]
    for shelf in range(3):
        y0 = h * (0.08 + shelf * 0.31)
        x = w * 0.05
        i = shelf
        while x < w * 0.95:
            bw = 22 + (i * 13) % 20
            d.rectangle((x, y0 + (i % 3) * 8, x + bw, y0 + h * 0.26), fill=colours[i % 5])
            x += bw + 3
            i += 1
        d.rectangle((0, y0 + h * 0.26, w, y0 + h * 0.28), fill=(120, 80, 50))
    img.save(OUT / name, quality=85)


def ice(name, size):
    w, h = size
    img = gradient(size, (140, 180, 220), (220, 235, 245))
    d = ImageDraw.Draw(img)
    d.ellipse((-w * 0.2, h * 0.55, w * 1.2, h * 1.3), fill=(210, 230, 245))
    for i in range(6):
        x = w * (0.1 + i * 0.15)
        d.arc((x, h * 0.7, x + w * 0.2, h * 0.85), 200, 340, fill=(150, 180, 210), width=3)
    for x in range(0, w, 60):
        d.polygon([(x, h * 0.58), (x + 30, h * 0.35), (x + 60, h * 0.58)], fill=(40, 90, 60))
    img.save(OUT / name, quality=85)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    logo("logo-kommun.png", "ÖK", (0, 84, 147))
    logo("logo-bibliotek.png", "B", (160, 50, 60))
    logo("logo-fritid.png", "F", (40, 120, 70))
    logo("logo-turism.png", "Ö", (0, 130, 150))
    coast("cover-kust.jpg", (1280, 400))
    books("cover-bibliotek.jpg", (1280, 400))
    ice("cover-fritid.jpg", (1280, 400))
    coast("cover-turism.jpg", (1280, 400), sky=((250, 170, 120), (120, 80, 140)))
    snow("post-snorojning.jpg", (960, 640))
    books("post-bibliotek.jpg", (960, 640))
    ice("post-fritid.jpg", (960, 640))
    coast("post-turism.jpg", (960, 960), sky=((250, 170, 120), (120, 80, 140)))


if __name__ == "__main__":
    main()
