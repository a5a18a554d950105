from django.urls import path

from . import views

app_name = "acties"

urlpatterns = [
    path("", views.actie_lijst, name="actie_lijst"),
    path("export/", views.actie_export, name="actie_export"),
    path("<int:pk>/", views.actie_detail, name="actie_detail"),
    path("<int:pk>/bewerken/", views.actie_bewerken, name="actie_bewerken"),
    path("<int:pk>/status/", views.actie_status, name="actie_status"),
    path("verbeterpunt/<int:pk>/nieuw/", views.actie_nieuw, name="actie_nieuw"),
    path("verbeterpunt/<int:pk>/notitie/", views.notitie_nieuw, name="notitie_nieuw"),
    path(
        "verbeterpunt/<int:pk>/afronden/", views.verbeterpunt_afronden, name="verbeterpunt_afronden"
    ),
]
