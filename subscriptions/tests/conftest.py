from subscriptions.tests.helpers import themes  # noqa: F401 - a fixture of these tests
