import socket

from aiosmtpd.controller import Controller
from django.core import mail
from django.utils import timezone

from kollega.content import actions as content
from kollega.notifications import actions, emails
from kollega.notifications.models import EmailPreference, Notification


def test_each_one_emails_are_sent_after_commit(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        content.create_item(org.bob, org.bob.board, kind="status", body="Hi @alice")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert "You were mentioned" in message.subject
    html = message.alternatives[0][0]
    assert "/items/" in message.body and "/items/" in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Notification.objects.get(recipient=org.alice).emailed_at is not None


def test_digest_kinds_wait_for_the_digest(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        content.like_item(org.bob, org.open_item)  # likes default to the weekly digest
    assert mail.outbox == []
    assert emails.send_digests("daily") == 0
    assert emails.send_digests("weekly") == 1
    assert "weekly digest" in mail.outbox[0].subject
    assert "Kubernetes upgrade plan" in mail.outbox[0].body
    assert emails.send_digests("weekly") == 0, "each notification is sent once"


def test_none_means_no_email(org, django_capture_on_commit_callbacks):
    actions.set_email_preference(org.alice, "mentions", "mine", "none")
    with django_capture_on_commit_callbacks(execute=True):
        content.create_item(org.bob, org.bob.board, kind="status", body="Hi @alice")
    assert mail.outbox == []


def test_digests_never_mention_items_that_became_unreadable(org):
    actions.set_email_preference(org.bob, "replies", "mine", "daily")
    content.reply_to_item(org.alice, org.secret_item, "a secret reply")
    org.secret_item.removed_at = timezone.now()
    org.secret_item.save()
    assert emails.send_digests("daily") == 0
    assert mail.outbox == []


def test_the_unsubscribe_link_turns_that_kind_off_in_one_click(client, org):
    token = emails.unsubscribe_token(org.alice.pk, "mentions", "mine")
    response = client.get(f"/unsubscribe/{token}/")
    assert response.status_code == 200
    pref = EmailPreference.objects.get(person=org.alice, kind="mentions", scope="mine")
    assert pref.frequency == "none"
    assert client.post(f"/unsubscribe/{token}/").status_code == 200


def test_a_forged_unsubscribe_link_is_refused(client, org):
    assert client.get("/unsubscribe/not-a-token/").status_code == 400
    assert not EmailPreference.objects.exists()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def test_emails_reach_a_real_smtp_server(org, settings, django_capture_on_commit_callbacks):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
        with django_capture_on_commit_callbacks(execute=True):
            content.create_item(org.bob, org.bob.board, kind="status", body="Hi @alice")
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    envelope = inbox.messages[0]
    assert envelope.rcpt_tos == ["alice@example.com"]
    assert b"multipart/alternative" in envelope.content


def test_the_email_settings_page_saves_choices(client, org):
    client.force_login(org.alice.user)
    page = client.get("/notifications/email/")
    assert page.status_code == 200
    response = client.post("/notifications/email/", {"likes:mine": "daily"})
    assert response.status_code == 302
    assert EmailPreference.objects.get(person=org.alice, kind="likes").frequency == "daily"
    response = client.post("/notifications/email/", {"likes:mine": "hourly"})
    assert response.status_code == 400
