// The simulator's random source: xoshiro256++ seeded through splitmix64
// (Blackman & Vigna), small, fast and reproducible on every platform, unlike
// the std distributions whose output is implementation-defined. One Rng per
// random stream; streams are derived from (seed, stream number) so that two
// runs with the same seed draw the same numbers for the same purpose
// (common random numbers).
#pragma once

#include <cmath>
#include <cstdint>

namespace tamas::services::sim {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 1, std::uint64_t stream = 0) {
    std::uint64_t x = seed ^ (0x9e3779b97f4a7c15ULL * (stream + 1));
    for (auto& s : s_) s = splitmix(x);
  }

  std::uint64_t next() {
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

  // Uniform on (0, 1]: never 0, so log() is finite.
  double uniform() { return (static_cast<double>(next() >> 11) + 1.0) * 0x1.0p-53; }

  // Exponential with the given mean.
  double exponential(double mean) { return -mean * std::log(uniform()); }

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
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint64_t s_[4];
};

}  // namespace tamas::services::sim
