from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView
from two_factor import views as tf

from acties.views.home import home
from partners.views import InlogView
from vbt.views import gezond

# The admin's own login form asks only for a password, which would pass by the second factor:
# send it to ours (admin:login keeps its name and path).
admin.site.login = login_not_required(RedirectView.as_view(pattern_name="login", query_string=True))

# Only the two-factor pages we use; its own login URL is left out (ours is `login`).
tweefactor_urls = (
    [
        path("", tf.ProfileView.as_view(), name="profile"),
        path("instellen/", tf.SetupView.as_view(), name="setup"),
        path("instellen/qrcode/", tf.QRGeneratorView.as_view(), name="qr"),
        path("instellen/klaar/", tf.SetupCompleteView.as_view(), name="setup_complete"),
        path("reservecodes/", tf.BackupTokensView.as_view(), name="backup_tokens"),
        path("uitschakelen/", tf.DisableView.as_view(), name="disable"),
    ],
    "two_factor",
)

urlpatterns = [
    path("", home, name="home"),
    path("inloggen/", InlogView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("2fa/", include(tweefactor_urls)),
    path("gezond/", gezond, name="gezond"),
    path("beheer/", admin.site.urls),
    path("", include("signalen.urls")),
    path("", include("acties.urls")),
    path("inzicht/", include("inzicht.urls")),
]

# A database that is down answers 503 "tijdelijk niet beschikbaar" instead of the 500 page.
handler500 = "vbt.views.serverfout"
