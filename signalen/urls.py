from django.urls import path

from . import views

app_name = "signalen"

urlpatterns = [
    path("signalen/", views.signaal_lijst, name="signaal_lijst"),
    path("signalen/export/", views.signaal_export, name="signaal_export"),
    path("signalen/nieuw/", views.signaal_nieuw, name="signaal_nieuw"),
    path("signalen/subgebied-opties/", views.subgebied_opties, name="subgebied_opties"),
    path("signalen/<int:pk>/", views.signaal_detail, name="signaal_detail"),
    path(
        "signalen/<int:pk>/doorverwijzen/",
        views.signaal_doorverwijzen,
        name="signaal_doorverwijzen",
    ),
    path("signalen/<int:pk>/afwijzen/", views.signaal_afwijzen, name="signaal_afwijzen"),
    path("signalen/<int:pk>/heropenen/", views.signaal_heropenen, name="signaal_heropenen"),
    path("signalen/<int:pk>/steun/", views.steun_nieuw, name="steun_nieuw"),
    path(
        "signalen/<int:pk>/steun/<int:steun_pk>/intrekken/",
        views.steun_intrekken,
        name="steun_intrekken",
    ),
    path(
        "signalen/<int:pk>/bewoners/<int:bewoner_pk>/contact/",
        views.bewoner_contact,
        name="bewoner_contact",
    ),
    path("activiteiten/", views.activiteit_lijst, name="activiteit_lijst"),
    path("activiteiten/export/", views.activiteit_export, name="activiteit_export"),
    path("activiteiten/nieuw/", views.activiteit_nieuw, name="activiteit_nieuw"),
    path("activiteiten/<int:pk>/", views.activiteit_detail, name="activiteit_detail"),
]
