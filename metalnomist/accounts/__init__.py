"""Accounts for the people who write: users, passwords, sign-in limits and API tokens."""
