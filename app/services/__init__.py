"""Use cases and validation: the only code that changes data.

Every public function takes a ``Database`` and plain values, runs in one
transaction, and returns plain values (dataclasses), never live ORM objects.
"""
