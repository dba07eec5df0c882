"""Certificates: who finished a course (``eligibility``), the certificate with their name on it, and
its public check by code (``responders``)."""
