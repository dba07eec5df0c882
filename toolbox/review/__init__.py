"""Keeping the toolbox current ("borging"): recording reviews, the list of what is due, the reminders.

``recording`` writes a review (a click on "Still correct", or a publication); ``worklist`` selects
what is due for the report and the mails; ``reminders`` mails owners and moderators.
"""
