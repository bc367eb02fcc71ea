"""The API's errors in the caller's language. DRF translates its own messages, but passes three kinds
through as written in English: Django's "No Result matches the given query." (a missing object),
the access layer's refused action ("manage"), and the JSON parser's "JSON parse error - Expecting
…". They are rewritten here; everything else is DRF's answer unchanged."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from .views import REFUSED

_JSON_AT = re.compile(r"line (\d+) column (\d+)")


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        action = str(exc)
        if action in REFUSED:
            exc = exceptions.PermissionDenied(
                _("Your roles do not allow you to {action}.").format(action=REFUSED[action])
            )
        elif not action:
            exc = exceptions.PermissionDenied()
    elif isinstance(exc, exceptions.ParseError) and str(exc.detail).startswith("JSON parse error"):
        where = _JSON_AT.search(str(exc.detail))
        if where:
            exc = exceptions.ParseError(
                _("The request body is not valid JSON (line {line}, column {column}).").format(
                    line=where.group(1), column=where.group(2)
                )
            )
        else:
            exc = exceptions.ParseError(_("The request body is not valid JSON."))
    return drf_exception_handler(exc, context)
