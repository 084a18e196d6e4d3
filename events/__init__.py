"""Events: the event index and event pages (``models``), their topics and
filter (``forms``), iCal calendars of all and of each topic (``calendars``),
the import of external iCal calendars (``event_import``, command
``import_events``) and schema.org data (``jsonld``, template tags
``event_tags``). Templates in ``templates/events/``."""
