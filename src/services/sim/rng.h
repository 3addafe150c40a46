// The simulator's random source: xoshiro256++ seeded through splitmix64
// (Blackman & Vigna), small, fast and reproducible on every platform, unlike
// the std distributions whose output is implementation-defined. One Rng per
// random stream; streams are derived from (seed, stream number) so that two
// runs with the same seed draw the same numbers for the same purpose
// (common random numbers).
//
// Draws come from a block of kBlock raw outputs generated ahead, together
// with the fast_log of each one's uniform: the logs of a block are
// independent, so the CPU computes them side by side instead of waiting on
// one polynomial chain per draw (the simulator's hottest arithmetic). Every
// draw takes the next output of the block in order, so the sequence of
// numbers, and each value bit for bit, is the same as drawing one at a time.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tamas::services::sim {

class Rng {
 public:
  static constexpr int kBlock = 8;

  explicit Rng(std::uint64_t seed = 1, std::uint64_t stream = 0) {
    std::uint64_t x = seed ^ (0x9e3779b97f4a7c15ULL * (stream + 1));
    for (auto& s : s_) s = splitmix(x);
  }

  // The next raw 64-bit output of xoshiro256++.
  std::uint64_t next() { return raw_[take()]; }

  // Uniform on (0, 1]: never 0, so log() is finite.
  double uniform() { return to_uniform(next()); }

  // Exponential with the given mean (inverse transform with fast_log):
  // -mean * fast_log(uniform()), with the log computed ahead.
  double exponential(double mean) { return mean * neg_log_[take()]; }

  // Natural log of x in (0, 1] to within 1e-12 relative (checked against
  // std::log in the tests): exponent from the bits, mantissa folded to
  // [sqrt(1/2), sqrt(2)) and an atanh series. About three times cheaper than
  // libm's log, which matters at two or three logs per simulated contact.
  // Branch-free (the exponent is made a double exactly by placing it in the
  // mantissa of 2^52), so that Rng's block of logs vectorises; the result
  // is the same as folding with a branch and converting an int.
  static double fast_log(double x) {
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    const std::uint64_t exp_bits = ((bits >> 52) & 0x7ff) | 0x4330000000000000ULL;  // 2^52 + exp
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;  // mantissa in [1, 2)
    double m, exp_biased;
    std::memcpy(&m, &bits, sizeof m);
    std::memcpy(&exp_biased, &exp_bits, sizeof exp_biased);
    const bool fold = m > 1.4142135623730951;
    m = fold ? m * 0.5 : m;
    const double e = (exp_biased - 4503599627370496.0) - 1023.0 + (fold ? 1.0 : 0.0);
    const double t = (m - 1.0) / (m + 1.0), t2 = t * t;
    const double series =
        1.0 +
        t2 * (1.0 / 3 +
              t2 * (1.0 / 5 +
                    t2 * (1.0 / 7 +
                          t2 * (1.0 / 9 + t2 * (1.0 / 11 + t2 * (1.0 / 13 + t2 * (1.0 / 15)))))));
    return 2.0 * t * series + e * 0.6931471805599453;
  }

  // Standard normal (Box-Muller, one of the pair).
  double normal() {
    constexpr double kTwoPi = 6.283185307179586;
    return std::sqrt(-2.0 * std::log(uniform())) * std::cos(kTwoPi * uniform());
  }

  // Lognormal with the given mean and coefficient of variation (sd / mean).
  double lognormal(double mean, double cv) {
    const double s2 = std::log1p(cv * cv);
    return mean * std::exp(std::sqrt(s2) * normal() - 0.5 * s2);
  }

