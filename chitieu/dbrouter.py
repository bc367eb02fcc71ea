"""Send the read-only dashboards to a PostgreSQL streaming replica when one is configured.

Set DATABASE_REPLICA_URL to a hot standby of the primary. Views decorated with @replica_reads read
from it; everything else, and every write, goes to the primary ("default"). Without a replica the
decorator does nothing. A replica lags the primary by a little: only pages where a second's lag is
harmless (dashboards) use it — never a form that has just saved.
"""

from __future__ import annotations

import contextvars
import functools

from django.conf import settings

_reading_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("chitieu_replica", default=False)
REPLICA = "replica"


def replica_reads(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        token = _reading_replica.set(REPLICA in settings.DATABASES and request.method in ("GET", "HEAD"))
        try:
            return view(request, *args, **kwargs)
        finally:
            _reading_replica.reset(token)

    return wrapper


class ReadReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reading_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
