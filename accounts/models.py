"""Single-use backup codes, a django-otp device: each code carries 100 bits of entropy and is stored hashed."""

import base64
import hashlib
import hmac
import secrets

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin

CODE_COUNT = 10
CODE_BYTES = 13  # 104 random bits, written as 21 base-32 characters


def _digest(salt: str, code: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def normalise(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").upper()


class BackupCodeDevice(ThrottlingMixin, Device):
    """A set of single-use codes for when the phone is lost; only their salted hashes are kept.

    A fast salted hash is enough for secrets this long (brute force is out of reach); the
    device's throttling slows down repeated wrong tries.
    """

    class Meta:
        verbose_name = _("backup codes")
        verbose_name_plural = _("backup codes")

    def generate(self) -> list[str]:
        """Replace the codes; returns the new ones, to show once."""
        codes = []
        with transaction.atomic():
            self.codes.all().delete()
            for _n in range(CODE_COUNT):
                raw = secrets.token_bytes(CODE_BYTES)
                code = base64.b32encode(raw).decode().rstrip("=")
                salt = secrets.token_hex(8)
                BackupCode.objects.create(device=self, salt=salt, digest=_digest(salt, code))
                codes.append("-".join(code[i : i + 7] for i in range(0, len(code), 7)))
        return codes

    def remaining(self) -> int:
        return self.codes.filter(used_at__isnull=True).count()

    def get_throttle_factor(self):
        return 1

    def verify_token(self, token) -> bool:
        allowed, _data = self.verify_is_allowed()
        if not allowed:
            return False
        code = normalise(token)
        with transaction.atomic():
            for candidate in self.codes.select_for_update().filter(used_at__isnull=True):
                if hmac.compare_digest(candidate.digest, _digest(candidate.salt, code)):
                    candidate.used_at = timezone.now()
                    candidate.save(update_fields=["used_at"])
                    self.throttle_reset()
                    return True
        self.throttle_increment()
        return False


class BackupCode(models.Model):
    device = models.ForeignKey(BackupCodeDevice, on_delete=models.CASCADE, related_name="codes")
    salt = models.CharField(max_length=16)
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("backup code")
        verbose_name_plural = _("backup codes")

    def __str__(self) -> str:
        return f"{self.device} — {'used' if self.used_at else 'unused'}"
