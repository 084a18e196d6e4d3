"""Security headers that Django's own middleware does not set.

``PermissionsPolicyMiddleware``: the browser features the site never uses
(camera, microphone, geolocation, …) are switched off for it and for anything
it might embed.

``CrossOriginResourcePolicyMiddleware``: other sites may not embed our answers
as no-cors subresources (``<img>``, ``<script>``, ...): the browser keeps them
out of a foreign page's process. Listed near the top, so that static files
(whitenoise answers early), redirects and error pages pass through it too.
The API sets ``cross-origin`` itself: it is meant for other sites.

The admin's looser content security policy is in ``admin_security.middleware``;
the site and route kept for Wagtail's serve view in ``caching.routing``.
"""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin


class PermissionsPolicyMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault(
                "Permissions-Policy",
                ", ".join(
                    f"{feature}=({' '.join(allowed)})"
                    for feature, allowed in settings.PERMISSIONS_POLICY.items()
                ),
            )
        return response


class CrossOriginResourcePolicyMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        if settings.CROSS_ORIGIN_RESOURCE_POLICY:
            response.headers.setdefault(
                "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
            )
        return response
