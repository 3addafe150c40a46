// Every file under tests/strategy/malformed/ must produce exactly the
// diagnostics recorded next to it in NN_name.expected (FILE is the basename).
// A .yaml without its .expected, or the reverse, fails the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "strategy/loader.h"

namespace tamas::strategy {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path malformed_dir() {
  return fs::path(TAMAS_SOURCE_DIR) / "tests/strategy/malformed";
}

std::vector<fs::path> files_with(const std::string& ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(malformed_dir()))
    if (e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(MalformedStrategies, AtLeastFortyCasesAreRecorded) {
  EXPECT_GE(files_with(".yaml").size(), 40u);
}

TEST(MalformedStrategies, EachExpectedFileHasItsYaml) {
  for (const auto& e : files_with(".expected")) {
    fs::path yaml = e;
    yaml.replace_extension(".yaml");
    EXPECT_TRUE(fs::exists(yaml)) << e.filename() << " has no .yaml";
  }
}

TEST(MalformedStrategies, EachFileProducesExactlyTheRecordedErrors) {
  for (const auto& yaml : files_with(".yaml")) {
    SCOPED_TRACE(yaml.filename().string());
    fs::path expected_path = yaml;
    expected_path.replace_extension(".expected");
    ASSERT_TRUE(fs::exists(expected_path))
        << "record the expected errors in " << expected_path.filename();
    const LoadResult r = load_strategy_text(slurp(yaml), yaml.filename().string());
    EXPECT_FALSE(r.ok());
    std::string actual;
    for (const auto& d : r.errors) actual += format(d) + "\n";
    EXPECT_EQ(actual, slurp(expected_path));
  }
}

}  // namespace
}  // namespace tamas::strategy
