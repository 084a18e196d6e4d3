"""A page with images on a copy of the demo site (the demo content has none):
run with ``manage.py shell`` on the copy before its server starts."""

IMAGES_PATH = "/bilder-test/"
PARAGRAPHS = 12  # text between the images: the second one starts far below the fold

SCRIPT = f"""
import datetime, io
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Site


def photo(name, size, colour):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=90)
    return get_image_model().objects.create(
        title=name, file=ImageFile(buffer, name=name + ".jpg")
    )


from pages.models import ContentPage

first = photo("hafen", (1600, 1000), (40, 90, 160))
second = photo("foerde", (1200, 1200), (20, 120, 60))
text = "<p>" + "Ein Absatz Text zwischen den Bildern, der Platz braucht. " * 8 + "</p>"
body = [{{"type": "image", "value": {{"image": first.pk, "alt_text": "Der Hafen"}}}}]
body += [{{"type": "paragraph", "value": text}}] * {PARAGRAPHS}
body += [{{"type": "image", "value": {{"image": second.pk, "alt_text": "Die Förde"}}}}]
home = Site.objects.get(is_default_site=True).root_page.specific
page = home.add_child(instance=ContentPage(
    title="Bilder", slug="{IMAGES_PATH.strip("/")}", intro="Bilder zum Testen.",
    last_reviewed=datetime.date(2026, 11, 2), body=body,
))
page.save_revision().publish()
"""
