"""Scans and photos read by OCR: Tesseract with its Vietnamese model (Debian's ``tesseract-ocr`` and
``tesseract-ocr-vie``), PDF pages rendered by ``pdftoppm`` (``poppler-utils``).

Each page image is checked for its pixel count before it is decoded, turned to grey keeping only
black ink (the red seal and the blue signature on a signed report would otherwise be read as
text, and hide the words under them), straightened
(the skew of a page laid crooked on the scanner is measured on a small copy, from -5 to 5 degrees)
and handed to ``tesseract ... tsv`` in a child process with a timeout and a memory cap, one thread.
The words come back with their confidences; the text is laid out a paragraph a line (the lines of a
paragraph joined, since a sentence runs across them), and each word keeps its span in the text so
that a figure's confidence is that of the words it was read from.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.lib.bounded import Deadline, LimitExceeded, check_image, run_bounded

from .refusals import from_limit, refuse

OCR_PACKAGES = "tesseract-ocr tesseract-ocr-vie"
PDF_PACKAGES = "poppler-utils"
MAX_PIXELS = 60_000_000  # an A4 page at 600 dpi is 35 Mpx
MAX_PAGES = 30
DPI = 300
PREVIEW_WIDTH = 1100
LOW_CONFIDENCE = 70.0


@dataclass(slots=True)
class Word:
    start: int  # span in the page text
    end: int
    confidence: float  # 0-100


@dataclass
class OcrPage:
    number: int  # 1-based
    text: str
    words: list[Word] = field(default_factory=list)
    preview: bytes = b""  # JPEG of the straightened page, for the inbox
    skew: float = 0.0  # degrees the page was turned back

    @property
    def confidence(self) -> float | None:
        if not self.words:
            return None
        total = sum(w.end - w.start for w in self.words)
        return sum(w.confidence * (w.end - w.start) for w in self.words) / max(total, 1)


@functools.lru_cache(maxsize=1)
def _languages(exe: str) -> frozenset[str]:
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(line.strip() for line in out.stdout.splitlines()[1:] if line.strip())


def missing_packages() -> str | None:
    """The Debian packages to install for OCR, or None when OCR works here."""
    exe = shutil.which("tesseract")
    if exe is None:
        return OCR_PACKAGES
    if "vie" not in _languages(exe):
        return "tesseract-ocr-vie"
    return None


def _measure_skew(gray) -> float:
    """The angle (degrees) that makes the text lines of a grey page horizontal."""
    from PIL import Image

    small = gray.copy()
    small.thumbnail((560, 800))
    bw = small.point(lambda v: 255 if v < 128 else 0)  # ink white on black: rotation fills black

    def sharpness(angle: float) -> float:
        turned = bw.rotate(angle, resample=Image.BILINEAR, expand=False)
        profile = turned.resize((1, turned.height), Image.BOX).tobytes()
        return sum((a - b) ** 2 for a, b in zip(profile, profile[1:], strict=False))

    best = max(range(-5, 6), key=sharpness)  # whole degrees, then quarters around the best
    return max((best + a / 4 for a in range(-3, 4)), key=sharpness)


def _ink(im):
    """A grey page that keeps the black ink and drops coloured ink: a red seal or a blue signature
    over the text turns white (its pixels are far from grey), while black type, under the seal
    too, stays black."""
    from PIL import Image, ImageChops

    if im.mode in ("1", "L", "LA", "I", "I;16", "F"):
        return im.convert("L")
    r, g, b = im.convert("RGB").split()
    lightest = ImageChops.lighter(ImageChops.lighter(r, g), b)
    darkest = ImageChops.darker(ImageChops.darker(r, g), b)
    coloured = ImageChops.difference(lightest, darkest).point(lambda v: 255 if v > 48 else 0)
    # only ink that is all colour: where the seal crosses a letter the pixel is dark in every
    # channel (the inks multiply), and the letter keeps its shape
    light = lightest.point(lambda v: 255 if v > 140 else 0)
    return Image.composite(Image.new("L", im.size, 255), lightest, ImageChops.multiply(coloured, light))


def prepare(image, deadline: Deadline) -> tuple[bytes, bytes, float]:
    """(PGM for Tesseract, JPEG preview, skew corrected) of one page image (bytes or a PIL image)."""
    from PIL import Image, ImageOps

    if isinstance(image, bytes):
        with Image.open(io.BytesIO(image)) as im:
            gray = _ink(ImageOps.exif_transpose(im))
    else:
        gray = _ink(image)
    deadline.check("preparing the page image")
    skew = _measure_skew(gray)
    if abs(skew) >= 0.2:
        gray = gray.rotate(skew, resample=Image.BILINEAR, expand=True, fillcolor=255)
    out = io.BytesIO()
    gray.save(out, "PPM")  # binary PGM: no compression to pay for, and Leptonica reads it
    preview = gray.copy()
    preview.thumbnail((PREVIEW_WIDTH, PREVIEW_WIDTH * 2))
    jpeg = io.BytesIO()
    preview.save(jpeg, "JPEG", quality=70)
    return out.getvalue(), jpeg.getvalue(), skew


def _parse_tsv(tsv: str) -> tuple[str, list[Word]]:
    """Text and word spans from Tesseract's TSV: a paragraph a line, its lines joined with spaces,
    except after a line that stops well short of the paragraph's right edge (a heading, the end of
    a list item) and before a line that opens with a dash or bullet."""
    lines: dict[tuple[int, int, int], list[tuple[str, float, int]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        word = cols[11].strip()
        if not word:
            continue
        try:
            conf = float(cols[10])
            right = int(cols[6]) + int(cols[8])
        except ValueError:
            conf, right = 0.0, 0
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        lines.setdefault(key, []).append((word, max(conf, 0.0), right))
    text_parts: list[str] = []
    words: list[Word] = []
    pos = 0
    prev_par = None
    par_right: dict[tuple[int, int], int] = {}
    for (block, par, _line), ws in lines.items():
        par_right[(block, par)] = max(par_right.get((block, par), 0), max(w[2] for w in ws))
    short_before = False
    for (block, par, _line), ws in sorted(lines.items()):
        if text_parts:
            new_line = (block, par) != prev_par or short_before or ws[0][0][:1] in "-–+•*"
            text_parts.append("\n" if new_line else " ")
            pos += 1
        prev_par = (block, par)
        for i, (word, conf, _right) in enumerate(ws):
            if i:
                text_parts.append(" ")
                pos += 1
            text_parts.append(word)
            words.append(Word(pos, pos + len(word), conf))
            pos += len(word)
        short_before = max(w[2] for w in ws) < 0.8 * par_right[(block, par)]
    return "".join(text_parts), words


def ocr_pgm(png: bytes, deadline: Deadline, *, page: int = 1) -> tuple[str, list[Word]]:
    """Text and words of one prepared page."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise LimitExceeded("ocr_missing", "OCR is not installed", packages=OCR_PACKAGES)
    with tempfile.TemporaryDirectory(prefix="chitieu-ocr-") as tmp:
        path = Path(tmp) / "page.pgm"
        path.write_bytes(png)
        done = run_bounded(
            [exe, str(path), "stdout", "-l", "vie", "--psm", "3", "tsv"],
            deadline=deadline,
            memory_mb=1536,
            stage=f"OCR of page {page}",
            env={"OMP_THREAD_LIMIT": "1"},
        )
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LimitExceeded(
            "ocr_failed", "OCR failed ({error})", error=(err[-1] if err else "exit status")[:120]
        )
    import unicodedata

    text, words = _parse_tsv(unicodedata.normalize("NFC", done.stdout.decode("utf-8", "replace")))
    return text, words


