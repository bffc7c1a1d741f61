"""factory_boy factories for tests and benchmarks."""

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from landnetz.accounts.models import User
from landnetz.core.queries import privacy_statement_version

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    display_name = factory.Faker("name", locale="de_DE")
    preferred_language = "de"
    privacy_consent_at = factory.LazyFunction(timezone.now)
    # Agreed to the statement as it is now (else ConsentMiddleware asks first).
    privacy_consent_version = factory.LazyFunction(lambda: privacy_statement_version())

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
