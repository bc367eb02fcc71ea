"""Form helpers shared by every app's forms."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class ServiceErrorsMixin:
    """Put a service's ValidationError on the form: each message on the field it names, the rest on
    the form as a whole, so the user sees what is wrong beside what they typed."""

    def add_service_errors(self, exc: ValidationError) -> None:
        if hasattr(exc, "error_dict"):
            for name, errs in exc.error_dict.items():
                target = name if name in self.fields else None
                for e in errs:
                    self.add_error(target, e)
        else:
            for e in exc.error_list:
                self.add_error(None, e)
