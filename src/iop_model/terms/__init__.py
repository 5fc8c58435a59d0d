"""Terms and agreements (rules T1–T16): the T family.

- :mod:`~iop_model.terms.term`: days, terms and lengths (T1–T7) and the checks an agreement's
  decisions must pass (T8–T16);
- :mod:`~iop_model.terms.agreement`: agreements, extensions, terminations and partnerships,
  which chain those checks.
"""
