"""Path converters that refuse what no row can match, before it reaches the database.

PostgreSQL rejects NUL bytes in text and integers past bigint with an error (a 500); a
narrow pattern turns such addresses into a plain 404 instead.
"""


class UsernameConverter:
    # Anything but a slash or a NUL: importers may create usernames Django's own form
    # would not, and every stored username must still have a working profile address.
    regex = "[^/\x00]{1,150}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class IdConverter:
    # Up to 18 digits always fits a 64-bit signed integer.
    regex = r"[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
