"""manage.py, pytest, gunicorn and the Dockerfile all import the configuration from site/config."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_standard_library_site_module_is_not_shadowed():
    import site

    assert hasattr(site, "getsitepackages")


def test_pytest_runs_on_the_test_settings_of_the_config_package():
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "config.settings.test"
    assert Path(importlib.import_module("config").__file__).parent == ROOT / "site" / "config"


def test_wsgi_and_asgi_default_to_the_production_settings():
    for module in ("wsgi", "asgi"):
        text = (ROOT / "site" / "config" / f"{module}.py").read_text()
        assert 'setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")' in text


def test_manage_py_finds_the_config_package_from_any_directory(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "diffsettings", "--all"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "ROOT_URLCONF = 'config.urls'" in result.stdout


def test_gunicorn_and_the_image_put_site_on_the_path():
    assert "--pythonpath site config.wsgi:application" in (ROOT / "scripts" / "web.sh").read_text()
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'PYTHONPATH="/app/site:/app"' in dockerfile
    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in dockerfile
