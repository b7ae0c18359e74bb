"""Files uploaded to the import screen, kept between its two steps.

The screen reads the files, shows what it found, and creates drafts only when the person
has checked it. The texts wait here, server-side, in one row owned by the uploader and
found by a random token, so the "Create drafts" step posts only the corrections (a batch
of large files never round-trips through form fields and Django's request size limits).
A batch is deleted once its drafts are created; ones left behind expire.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Long enough to check a batch over lunch; short enough that abandoned texts do not linger.
BATCH_LIFETIME = datetime.timedelta(days=1)


def new_batch_token():
    return secrets.token_urlsafe(32)


class ImportBatch(models.Model):
    token = models.CharField(max_length=64, unique=True, default=new_batch_token, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # [{"name": "release.txt", "text": "…"}], in the order the review screen shows them.
    files = models.JSONField(default=list)

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self):
        return self.token

    @classmethod
    def expired(cls, now=None):
        return cls.objects.filter(created_at__lt=(now or timezone.now()) - BATCH_LIFETIME)

    @classmethod
    def start(cls, user, files):
        """A new batch of `files` ([(name, text)]) for `user`; expired batches go first."""
        cls.expired().delete()
        return cls.objects.create(
            user=user, files=[{"name": name, "text": text} for name, text in files]
        )

    @classmethod
    def owned_by(cls, user, token):
        """The user's unexpired batch with this token, or None."""
        if not token:
            return None
        return (
            cls.objects.filter(user=user, token=token)
            .exclude(pk__in=cls.expired().values("pk"))
            .first()
        )
