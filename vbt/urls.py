from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from acties.views import home
from partners.forms import InlogFormulier
from vbt.views import gezond

urlpatterns = [
    path("", home, name="home"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(authentication_form=InlogFormulier),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("gezond/", gezond, name="gezond"),
    path("beheer/", admin.site.urls),
    path("acties/", include("acties.urls")),
    path("", include("signalen.urls")),
]
