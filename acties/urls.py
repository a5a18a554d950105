from django.urls import path

from .views import acties, triage, verbeterpunten

app_name = "acties"

urlpatterns = [
    path("triage/", triage.triage, name="triage"),
    path("signalen/<int:pk>/promoveren/", triage.signaal_promoveren, name="signaal_promoveren"),
    path("verbeterpunten/", verbeterpunten.verbeterpunt_lijst, name="verbeterpunt_lijst"),
    path("verbeterpunten/export/", verbeterpunten.verbeterpunt_export, name="verbeterpunt_export"),
    path(
        "verbeterpunten/<int:pk>/",
        verbeterpunten.verbeterpunt_detail,
        name="verbeterpunt_detail",
    ),
    path(
        "verbeterpunten/<int:pk>/status/",
        verbeterpunten.verbeterpunt_status,
        name="verbeterpunt_status",
    ),
    path("acties/", acties.actie_lijst, name="actie_lijst"),
    path("acties/export/", acties.actie_export, name="actie_export"),
    path("acties/<int:pk>/", acties.actie_detail, name="actie_detail"),
    path("acties/<int:pk>/bewerken/", acties.actie_bewerken, name="actie_bewerken"),
    path("acties/<int:pk>/status/", acties.actie_status, name="actie_status"),
    path("acties/verbeterpunt/<int:pk>/nieuw/", acties.actie_nieuw, name="actie_nieuw"),
    path(
        "acties/verbeterpunt/<int:pk>/notitie/",
        verbeterpunten.notitie_nieuw,
        name="notitie_nieuw",
    ),
    path(
        "acties/verbeterpunt/<int:pk>/afronden/",
        verbeterpunten.verbeterpunt_afronden,
        name="verbeterpunt_afronden",
    ),
]
