"""The toolbox in the admin: the review report and the "Still correct" button."""
