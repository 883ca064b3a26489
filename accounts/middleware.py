"""The back office needs a verified second factor; sessions end after inactivity and after a maximum length."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

#: Back-office addresses open before the second factor: signing in and out, setting it up.
OPEN_BEFORE_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",  # the icons the pages above fetch
    "two_factor",
    "two_factor_verify",
}
ADMIN_PREFIX = "/admin/"


class SecondFactorRequiredMiddleware:
    """Without a verified device (authenticator app or backup code) no admin page is reachable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path_info.startswith(ADMIN_PREFIX)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
        ):
            try:
                name = resolve(request.path_info).url_name
            except Resolver404:
                name = None
            if name not in OPEN_BEFORE_SECOND_FACTOR:
                from django_otp import devices_for_user

                target = "two_factor_verify" if any(devices_for_user(user, confirmed=True)) else "two_factor"
                return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class SessionTimeoutMiddleware:
    """Ends a session idle for ``SESSION_IDLE_SECONDS`` or older than ``SESSION_ABSOLUTE_SECONDS``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            now = int(time.time())
            started = session.get("_started_at")
            last_seen = session.get("_last_seen_at", started)
            if started is None:
                session["_started_at"] = session["_last_seen_at"] = now
            elif now - last_seen > settings.SESSION_IDLE_SECONDS or now - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)  # flushes the session: staff and applicants alike sign in again
                if request.path_info.startswith(ADMIN_PREFIX):
                    return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.get_full_path()})}")
            elif now - last_seen > 60:
                session["_last_seen_at"] = now
        return self.get_response(request)


class AdminLanguageCookieMiddleware:
    """Remembers a signed-in staff member's admin language in the language cookie.

    The sign-in page knows nobody: it speaks the browser's language, or the language cookie's.
    With the cookie set from the staff member's own choice (Account → Preferences), the sign-in
    page after a sign-out or an expired session speaks their language, whatever the browser's.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if not request.path_info.startswith(ADMIN_PREFIX) or user is None or not user.is_authenticated:
            return response
        from wagtail.users.models import UserProfile

        language = UserProfile.get_for_user(user).preferred_language
        if (
            language
            and language in dict(settings.LANGUAGES)
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
