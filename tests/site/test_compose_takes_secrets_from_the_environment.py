"""compose.yaml holds no password or secret: each one is taken from the environment with
``${NAME:?message}``, so ``docker compose`` stops, naming it, when one is missing; .env.example
lists them, empty."""

import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = (ROOT / "compose.yaml").read_text()
EXAMPLE = (ROOT / ".env.example").read_text()

SECRET_NAME = re.compile(r"PASSWORD|SECRET|PASSPHRASE|TOKEN|HMAC|(^|_)PIN$|_KEYS?$|_KEY_")
REQUIRED = re.compile(r"\$\{([A-Z][A-Z0-9_]*):\?([^}]*)\}")
ANY_REFERENCE = re.compile(r"\$\{([A-Z][A-Z0-9_]*)(:?[-?+=]?)([^}]*)\}")
# An environment entry: compose's own keys are lower case, variables upper case.
ENTRY = re.compile(r"^\s+([A-Z][A-Z0-9_]*):\s*(.*?)\s*$", re.MULTILINE)
URL_CREDENTIALS = re.compile(r"[a-z][a-z0-9+.-]*://([^/@\s\"']*)@")
APP_SERVICES = ("migrate", "web", "worker")


def unquoted(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else value


def without_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def entries() -> list[tuple[str, str]]:
    return [(name, unquoted(value)) for name, value in ENTRY.findall(without_comments(COMPOSE))]


def required_variables() -> set[str]:
    return {name for name, _message in REQUIRED.findall(COMPOSE)}


def test_every_secret_in_the_environment_entries_is_a_required_variable():
    secrets = [(name, value) for name, value in entries() if SECRET_NAME.search(name)]

    assert {name for name, _value in secrets} >= {"SECRET_KEY", "POSTGRES_PASSWORD", "AUDIT_HMAC_KEY"}
    for name, value in secrets:
        assert REQUIRED.fullmatch(value), f"{name} is not taken from the environment: {value!r}"


def test_no_url_carries_a_literal_password():
    for userinfo in URL_CREDENTIALS.findall(without_comments(COMPOSE)):
        if ":" not in userinfo:
            continue
        password = userinfo.split(":", 1)[1]
        assert REQUIRED.fullmatch(password), f"a password is written in a URL: {userinfo!r}"


def test_no_secret_variable_has_a_default_anywhere():
    for name, operator, _rest in ANY_REFERENCE.findall(COMPOSE):
        if SECRET_NAME.search(name):
            assert operator == ":?", f"${{{name}}} must be required (:?), not {operator or 'plain'}"


def test_each_missing_variable_is_named_in_a_clear_message(tmp_path):
    for name, message in REQUIRED.findall(COMPOSE):
        assert message.startswith(f"{name} must be set: ") and len(message) > len(name) + 20
    # Where the compose tool is installed (no engine needed), it is asked too.
    if command := compose_command():
        check_with_docker_compose(command, tmp_path)


def test_the_app_services_get_the_audit_key_and_none_replaces_the_shared_environment():
    shared, services = without_comments(COMPOSE).split("\nservices:\n", 1)
    assert re.search(r"^    AUDIT_HMAC_KEY: \"\$\{AUDIT_HMAC_KEY:\?", shared, re.MULTILINE)
    blocks = dict(re.findall(r"^  ([a-z]+):\n((?:    .*\n|\n)*)", services + "\n", re.MULTILINE))
    for service in APP_SERVICES:
        assert "<<: *app" in blocks[service]
        assert "environment:" not in blocks[service]


def test_the_example_lists_every_required_variable_empty_or_not_secret():
    example = dict(
        line.split("=", 1) for line in EXAMPLE.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )

    assert required_variables() <= example.keys()
    for name, value in example.items():
        if SECRET_NAME.search(name):
            assert value == "", f".env.example gives {name} a value"


def compose_command() -> list[str] | None:
    for command in (["docker", "compose"], ["docker-compose"]):
        if shutil.which(command[0]) is None:
            continue
        probe = subprocess.run([*command, "version"], capture_output=True, text=True, check=False, timeout=30)
        if probe.returncode == 0:
            return command
    return None


def check_with_docker_compose(command: list[str], tmp_path) -> None:
    clean = {key: value for key, value in os.environ.items() if key not in required_variables()}
    run = [*command, "--project-directory", str(tmp_path), "-f", str(ROOT / "compose.yaml"), "config", "--quiet"]

    missing = subprocess.run(run, capture_output=True, text=True, env=clean, check=False, timeout=60)
    complete = subprocess.run(
        run,
        capture_output=True,
        text=True,
        env=clean | dict.fromkeys(required_variables(), "x" * 40),
        check=False,
        timeout=60,
    )

    assert missing.returncode != 0 and "must be set" in missing.stderr
    assert complete.returncode == 0, complete.stderr
