import pytest

from contacts.models import HelpCategory, Language, Need, Organisation, Person
from demo.contacts import contacts_demo_load

pytestmark = pytest.mark.django_db


def counts():
    return tuple(
        model.objects.count()
        for model in (Language, HelpCategory, Organisation, Person, Need)
    )


def test_demo_directory_is_honest_and_idempotent():
    contacts_demo_load()
    first = counts()
    contacts_demo_load()

    assert counts() == first
    office = Organisation.objects.get(name="Koordinierungsstelle für Flüchtlinge")
    person = Person.objects.get()
    assert (person.name, person.organisation) == ("Katja Jüngling", office)
    # The office's number, kept once in the office's entry; her own e-mail.
    assert not person.phone
    assert office.phone.as_e164 == person.contact_phone.as_e164 == "+49461851653"
    assert (office.email, person.contact_email) == ("", "juengling.katja@flensburg.de")
    assert Organisation.objects.filter(
        name__startswith="Landesamt für Ausländerangelegenheiten"
    ).exists()
    others = Organisation.objects.exclude(pk=office.pk).exclude(
        name__startswith="Landesamt"
    )
    assert others.count() >= 4
    assert all(organisation.name.startswith("Beispiel: ") for organisation in others)
    assert all(need.title.startswith("Beispiel: ") for need in Need.objects.all())
    assert Language.objects.get(code="ar").native_name == "العربية"
