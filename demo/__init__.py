"""The demo site: example content that shows every feature on the day it is loaded.

``python manage.py load_initial_data`` builds it (idempotent: it only adds
what is missing and never changes what editors made): the directory
(``contacts``), the Check Up Integration's working papers (``checkup``, with
the placeholder PDFs committed in ``files/``, see ``placeholders``), the page
tree (``content`` with the home page, assembling ``office``, ``info``,
``help``, ``events``, ``news`` and ``legal``; blocks from ``blocks``; loaded
by ``tree``), the site settings and the example translations
(``translations``, one PO file per language). It sits on top of every
feature app; nothing imports it but its command, the script that writes
its placeholder PDFs (``scripts/demo_placeholder_pdfs.py``) and the tests.
"""
