"""Stub: the subscription pages (filled in next)."""

from django.http import HttpResponse


def _stub(request, token: str = ""):
    return HttpResponse("")


subscribe = sent = confirm = manage = unsubscribe = _stub
