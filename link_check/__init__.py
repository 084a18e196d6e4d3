"""Broken links: finds the links in pages, measure sheets, the directory and
every other model of the project's apps, checks them with the ``check_links``
command (never during a request) and lists the broken ones in the admin
report "Defekte Links" with a link to the object to fix."""
