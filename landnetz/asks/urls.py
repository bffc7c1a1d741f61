app_name = "asks"

urlpatterns: list = []
