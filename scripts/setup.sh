#!/usr/bin/env bash
# Installs every Debian package tamas needs to build, test and run the demo.
# Idempotent; prints nothing when everything is already there.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config clang libclang-rt-14-dev
  # libraries
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libyaml-cpp-dev libsqlite3-dev libicu-dev
  libargon2-dev libsodium-dev libcli11-dev
  libglpk-dev
  # webhooks over https (Boost.Beast + OpenSSL); the openssl CLI makes test certificates
  libssl-dev openssl
  # voice: SIP/RTP stack, prompts, and the real peers the tests call with
  libre-dev librem-dev libsndfile1-dev espeak-ng sox sip-tester baresip-core tcpdump
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # benchmark peers: HTTP load (bench/api), the SimPy baseline (bench/sim)
  wrk python3-simpy3
  # browser tests of the web front end
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
