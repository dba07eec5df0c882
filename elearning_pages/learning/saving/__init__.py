"""Saving progress with an e-mail address: a sign-in link by mail, no password and no account."""
