from django.http import HttpResponse


def search(request):
    """Placeholder until the search view is built (issue 6)."""
    return HttpResponse(status=501)
