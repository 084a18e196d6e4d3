"""„Wer ist zuständig?“: a short path of questions to the right contact.

Owns the page type ``ResponsibilityFinderPage`` (``models``): editors write
its questions, answers (each with a fixed key, the part of the address) and
results (which answers lead to which directory contacts and pages) in one
stream field (``blocks``), checked in the admin with German errors. Each step
is its own GET address below the page (``/wer-ist-zustaendig/<answer>/…``),
built without a form, cookie or stored visitor data; ``finder`` reads the
steps and picks a result, from the German original's structure and the
translation's texts. Templates in ``templates/responsibility/``.
"""
