"""What the admin reports of several apps share: the moderators-only guard and the SVG bar chart."""
