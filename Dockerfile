# Production image: gunicorn serving the Wagtail site, static files collected
# (compressed, hashed) at build time and served by whitenoise.

# --- Front-end assets: KERN UX from npm (never from a CDN) --------------------
FROM node:20-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
# KERN's stylesheet keeps only the classes the site's code uses (PurgeCSS reads
# the templates, scripts and Python packages), so the build sees the source.
COPY . .
RUN npm run --silent build

# --- Application ----------------------------------------------------------------
FROM python:3.13-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/venv \
    UV_PYTHON_DOWNLOADS=never \
    PATH="/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=flensburg_site.settings.production

WORKDIR /app
# pg_dump / pg_restore for `manage.py backup` and `restore` in the container.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir "uv==0.13.8"
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-install-project --python /usr/local/bin/python3

COPY . .
COPY --from=assets /app/build ./build
# collectstatic needs settings to import, not real secrets.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput \
    && rm -f /tmp/build.sqlite3

RUN useradd --system --create-home --uid 1000 app \
    && mkdir -p /app/media /app/backups \
    && chown app:app /app/media /app/backups
USER app

EXPOSE 8000
# Apply migrations, then serve. gunicorn.conf.py sets workers
# (WEB_CONCURRENCY), timeouts and JSON access/error logs (LOG_FORMAT).
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn --config gunicorn.conf.py --bind 0.0.0.0:8000 --forwarded-allow-ips='*'"]
