"""Security of the Wagtail admin: two-factor login (``two_factor`` and its
admin hooks), the login lockout after failed attempts (``admin_login``,
django-axes) and the admin's content security policy (``middleware``)."""
