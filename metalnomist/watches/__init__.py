"""Watches: saved searches and facts filters, matched once per new post, sent on by email and webhook."""
