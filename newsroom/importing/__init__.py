"""Turning raw press release files into structured drafts."""
