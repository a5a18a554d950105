from django.urls import path

from . import views

app_name = "inzicht"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("buurtrapport/", views.buurtrapport_kiezen, name="buurtrapport_kiezen"),
    path("buurtrapport/<int:buurt_pk>/", views.buurtrapport, name="buurtrapport"),
    path("buurtrapport/<int:buurt_pk>/pdf/", views.buurtrapport_pdf, name="buurtrapport_pdf"),
]
