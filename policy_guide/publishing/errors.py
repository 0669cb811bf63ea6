"""The one kind of error publishing reports."""


class PublishError(Exception):
    """Publishing cannot go ahead; the message says why and what to do."""
