"""The API's documentation page: django-ninja's Swagger UI in an accessible frame.

Ninja's own template has no ``lang``, no landmarks and Swagger's low-contrast
colours. Ours names the language, puts the UI in ``<main>`` under a heading,
and loads a stylesheet that darkens Swagger's colours to WCAG AA contrast.
Deep links are off: they put a link inside each operation's toggle button
(nested interactive controls with 14 px high targets).
"""

import json

from django.shortcuts import render

from ninja.openapi.docs import Swagger


class AccessibleSwagger(Swagger):
    template = "api/swagger.html"
    default_settings = {**Swagger.default_settings, "deepLinking": False}

    def render_page(self, request, api, **kwargs):
        # Ninja's context plus the OpenAPI address, linked from the intro.
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {
            "swagger_settings": json.dumps(self.settings, indent=1),
            "swagger_url": self.settings["url"],
            "api": api,
            # Read-only and without authentication: no CSRF token to send.
            "add_csrf": False,
        }
        return render(request, self.template, context)