def ocr_image(data: bytes, name: str, deadline: Deadline) -> list[OcrPage]:
    """A photo or scan of one page."""
    missing = missing_packages()
    if missing:
        raise refuse(name, "ocr_missing", packages=missing)
    try:
        check_image(io.BytesIO(data), max_pixels=MAX_PIXELS)
        png, preview, skew = prepare(data, deadline)
        text, words = ocr_pgm(png, deadline)
    except LimitExceeded as e:
        raise from_limit(name, e) from None
    except OSError as e:
        raise refuse(name, "image_unreadable", error=type(e).__name__) from None
    return [OcrPage(1, text, words, preview, skew)]


def single_image(page):
    """A function giving the page's one image (a scanner's page) as a PIL image, or None when the
    page holds anything else; the image's declared size is checked before it is decoded."""
    try:
        xobjects = page["/Resources"]["/XObject"]
        objs = [xobjects[k].get_object() for k in xobjects]
    except (KeyError, TypeError, AttributeError):
        return None
    if len(objs) != 1 or objs[0].get("/Subtype") != "/Image":
        return None
    width, height = int(objs[0].get("/Width", 0)), int(objs[0].get("/Height", 0))
    if width * height > MAX_PIXELS:
        raise LimitExceeded(
            "image_too_large",
            "the image has {pixels} megapixels; the limit is {limit}",
            pixels=round(width * height / 1_000_000),
            limit=MAX_PIXELS // 1_000_000,
        )
    if width < 800 or height < 800:
        return None  # a small picture on a page: render the page instead

    def load():
        images = page.images
        return images[0].image if len(images) == 1 else None

    return load


