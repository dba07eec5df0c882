"""The counting addresses, outside the language prefixes: they serve pages of either language."""

from django.urls import path

from usage import views

urlpatterns = [
    path("r/", views.click, name="usage_click"),
    path("usage/view/", views.view_beacon, name="usage_view"),
    path("usage/useful/<int:page_id>/", views.answer_usefulness, name="usage_useful"),
]
