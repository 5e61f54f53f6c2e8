"""The production settings plus a bare view, so the benchmark can compare the API with Django's own ceiling."""

from jiangmen_api.settings import *  # noqa: F403

ROOT_URLCONF = "jiangmen_api.urls_bench"