def ocr_pdf(
    data: bytes, name: str, deadline: Deadline, pages_info: list[tuple[float, float, object]]
) -> list[OcrPage]:
    """The pages of a PDF without a text layer: ``pages_info`` holds each page's size in points and
    a :func:`single_image` loader (or None), from the PDF reader."""
    missing = missing_packages()
    if missing:
        raise refuse(name, "ocr_missing", packages=missing)
    if len(pages_info) > MAX_PAGES:
        raise refuse(name, "pdf_too_many_pages", count=len(pages_info), limit=MAX_PAGES)
    pages: list[OcrPage] = []
    with tempfile.TemporaryDirectory(prefix="chitieu-pdf-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(data)
        for number, (w, h, loader) in enumerate(pages_info, start=1):
            try:
                image = None
                if loader is not None:
                    try:
                        image = loader()
                    except LimitExceeded:
                        raise
                    except Exception:  # noqa: BLE001 - an image pypdf cannot decode: render the page
                        image = None
                if image is None:
                    image = _render(src, number, w, h, name, deadline)
                png, preview, skew = prepare(image, deadline)
                text, words = ocr_pgm(png, deadline, page=number)
            except LimitExceeded as e:
                raise from_limit(name, e) from None
            pages.append(OcrPage(number, text, words, preview, skew))
    return pages


def _render(src: Path, number: int, w: float, h: float, name: str, deadline: Deadline) -> bytes:
    if shutil.which("pdftoppm") is None:
        raise refuse(name, "ocr_missing", packages=PDF_PACKAGES)
    dpi = DPI
    if w / 72 * dpi * h / 72 * dpi > MAX_PIXELS:
        dpi = int((MAX_PIXELS / (w / 72 * h / 72)) ** 0.5)
        if dpi < 100:
            raise refuse(
                name,
                "pdf_page_too_large",
                page=number,
                width=round(w / 72 * 2.54),
                height=round(h / 72 * 2.54),
            )
    prefix = src.parent / f"p{number}"
    done = run_bounded(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-f",
            str(number),
            "-l",
            str(number),
            str(src),
            str(prefix),
        ],
        deadline=deadline,
        memory_mb=2048,
        stage=f"rendering page {number}",
    )
    made = sorted(src.parent.glob(f"p{number}-*.png"))
    if done.returncode != 0 or not made:
        raise refuse(name, "pdf_render_failed", page=number)
    image = made[0].read_bytes()
    for m in made:
        m.unlink()
    return image
