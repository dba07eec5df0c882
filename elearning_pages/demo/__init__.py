"""Demo content of the e-learning: its texts (``course_text``) and, in ``../demo_videos``, its videos."""
