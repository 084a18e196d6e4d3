"""News: the news index and news pages (``models``) and their RSS and Atom
feeds (``feeds``). Templates in ``templates/news/``."""
