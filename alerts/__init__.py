"""E-mail alerts: visitors subscribe (double opt-in) to a measure sheet, a
field of action, all working papers, news or an event topic, and get a mail
when such content changes, at once or as a daily digest, in their language.

Subscriptions (visitor side) live in ``models/subscriptions.py``; what changed
and who gets it in ``models/delivery.py``; the mails go out in the background
through Django's tasks framework (``django.tasks``, persistent backend
django-tasks-db, its own worker process).
"""
