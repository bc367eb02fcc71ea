from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from chitieu.access.choices import Role
from chitieu.access.models import RoleAssignment
from chitieu.access.services import role_grant, role_revoke
from chitieu.orgs.models import Unit


class Command(BaseCommand):
    help = (
        "Grant, revoke or list roles: chitieu role grant USER UNIT ROLE | revoke USER UNIT ROLE | list [USER]"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["grant", "revoke", "list"])
        parser.add_argument("username", nargs="?")
        parser.add_argument("unit", nargs="?", help="unit code")
        parser.add_argument("role", nargs="?", choices=Role.values)
        parser.add_argument("--reason", default="")

    def handle(self, *args, action, username, unit, role, reason, **options):
        User = get_user_model()
        if action == "list":
            qs = RoleAssignment.objects.select_related("user", "unit").order_by(
                "user__username", "unit__code"
            )
            if username:
                qs = qs.filter(user__username=username)
            for ra in qs:
                self.stdout.write(f"{ra.user.username}\t{ra.unit.code}\t{ra.role}")
            return
        if not (username and unit and role):
            raise CommandError("give USER UNIT ROLE")
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user “{username}”")
        u = Unit.objects.filter(code=unit).first()
        if u is None:
            raise CommandError(f"no unit has the code “{unit}”")
        try:
            if action == "grant":
                role_grant(actor=None, user=user, unit=u, role=role)
                self.stdout.write(f"chitieu role: {username} is now {role} on {u.code}")
            else:
                role_revoke(actor=None, user=user, unit=u, role=role, reason=reason)
                self.stdout.write(f"chitieu role: {username} is no longer {role} on {u.code}")
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
