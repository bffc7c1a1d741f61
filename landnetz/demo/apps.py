from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "landnetz.demo"
    label = "demo"
    verbose_name = "Demo network"
