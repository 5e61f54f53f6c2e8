"""The production settings with a throwaway secret key, so the suite runs as production does."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost,testserver")
os.environ.setdefault("API_THROTTLE_RATE", "")
os.environ.setdefault("API_EXPORT_THROTTLE_RATE", "")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DATA_VERSION_MEMO_SECONDS", "0")

from jiangmen_api.settings import *  # noqa: F403

# Tests serve static files from the apps' folders rather than a collected, hashed copy.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
