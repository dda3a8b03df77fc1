"""The Beta distribution's cumulative probability and its inverse, for the evidence band.

Two functions are all the belief model needs, so they are written here rather than pulling in
SciPy (tens of megabytes) for them. The regularised incomplete beta function is evaluated with
its continued fraction (modified Lentz's method, as in Numerical Recipes, section 6.4); the
quantile by Newton's method kept inside an interval known to hold it, halving the interval
whenever a step would leave it — so, like plain bisection, it cannot fail to converge on a
monotone function, in a fraction of bisection's passes.
"""

from __future__ import annotations

import itertools
import math

_TINY = 1e-300
_PRECISION = 1e-12
_MAX_TERMS = 500
_NEWTON_STEPS = 20  # then only halving, however the density behaves
# A hundredth of a percent: finer than the whole percentages and chart pixels it is shown as,
# and each halving of it costs another pass over the continued fraction.
QUANTILE_PRECISION = 1e-4


def _continued_fraction(a: float, b: float, x: float) -> float:
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, _MAX_TERMS + 1):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            step = c * d
            result *= step
        if abs(step - 1.0) < _PRECISION:
            break
    return result


def cdf(x: float, a: float, b: float) -> float:
    """P(X ≤ x) for X ~ Beta(a, b), with a, b > 0."""
    if a <= 0 or b <= 0:
        raise ValueError("both shape parameters must be positive")
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    # The fraction converges fast on the side of the mean it is evaluated from.
    if x < (a + 1.0) / (a + b + 2.0):
        return min(1.0, front * _continued_fraction(a, b, x) / a)
    return max(0.0, 1.0 - front * _continued_fraction(b, a, 1.0 - x) / b)


def quantile(probability: float, a: float, b: float) -> float:
    """The x with P(X ≤ x) = probability for X ~ Beta(a, b), to within QUANTILE_PRECISION.

    Newton's steps, which need four to eight passes over the continued fraction where halving
    needs fourteen, kept inside the interval known to hold the answer: a step that would leave
    it, or a density too small or large to step by, halves the interval instead. Once a step
    is small, the next guess lands just past the answer, so the interval closes around it."""
    if not 0.0 <= probability <= 1.0:
        raise ValueError("probability must be from 0 to 1")
    if probability in (0.0, 1.0):
        return probability
    low, high = 0.0, 1.0
    log_scale = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    x = a / (a + b)  # the mean: inside, and near the middle quantiles
    for steps in itertools.count():  # past _NEWTON_STEPS, halving alone ends it
        gap = cdf(x, a, b) - probability
        if gap < 0:
            low = x
        else:
            high = x
        if high - low <= QUANTILE_PRECISION:
            break
        guess = (low + high) / 2
        try:
            density = math.exp(log_scale + (a - 1) * math.log(x) + (b - 1) * math.log1p(-x))
        except OverflowError:
            density = math.inf
        if steps < _NEWTON_STEPS and 0 < density < math.inf:
            step = gap / density
            if abs(step) < QUANTILE_PRECISION / 2:
                step += math.copysign(QUANTILE_PRECISION / 4, gap)  # just past the answer
            if low < x - step < high:
                guess = x - step
        x = guess
    return (low + high) / 2
