"""gunicorn settings for Landnetz (see README, "Production", and docs/security.md).

    .venv/bin/gunicorn --config config/gunicorn.conf.py config.wsgi

Access log lines hold the time, the request line with secrets redacted, the status, the
size and the duration — no client address, user agent or referrer
(``landnetz.core.logredact.AccessLogger``). Environment:

- ``GUNICORN_BIND`` (default ``127.0.0.1:8000``), ``WEB_CONCURRENCY`` (workers, default 3);
- ``GUNICORN_ACCESS_LOG``: ``-`` (default, standard output, e.g. the journal), a file, or
  ``off``; ``GUNICORN_ERROR_LOG``: ``-`` (default, standard error) or a file;
- ``ACCESS_LOG_CLIENT_IP``: ``off`` (default) or ``truncated`` (the /24 or /48 network).
  Behind a reverse proxy the address gunicorn sees is the proxy's; configure the
  proxy's own access log the same way.

Command-line options (``--workers``, ``--bind``) override these.
"""

import os

# Log files (and everything else this process creates) are readable by the service user
# only; Django's settings set the same umask for manage.py and the workers.
os.umask(int(os.environ.get("FILE_UMASK", "077"), 8))

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))

logger_class = "landnetz.core.logredact.AccessLogger"
_access_log = os.environ.get("GUNICORN_ACCESS_LOG", "-")
accesslog = None if _access_log == "off" else _access_log
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
# %(h)s is "-" unless ACCESS_LOG_CLIENT_IP=truncated; %(r)s has its tokens redacted.
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms'
