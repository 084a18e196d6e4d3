"""Editorial work across every feature: the approval workflow ("Redaktion"
submits, the "Koordinierungsstelle" approves), and the freshness of content
(the "Überfällige Inhalte" report, the dashboard panel and the owners' e-mail
digest).

It sits on top beside ``site_search`` and ``api``: it reads every model that
mixes in ``core.freshness.FreshnessMixin``, found through the app registry,
and names no feature.
"""
