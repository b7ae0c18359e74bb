"""The one error the importer shows to the person uploading a press release."""


class ReleaseImportError(Exception):
    """A problem with an uploaded release, worded for a communication team member.

    The message is a (lazily) translated sentence, e.g. ``_("The file is empty.")``;
    ``str(error)`` gives it in the active language.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)
