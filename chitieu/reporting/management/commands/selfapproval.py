"""chitieu selfapproval UNIT allow|forbid --reason TEXT [--as USERNAME]"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from chitieu.orgs.models import Unit
from chitieu.reporting.workflow import self_approval_set


class Command(BaseCommand):
    help = (
        "Allow (or forbid again) the approvers of one unit to approve figures they submitted or last "
        "changed themselves. Forbidden by default (separation of duties); the unit's own setting, not "
        "inherited below it; recorded in the audit trail with the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("unit", help="unit code")
        parser.add_argument("setting", choices=["allow", "forbid"])
        parser.add_argument("--reason", required=True, help="why (kept in the audit trail)")
        parser.add_argument(
            "--as", dest="as_user", metavar="USERNAME", help="the administrator making the change"
        )

    def handle(self, *args, unit, setting, reason, as_user, **options):
        u = Unit.objects.filter(code=unit).first()
        if u is None:
            raise CommandError(f"no unit has the code “{unit}”")
        actor = None
        if as_user:
            User = get_user_model()
            actor = User.objects.filter(username=as_user).first()
            if actor is None:
                raise CommandError(f"no user “{as_user}”")
        try:
            self_approval_set(actor=actor, unit=u, allowed=setting == "allow", reason=reason)
        except (ValidationError, PermissionDenied) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from None
        word = "may" if setting == "allow" else "may no longer"
        self.stdout.write(f"chitieu selfapproval: the approvers of {u.code} {word} approve their own figures")
