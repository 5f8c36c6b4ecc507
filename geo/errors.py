"""Errors that geojourney reports to its user as one clear line."""

from __future__ import annotations


class GeojourneyError(Exception):
    """A problem with the user's input or environment, reported without a traceback.

    The command line prints ``geojourney: <message>`` on standard error and exits
    with status 2.
    """


class InputError(GeojourneyError):
    """The article, an option or a named file cannot be used."""


class DataError(GeojourneyError):
    """A data layer (rail, gazetteer) cannot be read or downloaded."""
