"""Content-Security-Policy for the Wagtail admin.

The public site gets the strict policy of ``settings.SECURE_CSP``. Wagtail's
admin still needs inline scripts and styles, so responses under the admin path
get ``settings.SECURE_CSP_ADMIN`` instead. Listed after Django's CSP middleware
so that its ``process_response`` runs first and the override is seen.
"""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin


class AdminContentSecurityPolicyMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        if request.path_info.startswith(f"/{settings.ADMIN_URL_PATH}"):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response
