"""Builders for test rows that the five real reports do not provide."""

from django.contrib.auth import get_user_model

from commitments.models import Region, RegionGrant


def make_staff(username: str, *regions: Region, password: str = "correct horse battery staple"):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(username=username, password=password, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="commitments"))
    for region in regions:
        RegionGrant.objects.create(user=user, region=region)
    return user


def region(name: str) -> Region:
    return Region.objects.get(name=name)
