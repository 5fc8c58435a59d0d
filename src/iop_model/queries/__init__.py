"""Questions asked of a case as known on a day (:meth:`iop_model.case.Case.as_known_on`),
as of a day: the actions due, the report's data, and a whole portfolio's overview.

Each takes the projected case and the as-of day, and never filters by knowledge itself.
"""
