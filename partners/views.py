from two_factor.views import LoginView

from .forms import InlogForm


class InlogView(LoginView):
    """Login in steps (django-two-factor-auth): password, then the code if the user has a device.

    A user without a device is logged in after the password step, like Django's own LoginView.
    """

    template_name = "registration/login.html"
    form_list = (
        (LoginView.AUTH_STEP, InlogForm),
        *LoginView.form_list[1:],
    )
