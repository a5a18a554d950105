"""AxesBackend for the test settings: Django's `Client.login()` authenticates without a request.

Real logins always pass the request (the login form does), so lockout is still checked for them.
"""

from axes.backends import AxesBackend


class AxesBackendVoorTestclient(AxesBackend):
    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None  # let ModelBackend handle Client.login(); no lockout to check
        return super().authenticate(request, username=username, password=password, **kwargs)
