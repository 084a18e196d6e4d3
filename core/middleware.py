"""Security headers that Django's own middleware does not set.

``AdminContentSecurityPolicyMiddleware``: the public site gets the strict
policy of ``settings.SECURE_CSP``. Wagtail's admin still needs inline scripts
and styles, and shows page previews in a same-origin iframe, so responses under
the admin path get ``settings.SECURE_CSP_ADMIN`` instead. Listed after Django's
CSP middleware so that its ``process_response`` runs first and the override is
seen.

``PermissionsPolicyMiddleware``: the browser features the site never uses
(camera, microphone, geolocation, …) are switched off for it and for anything
it might embed.
"""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin


class AdminContentSecurityPolicyMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        if request.path_info.startswith(f"/{settings.ADMIN_URL_PATH}"):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response


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
