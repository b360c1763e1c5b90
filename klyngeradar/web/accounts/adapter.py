"""django-allauth adapter: people are invited by an administrator, never sign themselves up."""

from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False
