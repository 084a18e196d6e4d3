"""gunicorn settings for production (the Docker image and bare hosts).

gunicorn reads this file from the working directory by itself; options on
the command line win over it. Everything comes from environment variables:

- ``GUNICORN_BIND`` (default ``127.0.0.1:8000``; the Docker image binds 0.0.0.0)
- ``WEB_CONCURRENCY``: worker processes (default 3, about 2 × cores + 1)
- ``GUNICORN_TIMEOUT``: seconds before a stuck worker is restarted (default 30)
- ``LOG_FORMAT``: ``json`` (default) writes gunicorn's access and error log as
  JSON lines, like the application's (operations.request_log): method, path, query,
  status, duration_ms, remote_addr, bytes, user_agent; ``text`` keeps
  gunicorn's own format.

A request that waits for an unreachable database fails after
DATABASE_CONNECT_TIMEOUT seconds with the 503 page, well within the timeout.
"""

import os

from gunicorn import glogging

wsgi_app = "flensburg_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = timeout
keepalive = 5

# Access log on stdout, gunicorn's own messages on stderr; options on the
# command line (--access-logfile, --error-logfile) may send them elsewhere.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'


class JsonLogger(glogging.Logger):
    """gunicorn's logger, writing JSON lines wherever its logs go."""

    def setup(self, cfg):
        super().setup(cfg)
        from operations.request_log import JsonFormatter

        formatter = JsonFormatter()
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(formatter)


if os.environ.get("LOG_FORMAT", "json").strip().lower() == "json":
    logger_class = JsonLogger
