"""Bounded work on untrusted files: a time budget, refusals that name the limit, child processes with
a timeout and a memory cap, and image size checks.

Everything here is pure Python (no Django) and raises :class:`LimitExceeded`, whose ``code`` and
``params`` let a caller show a translated message and whose ``str()`` is an English sentence naming
the limit.  :mod:`chitieu.lib.safezip` builds on it for zip files (.docx, .xlsx).

    deadline = Deadline(60)
    deadline.check("reading page 3")          # LimitExceeded("time_limit") once 60 s have passed
    out = run_bounded(["tesseract", ...], deadline=deadline, memory_mb=1024, stage="OCR")
    check_image(Path("scan.jpg"), max_pixels=60_000_000)
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class LimitExceeded(Exception):
    """A file refused because reading it would pass a limit, or because it is malformed in a way
    that makes reading it unsafe.  ``code`` is stable (for translations), ``params`` fill the
    message, ``str(e)`` is the English message."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        self.code = code
        self.params = params
        self.message = message.format(**params)
        super().__init__(self.message)


@dataclass
class Deadline:
    """A time budget in wall-clock seconds, checked at points the reader chooses."""

    seconds: float
    started: float = field(default_factory=time.monotonic)

    def remaining(self) -> float:
        return self.seconds - (time.monotonic() - self.started)

    def check(self, stage: str) -> None:
        if self.remaining() <= 0:
            raise LimitExceeded(
                "time_limit",
                "reading took longer than the limit of {limit} s ({stage})",
                limit=f"{round(self.seconds, 1):g}",
                stage=stage,
            )


@dataclass(frozen=True)
class Completed:
    returncode: int
    stdout: bytes
    stderr: bytes


def run_bounded(
    cmd: list[str],
    *,
    deadline: Deadline,
    stage: str,
    memory_mb: int | None = None,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
    cwd: str | Path | None = None,
) -> Completed:
    """Run ``cmd`` with no stdin, in its own process group, killed when the deadline (or
    ``timeout``, whichever is sooner) passes, with its address space capped at ``memory_mb``.

    The cap is set by ``ulimit -v`` in a POSIX shell that then execs the command, which is safe in a
    threaded server (no ``preexec_fn``).  Raises LimitExceeded("time_limit") on a timeout;
    otherwise returns the exit status and output, whatever the status."""
    budget = deadline.remaining()
    if timeout is not None:
        budget = min(budget, timeout)
    if budget <= 0:
        deadline.check(stage)
        budget = 0.01
    argv = list(cmd)
    if memory_mb is not None:
        argv = [
            "/bin/sh",
            "-c",
            'ulimit -v "$1" || exit 125; shift; exec "$@"',
            "sh",
            str(memory_mb * 1024),
            *argv,
        ]
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=full_env,
        cwd=cwd,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=budget)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        proc.communicate()
        limit = deadline.seconds if timeout is None or deadline.remaining() <= timeout else timeout
        raise LimitExceeded(
            "time_limit",
            "reading took longer than the limit of {limit} s ({stage})",
            limit=f"{round(limit, 1):g}",
            stage=stage,
        ) from None
    finally:
        if proc.poll() is None:
            _kill_group(proc)
    return Completed(proc.returncode, out, err)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def check_image(path: Path, *, max_pixels: int) -> tuple[int, int]:
    """The (width, height) of the image at ``path`` from its header alone, refusing one over
    ``max_pixels`` before any pixel is decoded (a decompression bomb), or one Pillow cannot read."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            width, height = im.size
    except Image.DecompressionBombError:
        # Pillow refuses past twice its own limit before we see the size
        raise LimitExceeded(
            "image_too_large",
            "the image has {pixels} megapixels; the limit is {limit}",
            pixels=f"> {2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000}",
            limit=max_pixels // 1_000_000,
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as e:
        raise LimitExceeded(
            "image_unreadable", "not an image that can be read ({error})", error=type(e).__name__
        ) from None
    if width * height > max_pixels:
        raise LimitExceeded(
            "image_too_large",
            "the image has {pixels} megapixels; the limit is {limit}",
            pixels=round(width * height / 1_000_000),
            limit=max_pixels // 1_000_000,
        )
    return width, height
