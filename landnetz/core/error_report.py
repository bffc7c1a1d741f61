"""Django's error report for ``mail_admins`` without secrets and client addresses.

Set as the ``reporter_class`` of the ``mail_admins`` handler in ``settings.LOGGING``: the
report names the request URL, the view's arguments (an invitation token) and ``META``
(``REMOTE_ADDR``, the referrer). Each path, generated token and address in the finished
text is redacted with the rules of ``landnetz.core.logredact``.
"""

from django.views.debug import ExceptionReporter

from landnetz.core.logredact import redact_text, scrub_addresses


class RedactingExceptionReporter(ExceptionReporter):
    def get_traceback_text(self):
        return scrub_addresses(redact_text(super().get_traceback_text()))

    def get_traceback_html(self):
        return scrub_addresses(redact_text(super().get_traceback_html()))
