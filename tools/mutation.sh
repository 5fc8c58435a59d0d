#!/usr/bin/env bash
# Mutation testing of the rule modules (term, goals, agreement, targets, activities) with
# mutmut 3 (settings: [tool.mutmut] in pyproject.toml). Prints the score per module, less
# the equivalent mutants in tools/equivalent-mutants.toml, and exits 1 below 90 %.
#
#   tools/mutation.sh                 # everything (about 75 minutes on two cores)
#   tools/mutation.sh 'iop_model.term*'   # one module; mutmut keeps earlier results
#   JOBS=1 tools/mutation.sh          # fewer parallel children
#
# Start afresh after changing the tests with `rm -rf mutants`. Not run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]' 'mutmut==3.8.1'
.venv/bin/mutmut run --max-children "${JOBS:-$(nproc)}" "$@" > mutants.log 2>&1 || {
  tail -c 2000 mutants.log; exit 1; }
.venv/bin/mutmut results --all true > mutants/results.txt
.venv/bin/python tools/mutation_score.py mutants/results.txt
