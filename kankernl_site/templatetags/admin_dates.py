"""Filters for admin templates: dates written as ``kankernl_site.admin_dates`` writes them."""

from django import template

from kankernl_site import admin_dates

register = template.Library()
register.filter("admin_date", admin_dates.admin_date)
register.filter("admin_datetime", admin_dates.admin_datetime)
