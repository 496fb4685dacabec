# SPDX-License-Identifier: Apache-2.0
# Sourced by the benchmarks on real news (bench/real.sh, bench/mpi.sh) with their arguments:
# how many copies of the articles, where the articles, the build and Python are.
copies=${1:-100}
src=${BENCH_REAL_SRC:-../shared/eval/dev2/articles}
build=${KG_BUILD_DIR:-build}
repeat=${BENCH_REPEAT:-3}
py=/usr/bin/python3
[[ -x $py ]] || py=python3