 private:
  static double to_uniform(std::uint64_t x) {
    return (static_cast<double>(x >> 11) + 1.0) * 0x1.0p-53;
  }
  std::uint64_t generate() {
    const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Index of the next output in the block, refilling it when used up.
  int take() {
    if (used_ == kBlock) refill();
    return used_++;
  }
  void refill() {
    for (auto& r : raw_) r = generate();
#if defined(__SSE2__)
    for (int i = 0; i < kBlock; i += 2) neg_log_pair(&raw_[i], &neg_log_[i]);
#else
    for (int i = 0; i < kBlock; ++i) neg_log_[i] = -fast_log(to_uniform(raw_[i]));
#endif
    used_ = 0;
  }
#if defined(__SSE2__)
  // -fast_log(to_uniform(raw)) for two outputs at once: the same IEEE
  // operations in the same order, lane by lane, so the same bits (checked
  // against the scalar form in the tests). Integers become doubles exactly
  // by placing them in the mantissa of 2^52.
  static void neg_log_pair(const std::uint64_t* raw, double* out) {
    const __m128d two52 = _mm_set1_pd(4503599627370496.0);
    const __m128i magic = _mm_set1_epi64x(0x4330000000000000LL);
    const __m128i x = _mm_srli_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(raw)), 11);
    // x < 2^53: x = hi * 2^32 + lo, each half exact, and so is their sum.
    const __m128d lo = _mm_sub_pd(
        _mm_castsi128_pd(_mm_or_si128(_mm_and_si128(x, _mm_set1_epi64x(0xffffffffLL)), magic)),
        two52);
    const __m128d hi =
        _mm_sub_pd(_mm_castsi128_pd(_mm_or_si128(_mm_srli_epi64(x, 32), magic)), two52);
    const __m128d v = _mm_add_pd(_mm_mul_pd(hi, _mm_set1_pd(4294967296.0)), lo);
    const __m128d u = _mm_mul_pd(_mm_add_pd(v, _mm_set1_pd(1.0)), _mm_set1_pd(0x1.0p-53));
    // fast_log(u).
    const __m128i bits = _mm_castpd_si128(u);
    const __m128d exp_biased =
        _mm_sub_pd(_mm_castsi128_pd(_mm_or_si128(
                       _mm_and_si128(_mm_srli_epi64(bits, 52), _mm_set1_epi64x(0x7ff)), magic)),
                   two52);
    __m128d m =
        _mm_castsi128_pd(_mm_or_si128(_mm_and_si128(bits, _mm_set1_epi64x(0x000fffffffffffffLL)),
                                      _mm_set1_epi64x(0x3ff0000000000000LL)));
    const __m128d fold = _mm_cmpgt_pd(m, _mm_set1_pd(1.4142135623730951));
    m = _mm_or_pd(_mm_and_pd(fold, _mm_mul_pd(m, _mm_set1_pd(0.5))), _mm_andnot_pd(fold, m));
    const __m128d e =
        _mm_add_pd(_mm_sub_pd(exp_biased, _mm_set1_pd(1023.0)), _mm_and_pd(fold, _mm_set1_pd(1.0)));
    const __m128d one = _mm_set1_pd(1.0);
    const __m128d t = _mm_div_pd(_mm_sub_pd(m, one), _mm_add_pd(m, one));
    const __m128d t2 = _mm_mul_pd(t, t);
    __m128d series = _mm_set1_pd(1.0 / 15);
    for (const double c : {1.0 / 13, 1.0 / 11, 1.0 / 9, 1.0 / 7, 1.0 / 5, 1.0 / 3, 1.0})
      series = _mm_add_pd(_mm_set1_pd(c), _mm_mul_pd(t2, series));
    const __m128d log = _mm_add_pd(_mm_mul_pd(_mm_mul_pd(_mm_set1_pd(2.0), t), series),
                                   _mm_mul_pd(e, _mm_set1_pd(0.6931471805599453)));
    _mm_storeu_pd(out, _mm_xor_pd(log, _mm_set1_pd(-0.0)));
  }
#endif
  static std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
  }
  static std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint64_t s_[4];
  std::uint64_t raw_[kBlock]{};
  double neg_log_[kBlock]{};
  int used_ = kBlock;  // outputs of the block already drawn
};

}  // namespace tamas::services::sim
