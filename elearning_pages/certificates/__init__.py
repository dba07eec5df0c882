"""Certificates: the certificate with their name on it for a learner who finished a course (as
``learning.progress`` defines finished), and its public check by code (``responders``)."""
