"""Helpers of the feed tests: posts through the services, groups as rows."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from landnetz.accounts.models import Profile
from landnetz.feed import services
from landnetz.groups.models import Group, GroupMembership
from landnetz.groups.permissions import forget_memberships
from tests.matrix_support import unique


def post(author, body="Neuigkeiten aus Stendal", *, language="de", **fields):
    return services.create_post(actor=author, body=body, body_language=language, **fields).obj


def region_post(author, region, body="Neuigkeiten aus der Region", **fields):
    return post(author, body, target="region", region=region, **fields)


def group(kind="open", *, admin, members=(), region=None, name=None) -> Group:
    created = Group.objects.create(name=name or unique("Gruppe "), slug=unique("gruppe-"), kind=kind, region=region)
    GroupMembership.objects.create(group=created, user=admin, role="admin", status="active")
    for member in members:
        GroupMembership.objects.create(group=created, user=member, role="member", status="active")
    forget_memberships(admin, *members)
    return created


def group_post(author, in_group, body="Aus der Gruppe", **fields):
    return post(author, body, target="group", group=in_group, **fields)


def visible_profile(user, visibility="members"):
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.visibility = visibility
    profile.save()
    return profile


def image_bytes(fmt="PNG", size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def picture(name="bild.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(), content_type="image/png")


def pdf(name="flyer.pdf", size=2000) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"0" * size + b"\n%%EOF\n", content_type="application/pdf")
