"""Time: Arabic temporal expressions normalised against the publication date."""
