from django.contrib.admin.apps import AdminConfig


class LandnetzAdminConfig(AdminConfig):
    """Django's admin with our site class (two-factor login required)."""

    default_site = "landnetz.core.admin_site.LandnetzAdminSite"
