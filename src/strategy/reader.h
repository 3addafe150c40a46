// The strict YAML reading layer under the strategy loader: typed access to
// yaml-cpp nodes that records a Diagnostic (with the node's line/column) for
// every problem instead of throwing. Internal to strategy/.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/time.h"
#include "strategy/loader.h"
#include "strategy/model.h"

namespace tamas::strategy::detail {

// Collects diagnostics for one file.
class Sink {
 public:
  explicit Sink(std::string file) : file_(std::move(file)) {}
  void error(const YAML::Mark& m, std::string message);
  void error(const YAML::Node& at, std::string message) { error(at.Mark(), std::move(message)); }
  std::vector<Diagnostic>& diagnostics() { return diags_; }
  bool empty() const { return diags_.empty(); }

 private:
  std::string file_;
  std::vector<Diagnostic> diags_;
};

// "a sequence", "a mapping", "a string", "nothing".
const char* describe(const YAML::Node& n);
// The closest candidate within a small edit distance, or "".
std::string closest(std::string_view word, const std::vector<std::string>& candidates);
// "; did you mean 'x'?" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// A YAML mapping read with a fixed set of allowed keys. Construction reports
// a non-mapping node, unknown keys (with a suggestion) and duplicate keys.
class Map {
 public:
  Map(Sink& sink, const YAML::Node& node, std::string what,
      std::initializer_list<const char*> allowed);
  bool ok() const { return ok_; }
  const YAML::Node& node() const { return node_; }
  const std::string& what() const { return what_; }
  // The value of `key`, or an undefined node when absent.
  YAML::Node get(std::string_view key) const;
  bool has(std::string_view key) const { return get(key).IsDefined(); }
  // Like get(), but reports "missing key" when absent.
  YAML::Node need(std::string_view key) const;
  // The key node itself (for marks), or an undefined node.
  YAML::Node key_node(std::string_view key) const;

 private:
  Sink& sink_;
  YAML::Node node_;
  std::string what_;
  bool ok_ = false;
  std::vector<std::pair<YAML::Node, YAML::Node>> entries_;
};

// Scalar readers: each returns nullopt after reporting a problem.
std::optional<std::string> read_string(Sink& s, const YAML::Node& n, std::string_view what);
std::optional<std::string> read_id(Sink& s, const YAML::Node& n, std::string_view what);
std::optional<bool> read_bool(Sink& s, const YAML::Node& n, std::string_view what);
std::optional<int> read_int(Sink& s, const YAML::Node& n, std::string_view what, int lo, int hi);
std::optional<Duration> read_duration(Sink& s, const YAML::Node& n, std::string_view what);
std::optional<Text> read_text(Sink& s, const YAML::Node& n, std::string_view what);
// A scalar or a sequence of scalars.
std::optional<std::vector<std::string>> read_list(Sink& s, const YAML::Node& n,
                                                  std::string_view what);
// A sequence (reports otherwise); empty when absent/invalid.
std::vector<YAML::Node> read_seq(Sink& s, const YAML::Node& n, std::string_view what);

// One of `names`; returns its position.
std::optional<int> read_choice(Sink& s, const YAML::Node& n, std::string_view what,
                               const std::vector<std::string>& names);

// Tracks the ids of one kind: reports duplicates and resolves references.
class IdTable {
 public:
  IdTable(Sink& sink, std::string kind) : sink_(sink), kind_(std::move(kind)) {}
  // Registers `id` defined at `at`; returns its index or -1 if duplicate.
  int define(const std::string& id, const YAML::Node& at);
  // Index of `id`, reporting "unknown <kind> 'id'<context>" when absent.
  int resolve(const std::string& id, const YAML::Node& at, std::string_view context = {});
  bool contains(const std::string& id) const { return index_.count(id) > 0; }
  const std::unordered_map<std::string, int>& map() const { return index_; }
  const std::string& kind() const { return kind_; }
  // The node that defined index `i` (for later diagnostics).
  const YAML::Node& node_of(int i) const { return nodes_[std::size_t(i)]; }

 private:
  Sink& sink_;
  std::string kind_;
  std::unordered_map<std::string, int> index_;
  std::unordered_map<std::string, int> lines_;
  std::vector<std::string> names_;
  std::vector<YAML::Node> nodes_;
};

}  // namespace tamas::strategy::detail
