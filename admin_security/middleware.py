"""The admin's content security policy.

The public site gets the strict policy of ``settings.SECURE_CSP``. Wagtail's
admin still needs inline scripts and styles, and shows page previews in a
same-origin iframe, so responses under the admin path get
``settings.SECURE_CSP_ADMIN`` instead. Listed after Django's CSP middleware:
this ``process_response`` runs first and sets the header, which Django's
middleware then leaves as it is (its documented rule for a response that
carries its own policy).

A preview already carries a policy: Wagtail renders it by sending a made-up
request for the page's public path through the middleware, which gives it the
public ``frame-ancestors 'none'``, and the admin's preview panel would stay
blank. So under the admin path the admin's policy replaces whatever is there.
"""

from django.conf import settings
from django.middleware.csp import get_nonce
from django.utils.csp import CSP, build_policy
from django.utils.deprecation import MiddlewareMixin


class AdminContentSecurityPolicyMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        if (
            request.path_info.startswith(f"/{settings.ADMIN_URL_PATH}")
            and settings.SECURE_CSP_ADMIN
        ):
            response.headers[str(CSP.HEADER_ENFORCE)] = build_policy(
                settings.SECURE_CSP_ADMIN, get_nonce(request)
            )
        return response
