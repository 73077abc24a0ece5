"""Email digests of a watch's new posts, through the SMTP server the settings name."""

from __future__ import annotations

import smtplib
from collections.abc import Sequence
from email.message import EmailMessage

from metalnomist.config import Settings
from metalnomist.errors import DeliveryFailed
from metalnomist.models import Post, Watch
from metalnomist.watches.delivery import Sender

SMTP_TIMEOUT_SECONDS = 30


def digest(settings: Settings, watch: Watch, posts: Sequence[Post]) -> EmailMessage:
    base = settings.site_url.rstrip("/")
    message = EmailMessage()
    count = f"{len(posts)} new post{'s' if len(posts) != 1 else ''}"
    message["Subject"] = f"{settings.site_title}: {count} for {watch.title}"[:200]
    message["From"] = settings.smtp_from
    message["To"] = watch.email_to or ""
    lines = [f"{count} for your watch “{watch.title}”:", ""]
    lines += [f"- {p.title}\n  {base}{p.permalink}" for p in posts]
    lines += ["", f"Your watches: {base}/watch"]
    message.set_content("\n".join(lines))
    return message


def email_sender(settings: Settings) -> Sender:
    def send(watch: Watch, posts: Sequence[Post]) -> str:
        where = f"{settings.smtp_host}:{settings.smtp_port}"
        try:
            with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_SECONDS) as smtp:
                if settings.smtp_starttls:
                    smtp.starttls()
                if settings.smtp_user:
                    smtp.login(settings.smtp_user, settings.smtp_password)
                smtp.send_message(digest(settings, watch, posts))
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryFailed(f"the SMTP server {where} refused or failed: {exc}") from None
        return f"emailed {watch.email_to} through {where}"

    return send
