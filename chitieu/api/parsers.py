"""The API's JSON parser, bounded: a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) or nested
deeper than Python's parser can follow is refused with 400 (413 for the size), not read whole or
answered with a 500. DRF reads the body from the request stream itself, past Django's own limit."""

from __future__ import annotations

import json

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser

from chitieu.web.nul import holds_nul, nul_message

MAX_DEPTH = 32


class BodyTooLarge(ParseError):
    status_code = 413


def _depth_ok(raw: bytes, limit: int) -> bool:
    depth = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise BodyTooLarge(
                _("The request body is larger than {limit} KB, the limit.").format(limit=limit // 1024)
            )
        if not _depth_ok(raw, MAX_DEPTH):
            raise ParseError(
                _("The JSON is nested deeper than {limit} levels, the limit.").format(limit=MAX_DEPTH)
            )
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = json.loads(raw.decode(encoding), parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            raise ParseError(
                _("The request body is not valid JSON (line {line}, column {column}).").format(
                    line=exc.lineno, column=exc.colno
                )
            ) from None
        except (ValueError, RecursionError):
            raise ParseError(_("The request body is not valid JSON.")) from None
        if holds_nul(data):
            raise ParseError(nul_message())
        return data


class NoNulFormParser(FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if holds_nul({k: data.getlist(k) for k in data}):
            raise ParseError(nul_message())
        return data


class NoNulMultiPartParser(MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        names = [f.name or "" for _k, files in parsed.files.lists() for f in files]
        if holds_nul({k: parsed.data.getlist(k) for k in parsed.data}) or holds_nul(names):
            raise ParseError(nul_message())
        return parsed


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")
