"""Pages of the API's lists: bounded in size, and never a crash on an absurd number.

``?limit=`` is capped at ``CHITIEU_API_MAX_PAGE_SIZE`` (default 1,000: a page of results is then about
1 MB of JSON); a limit or offset that is not a number, negative, or larger than a database integer
falls back to the default or to the end of the list instead of reaching the SQL as an overflow."""

from __future__ import annotations

from django.conf import settings
from rest_framework.pagination import LimitOffsetPagination

# Offsets past this are past the end of any list chitieu holds (and stay within a 64-bit integer).
MAX_OFFSET = 2**53


def _bounded_int(raw, *, default: int, cutoff: int) -> int:
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        return default
    if value < 0:
        return default
    return min(value, cutoff)


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    @property
    def max_limit(self) -> int:  # read per request, so a test or deployment can change it
        return settings.CHITIEU_API_MAX_PAGE_SIZE

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        if raw is None:
            return min(self.default_limit, self.max_limit)
        limit = _bounded_int(raw, default=self.default_limit, cutoff=self.max_limit)
        return limit or min(self.default_limit, self.max_limit)

    def get_offset(self, request):
        return _bounded_int(request.query_params.get(self.offset_query_param), default=0, cutoff=MAX_OFFSET)
