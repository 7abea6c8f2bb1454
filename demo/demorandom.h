#pragma once

#include <QtGlobal>

#include <cmath>

/// Small deterministic generator (splitmix64 seeding a xoshiro256**), so that a seed gives the
/// same dataset on every platform and Qt version; QRandomGenerator makes no such promise.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
    {
        for (auto &s : m_state)
            s = splitMix(seed);
    }

    static quint64 splitMix(quint64 &x)
    {
        quint64 z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    /// Stateless mix of two values, used to derive per-session and per-sample seeds.
    static quint64 mix(quint64 a, quint64 b)
    {
        quint64 x = a ^ (b * 0xD6E8FEB86659FD93ULL);
        return splitMix(x);
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// Uniform in [0, bound).
    quint64 below(quint64 bound) { return bound == 0 ? 0 : next() % bound; }
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(below(quint64(hi - lo + 1))); }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    /// Log-normal around a median, for durations and token counts with a long right tail.
    double logNormal(double median, double sigma)
    {
        const double u1 = std::max(unit(), 1e-12);
        const double u2 = unit();
        const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
        return median * std::exp(sigma * z);
    }
    template<typename List> const auto &pick(const List &list)
    {
        return list[qsizetype(below(quint64(list.size())))];
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_state[4];
};
