"""Deadlines on the Swedish calendar (rules D1–D7): the D family.

- :mod:`~iop_model.deadlines.calendar`: lagen (1930:173) by analogy, working days, notice
  periods and terminations (D1–D5);
- :mod:`~iop_model.deadlines.reporting`: reporting duties and follow-up reports (D6, D7).
"""
