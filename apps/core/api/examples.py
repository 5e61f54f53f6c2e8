"""Schema examples live with their apps, taken from the curated data and trimmed to what shows the shape."""


def in_english(value):
    """Adds the language-chosen fields a response carries by default: `name` and `description` in English."""
    if isinstance(value, list):
        return [in_english(item) for item in value]
    if not isinstance(value, dict):
        return value
    localized = {key: in_english(item) for key, item in value.items()}
    for field in ("name", "description"):
        if f"{field}_en" in localized:
            localized[field] = localized[f"{field}_en"]
    return localized
