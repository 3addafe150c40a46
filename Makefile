# tamas — the two commands a newcomer needs:
#   make demo   install dependencies, build (Release), start the demo server
#   make test   install dependencies, build with tests, run the whole suite
# Everything else here is a step of those two.

JOBS      ?= $(shell nproc)
CMAKE_GEN := -G Ninja
BUILD     := build
STRATEGY  ?= examples/automotive/strategy.yaml
FUZZ_SECONDS ?= 30

# Let ccache share results between clones at different paths (CI builds a
# fresh clone each time).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: demo test deps web build-release build-test build-asan build-fuzz \
        test-unit test-sanitize test-fuzz bench format clean

deps:
	@bash scripts/setup.sh

web: deps
	@bash scripts/build-web.sh

build-release: deps
	@cmake -S . -B $(BUILD)/release $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release \
	  -DTAMAS_TESTS=OFF -DTAMAS_BENCH=OFF >/dev/null
	@cmake --build $(BUILD)/release -j $(JOBS) --target tamas

demo: build-release web
	@bash scripts/demo.sh $(BUILD)/release/tamas $(STRATEGY)

build-test: deps
	@cmake -S . -B $(BUILD)/test $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD)/test -j $(JOBS)

build-asan: deps
	@cmake -S . -B $(BUILD)/asan $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DTAMAS_SANITIZE=ON \
	  -DTAMAS_BENCH=OFF -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" >/dev/null
	@cmake --build $(BUILD)/asan -j $(JOBS)

build-fuzz: deps
	@cmake -S . -B $(BUILD)/fuzz $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTAMAS_FUZZ=ON \
	  -DCMAKE_CXX_COMPILER=clang++ -DTAMAS_TESTS=OFF -DTAMAS_BENCH=OFF >/dev/null
	@cmake --build $(BUILD)/fuzz -j $(JOBS) --target fuzzers

test-unit: build-test web
	@cd $(BUILD)/test && ctest -j $(JOBS) --output-on-failure --timeout 600

test-sanitize: build-asan web
	@cd $(BUILD)/asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest -j $(JOBS) --output-on-failure --timeout 900 -LE no-sanitize

test-fuzz: build-fuzz
	@bash scripts/run-fuzzers.sh $(BUILD)/fuzz $(FUZZ_SECONDS)

test: test-unit test-sanitize test-fuzz

bench: deps
	@cmake -S . -B $(BUILD)/bench $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DTAMAS_TESTS=OFF >/dev/null
	@cmake --build $(BUILD)/bench -j $(JOBS)

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
