"""Documents sent by nginx: Wagtail's ``SENDFILE_BACKEND`` for X-Accel-Redirect.

With ``DOCUMENT_SERVE_METHOD=x-accel`` Wagtail's serve view calls
``sendfile()`` once it has looked the document up and checked access
(collection privacy, ``before_serve_document`` hooks). Instead of streaming
the file from a gunicorn worker, the answer names it below
``ACCEL_PREFIX``, an ``internal`` location of the proxy
(deploy/nginx/templates/default.conf.template) that sends it from the media
volume, with Range. core.views adds the download headers to this answer;
nginx passes them on.
"""

import os
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse

from wagtail.utils import sendfile_streaming_backend

# The proxy's internal location: MEDIA_ROOT/documents/, and nothing else.
ACCEL_PREFIX = "/internal/documents/"


def sendfile(request, filename, **kwargs):
    """An empty answer telling nginx which file below documents/ to send."""
    documents = os.path.join(os.path.abspath(settings.MEDIA_ROOT), "documents")
    relative = os.path.relpath(os.path.abspath(filename), documents)
    if relative.startswith(os.pardir + os.sep) or relative == os.pardir:
        # Not in the folder the proxy serves (never for uploads, which go to
        # documents/): Django streams it as without the proxy.
        return sendfile_streaming_backend.sendfile(request, filename, **kwargs)
    response = HttpResponse()
    # Percent-encoded: header values are ASCII, nginx decodes the path.
    response["X-Accel-Redirect"] = ACCEL_PREFIX + quote(relative.replace(os.sep, "/"))
    return response
