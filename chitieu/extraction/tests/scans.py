"""Scanned-looking pages made from a text: rendered in a serif font, slightly turned, speckled and
blurred, saved as JPEG inside a PDF (what an office scanner makes) or as a photo file."""

from __future__ import annotations

import io
import random
from pathlib import Path

# Fonts with the Vietnamese letters (fonts-liberation 1.x lacks them; liberation2 and DejaVu have them).
FONTS = [
    Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
]


def font_path() -> Path | None:
    return next((p for p in FONTS if p.is_file()), None)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            continue
        line = ""
        for w in words:
            trial = f"{line} {w}".strip()
            if draw.textlength(trial, font=font) <= width:
                line = trial
            else:
                if line:
                    lines.append(line)
                line = w
        lines.append(line)
        lines.append("")  # a gap between paragraphs
    return lines


def _stamp(page, dpi: int, rng):
    """A red round seal and a blue signature over the first lines, as on a signed report: inks
    that darken the paper under them (multiplied), so the black type beneath stays black."""
    from PIL import Image, ImageChops, ImageDraw, ImageFont

    layer = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    cx, cy, r = round(2.6 * dpi), round(1.25 * dpi), round(0.75 * dpi)
    red = (205, 30, 35)
    for w in range(0, round(dpi / 60) + 2):
        draw.ellipse((cx - r + w, cy - r + w, cx + r - w, cy + r - w), outline=red)
    draw.ellipse((cx - r // 3, cy - r // 3, cx + r // 3, cy + r // 3), fill=red)  # the star's place
    font = ImageFont.truetype(str(font_path()), size=round(9 * dpi / 72))
    draw.text((cx - round(0.62 * dpi), cy - round(0.55 * dpi)), "ỦY BAN NHÂN DÂN", font=font, fill=red)
    blue = (30, 50, 170)
    x, y = round(4.2 * dpi), round(1.0 * dpi)
    points = [(x + i * dpi // 12, y + rng.randint(-dpi // 6, dpi // 6)) for i in range(16)]
    draw.line(points, fill=blue, width=max(3, dpi // 60))
    return ImageChops.multiply(page, layer)


def render_pages(
    text: str, *, dpi: int = 300, angle: float = 1.2, noise: float = 0.02, seed: int = 1, stamp: bool = False
):
    """PIL images of A4 pages holding ``text`` in 13 pt type, turned by ``angle`` degrees; with
    ``stamp``, in colour with a red seal and a blue signature over the first lines."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    fp = font_path()
    assert fp is not None, "fonts-liberation is needed to render test scans"
    font = ImageFont.truetype(str(fp), size=round(13 * dpi / 72))
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    margin = round(0.9 * dpi)
    probe = ImageDraw.Draw(Image.new("L", (10, 10)))
    lines = _wrap(probe, text, font, width - 2 * margin)
    line_h = round(font.size * 1.45)
    per_page = (height - 2 * margin) // line_h
    rng = random.Random(seed)
    pages = []
    for first in range(0, len(lines), per_page):
        page = Image.new("RGB" if stamp else "L", (width, height), (255, 255, 255) if stamp else 255)
        draw = ImageDraw.Draw(page)
        y = margin
        for line in lines[first : first + per_page]:
            ink = rng.randint(10, 50)
            draw.text((margin, y), line, font=font, fill=(ink, ink, ink) if stamp else ink)
            y += line_h
        if stamp and first == 0:
            page = _stamp(page, dpi, rng)
        page = page.rotate(angle, resample=Image.BICUBIC, fillcolor=(255, 255, 255) if stamp else 255)
        page = page.filter(ImageFilter.GaussianBlur(radius=dpi / 300 * 0.7))
        if noise:
            px = page.load()
            for _ in range(int(width * height * noise / 10)):
                x, yy = rng.randrange(width), rng.randrange(height)
                v = rng.choice((0, 90, 255))
                px[x, yy] = (v, v, v) if stamp else v
        pages.append(page)
    return pages


def scanned_pdf(text: str, **kw) -> bytes:
    """A PDF of JPEG page images, no text layer."""
    pages = [p.convert("RGB") for p in render_pages(text, **kw)]
    out = io.BytesIO()
    dpi = kw.get("dpi", 300)
    pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], quality=75)
    return out.getvalue()


def photo(text: str, fmt: str = "JPEG", **kw) -> bytes:
    """A photo (JPEG or PNG) of the first page."""
    page = render_pages(text, **kw)[0]
    out = io.BytesIO()
    page.save(out, fmt, quality=80)
    return out.getvalue()
