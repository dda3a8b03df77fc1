"""The Beta distribution's cumulative probability and its inverse, for the evidence band.

Two functions are all the belief model needs, so they are written here rather than pulling in
SciPy (tens of megabytes) for them. The regularised incomplete beta function is evaluated with
its continued fraction (modified Lentz's method, as in Numerical Recipes, section 6.4); the
quantile is found by bisection, which cannot fail to converge on a monotone function.
"""

from __future__ import annotations

import math

_TINY = 1e-300
_PRECISION = 1e-12
_MAX_TERMS = 500
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
    """The x with P(X ≤ x) = probability for X ~ Beta(a, b)."""
    if not 0.0 <= probability <= 1.0:
        raise ValueError("probability must be from 0 to 1")
    low, high = 0.0, 1.0
    while high - low > QUANTILE_PRECISION:
        middle = (low + high) / 2
        if cdf(middle, a, b) < probability:
            low = middle
        else:
            high = middle
    return (low + high) / 2
